using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using SemLib.LinearAlgebra;

namespace SemLib.Data;

/// <summary>
/// The observed information of the unrestricted normal model of incomplete rows, per observation: minus the Hessian of
/// ℓ(μ, Σ)/N, ℓ the observed-data log-likelihood summed over missing-data patterns (<see cref="MissingDataLikelihood"/>),
/// with respect to the moments in lavaan's order (μ, then vech(Σ) column by column, <see cref="MomentCovariance.VechIndex"/>):
/// lavaan's <c>lav_mvnorm_missing_information_observed_samplestats</c>. Per pattern k (n rows, W = Σ_oo⁻¹,
/// d = m − μ_o, C = S + ddᵀ, M = W C W), with s_ij = ½ on the diagonal of Σ and 1 off it:
/// <list type="bullet">
/// <item>μ_a, μ_b: n/N · W_ab;</item>
/// <item>μ_a, σ_ij: n/N · s_ij [(Wd)_i W_ja + (Wd)_j W_ia];</item>
/// <item>σ_ij, σ_kl: n/N · s_ij s_kl [W_jk M_il + W_jl M_ik + W_ik M_jl + W_il M_jk − W_jk W_il − W_jl W_ik].</item>
/// </list>
/// At moments where C = Σ_oo for every pattern this is the expected information. Used by lavaan's corrected
/// RMSEA/CFI under FIML (Zhang &amp; Savalei) and, with casewise scores, by robust FIML.
/// </summary>
internal static class MissingDataInformation
{
    /// <summary>The observed information at (<paramref name="mu"/>, <paramref name="sigma"/>); null when some pattern's Σ_oo is not positive definite.</summary>
    public static Matrix<double>? Observed(MissingPatterns data, ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma) =>
        Compute(data, mu, sigma, expected: false);

    /// <summary>
    /// The expected information at (<paramref name="mu"/>, <paramref name="sigma"/>): the same with C = Σ_oo (so M = W
    /// and no μ–Σ block), lavaan's <c>lav_mvnorm_missing_information_expected</c>.
    /// </summary>
    public static Matrix<double>? Expected(MissingPatterns data, ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma) =>
        Compute(data, mu, sigma, expected: true);

    private static Matrix<double>? Compute(MissingPatterns data, ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma, bool expected)
    {
        int p = data.P, q0 = p, size = MomentCovariance.MomentCount(p, true);
        var h = new double[size * size];
        int qMax = data.MaxObserved;
        var l = new double[qMax * qMax];
        var w = new double[qMax * qMax];
        var work = new double[qMax * qMax];
        var m = new double[qMax * qMax];
        var d = new double[qMax];
        var wd = new double[qMax];
        var index = new int[qMax * (qMax + 1) / 2];
        var rowOf = new int[index.Length];
        var colOf = new int[index.Length];
        var aRow = new double[qMax];
        foreach (var pt in data.Patterns)
        {
            var o = pt.ObservedIndices;
            int q = o.Length;
            for (int a = 0; a < q; a++)
                for (int b = 0; b < q; b++) l[a * q + b] = sigma[o[a] * p + o[b]];
            if (!Dense.Cholesky(l.AsSpan(0, q * q), q)) return null;
            Dense.InverseFromCholesky(l.AsSpan(0, q * q), w.AsSpan(0, q * q), work.AsSpan(0, q * q), q);
            for (int a = 0; a < q; a++) d[a] = expected ? 0 : pt.Mean[a] - mu[o[a]];
            for (int a = 0; a < q; a++) wd[a] = Dense.Dot(w.AsSpan(a * q, q), d.AsSpan(0, q));
            // M = W S W + (Wd)(Wd)ᵀ (W itself for the expected information)
            if (expected) Array.Copy(w, m, q * q);
            else
            {
                Dense.Multiply(w.AsSpan(0, q * q), pt.Covariance, work.AsSpan(0, q * q), q, q, q);
                Dense.MultiplySymmetricResult(work.AsSpan(0, q * q), w.AsSpan(0, q * q), m.AsSpan(0, q * q), q);
            }
            for (int a = 0; a < q; a++)
                for (int b = 0; b < q && !expected; b++) m[a * q + b] += wd[a] * wd[b];
            double f = pt.Count / (double)data.N;
            // Moment index of each observed covariance (local i ≥ j), and the weight s_ij.
            int nq = q * (q + 1) / 2;
            for (int j = 0, c = 0; j < q; j++)
                for (int i = j; i < q; i++, c++)
                {
                    index[c] = q0 + MomentCovariance.VechIndex(p, o[i], o[j]);
                    rowOf[c] = i;
                    colOf[c] = j;
                }
            for (int a = 0; a < q; a++)
            {
                int ra = o[a] * size;
                for (int b = 0; b < q; b++) h[ra + o[b]] += f * w[a * q + b];
                if (expected) continue;
                for (int c = 0; c < nq; c++)
                {
                    int i = rowOf[c], j = colOf[c];
                    double s = i == j ? 0.5 : 1;
                    double v = f * s * (wd[i] * w[j * q + a] + wd[j] * w[i * q + a]);
                    h[index[c] * size + o[a]] += v; // lower triangle; mirrored at the end
                }
            }
            // Entry ((i,j),(k,l)) of the σ–σ block, with a = m_i − w_i and b = m_j (rows of M and W):
            // a_l w_jk + b_l w_ik + w_jl a_k + w_il b_k (the bracket above), times s_ij s_kl. Local vech order maps to
            // increasing moment indices, so only (k,l) ≤ (i,j) is accumulated (the lower triangle), mirrored at the end.
            ref double h0 = ref MemoryMarshal.GetArrayDataReference(h);
            ref double w0 = ref MemoryMarshal.GetArrayDataReference(w);
            ref double m0 = ref MemoryMarshal.GetArrayDataReference(m);
            ref double a0 = ref MemoryMarshal.GetArrayDataReference(aRow);
            ref int index0 = ref MemoryMarshal.GetArrayDataReference(index);
            for (int c1 = 0; c1 < nq; c1++)
            {
                int i = rowOf[c1], j = colOf[c1];
                double sij = f * (i == j ? 0.5 : 1);
                int wi = i * q, wj = j * q, mj = j * q;
                for (int x = 0; x < q; x++) aRow[x] = m[wi + x] - w[wi + x];
                int target = index[c1] * size;
                for (int col = 0, c2 = 0; col <= j; col++)
                {
                    double ca = aRow[col], cb = m[mj + col], cj = w[wj + col], ci = w[wi + col];
                    int last = col < j ? q - 1 : i;
                    // The innermost loop of FIML's corrected fit measures: references instead of indexed (bounds-checked) access.
                    ref double hRow = ref Unsafe.Add(ref h0, target);
                    for (int k = col; k <= last; k++, c2++)
                    {
                        double v = ca * Unsafe.Add(ref w0, wj + k) + cb * Unsafe.Add(ref w0, wi + k)
                            + cj * Unsafe.Add(ref a0, k) + ci * Unsafe.Add(ref m0, mj + k);
                        if (k == col) v *= 0.5; // the diagonal σ_ll
                        Unsafe.Add(ref hRow, Unsafe.Add(ref index0, c2)) += sij * v;
                    }
                }
            }
        }
        for (int r = 0; r < size; r++)
            for (int c = 0; c < r; c++) h[c * size + r] = h[r * size + c];
        return Matrix<double>.Build.Dense(size, size, h); // symmetric, so column-major storage is the same
    }
}
