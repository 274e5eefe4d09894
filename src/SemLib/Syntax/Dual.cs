namespace SemLib.Syntax;

/// <summary>
/// A forward-mode dual number (value and one directional derivative): evaluating an expression on duals
/// gives its exact partial derivative, which the delta method needs for defined parameters.
/// </summary>
internal readonly record struct Dual(double Value, double Derivative) : IArithmetic<Dual>
{
    public static Dual Add(Dual a, Dual b) => new(a.Value + b.Value, a.Derivative + b.Derivative);
    public static Dual Subtract(Dual a, Dual b) => new(a.Value - b.Value, a.Derivative - b.Derivative);
    public static Dual Multiply(Dual a, Dual b) => new(a.Value * b.Value, a.Derivative * b.Value + a.Value * b.Derivative);
    public static Dual Divide(Dual a, Dual b) =>
        new(a.Value / b.Value, (a.Derivative * b.Value - a.Value * b.Derivative) / (b.Value * b.Value));
    public static Dual Negate(Dual a) => new(-a.Value, -a.Derivative);

    public static Dual Power(Dual a, Dual b)
    {
        double v = Math.Pow(a.Value, b.Value);
        double d = a.Derivative == 0 ? 0 : b.Value * Math.Pow(a.Value, b.Value - 1) * a.Derivative;
        if (b.Derivative != 0) d += v * Math.Log(a.Value) * b.Derivative;
        return new Dual(v, d);
    }

    public static Dual Call(string function, Dual[] args)
    {
        var a = args[0];
        return function switch
        {
            "sqrt" => new Dual(Math.Sqrt(a.Value), a.Derivative / (2 * Math.Sqrt(a.Value))),
            "exp" => new Dual(Math.Exp(a.Value), Math.Exp(a.Value) * a.Derivative),
            "log" => new Dual(Math.Log(a.Value), a.Derivative / a.Value),
            "abs" => new Dual(Math.Abs(a.Value), Math.Sign(a.Value) * a.Derivative),
            "sin" => new Dual(Math.Sin(a.Value), Math.Cos(a.Value) * a.Derivative),
            "cos" => new Dual(Math.Cos(a.Value), -Math.Sin(a.Value) * a.Derivative),
            "tan" => new Dual(Math.Tan(a.Value), a.Derivative / (Math.Cos(a.Value) * Math.Cos(a.Value))),
            "pnorm" => new Dual(MathNet.Numerics.Distributions.Normal.CDF(0, 1, a.Value),
                MathNet.Numerics.Distributions.Normal.PDF(0, 1, a.Value) * a.Derivative),
            _ => throw new InvalidOperationException($"Unknown function {function}."),
        };
    }
}
