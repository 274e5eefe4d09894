using SemLib.Data;
using SemLib.LinearAlgebra;

namespace SemLib.Inference;

/// <summary>
/// tr(A1⁻¹B1) of one group of complete rows for the unstructured h1 model — lavaan's <c>trace.h1</c> of the
/// Yuan–Bentler (Mplus variant) test — and the number of moments it counts (<c>h1.ndat</c>). A1 is the normal-theory
/// h1 information at the sample moments (S⁻¹ on the means with a mean structure, ½D'(S⁻¹⊗S⁻¹)D on vech S; zero on the
/// moments of fixed exogenous covariates) and B1 = A1ΓA1 with Γ the distribution-free Γ of the rows (with fixed.x
/// lavaan's conditional Γ, <see cref="FixedXGamma"/>; with clusters the centred contributions summed within each
/// cluster before the outer products, times G/(G − 1) for G clusters, as lavaan 0.6.14). So tr(A1⁻¹B1) = tr(ΓA1) =
/// (1/N) Σ_units z_uᵀA1z_u, and with z in matrix form (mean part m, covariance part Z) z ᵀA1z = mᵀS⁻¹m +
/// ½ tr(S⁻¹ZS⁻¹Z): Γ (q×q, q ≈ p²/2) is never formed, so the cost is O(N p²) instead of O(N p⁴).
/// <para>
/// A row contributes Z_i = a_i a_iᵀ − b_i b_iᵀ − M̄ and m_i = a_i − b_i, with a_i = x_i − x̄, b_i the deviation of the
/// row with the other variables replaced by their OLS fitted values on the covariates (b_i = 0 without covariates) and
/// M̄ the average of a aᵀ − b bᵀ (centring; the mean parts average to zero).
/// </para>
/// Under full-information ML <see cref="IncompleteH1Parts"/> takes its place: A1 is then the observed information of the
/// EM saturated model and B1 the cross-product of its casewise scores, per missing-data pattern.
/// </summary>
internal static class UnstructuredH1Trace
{
    /// <param name="sample">The group's complete rows, mean and N-divisor covariance.</param>
    /// <param name="exogenous">Indices of the fixed exogenous covariates (empty when none or fixed.x is off).</param>
    /// <param name="meanStructure">Whether the means are moments.</param>
    /// <param name="cluster">Cluster index (0-based) of each row, or null.</param>
    /// <param name="clusterCount">Number of clusters.</param>
    /// <param name="weight">
    /// The covariance matrix whose normal-theory information weighs the contributions: null for the sample's own (A1, the
    /// h1 trace); the implied Σ̂ gives Satorra–Bentler's tr(WΓ).
    /// </param>
    public static (double Trace, int Ndat) Compute(GroupSample sample, IReadOnlyList<int> exogenous, bool meanStructure,
        int[]? cluster, int clusterCount, double[]? weight = null)
    {
        var rows = sample.Rows ?? throw new ArgumentException("The h1 trace needs the raw rows.", nameof(sample));
        int n = rows.Length, p = sample.P, k = exogenous.Count;
        var s = sample.Covariance;
        var sInv = new double[p * p];
        if (!Dense.InvertSpd(weight ?? s, sInv, new double[2 * p * p], p, out _)) return (double.NaN, 0);

        // a_i and b_i (deviations), and their images under S⁻¹.
        var a = new double[n * p];
        var b = k > 0 ? new double[n * p] : [];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) a[i * p + j] = rows[i][j] - sample.Mean[j];
        if (k > 0) FittedDeviations(a, b, n, p, s, exogenous);
        var alpha = new double[n * p];
        Dense.Multiply(a, sInv, alpha, n, p, p); // row i = S⁻¹a_i (S⁻¹ symmetric)
        var beta = k > 0 ? new double[n * p] : [];
        if (k > 0) Dense.Multiply(b, sInv, beta, n, p, p);

        // M̄ = (AᵀA − BᵀB)/N, K = S⁻¹M̄, R = S⁻¹M̄S⁻¹, tr(KK).
        var mBar = new double[p * p];
        Dense.MultiplyTransposeA(a, a, mBar, n, p, p);
        if (k > 0)
        {
            var bb = new double[p * p];
            Dense.MultiplyTransposeA(b, b, bb, n, p, p);
            for (int i = 0; i < p * p; i++) mBar[i] -= bb[i];
        }
        for (int i = 0; i < p * p; i++) mBar[i] /= n;
        var kMat = new double[p * p];
        var rMat = new double[p * p];
        Dense.Multiply(sInv, mBar, kMat, p, p, p);
        Dense.Multiply(kMat, sInv, rMat, p, p, p);
        double trKK = 0;
        for (int x = 0; x < p; x++)
            for (int y = 0; y < p; y++) trKK += kMat[x * p + y] * kMat[y * p + x];
        // linear_i = a_iᵀRa_i − b_iᵀRb_i (R symmetric: rows of A·R are R a_i).
        var linear = new double[n];
        var ar = new double[n * p];
        Dense.Multiply(a, rMat, ar, n, p, p);
        for (int i = 0; i < n; i++) linear[i] = Dense.Dot(a.AsSpan(i * p, p), ar.AsSpan(i * p, p));
        if (k > 0)
        {
            Dense.Multiply(b, rMat, ar, n, p, p);
            for (int i = 0; i < n; i++) linear[i] -= Dense.Dot(b.AsSpan(i * p, p), ar.AsSpan(i * p, p));
        }
        var tmp = new double[p];

        // Units: each row, or each cluster's rows.
        var units = new List<int>[cluster is null ? n : clusterCount];
        for (int u = 0; u < units.Length; u++) units[u] = [];
        for (int i = 0; i < n; i++) units[cluster is null ? i : cluster[i]].Add(i);
        double total = 0;
        var m = new double[p];
        foreach (var unit in units)
        {
            if (unit.Count == 0) continue;
            double quad = 0, lin = 0;
            foreach (int i in unit)
            {
                lin += linear[i];
                foreach (int l in unit)
                {
                    double aa = Dense.Dot(a.AsSpan(i * p, p), alpha.AsSpan(l * p, p));
                    quad += aa * aa;
                    if (k > 0)
                    {
                        double ab = Dense.Dot(a.AsSpan(i * p, p), beta.AsSpan(l * p, p));
                        double bb = Dense.Dot(b.AsSpan(i * p, p), beta.AsSpan(l * p, p));
                        quad += bb * bb - 2 * ab * ab;
                    }
                }
            }
            double nu = unit.Count;
            double value = 0.5 * (quad - 2 * nu * lin + nu * nu * trKK);
            if (meanStructure)
            {
                Array.Clear(m);
                foreach (int i in unit)
                    for (int j = 0; j < p; j++) m[j] += a[i * p + j] - (k > 0 ? b[i * p + j] : 0);
                for (int j = 0; j < p; j++) tmp[j] = Dense.Dot(sInv.AsSpan(j * p, p), m);
                value += Dense.Dot(m, tmp);
            }
            total += value;
        }
        int ndat = MomentCovariance.MomentCount(p, meanStructure) - MomentCovariance.MomentCount(k, meanStructure);
        // With clusters lavaan's Γ carries the small-sample factor G/(G − 1) of the cluster-robust meat.
        double factor = cluster is null ? 1 : clusterCount / (clusterCount - 1.0);
        return (factor * total / n, ndat);
    }

    /// <summary>b_i: the covariates' deviations kept, the other variables' replaced by their OLS fitted values
    /// (slopes S_xx⁻¹S_xy from the N-divisor covariance; the intercept makes the fitted values' mean the sample mean).</summary>
    private static void FittedDeviations(double[] a, double[] b, int n, int p, double[] s, IReadOnlyList<int> exogenous)
    {
        int k = exogenous.Count;
        var sxx = new double[k * k];
        for (int x = 0; x < k; x++)
            for (int y = 0; y < k; y++) sxx[x * k + y] = s[exogenous[x] * p + exogenous[y]];
        var sxxInv = new double[k * k];
        if (!Dense.InvertSpd(sxx, sxxInv, new double[2 * k * k], k, out _))
            throw new SemLibException("The covariance matrix of the exogenous covariates is singular.");
        var isX = new bool[p];
        foreach (int x in exogenous) isX[x] = true;
        // slopes[x, j] = (S_xx⁻¹ S_xj)
        var slopes = new double[k * p];
        for (int x = 0; x < k; x++)
            for (int j = 0; j < p; j++)
            {
                if (isX[j]) continue;
                double v = 0;
                for (int y = 0; y < k; y++) v += sxxInv[x * k + y] * s[exogenous[y] * p + j];
                slopes[x * p + j] = v;
            }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
            {
                if (isX[j])
                {
                    b[i * p + j] = a[i * p + j];
                    continue;
                }
                double v = 0;
                for (int x = 0; x < k; x++) v += a[i * p + exogenous[x]] * slopes[x * p + j];
                b[i * p + j] = v;
            }
    }
}
