namespace SemLib.Syntax;

/// <summary>Arithmetic expressions of := and constraints, with R's precedence and a nesting limit.</summary>
internal sealed partial class SyntaxParser
{
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
                        throw Error(t, $"{MessageText.Quote(t.Text)} is not a known function; expected one of {string.Join(", ", CallExpression.KnownFunctions)}.");
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
