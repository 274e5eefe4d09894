using SemLib.LinearAlgebra;

namespace SemLib.Data;

/// <summary>
/// The observed-data normal log-likelihood of one group's incomplete rows at given moments (μ, Σ), summed over
/// missing-data patterns rather than rows (Little &amp; Rubin, 2002, §6.2): each pattern with n rows, q observed
/// variables o, mean m and n-divisor covariance S contributes
/// ℓ = −n/2 [q log 2π + log|Σ_oo| + tr(Σ_oo⁻¹ S) + (m − μ_o)ᵀ Σ_oo⁻¹ (m − μ_o)],
/// which equals the sum of the rows' own log-densities. This is the function full-information ML maximises
/// (lavaan's <c>logl</c> for <c>missing = "ml"</c>). Work buffers are made once, at construction, so an evaluation
/// allocates nothing; an instance is therefore not for concurrent use.
/// </summary>
internal sealed class MissingDataLikelihood
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);
    private readonly MissingPatterns _data;
    private readonly double[] _factor;
    private readonly double[] _inverse;
    private readonly double[] _work;
    private readonly double[] _deviation;

    /// <summary>Prepares the buffers for <paramref name="data"/>'s patterns.</summary>
    public MissingDataLikelihood(MissingPatterns data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        int q = data.MaxObserved;
        _factor = new double[q * q];
        _inverse = new double[q * q];
        _work = new double[q * q];
        _deviation = new double[q];
    }

    /// <summary>The patterns evaluated.</summary>
    public MissingPatterns Data => _data;

    /// <summary>
    /// The log-likelihood at mean <paramref name="mu"/> (p) and covariance <paramref name="sigma"/> (row-major p×p,
    /// symmetric), or −∞ when the block of Σ some pattern observes is not positive definite.
    /// </summary>
    public double LogLikelihood(ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma) => LogLikelihood(mu, sigma, []);

    /// <summary>
    /// As <see cref="LogLikelihood(ReadOnlySpan{double}, ReadOnlySpan{double})"/>, also writing each pattern's term into
    /// <paramref name="byPattern"/> when it is not empty (<see cref="MissingPatterns.PatternCount"/> values; after a
    /// −∞ the remaining entries are left as they were).
    /// </summary>
    public double LogLikelihood(ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma, Span<double> byPattern)
    {
        int p = _data.P;
        if (mu.Length != p || sigma.Length != p * p)
            throw new ArgumentException($"Expected a mean of {p} values and a {p}×{p} covariance matrix; got {mu.Length} and {sigma.Length} values.");
        if (!byPattern.IsEmpty && byPattern.Length != _data.PatternCount)
            throw new ArgumentException($"Expected room for {_data.PatternCount} pattern terms; got {byPattern.Length}.", nameof(byPattern));
        double total = 0;
        var patterns = _data.Patterns;
        for (int k = 0; k < patterns.Count; k++)
        {
            double term = PatternTerm(patterns[k], mu, sigma, p);
            if (!byPattern.IsEmpty) byPattern[k] = term;
            if (double.IsNegativeInfinity(term)) return double.NegativeInfinity;
            total += term;
        }
        return total;
    }

    private double PatternTerm(MissingPattern pattern, ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma, int p)
    {
        var obs = pattern.ObservedIndices;
        int q = obs.Length;
        var l = _factor.AsSpan(0, q * q);
        for (int a = 0; a < q; a++)
        {
            int ra = obs[a] * p;
            for (int b = 0; b < q; b++) l[a * q + b] = sigma[ra + obs[b]];
        }
        if (!Dense.Cholesky(l, q)) return double.NegativeInfinity;
        double logDet = Dense.LogDetFromCholesky(l, q);

        // (m − μ_o)ᵀ Σ_oo⁻¹ (m − μ_o) = |L⁻¹ (m − μ_o)|², by forward substitution.
        var d = _deviation.AsSpan(0, q);
        for (int a = 0; a < q; a++) d[a] = pattern.Mean[a] - mu[obs[a]];
        double distance = 0;
        for (int a = 0; a < q; a++)
        {
            double s = (d[a] - Dense.Dot(l.Slice(a * q, a), d[..a])) / l[a * q + a];
            d[a] = s;
            distance += s * s;
        }

        // tr(Σ_oo⁻¹ S) = Σ_ab (Σ_oo⁻¹)_ab S_ab; a pattern of one row has S = 0.
        double trace = 0;
        if (pattern.Count > 1)
        {
            var inverse = _inverse.AsSpan(0, q * q);
            Dense.InverseFromCholesky(l, inverse, _work.AsSpan(0, q * q), q);
            trace = Dense.Dot(inverse, pattern.Covariance);
        }
        double value = -0.5 * pattern.Count * (q * Log2Pi + logDet + trace + distance);
        return double.IsFinite(value) ? value : double.NegativeInfinity;
    }
}
