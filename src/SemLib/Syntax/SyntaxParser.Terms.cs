namespace SemLib.Syntax;

/// <summary>The terms on the right of =~, ~ and ~~, and their modifiers (fixed values, NA, labels, start(), c()).</summary>
internal sealed partial class SyntaxParser
{
    private ModelTerm ParseTerm(ModelOperator oper, Token opTok)
    {
        var modifiers = TermModifiers.None;
        if (StartValueShorthand() is { } question)
            throw Error(question, "Start values written with '?' (e.g. 0.5?x1) are not supported yet; write start(0.5)*x1.");
        // A term is: [modifier *]* name. Look ahead for '*' to decide whether what follows is a modifier.
        while (IsModifierStart() && FollowedByStar())
        {
            var m = ParseModifier();
            Expect(TokenKind.Star, "'*' after a modifier");
            modifiers = modifiers.Merge(m);
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
            throw Error(tok, UnsupportedModifier(tok.Text) ?? UnknownModifier(tok.Text));
        }
        Advance();
        return new ModelTerm(tok.Text, modifiers, tok.Span);
    }

    /// <summary>
    /// The message for a modifier lavaan accepts and SemLib does not do yet (bounds, priors, random slopes, EFA
    /// blocks), or null when lavaan does not know it either.
    /// </summary>
    private static string? UnsupportedModifier(string fn) => fn switch
    {
        "lower" or "upper" => $"Bounds ({fn}()) are not supported yet; use an inequality constraint or a fixed value.",
        "prior" => "Priors (prior()) are not supported yet: they are for Bayesian estimation (blavaan).",
        "rv" => "Random slopes (rv()) are not supported yet.",
        "efa" => "EFA blocks (efa(\"name\")*f1 + efa(\"name\")*f2 =~ ...) are not supported yet; fit the exploratory factor analysis with ExploratoryFactorAnalysis (semlib reliability --efa K), or write the factors with =~.",
        _ => null,
    };

    private static string UnknownModifier(string fn) =>
        $"{MessageText.Quote(fn + "(...)")} is not a known modifier; expected start(), label(), equal() or c().";

    /// <summary>The '?' of lavaan's start-value shorthand (<c>0.5?x1</c>, <c>-1?x1</c>) at the current term, or null.</summary>
    private Token? StartValueShorthand()
    {
        int i = _pos;
        if (_tokens[i].Kind == TokenKind.Minus) i++;
        if (_tokens[i].Kind is not (TokenKind.Number or TokenKind.Identifier)) return null;
        var after = _tokens[Math.Min(i + 1, _tokens.Count - 1)];
        return after.Kind == TokenKind.Question ? after : null;
    }

    /// <summary>True when the parenthesis opened at token <paramref name="open"/> is closed within the statement.</summary>
    private bool ClosedBeforeStatementEnd(int open) => ClosingParenthesis(open) >= 0;

    /// <summary>The index of the ')' that closes the '(' at token <paramref name="open"/> within the statement, or -1.</summary>
    private int ClosingParenthesis(int open)
    {
        int depth = 0;
        for (int i = open; i < _tokens.Count; i++)
        {
            var kind = _tokens[i].Kind;
            if (kind is TokenKind.Newline or TokenKind.End) return -1;
            if (kind == TokenKind.LeftParen) depth++;
            else if (kind == TokenKind.RightParen && --depth == 0) return i;
        }
        return -1;
    }

    private bool IsModifierStart() => Current.Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.String or TokenKind.Minus;

    /// <summary>True when the modifier starting at the current token (a value, a name or a call such as start(...)) is followed by '*'.</summary>
    private bool FollowedByStar()
    {
        int i = _pos;
        if (_tokens[i].Kind == TokenKind.Minus) i++;
        // function-like modifier: skip to its closing parenthesis
        if (_tokens[i].Kind == TokenKind.Identifier && _tokens[i + 1].Kind == TokenKind.LeftParen)
        {
            i = ClosingParenthesis(i + 1);
            if (i < 0) return false;
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
                        return new TermModifiers { Labels = labels, LabelsFromEqual = fn == "equal" };
                    }
                case "c":
                    {
                        var values = ParseValueList(allowLabels: true, out var labels, "c()");
                        Expect(TokenKind.RightParen, "')' to close c(");
                        return labels is not null ? new TermModifiers { Labels = labels } : new TermModifiers { Fixed = values };
                    }
                default:
                    throw Error(tok, UnsupportedModifier(fn) ?? UnknownModifier(fn));
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
}
