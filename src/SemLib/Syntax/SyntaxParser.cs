namespace SemLib.Syntax;

/// <summary>
/// Recursive-descent parser for lavaan model syntax. Errors are collected as diagnostics (line, column and
/// what was expected); after an error the parser skips to the next statement so that one run reports
/// every broken statement.
/// </summary>
internal sealed class SyntaxParser
{
    private readonly List<Token> _tokens;
    private readonly List<SyntaxDiagnostic> _diagnostics;
    private int _pos;

    private SyntaxParser(List<Token> tokens, List<SyntaxDiagnostic> diagnostics)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    public static List<ModelStatement> Parse(string text, List<SyntaxDiagnostic> diagnostics)
    {
        var tokens = SyntaxLexer.Tokenize(text, diagnostics);
        var parser = new SyntaxParser(tokens, diagnostics);
        return parser.ParseStatements();
    }

    private Token Current => _tokens[_pos];
    private Token Peek(int ahead = 1) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

    private Token Advance()
    {
        var t = _tokens[_pos];
        if (_pos < _tokens.Count - 1) _pos++;
        return t;
    }

    private sealed class ParseError : Exception;

    private ParseError Error(Token at, string message)
    {
        _diagnostics.Add(new SyntaxDiagnostic(at.Span, message));
        return new ParseError();
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind) throw Error(Current, $"Expected {what} but found {Current.Describe()}.");
        return Advance();
    }

    private bool AtStatementEnd => Current.Kind is TokenKind.Newline or TokenKind.End;

    private List<ModelStatement> ParseStatements()
    {
        var statements = new List<ModelStatement>();
        while (Current.Kind != TokenKind.End)
        {
            if (Current.Kind == TokenKind.Newline)
            {
                Advance();
                continue;
            }
            try
            {
                statements.AddRange(ParseStatement());
                if (!AtStatementEnd)
                    throw Error(Current, $"Expected the end of the statement but found {Current.Describe()}.");
            }
            catch (ParseError)
            {
                while (!AtStatementEnd) Advance();
            }
        }
        return statements;
    }

    private IEnumerable<ModelStatement> ParseStatement()
    {
        var start = Current;
        // Defined parameter: name := expression
        if (Current.Kind == TokenKind.Identifier && Peek().Kind == TokenKind.Define)
        {
            var name = Advance();
            Advance();
            if (AtStatementEnd) throw Error(Current, $"Expected an expression after ':=' but found {Current.Describe()}.");
            var expr = ParseExpression();
            return [new ModelStatement(ModelOperator.Defined, [name.Text], [], null, expr, name.Span)];
        }
        if (Current.Kind == TokenKind.Identifier && Peek().Kind == TokenKind.Colon)
            throw Error(Current, "Block headers such as 'group: 1' are not supported yet; give group-specific values with c(...) modifiers.");

        // Constraints: expression (== | < | >) expression. Detect by scanning the statement for the operator.
        var constraintOp = FindConstraintOperator();
        if (constraintOp is not null)
        {
            var left = ParseExpression();
            var opToken = Advance();
            if (AtStatementEnd) throw Error(Current, $"Expected an expression after '{opToken.Text}' but found {Current.Describe()}.");
            var right = ParseExpression();
            var op = opToken.Kind switch
            {
                TokenKind.Equal => ModelOperator.Equal,
                TokenKind.Less => ModelOperator.Less,
                _ => ModelOperator.Greater,
            };
            return [new ModelStatement(op, [], [], left, right, start.Span)];
        }

        var lhs = new List<(string Name, SourceSpan Span)>();
        if (Current.Kind != TokenKind.Identifier)
            throw Error(Current, $"Expected a variable name at the start of the statement but found {Current.Describe()}.");
        lhs.Add((Current.Text, Current.Span));
        Advance();
        while (Current.Kind == TokenKind.Plus)
        {
            Advance();
            var t = Expect(TokenKind.Identifier, "a variable name after '+' on the left-hand side");
            lhs.Add((t.Text, t.Span));
        }

        var opTok = Current;
        ModelOperator oper;
        switch (opTok.Kind)
        {
            case TokenKind.MeasuredBy: oper = ModelOperator.MeasuredBy; break;
            case TokenKind.Regression: oper = ModelOperator.Regression; break;
            case TokenKind.Covariance: oper = ModelOperator.Covariance; break;
            case TokenKind.Formative:
                throw Error(opTok, "Formative indicators ('<~') are not supported.");
            case TokenKind.Threshold:
                throw Error(opTok, "Thresholds ('|') are not supported by the continuous estimators.");
            case TokenKind.Define:
                throw Error(opTok, "A defined parameter (':=') needs a single name on its left-hand side.");
            default:
                throw Error(opTok, $"Expected an operator ('=~', '~', '~~', ':=', '==', '<' or '>') after '{lhs[^1].Name}' but found {opTok.Describe()}.");
        }
        Advance();
        if (oper == ModelOperator.MeasuredBy && lhs.Count > 1)
            throw Error(start, "Only one latent variable may stand on the left of '=~'.");
        if (AtStatementEnd)
            throw Error(Current, $"Expected a variable name after '{opTok.Text}' but found {Current.Describe()}.");

        var terms = new List<ModelTerm>();
        terms.Add(ParseTerm(oper, opTok));
        while (Current.Kind == TokenKind.Plus)
        {
            Advance();
            terms.Add(ParseTerm(oper, opTok));
        }

        var result = new List<ModelStatement>();
        var names = lhs.Select(l => l.Name).ToList();
        if (oper == ModelOperator.Regression)
        {
            var intercepts = terms.Where(t => t.Name == "1").ToList();
            var slopes = terms.Where(t => t.Name != "1").ToList();
            if (slopes.Count > 0) result.Add(new ModelStatement(oper, names, slopes, null, null, start.Span));
            foreach (var ic in intercepts)
                result.Add(new ModelStatement(ModelOperator.Intercept, names, [ic], null, null, start.Span));
        }
        else
        {
            var one = terms.FirstOrDefault(t => t.Name == "1");
            if (one is not null)
                throw Error(new Token(TokenKind.Number, "1", one.Span), $"An intercept ('1') can only appear on the right of '~', not '{opTok.Text}'.");
            result.Add(new ModelStatement(oper, names, terms, null, null, start.Span));
        }
        return result;
    }

    private Token? FindConstraintOperator()
    {
        int depth = 0;
        for (int i = _pos; i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            if (t.Kind is TokenKind.Newline or TokenKind.End) return null;
            if (t.Kind == TokenKind.LeftParen) depth++;
            if (t.Kind == TokenKind.RightParen) depth--;
            if (depth == 0 && t.Kind is TokenKind.Equal or TokenKind.Less or TokenKind.Greater) return t;
            if (t.Kind is TokenKind.MeasuredBy or TokenKind.Regression or TokenKind.Covariance or TokenKind.Define) return null;
        }
        return null;
    }

    private ModelTerm ParseTerm(ModelOperator oper, Token opTok)
    {
        var modifiers = TermModifiers.None;
        while (true)
        {
            // A term is: [modifier *]* name. Look ahead for '*' to decide whether what follows is a modifier.
            if (IsModifierStart() && FollowedByStar())
            {
                var m = ParseModifier();
                Expect(TokenKind.Star, "'*' after a modifier");
                modifiers = CombineModifiers(modifiers, m);
                continue;
            }
            break;
        }
        var tok = Current;
        if (tok.Kind == TokenKind.Number)
        {
            if (tok.Text == "1" || tok.Number == 1)
            {
                if (oper != ModelOperator.Regression)
                    throw Error(tok, $"An intercept ('1') can only appear on the right of '~', not '{opTok.Text}'.");
                Advance();
                return new ModelTerm("1", modifiers, tok.Span);
            }
            throw Error(tok, $"Expected a variable name but found {tok.Describe()}; a fixed value is written as value*variable, e.g. 0.5*x1.");
        }
        if (tok.Kind != TokenKind.Identifier)
            throw Error(tok, $"Expected a variable name after '{(Peek(-1).Kind == TokenKind.Star ? "*" : Peek(-1).Text)}' but found {tok.Describe()}.");
        if (tok.Text == "NA")
            throw Error(tok, "'NA' is a modifier and must be followed by '*' and a variable name, e.g. NA*x1.");
        if (Peek().Kind == TokenKind.LeftParen)
        {
            // A known modifier lands here when its parenthesis is not closed or no '*' follows it.
            string? example = tok.Text switch
            {
                "start" => "start(0.5)*x1",
                "label" => "label(\"a\")*x1",
                "equal" => "equal(\"a\")*x1",
                "c" => "c(a,b)*x1",
                _ => null,
            };
            if (example is not null && !ClosedBeforeStatementEnd(_pos + 1))
                throw Error(Peek(), $"The '(' after '{tok.Text}' is not closed; expected ')', then '*' and a variable name, e.g. {example}.");
            if (example is not null)
                throw Error(tok, $"'{tok.Text}(...)' must be followed by '*' and a variable name, e.g. {example}.");
            throw Error(tok, $"'{tok.Text}(...)' is not a known modifier; expected start(), label(), equal() or c().");
        }
        Advance();
        return new ModelTerm(tok.Text, modifiers, tok.Span);
    }

    /// <summary>True when the parenthesis opened at token <paramref name="open"/> is closed within the statement.</summary>
    private bool ClosedBeforeStatementEnd(int open)
    {
        int depth = 0;
        for (int i = open; i < _tokens.Count; i++)
        {
            var kind = _tokens[i].Kind;
            if (kind is TokenKind.Newline or TokenKind.End) return false;
            if (kind == TokenKind.LeftParen) depth++;
            else if (kind == TokenKind.RightParen && --depth == 0) return true;
        }
        return false;
    }

    private bool IsModifierStart() => Current.Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.String or TokenKind.Minus;

    private bool FollowedByStar()
    {
        int i = _pos;
        int depth = 0;
        if (_tokens[i].Kind == TokenKind.Minus) i++;
        if (i < _tokens.Count && _tokens[i].Kind == TokenKind.Identifier && i + 1 < _tokens.Count && _tokens[i + 1].Kind == TokenKind.LeftParen)
        {
            // function-like modifier: skip the balanced parentheses
            i++;
            for (; i < _tokens.Count; i++)
            {
                if (_tokens[i].Kind == TokenKind.LeftParen) depth++;
                else if (_tokens[i].Kind == TokenKind.RightParen && --depth == 0) break;
                else if (_tokens[i].Kind is TokenKind.Newline or TokenKind.End) return false;
            }
        }
        return i + 1 < _tokens.Count && _tokens[i + 1].Kind == TokenKind.Star;
    }

    private TermModifiers ParseModifier()
    {
        var tok = Current;
        if (tok.Kind == TokenKind.Minus)
        {
            Advance();
            var num = Expect(TokenKind.Number, "a number after '-'");
            return new TermModifiers { Fixed = [-num.Number] };
        }
        if (tok.Kind == TokenKind.Number)
        {
            Advance();
            return new TermModifiers { Fixed = [tok.Number] };
        }
        if (tok.Kind == TokenKind.String)
        {
            Advance();
            return new TermModifiers { Labels = [tok.Text] };
        }
        // identifier
        if (Peek().Kind == TokenKind.LeftParen)
        {
            string fn = tok.Text;
            Advance();
            Advance();
            switch (fn)
            {
                case "start":
                    {
                        var values = ParseValueList(allowLabels: false, out _, "start()");
                        Expect(TokenKind.RightParen, "')' to close start(");
                        if (values.Any(double.IsNaN)) throw Error(tok, "start() needs numeric values.");
                        return new TermModifiers { Start = values };
                    }
                case "label":
                case "equal":
                    {
                        var labels = new List<string>();
                        if (Current.Kind == TokenKind.Identifier && Current.Text == "c" && Peek().Kind == TokenKind.LeftParen)
                        {
                            Advance();
                            Advance();
                            labels.AddRange(ParseLabelList());
                            Expect(TokenKind.RightParen, "')' to close c(");
                        }
                        else
                        {
                            labels.AddRange(ParseLabelList());
                        }
                        Expect(TokenKind.RightParen, $"')' to close {fn}(");
                        return new TermModifiers { Labels = labels };
                    }
                case "c":
                    {
                        var values = ParseValueList(allowLabels: true, out var labels, "c()");
                        Expect(TokenKind.RightParen, "')' to close c(");
                        return labels is not null ? new TermModifiers { Labels = labels } : new TermModifiers { Fixed = values };
                    }
                case "lower":
                case "upper":
                    throw Error(tok, $"Bounds ({fn}()) are not supported; use an inequality constraint or a fixed value.");
                default:
                    throw Error(tok, $"'{fn}(...)' is not a known modifier; expected start(), label(), equal() or c().");
            }
        }
        Advance();
        if (tok.Text == "NA") return new TermModifiers { Fixed = [double.NaN] };
        return new TermModifiers { Labels = [tok.Text] };
    }

    private List<string> ParseLabelList()
    {
        var labels = new List<string>();
        while (true)
        {
            var t = Current;
            if (t.Kind is TokenKind.Identifier or TokenKind.String)
            {
                labels.Add(t.Text == "NA" && t.Kind == TokenKind.Identifier ? "" : t.Text);
                Advance();
            }
            else
            {
                throw Error(t, $"Expected a label but found {t.Describe()}.");
            }
            if (Current.Kind != TokenKind.Comma) return labels;
            Advance();
        }
    }

    /// <summary>Reads numbers and NA (and, when allowed, labels) separated by commas.</summary>
    private List<double> ParseValueList(bool allowLabels, out List<string>? labels, string context)
    {
        var values = new List<double>();
        labels = null;
        var names = new List<string>();
        bool sawNumber = false;
        while (true)
        {
            var t = Current;
            if (t.Kind == TokenKind.Minus)
            {
                Advance();
                var num = Expect(TokenKind.Number, "a number after '-'");
                values.Add(-num.Number);
                names.Add("");
                sawNumber = true;
            }
            else if (t.Kind == TokenKind.Number)
            {
                Advance();
                values.Add(t.Number);
                names.Add("");
                sawNumber = true;
            }
            else if (t.Kind == TokenKind.Identifier && t.Text == "NA")
            {
                Advance();
                values.Add(double.NaN);
                names.Add("");
            }
            else if (allowLabels && t.Kind is TokenKind.Identifier or TokenKind.String)
            {
                Advance();
                values.Add(double.NaN);
                names.Add(t.Text);
            }
            else
            {
                throw Error(t, $"Expected a value inside {context} but found {t.Describe()}.");
            }
            if (Current.Kind != TokenKind.Comma) break;
            Advance();
        }
        if (names.Any(n => n.Length > 0))
        {
            if (sawNumber) throw Error(Current, $"{context} mixes numbers and labels; give either fixed values or labels.");
            labels = names;
        }
        return values;
    }

    private static TermModifiers CombineModifiers(TermModifiers a, TermModifiers b) => a.Merge(b);

    // ---- expressions -------------------------------------------------------------------------------

    private Expression ParseExpression()
    {
        var left = ParseProduct();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseProduct();
            left = new BinaryExpression(op.Kind == TokenKind.Plus ? '+' : '-', left, right) { Span = left.Span };
        }
        return left;
    }

    private Expression ParseProduct()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary();
            left = new BinaryExpression(op.Kind == TokenKind.Star ? '*' : '/', left, right) { Span = left.Span };
        }
        return left;
    }

    /// <summary>Every nested parenthesis, sign, power and function call passes through <see cref="ParseUnary"/>.</summary>
    private const int MaxExpressionDepth = 256;
    private int _expressionDepth;

    private Expression ParseUnary()
    {
        if (_expressionDepth >= MaxExpressionDepth)
            throw Error(Current, $"The expression is nested too deeply (more than {MaxExpressionDepth} levels of parentheses, signs or powers).");
        _expressionDepth++;
        try
        {
            if (Current.Kind == TokenKind.Minus)
            {
                var t = Advance();
                return new UnaryExpression(ParseUnary()) { Span = t.Span };
            }
            if (Current.Kind == TokenKind.Plus)
            {
                Advance();
                return ParseUnary();
            }
            return ParsePower();
        }
        finally
        {
            _expressionDepth--;
        }
    }

    private Expression ParsePower()
    {
        var b = ParsePrimary();
        if (Current.Kind == TokenKind.Caret)
        {
            Advance();
            var exponent = ParseUnary();
            return new BinaryExpression('^', b, exponent) { Span = b.Span };
        }
        return b;
    }

    private Expression ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberExpression(t.Number) { Span = t.Span };
            case TokenKind.Identifier when Peek().Kind == TokenKind.LeftParen:
                {
                    Advance();
                    Advance();
                    if (!CallExpression.KnownFunctions.Contains(t.Text))
                        throw Error(t, $"'{t.Text}' is not a known function; expected one of {string.Join(", ", CallExpression.KnownFunctions)}.");
                    var args = new List<Expression> { ParseExpression() };
                    while (Current.Kind == TokenKind.Comma)
                    {
                        Advance();
                        args.Add(ParseExpression());
                    }
                    Expect(TokenKind.RightParen, $"')' to close {t.Text}(");
                    if (args.Count != 1) throw Error(t, $"{t.Text}() takes one argument.");
                    return new CallExpression(t.Text, args) { Span = t.Span };
                }
            case TokenKind.Identifier:
                Advance();
                return new NameExpression(t.Text) { Span = t.Span };
            case TokenKind.LeftParen:
                {
                    Advance();
                    var e = ParseExpression();
                    Expect(TokenKind.RightParen, "')'");
                    return e;
                }
            default:
                throw Error(t, $"Expected a number, a label or '(' but found {t.Describe()}.");
        }
    }
}
