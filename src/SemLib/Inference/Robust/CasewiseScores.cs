using SemLib.LinearAlgebra;
using SemLib.Model;

namespace SemLib.Inference;

/// <summary>
/// Casewise scores s_i = ∂ℓ_i/∂ζ of one group, the rows of the Huber–White meat (lavaan's
/// <c>lavScores()</c> before the group weighting). With ∂ℓ_i/∂μ = u_i and ∂ℓ_i/∂Σ = ½(u_i u_iᵀ − C_k)
/// (<see cref="CaseMomentDerivatives"/>) and the model's rank-2 terms ∂Σ/∂θ_t = c(v_a v_bᵀ + v_b v_aᵀ),
/// ∂μ/∂θ_t = c κ v_a (<see cref="GroupModel.SigmaTerms"/>, <see cref="GroupModel.MeanTerms"/>):
/// ∂ℓ_i/∂θ_t = c[(v_aᵀu_i)(v_bᵀu_i) − v_aᵀC_k v_b] + c κ v_aᵀu_i, which is Δᵀ ∂ℓ_i/∂(μ, vech Σ) without forming Δ.
/// The v_aᵀC_k v_b are computed once per pattern; a case then costs p² + p·2m + (number of terms). θ → ζ by
/// <see cref="ConstraintMap.GradientToZeta"/> (Kᵀ) per case.
/// </summary>
internal static class CasewiseScores
{
    /// <summary>The n × r score matrix (row-major, r = ζ count) of the cases of <paramref name="cases"/>.</summary>
    public static double[] Compute(GroupState state, CaseMomentDerivatives cases, ConstraintMap constraints)
    {
        var model = state.Model;
        int p = model.P, m2 = 2 * model.M, q = constraints.ThetaCount, r = constraints.ZetaCount, n = cases.CaseCount;
        var sigmaTerms = model.SigmaTerms;
        var meanTerms = model.MeanStructure ? model.MeanTerms : [];
        var l12 = state.L12;

        // Per pattern: Σ_terms c·v_aᵀC v_b into a θ vector.
        var constant = new double[cases.PatternCount][];
        var cl = new double[p * Math.Max(m2, 1)];
        var ql = new double[Math.Max(m2 * m2, 1)];
        for (int k = 0; k < cases.PatternCount; k++)
        {
            var c = cases.PatternMatrix(k);
            if (m2 > 0)
            {
                Dense.Multiply(c, l12, cl, p, p, m2);
                Dense.MultiplyTransposeA(l12, cl, ql, p, m2, m2);
            }
            var v = new double[q];
            foreach (var t in sigmaTerms)
            {
                double form = t.A < p
                    ? (t.B < p ? c[t.A * p + t.B] : cl[t.A * m2 + (t.B - p)])
                    : (t.B < p ? cl[t.B * m2 + (t.A - p)] : ql[(t.A - p) * m2 + (t.B - p)]);
                v[t.Param] += t.Coef * form;
            }
            constant[k] = v;
        }

        var scores = new double[n * r];
        var u = new double[p];
        var ul = new double[Math.Max(m2, 1)];
        var theta = new double[q];
        for (int i = 0; i < n; i++)
        {
            int k = cases.Case(i, u);
            // ul = L12ᵀu
            Array.Clear(ul);
            for (int j = 0; j < p; j++)
            {
                double uj = u[j];
                if (uj != 0 && m2 > 0) Dense.Axpy(uj, l12.AsSpan(j * m2, m2), ul);
            }
            var ck = constant[k];
            for (int t = 0; t < q; t++) theta[t] = -ck[t];
            foreach (var t in sigmaTerms)
            {
                double va = t.A < p ? u[t.A] : ul[t.A - p];
                double vb = t.B < p ? u[t.B] : ul[t.B - p];
                theta[t.Param] += t.Coef * va * vb;
            }
            foreach (var t in meanTerms)
            {
                double va = t.A < p ? u[t.A] : ul[t.A - p];
                theta[t.Param] += t.Coef * (t.K < 0 ? 1 : state.Kappa[t.K]) * va;
            }
            constraints.GradientToZeta(theta, scores.AsSpan(i * r, r));
        }
        return scores;
    }

    /// <summary>
    /// The first-order information of the group per case, B0 = SᵀS/n (r×r); with clusters (0-based index per case)
    /// the scores are first summed within clusters and B0 multiplied by lavaan's small-sample factor G/(G − 1),
    /// G the number of clusters.
    /// </summary>
    public static double[] FirstOrder(double[] scores, int n, int r, int[]? cluster, int clusterCount)
    {
        var units = scores;
        int rows = n;
        double factor = 1;
        if (cluster is not null)
        {
            units = new double[clusterCount * r];
            for (int i = 0; i < n; i++)
                Dense.Axpy(1.0, scores.AsSpan(i * r, r), units.AsSpan(cluster[i] * r, r));
            rows = clusterCount;
            factor = clusterCount / (clusterCount - 1.0);
        }
        var b = new double[r * r];
        CrossProduct(units, rows, r, b);
        double scale = factor / n;
        for (int a = 0; a < r; a++)
            for (int c = 0; c <= a; c++)
            {
                double v = b[a * r + c] * scale;
                b[a * r + c] = v;
                b[c * r + a] = v;
            }
        return b;
    }

    /// <summary>
    /// The lower triangle of SᵀS (S rows × r, row-major) added into <paramref name="b"/>, by blocks of rows that stay in
    /// cache: for each row a of the result, Σ over the block's cases of s_ia · s_i[0..a] (one contiguous update of a
    /// row that stays in L1) — several times faster than a rank-one update of the whole triangle per case once r is in
    /// the hundreds (the moments of robust FIML's h1 information).
    /// </summary>
    private static void CrossProduct(double[] units, int rows, int r, double[] b)
    {
        const int Block = 128;
        for (int start = 0; start < rows; start += Block)
        {
            int end = Math.Min(rows, start + Block);
            for (int a = 0; a < r; a++)
            {
                var target = b.AsSpan(a * r, a + 1);
                for (int i = start; i < end; i++)
                {
                    double sa = units[i * r + a];
                    if (sa != 0) Dense.Axpy(sa, new ReadOnlySpan<double>(units, i * r, a + 1), target);
                }
            }
        }
    }
}
