using MathNet.Numerics.LinearAlgebra;
using SemLib.LinearAlgebra;

namespace SemLib.Data;

/// <summary>
/// The asymptotic covariance matrix Γ of the non-duplicated sample moments of one group of complete rows — the
/// building block of the robust (Satorra–Bentler, Huber–White) standard errors and test statistics and of WLS weights.
/// <para>
/// Moment order (lavaan's, <c>lavInspect(fit, "gamma")</c>): with a mean structure the p means first, in variable
/// order; then vech(S), the lower triangle taken column by column: (0,0), (1,0), …, (p−1,0), (1,1), (2,1), …, (p−1,p−1).
/// With q moments every matrix here is q×q, row-major (being symmetric, also column-major).
/// </para>
/// <para>
/// Distribution-free Γ (Browne, 1984, eq. 2.11; lavaan's default for MLM, MLR and WLS): with the casewise contributions
/// dᵢ = (xᵢ − x̄, vech((xᵢ − x̄)(xᵢ − x̄)ᵀ) − vech(S)), Γ = (1/N) Σᵢ (dᵢ − d̄)(dᵢ − d̄)ᵀ — divisor N, not N − 1, and
/// centred at the sample means, as lavaan 0.6.14 computes it. Normal-theory Γ_NT = 2 D⁺(S ⊗ S)D⁺ᵀ, whose element for
/// the moments (i,j) and (k,l) is s_ik s_jl + s_il s_jk, and with a mean structure diag(S, Γ_NT).
/// </para>
/// Fixtures: tests/SemLib.Tests/Reference/gamma (Reference/scripts/make-gamma-cases.R).
/// </summary>
internal static class MomentCovariance
{
    /// <summary>Number of non-duplicated moments of p variables: p(p+1)/2, plus p with a mean structure.</summary>
    public static int MomentCount(int p, bool meanStructure) => p * (p + 1) / 2 + (meanStructure ? p : 0);

    /// <summary>
    /// Position within vech(S) (0-based, not counting any means) of the covariance of variables
    /// <paramref name="i"/> and <paramref name="j"/>, in either order.
    /// </summary>
    public static int VechIndex(int p, int i, int j)
    {
        if (i < j) (i, j) = (j, i);
        // Columns 0..j−1 of the lower triangle hold p + (p−1) + … + (p−j+1) = j·p − j(j−1)/2 entries.
        return j * p - j * (j - 1) / 2 + (i - j);
    }

    /// <summary>
    /// The moments' names in order, as lavaan labels the rows of Γ: "x1~1" for a mean, "x1~~x2" for the covariance in
    /// column x1, row x2 of the lower triangle.
    /// </summary>
    public static string[] MomentNames(IReadOnlyList<string> variables, bool meanStructure)
    {
        int p = variables.Count;
        var names = new string[MomentCount(p, meanStructure)];
        int k = 0;
        if (meanStructure)
            for (int i = 0; i < p; i++) names[k++] = variables[i] + "~1";
        for (int j = 0; j < p; j++)
            for (int i = j; i < p; i++) names[k++] = variables[j] + "~~" + variables[i];
        return names;
    }

    /// <summary>
    /// Writes the casewise contribution d of one row into <paramref name="destination"/> (q values): x − μ for the
    /// means (with a mean structure), then (xᵢ − μᵢ)(xⱼ − μⱼ) − σᵢⱼ in vech order. With the sample mean and the
    /// N-divisor sample covariance the contributions of all rows average to zero and their outer products to the ADF Γ;
    /// with model-implied μ, Σ they are the deviations a sandwich estimator needs. Allocates nothing.
    /// </summary>
    /// <param name="row">The row's p values.</param>
    /// <param name="mean">μ, p values.</param>
    /// <param name="covariance">Σ, row-major p×p (only the lower triangle is read).</param>
    /// <param name="meanStructure">Whether the means are moments.</param>
    /// <param name="destination">q = <see cref="MomentCount"/> values.</param>
    public static void Contribution(ReadOnlySpan<double> row, ReadOnlySpan<double> mean, ReadOnlySpan<double> covariance,
        bool meanStructure, Span<double> destination)
    {
        int p = mean.Length;
        if (row.Length != p) throw new ArgumentException($"The row has {row.Length} values but there are {p} variables.", nameof(row));
        if (covariance.Length < p * p) throw new ArgumentException($"The covariance matrix has {covariance.Length} values; {p}×{p} are needed.", nameof(covariance));
        int q = MomentCount(p, meanStructure);
        if (destination.Length < q) throw new ArgumentException($"The destination has room for {destination.Length} values; {q} are needed.", nameof(destination));
        // The deviations x − μ go into the first p places (with a mean structure they stay there).
        for (int i = 0; i < p; i++) destination[i] = row[i] - mean[i];
        if (meanStructure)
        {
            int k = p;
            for (int j = 0; j < p; j++)
            {
                double dj = destination[j];
                for (int i = j; i < p; i++) destination[k++] = destination[i] * dj - covariance[i * p + j];
            }
            return;
        }
        // Without a mean structure vech column 0 occupies places 0..p−1, where the deviations are, and every other
        // column lies beyond them: write columns 1..p−1 first, then column 0 from the back, each deviation read
        // before its place is overwritten.
        for (int j = 1; j < p; j++)
        {
            double dj = destination[j];
            int k = VechIndex(p, j, j);
            for (int i = j; i < p; i++) destination[k++] = destination[i] * dj - covariance[i * p + j];
        }
        double d0 = destination[0];
        for (int i = p - 1; i >= 0; i--) destination[i] = destination[i] * d0 - covariance[i * p];
    }

    /// <summary>The distribution-free Γ of the group's complete rows (see the class summary).</summary>
    /// <exception cref="ArgumentException">The group holds summary statistics only, or no rows.</exception>
    public static Matrix<double> Adf(GroupSample sample, bool meanStructure)
    {
        if (sample.Rows is null)
            throw new ArgumentException($"Group '{sample.Label}' has only summary statistics; the distribution-free Γ needs the raw rows.", nameof(sample));
        return Adf(sample.Rows, sample.Mean, sample.Covariance, meanStructure);
    }

    /// <summary>The distribution-free Γ of complete rows, centred at their own mean (see the class summary).</summary>
    public static Matrix<double> Adf(IReadOnlyList<double[]> rows, bool meanStructure)
    {
        if (rows.Count == 0) throw new ArgumentException("The distribution-free Γ needs at least one row.", nameof(rows));
        var (mean, cov) = GroupSample.Moments(rows, rows[0].Length);
        return Adf(rows, mean, cov, meanStructure);
    }

    private static Matrix<double> Adf(IReadOnlyList<double[]> rows, double[] mean, double[] covariance, bool meanStructure)
    {
        int q = MomentCount(mean.Length, meanStructure);
        var gamma = new double[q * q];
        Adf(rows, mean, covariance, meanStructure, gamma, new double[2 * q]);
        return Matrix<double>.Build.Dense(q, q, gamma);
    }

    /// <summary>
    /// Writes the distribution-free Γ = (1/N) Σᵢ (dᵢ − d̄)(dᵢ − d̄)ᵀ of <paramref name="rows"/> into
    /// <paramref name="gamma"/> (q×q, row-major), the contributions dᵢ taken about <paramref name="mean"/> and
    /// <paramref name="covariance"/> (<see cref="Contribution"/>). With the sample moments d̄ = 0 up to rounding, and
    /// this is lavaan's Γ. Allocates nothing; <paramref name="scratch"/> holds 2q doubles.
    /// </summary>
    public static void Adf(IReadOnlyList<double[]> rows, ReadOnlySpan<double> mean, ReadOnlySpan<double> covariance,
        bool meanStructure, Span<double> gamma, Span<double> scratch)
    {
        int n = rows.Count;
        if (n == 0) throw new ArgumentException("The distribution-free Γ needs at least one row.", nameof(rows));
        int q = MomentCount(mean.Length, meanStructure);
        if (gamma.Length < q * q) throw new ArgumentException($"Γ needs {q}×{q} values; the buffer has {gamma.Length}.", nameof(gamma));
        if (scratch.Length < 2 * q) throw new ArgumentException($"The scratch buffer needs {2 * q} values; it has {scratch.Length}.", nameof(scratch));
        var d = scratch[..q];
        var sum = scratch.Slice(q, q);
        sum.Clear();
        gamma[..(q * q)].Clear();
        for (int r = 0; r < n; r++)
        {
            Contribution(rows[r], mean, covariance, meanStructure, d);
            AccumulateOuter(d, gamma, sum, q);
        }
        FinishCentered(gamma, sum, n, q);
    }

    /// <summary>
    /// Adds one contribution d (q values) to a running Γ: the lower triangle of Σ d dᵀ into <paramref name="gamma"/> and
    /// d into <paramref name="sum"/>; <see cref="FinishCentered"/> then makes Γ = (1/N) Σ (d − d̄)(d − d̄)ᵀ.
    /// </summary>
    internal static void AccumulateOuter(ReadOnlySpan<double> d, Span<double> gamma, Span<double> sum, int q)
    {
        Dense.Axpy(1.0, d[..q], sum);
        // Lower triangle, row a: Γ[a, 0..a] += d[a]·d[0..a].
        for (int a = 0; a < q; a++)
        {
            double da = d[a];
            if (da != 0) Dense.Axpy(da, d[..(a + 1)], gamma.Slice(a * q, a + 1));
        }
    }

    /// <summary>Γ = (1/N) Σ d dᵀ − d̄ d̄ᵀ from <see cref="AccumulateOuter"/>'s sums, mirrored into the upper triangle.</summary>
    internal static void FinishCentered(Span<double> gamma, ReadOnlySpan<double> sum, int n, int q)
    {
        double inv = 1.0 / n;
        for (int a = 0; a < q; a++)
        {
            double ma = sum[a] * inv;
            for (int b = 0; b <= a; b++)
            {
                double v = gamma[a * q + b] * inv - ma * (sum[b] * inv);
                gamma[a * q + b] = v;
                gamma[b * q + a] = v;
            }
        }
    }

    /// <summary>The normal-theory Γ of the group's covariance matrix (divisor N) (see the class summary).</summary>
    public static Matrix<double> NormalTheory(GroupSample sample, bool meanStructure) =>
        NormalTheory(sample.Covariance, sample.P, meanStructure);

    /// <summary>The normal-theory Γ of a p×p covariance matrix (row-major) (see the class summary).</summary>
    public static Matrix<double> NormalTheory(ReadOnlySpan<double> covariance, int p, bool meanStructure)
    {
        int q = MomentCount(p, meanStructure);
        var gamma = new double[q * q];
        NormalTheory(covariance, p, meanStructure, gamma);
        return Matrix<double>.Build.Dense(q, q, gamma);
    }

    /// <summary>
    /// Writes the normal-theory Γ of the p×p covariance matrix S (row-major) into <paramref name="gamma"/> (q×q,
    /// row-major): s_ik s_jl + s_il s_jk for the moments (i,j), (k,l); with a mean structure S in the means' block and
    /// zeros between means and covariances. Allocates nothing.
    /// </summary>
    public static void NormalTheory(ReadOnlySpan<double> covariance, int p, bool meanStructure, Span<double> gamma)
    {
        if (covariance.Length < p * p) throw new ArgumentException($"The covariance matrix has {covariance.Length} values; {p}×{p} are needed.", nameof(covariance));
        int q = MomentCount(p, meanStructure);
        if (gamma.Length < q * q) throw new ArgumentException($"Γ needs {q}×{q} values; the buffer has {gamma.Length}.", nameof(gamma));
        gamma[..(q * q)].Clear();
        int offset = meanStructure ? p : 0;
        for (int a = 0; a < offset; a++)
            for (int b = 0; b < p; b++) gamma[a * q + b] = covariance[a * p + b];
        int r = offset;
        for (int j = 0; j < p; j++)
        {
            for (int i = j; i < p; i++, r++)
            {
                int c = offset;
                for (int l = 0; l < p; l++)
                {
                    for (int k = l; k < p; k++, c++)
                        gamma[r * q + c] = covariance[i * p + k] * covariance[j * p + l] + covariance[i * p + l] * covariance[j * p + k];
                }
            }
        }
    }
}
