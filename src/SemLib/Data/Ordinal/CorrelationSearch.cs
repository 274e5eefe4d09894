namespace SemLib.Data.Ordinal;

/// <summary>
/// Maximises a one-parameter log-likelihood in a correlation ρ on [lower, upper] from its first and second
/// derivatives: Newton steps kept inside a bracket that the sign of the first derivative narrows, bisection when a
/// step leaves it (or the curvature is not negative). It stops after a step shorter than 1e-10 (Newton's error after
/// such a step is of the order of its square). A maximum beyond a bound ends at the bound, as lavaan's nlminb
/// with box constraints does.
/// </summary>
internal static class CorrelationSearch
{
    /// <summary>The derivatives of the log-likelihood at ρ: (d/dρ, d²/dρ²).</summary>
    public delegate (double Gradient, double Hessian) Derivatives(double rho);

    /// <summary>The maximiser; <paramref name="converged"/> is false when 200 steps did not settle it.</summary>
    public static double Maximize(Derivatives derivatives, double start, double lower, double upper, out bool converged)
    {
        double lo = lower, hi = upper;
        double x = double.IsFinite(start) ? Math.Clamp(start, lower, upper) : 0;
        for (int iter = 0; iter < 200; iter++)
        {
            var (g, h) = derivatives(x);
            if (!double.IsFinite(g))
            {
                converged = false;
                return x;
            }
            if (g == 0)
            {
                converged = true;
                return x;
            }
            if (g > 0) lo = x; else hi = x;
            double next = h < 0 && double.IsFinite(h) ? x - g / h : double.NaN;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.Abs(next - x) <= 1e-10 || hi - lo <= 1e-13)
            {
                converged = true;
                return next;
            }
            x = next;
        }
        converged = false;
        return x;
    }
}
