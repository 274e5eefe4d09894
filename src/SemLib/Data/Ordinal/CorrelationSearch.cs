namespace SemLib.Data.Ordinal;

/// <summary>
/// Maximises a one-parameter log-likelihood in a correlation ρ on [lower, upper] from its first and second
/// derivatives: Newton steps kept inside a bracket that the sign of the first derivative narrows, bisection when a
/// step leaves it (or the curvature is not negative). When the log-likelihood itself is given, a step that lowers it
/// is halved until it does not (the far end of such a step also narrows the bracket): near ±1 cells with counts reach
/// the probability floor and leave the derivatives, which can then point away from the maximum. It stops after a step
/// shorter than 1e-10 (Newton's error after such a step is of the order of its square). A maximum beyond a bound ends
/// at the bound, as lavaan's nlminb with box constraints does.
/// </summary>
internal static class CorrelationSearch
{
    /// <summary>At ρ: the log-likelihood (NaN when not computed) and its first two derivatives.</summary>
    public delegate (double LogLikelihood, double Gradient, double Hessian) Derivatives(double rho);

    /// <summary>The maximiser; <paramref name="converged"/> is false when 200 steps did not settle it.</summary>
    public static double Maximize(Derivatives derivatives, double start, double lower, double upper, out bool converged)
    {
        double lo = lower, hi = upper;
        double x = double.IsFinite(start) ? Math.Clamp(start, lower, upper) : 0;
        var (f, g, h) = derivatives(x);
        for (int iter = 0; iter < 200; iter++)
        {
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
            var (fn, gn, hn) = derivatives(next);
            for (int halving = 0; halving < 60 && double.IsFinite(f) && !(fn >= f - 1e-12 * Math.Abs(f)); halving++)
            {
                // The step went past the maximum (or into floored cells): the maximum lies between x and next.
                if (next > x) hi = next; else lo = next;
                next = 0.5 * (x + next);
                (fn, gn, hn) = derivatives(next);
            }
            x = next;
            (f, g, h) = (fn, gn, hn);
        }
        converged = false;
        return x;
    }
}
