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
            // Moment index of each observed mean and covariance.
            for (int a = 0; a < q; a++)
            {
                for (int b = 0; b < q; b++) h[o[a] * size + o[b]] += f * w[a * q + b];
                for (int j = 0; j < q; j++)
                    for (int i = j; i < q; i++)
                    {
                        double s = i == j ? 0.5 : 1;
                        double v = f * s * (wd[i] * w[j * q + a] + wd[j] * w[i * q + a]);
                        int c = q0 + MomentCovariance.VechIndex(p, o[i], o[j]);
                        h[o[a] * size + c] += v;
                        h[c * size + o[a]] += v;
                    }
            }
            for (int j = 0; j < q; j++)
                for (int i = j; i < q; i++)
                {
                    int r = q0 + MomentCovariance.VechIndex(p, o[i], o[j]);
                    double sij = i == j ? 0.5 : 1;
                    for (int ll = 0; ll < q; ll++)
                        for (int k = ll; k < q; k++)
                        {
                            double skl = k == ll ? 0.5 : 1;
                            double v = w[j * q + k] * m[i * q + ll] + w[j * q + ll] * m[i * q + k]
                                + w[i * q + k] * m[j * q + ll] + w[i * q + ll] * m[j * q + k]
                                - w[j * q + k] * w[i * q + ll] - w[j * q + ll] * w[i * q + k];
                            h[r * size + q0 + MomentCovariance.VechIndex(p, o[k], o[ll])] += f * sij * skl * v;
                        }
                }
        }
        return Matrix<double>.Build.Dense(size, size, (i, j) => h[i * size + j]);
    }
}
