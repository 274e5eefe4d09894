namespace SemLib.Syntax;

/// <summary>
/// A value with its whole gradient (forward mode, every direction at once): evaluating each defined parameter once
/// on these gives its Jacobian row in one pass, so definitions that build on earlier ones cost time linear in their
/// number. A null gradient is all zeros (a constant). A zero entry contributes nothing even where the local
/// derivative is infinite (d/da √a at a = 0 times a constant), so a power a^b with a constant exponent has no log(a) term.
/// </summary>
internal readonly record struct GradientNumber(double Value, double[]? Gradient) : IArithmetic<GradientNumber>
{
    public static GradientNumber Constant(double value) => new(value, null);

    /// <summary>f(a, b) with ∂f/∂a = <paramref name="da"/> and ∂f/∂b = <paramref name="db"/>: the chain rule.</summary>
    private static GradientNumber Chain(double value, GradientNumber a, double da, GradientNumber b, double db)
    {
        var ga = a.Gradient;
        var gb = b.Gradient;
        if (ga is null && gb is null) return new(value, null);
        var g = new double[(ga ?? gb)!.Length];
        if (ga is not null)
            for (int j = 0; j < g.Length; j++)
                if (ga[j] != 0) g[j] += da * ga[j];
        if (gb is not null)
            for (int j = 0; j < g.Length; j++)
                if (gb[j] != 0) g[j] += db * gb[j];
        return new(value, g);
    }

    private static GradientNumber Chain(double value, GradientNumber a, double da) => Chain(value, a, da, Constant(0), 0);

    public static GradientNumber Add(GradientNumber a, GradientNumber b) => Chain(a.Value + b.Value, a, 1, b, 1);
    public static GradientNumber Subtract(GradientNumber a, GradientNumber b) => Chain(a.Value - b.Value, a, 1, b, -1);
    public static GradientNumber Multiply(GradientNumber a, GradientNumber b) => Chain(a.Value * b.Value, a, b.Value, b, a.Value);
    public static GradientNumber Divide(GradientNumber a, GradientNumber b) =>
        Chain(a.Value / b.Value, a, 1 / b.Value, b, -a.Value / (b.Value * b.Value));
    public static GradientNumber Negate(GradientNumber a) => Chain(-a.Value, a, -1);

    public static GradientNumber Power(GradientNumber a, GradientNumber b)
    {
        double v = Math.Pow(a.Value, b.Value);
        double da = a.Gradient is null ? 0 : b.Value * Math.Pow(a.Value, b.Value - 1);
        double db = b.Gradient is null ? 0 : v * Math.Log(a.Value);
        return Chain(v, a, da, b, db);
    }

    public static GradientNumber Call(string function, GradientNumber[] args)
    {
        var a = args[0];
        double x = a.Value;
        return function switch
        {
            "sqrt" => Chain(Math.Sqrt(x), a, 1 / (2 * Math.Sqrt(x))),
            "exp" => Chain(Math.Exp(x), a, Math.Exp(x)),
            "log" => Chain(Math.Log(x), a, 1 / x),
            "abs" => Chain(Math.Abs(x), a, Math.Sign(x)),
            "sin" => Chain(Math.Sin(x), a, Math.Cos(x)),
            "cos" => Chain(Math.Cos(x), a, -Math.Sin(x)),
            "tan" => Chain(Math.Tan(x), a, 1 / (Math.Cos(x) * Math.Cos(x))),
            "pnorm" => Chain(MathNet.Numerics.Distributions.Normal.CDF(0, 1, x), a, MathNet.Numerics.Distributions.Normal.PDF(0, 1, x)),
            _ => throw new InvalidOperationException($"Unknown function {function}."),
        };
    }
}
