using System.Globalization;

namespace SemLib.Syntax;

/// <summary>
/// Arithmetic on parameter labels, as written on either side of <c>:=</c>, <c>==</c>, <c>&lt;</c> and
/// <c>&gt;</c>: numbers, names, unary minus, <c>+ - * / ^</c>, parentheses and the functions
/// <c>sqrt exp log abs sin cos tan pnorm</c>.
/// </summary>
public abstract record Expression
{
    /// <summary>Where the expression starts in the model syntax.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>Every name the expression refers to, in order of first use.</summary>
    public IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        Collect(this, names);
        return names;

        static void Collect(Expression e, List<string> acc)
        {
            switch (e)
            {
                case NameExpression n:
                    if (!acc.Contains(n.Name)) acc.Add(n.Name);
                    break;
                case UnaryExpression u:
                    Collect(u.Operand, acc);
                    break;
                case BinaryExpression b:
                    Collect(b.Left, acc);
                    Collect(b.Right, acc);
                    break;
                case CallExpression c:
                    foreach (var a in c.Arguments) Collect(a, acc);
                    break;
            }
        }
    }

    /// <summary>Evaluates the expression, looking names up with <paramref name="lookup"/>.</summary>
    public double Evaluate(Func<string, double> lookup) =>
        Evaluate(name => GradientNumber.Constant(lookup(name)), GradientNumber.Constant).Value;

    internal T Evaluate<T>(Func<string, T> lookup, Func<double, T> constant) where T : IArithmetic<T> => this switch
    {
        NumberExpression n => constant(n.Value),
        NameExpression n => lookup(n.Name),
        UnaryExpression u => T.Negate(u.Operand.Evaluate(lookup, constant)),
        BinaryExpression b => b.Operator switch
        {
            '+' => T.Add(b.Left.Evaluate(lookup, constant), b.Right.Evaluate(lookup, constant)),
            '-' => T.Subtract(b.Left.Evaluate(lookup, constant), b.Right.Evaluate(lookup, constant)),
            '*' => T.Multiply(b.Left.Evaluate(lookup, constant), b.Right.Evaluate(lookup, constant)),
            '/' => T.Divide(b.Left.Evaluate(lookup, constant), b.Right.Evaluate(lookup, constant)),
            '^' => T.Power(b.Left.Evaluate(lookup, constant), b.Right.Evaluate(lookup, constant)),
            _ => throw new InvalidOperationException($"Unknown operator {b.Operator}."),
        },
        CallExpression c => T.Call(c.Function, c.Arguments.Select(a => a.Evaluate(lookup, constant)).ToArray()),
        _ => throw new InvalidOperationException("Unknown expression."),
    };

    /// <summary>The expression written back as lavaan would print it (no spaces).</summary>
    public abstract override string ToString();

    internal static string FormatNumber(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A numeric constant.</summary>
public sealed record NumberExpression(double Value) : Expression
{
    /// <inheritdoc/>
    public override string ToString() => FormatNumber(Value);
}

/// <summary>A parameter label or the name of a defined parameter.</summary>
public sealed record NameExpression(string Name) : Expression
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Unary minus.</summary>
public sealed record UnaryExpression(Expression Operand) : Expression
{
    /// <inheritdoc/>
    public override string ToString() => "-" + Wrap(Operand, 4);

    internal static string Wrap(Expression e, int parentPrecedence) =>
        Precedence(e) < parentPrecedence ? "(" + e + ")" : e.ToString();

    internal static int Precedence(Expression e) => e switch
    {
        BinaryExpression { Operator: '+' or '-' } => 1,
        BinaryExpression { Operator: '*' or '/' } => 2,
        UnaryExpression => 3,
        BinaryExpression { Operator: '^' } => 4,
        _ => 5,
    };
}

/// <summary>A binary arithmetic operation: one of <c>+ - * / ^</c>.</summary>
public sealed record BinaryExpression(char Operator, Expression Left, Expression Right) : Expression
{
    /// <inheritdoc/>
    public override string ToString()
    {
        int p = UnaryExpression.Precedence(this);
        string left = UnaryExpression.Wrap(Left, Operator == '^' ? p + 1 : p);
        // The parser groups + - * / to the left, so a right operand of the same precedence needs parentheses even for
        // + and * (a*(b*c) is another tree than a*b*c); ^ groups to the right but is parenthesised on both sides.
        string right = UnaryExpression.Wrap(Right, p + 1);
        return left + Operator + right;
    }
}

/// <summary>A call of a built-in function such as <c>sqrt(a)</c>.</summary>
public sealed record CallExpression(string Function, IReadOnlyList<Expression> Arguments) : Expression
{
    /// <summary>The functions expressions may call.</summary>
    public static readonly IReadOnlySet<string> KnownFunctions =
        new HashSet<string>(StringComparer.Ordinal) { "sqrt", "exp", "log", "abs", "sin", "cos", "tan", "pnorm" };

    /// <inheritdoc/>
    public override string ToString() => Function + "(" + string.Join(",", Arguments.Select(a => a.ToString())) + ")";

    /// <summary>Structural equality (the argument list is compared element by element).</summary>
    public bool Equals(CallExpression? other) =>
        other is not null && Function == other.Function && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Function, Arguments.Count);
}
