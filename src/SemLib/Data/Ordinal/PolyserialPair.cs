namespace SemLib.Data.Ordinal;

/// <summary>
/// Step two for a continuous variable y next to an ordered one (lavaan's <c>lav_bvmix_cor_twostep_fit</c> and
/// <c>lav_bvmix_cor_scores</c> without covariates): with the mean μ and variance σ² of y (divisor N) and the
/// thresholds τ of the ordered variable fixed at their step-one values, the polyserial correlation ρ maximises
/// Σᵢ log[φ(yᵢ; μ, σ) · P(τ_{b−1} &lt; y* ≤ τ_b | zᵢ)], where zᵢ = (yᵢ − μ)/σ, bᵢ the row's category and
/// P(· | z) = Φ((τ_b − ρz)/R) − Φ((τ_{b−1} − ρz)/R), R = √(1 − ρ²) (Olsson, Drasgow &amp; Dorans 1982). As in lavaan
/// the conditional probability is floored at ε, rows whose likelihood is below √ε leave the sums, and ρ is bounded
/// to [−0.995, 0.995].
/// </summary>
internal sealed class PolyserialPair
{
    private const double Eps = 2.220446049250313e-16;
    private static readonly double SqrtEps = Math.Sqrt(Eps);
    private readonly double[] _z, _y;
    private readonly int[] _codes;
    private readonly double[] _th;
    private readonly double _sd;

    /// <summary>The ρ bound of the search (lavaan's).</summary>
    public const double Bound = 0.995;

    /// <summary>Prepares the pair: y's values, mean and ML variance; the ordered variable's codes and thresholds.</summary>
    public PolyserialPair(double[] y, double mean, double variance, int[] codes, double[] thresholds)
    {
        _y = y;
        _sd = Math.Sqrt(variance);
        _codes = codes;
        _th = thresholds;
        _z = new double[y.Length];
        for (int i = 0; i < y.Length; i++) _z[i] = (y[i] - mean) / _sd;
    }

    private double Upper(int b) => b < _th.Length ? _th[b] : double.PositiveInfinity;
    private double Lower(int b) => b > 0 ? _th[b - 1] : double.NegativeInfinity;

    /// <summary>The two-step polyserial correlation; <paramref name="warning"/> when the search did not settle.</summary>
    public double Fit(out string? warning)
    {
        warning = null;
        double rho = CorrelationSearch.Maximize(r =>
        {
            const double h = 1e-6;
            double g = Gradient(r);
            double lo = Math.Max(r - h, -0.9999999), hi = Math.Min(r + h, 0.9999999);
            return (double.NaN, g, (Gradient(hi) - Gradient(lo)) / (hi - lo));
        }, Start(), -Bound, Bound, out bool converged);
        if (!converged) warning = "the estimation of the polyserial correlation did not converge";
        return rho;
    }

    /// <summary>lavaan's start value cor(y, codes)·sd(codes)/Σφ(τ), halved when above 0.9 in size.</summary>
    private double Start()
    {
        int n = _y.Length;
        double my = 0, mc = 0;
        for (int i = 0; i < n; i++) { my += _y[i]; mc += _codes[i]; }
        my /= n; mc /= n;
        double syy = 0, scc = 0, syc = 0;
        for (int i = 0; i < n; i++)
        {
            double dy = _y[i] - my, dc = _codes[i] - mc;
            syy += dy * dy; scc += dc * dc; syc += dy * dc;
        }
        double sumDensity = 0;
        foreach (double t in _th) sumDensity += BivariateNormal.Density(t);
        double r = syc / Math.Sqrt(syy * scc) * Math.Sqrt(scc / n) / sumDensity;
        if (!double.IsFinite(r)) return 0;
        return Math.Abs(r) > 0.9 ? r / 2 : r;
    }

    private double Gradient(double rho)
    {
        double r = Math.Sqrt(1 - rho * rho), r3 = r * r * r, sum = 0;
        double norm = 1 / (_sd * Math.Sqrt(2 * Math.PI));
        for (int i = 0; i < _y.Length; i++)
        {
            double z = _z[i], u = Upper(_codes[i]), l = Lower(_codes[i]);
            double tu = (u - rho * z) / r, tl = (l - rho * z) / r;
            double py = BivariateNormal.Phi(tu) - BivariateNormal.Phi(tl);
            if (py < Eps) py = Eps;
            if (norm * Math.Exp(-0.5 * z * z) * py < SqrtEps) continue;
            double du = double.IsInfinity(u) ? 0 : BivariateNormal.Density(tu) * (u * rho - z);
            double dl = double.IsInfinity(l) ? 0 : BivariateNormal.Density(tl) * (l * rho - z);
            sum += (du - dl) / (py * r3);
        }
        return sum;
    }

    /// <summary>
    /// Casewise scores at ρ, per row: ∂/∂μ, ∂/∂σ², ∂/∂ρ, and for the thresholds the value for τ_b
    /// (<paramref name="upper"/>) and for τ_{b−1} (<paramref name="lower"/>, already negated) of the row's category b.
    /// </summary>
    public void Scores(double rho, Span<double> mean, Span<double> variance, Span<double> correlation, Span<double> upper, Span<double> lower)
    {
        double r = Math.Sqrt(1 - rho * rho), r3 = r * r * r, var = _sd * _sd;
        for (int i = 0; i < _y.Length; i++)
        {
            double z = _z[i], u = Upper(_codes[i]), l = Lower(_codes[i]);
            double tu = (u - rho * z) / r, tl = (l - rho * z) / r;
            double py = BivariateNormal.Phi(tu) - BivariateNormal.Phi(tl);
            if (py < Eps) py = Eps;
            double fu = double.IsInfinity(u) ? 0 : BivariateNormal.Density(tu);
            double fl = double.IsInfinity(l) ? 0 : BivariateNormal.Density(tl);
            mean[i] = (z + rho / r * (fu - fl) / py) / _sd;
            variance[i] = (z * z - 1 + rho * z / r * (fu - fl) / py) / (2 * var);
            upper[i] = fu / (r * py);
            lower[i] = -fl / (r * py);
            double du = double.IsInfinity(u) ? 0 : fu * (u * rho - z);
            double dl = double.IsInfinity(l) ? 0 : fl * (l * rho - z);
            correlation[i] = (du - dl) / (py * r3);
        }
    }
}
