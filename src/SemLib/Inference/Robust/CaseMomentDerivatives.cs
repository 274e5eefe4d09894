using SemLib.LinearAlgebra;

namespace SemLib.Inference;

/// <summary>
/// The derivatives of each case's normal log-likelihood ℓ_i with respect to one group's implied moments, in the form
/// every normal likelihood gives them: ∂ℓ_i/∂μ = u_i and ∂ℓ_i/∂Σ = ½(u_i u_iᵀ − C_k), with one p×p matrix C_k per
/// missing-data pattern k. <see cref="CasewiseScores"/> turns them into scores ∂ℓ_i/∂θ through the model's rank-2 terms.
/// <list type="bullet">
/// <item>Complete data (<see cref="Complete"/>): one pattern, C = Σ⁻¹ and u_i = Σ⁻¹(x_i − μ).</item>
/// <item>Missing data (FIML, <see cref="IncompleteCaseDerivatives"/>): case i observes the variables o of its pattern k;
/// then C_k = P_oᵀ Σ_oo⁻¹ P_o and u_i = P_oᵀ Σ_oo⁻¹ (x_i,o − μ_o), both zero at the missing variables.</item>
/// </list>
/// μ is the model-implied mean with a mean structure, the sample mean (the saturated one) without (lavaan's scores).
/// </summary>
internal abstract class CaseMomentDerivatives
{
    protected CaseMomentDerivatives(int p) => P = p;

    /// <summary>Number of observed variables of the group.</summary>
    public int P { get; }

    /// <summary>Number of cases (rows).</summary>
    public abstract int CaseCount { get; }

    /// <summary>Number of patterns (1 for complete data).</summary>
    public abstract int PatternCount { get; }

    /// <summary>C_k, p×p row-major.</summary>
    public abstract ReadOnlySpan<double> PatternMatrix(int pattern);

    /// <summary>Writes u_i (p values) and returns case i's pattern.</summary>
    public abstract int Case(int i, Span<double> u);

    /// <summary>Complete rows: C = Σ⁻¹, u_i = Σ⁻¹(x_i − μ). Null when Σ is not positive definite.</summary>
    public static CaseMomentDerivatives? Complete(IReadOnlyList<double[]> rows, ReadOnlySpan<double> mean, ReadOnlySpan<double> sigma)
    {
        int p = mean.Length;
        var inverse = new double[p * p];
        if (!Dense.InvertSpd(sigma, inverse, new double[2 * p * p], p, out _)) return null;
        return new CompleteRows(rows, mean.ToArray(), inverse);
    }

    /// <summary>
    /// Complete rows about the sample moments, weighted by the implied Σ: u_i = Σ⁻¹(x_i − x̄) and C = Σ⁻¹SΣ⁻¹, so that
    /// ½(u_iu_iᵀ − C) = ½Σ⁻¹[(x_i − x̄)(x_i − x̄)ᵀ − S]Σ⁻¹ is the normal-theory weight W applied to row i's contribution
    /// to the distribution-free Γ (Satorra–Bentler's meat). Null when Σ is not positive definite.
    /// </summary>
    public static CaseMomentDerivatives? CentredSample(IReadOnlyList<double[]> rows, ReadOnlySpan<double> sampleMean,
        ReadOnlySpan<double> sampleCovariance, ReadOnlySpan<double> sigma)
    {
        int p = sampleMean.Length;
        var inverse = new double[p * p];
        if (!Dense.InvertSpd(sigma, inverse, new double[2 * p * p], p, out _)) return null;
        var tmp = new double[p * p];
        var c = new double[p * p];
        Dense.Multiply(inverse, sampleCovariance, tmp, p, p, p);
        Dense.Multiply(tmp, inverse, c, p, p, p);
        return new CompleteRows(rows, sampleMean.ToArray(), inverse, c);
    }

    private sealed class CompleteRows(IReadOnlyList<double[]> rows, double[] mean, double[] sigmaInverse, double[]? patternMatrix = null)
        : CaseMomentDerivatives(mean.Length)
    {
        private readonly double[] _deviation = new double[mean.Length];

        public override int CaseCount => rows.Count;
        public override int PatternCount => 1;
        public override ReadOnlySpan<double> PatternMatrix(int pattern) => patternMatrix ?? sigmaInverse;

        public override int Case(int i, Span<double> u)
        {
            var x = rows[i];
            for (int j = 0; j < P; j++) _deviation[j] = x[j] - mean[j];
            for (int j = 0; j < P; j++) u[j] = Dense.Dot(new ReadOnlySpan<double>(sigmaInverse, j * P, P), _deviation);
            return 0;
        }
    }
}
