namespace SemLib.Syntax;

/// <summary>
/// Recursive-descent parser for lavaan model syntax. Errors are collected as diagnostics (line, column and
/// what was expected); after an error the parser skips to the next statement so that one run reports
/// every broken statement.
/// </summary>
internal sealed partial class SyntaxParser
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

    private ParseError Error(Token at, string message) => Error(at.Span, message);

    private ParseError Error(SourceSpan at, string message)
    {
        _diagnostics.Add(new SyntaxDiagnostic(at, message));
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
        if (Current.Kind == TokenKind.Identifier && Current.Text == "efa" && Peek().Kind == TokenKind.LeftParen)
            throw Error(Current, UnsupportedModifier("efa")!);
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
            if (Current.Kind == TokenKind.Identifier && Current.Text == "efa" && Peek().Kind == TokenKind.LeftParen)
                throw Error(Current, UnsupportedModifier("efa")!);
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
                throw Error(opTok, "Formative indicators ('<~') are not supported yet; SemLib fits reflective measurement models ('=~').");
            case TokenKind.Threshold: oper = ModelOperator.Threshold; break;
            case TokenKind.ScalingFactor: oper = ModelOperator.Scaling; break;
            case TokenKind.GroupWeight:
                throw Error(opTok, "The group-weight operator ('%') is not supported yet.");
            case TokenKind.Define:
                throw Error(opTok, "A defined parameter (':=') needs a single name on its left-hand side.");
            default:
                throw Error(opTok, $"Expected an operator ('=~', '~', '~~', ':=', '==', '<' or '>') after {MessageText.Quote(lhs[^1].Name)} but found {opTok.Describe()}.");
        }
        Advance();
        if (oper == ModelOperator.MeasuredBy && lhs.Count > 1)
            throw Error(start, "Only one latent variable may stand on the left of '=~'.");
        if (oper is ModelOperator.Threshold or ModelOperator.Scaling && lhs.Count > 1)
            throw Error(start, $"Only one ordered variable may stand on the left of '{opTok.Text}'.");
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
        if (oper == ModelOperator.Threshold)
        {
            foreach (var t in terms)
                if (!IsThresholdName(t.Name))
                    throw Error(t.Span, $"A threshold is named t1, t2, ... (the k-th cut point of {MessageText.Quote(names[0])}), not {MessageText.Quote(t.Name)}; write e.g. {names[0]} | t1 + t2.");
        }
        if (oper == ModelOperator.Scaling)
        {
            foreach (var t in terms)
                if (t.Name != names[0])
                    throw Error(t.Span, $"A scale factor is written {names[0]} ~*~ {names[0]}: the same variable on both sides, not {MessageText.Quote(t.Name)}.");
        }
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
            // ParseTerm accepts the intercept '1' only on the right of '~'.
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

    /// <summary>t followed by a positive whole number, as lavaan names thresholds.</summary>
    private static bool IsThresholdName(string name) =>
        name.Length > 1 && name[0] == 't' && name[1] != '0' && name.Skip(1).All(char.IsAsciiDigit);
}
