using SemLib.Data;
using SemLib.LinearAlgebra;

namespace SemLib.Inference;

/// <summary>
/// <see cref="CaseMomentDerivatives"/> of incomplete rows (full-information ML): case i observes the variables o of its
/// missing-data pattern k, so C_k = P_oᵀ Σ_oo⁻¹ P_o and u_i = P_oᵀ Σ_oo⁻¹ (x_i,o − μ_o), both zero at the missing
/// variables (the derivatives of the observed-data log-likelihood, lavaan's
/// <c>lav_mvnorm_missing_scores_mu_vech_sigma</c>). Σ_oo is inverted once per pattern.
/// </summary>
internal sealed class IncompleteCaseDerivatives : CaseMomentDerivatives
{
    private readonly IReadOnlyList<double[]> _rows;
    private readonly double[] _mean;
    private readonly MissingPatterns _patterns;
    private readonly int[] _patternOf;
    private readonly double[][] _inverse; // per pattern: Σ_oo⁻¹ (q×q)
    private readonly double[][] _c;       // per pattern: C_k (p×p)
    private readonly double[] _deviation;

    private IncompleteCaseDerivatives(IReadOnlyList<double[]> rows, double[] mean, MissingPatterns patterns, int[] patternOf,
        double[][] inverse, double[][] c) : base(mean.Length)
    {
        _rows = rows;
        _mean = mean;
        _patterns = patterns;
        _patternOf = patternOf;
        _inverse = inverse;
        _c = c;
        _deviation = new double[patterns.MaxObserved];
    }

    /// <summary>The derivatives at (<paramref name="mean"/>, <paramref name="sigma"/>); null when some pattern's Σ_oo is not positive definite.</summary>
    public static IncompleteCaseDerivatives? Create(IReadOnlyList<double[]> rows, MissingPatterns patterns, ReadOnlySpan<double> mean, ReadOnlySpan<double> sigma)
    {
        int p = mean.Length;
        var patternOf = new int[rows.Count];
        var inverse = new double[patterns.PatternCount][];
        var c = new double[patterns.PatternCount][];
        int qMax = patterns.MaxObserved;
        var block = new double[qMax * qMax];
        var work = new double[2 * qMax * qMax];
        for (int k = 0; k < patterns.PatternCount; k++)
        {
            var pt = patterns.Patterns[k];
            foreach (int i in pt.Rows) patternOf[i] = k;
            var o = pt.ObservedIndices;
            int q = o.Length;
            for (int a = 0; a < q; a++)
                for (int b = 0; b < q; b++) block[a * q + b] = sigma[o[a] * p + o[b]];
            var w = new double[q * q];
            if (!Dense.InvertSpd(block.AsSpan(0, q * q), w, work.AsSpan(0, 2 * q * q), q, out _)) return null;
            var ck = new double[p * p];
            for (int a = 0; a < q; a++)
                for (int b = 0; b < q; b++) ck[o[a] * p + o[b]] = w[a * q + b];
            inverse[k] = w;
            c[k] = ck;
        }
        return new IncompleteCaseDerivatives(rows, mean.ToArray(), patterns, patternOf, inverse, c);
    }

    public override int CaseCount => _rows.Count;
    public override int PatternCount => _c.Length;
    public override ReadOnlySpan<double> PatternMatrix(int pattern) => _c[pattern];

    public override int Case(int i, Span<double> u)
    {
        int k = _patternOf[i];
        var o = _patterns.Patterns[k].ObservedIndices;
        int q = o.Length;
        var x = _rows[i];
        var d = _deviation.AsSpan(0, q);
        for (int a = 0; a < q; a++) d[a] = x[o[a]] - _mean[o[a]];
        u.Clear();
        var w = _inverse[k];
        for (int a = 0; a < q; a++) u[o[a]] = Dense.Dot(new ReadOnlySpan<double>(w, a * q, q), d);
        return k;
    }
}
