using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.LinearAlgebra;

namespace SemLib.Inference;

/// <summary>
/// The normal-theory ML weight of one group's moments — lavaan's expected h1 information per observation,
/// <c>lavInspect(fit, "h1.information.expected")</c> with the structured (model-implied) Σ: W = ½ D_pᵀ(Σ⁻¹ ⊗ Σ⁻¹)D_p on
/// vech(Σ), plus Σ⁻¹ on the means with a mean structure (no cross block). With it Σ_g (N_g/N) Δ_gᵀ W_g Δ_g is the
/// expected information per observation (<see cref="Estimation.Objective.Information"/> under ML). In lavaan's moment
/// order (<see cref="MomentCovariance.MomentNames"/>), the element for the covariances (i,j), (k,l) is
/// ¼·d_ij·d_kl·(s_ik s_jl + s_il s_jk) with s = Σ⁻¹ and d = 2 off the diagonal, 1 on it.
/// </summary>
internal static class NormalTheoryWeight
{
    /// <summary>W for the implied Σ (p×p, row-major); null when Σ is not positive definite.</summary>
    public static Matrix<double>? Compute(ReadOnlySpan<double> sigma, int p, bool meanStructure)
    {
        var inv = new double[p * p];
        if (!Dense.InvertSpd(sigma, inv, new double[2 * p * p], p, out _)) return null;
        int q = MomentCovariance.MomentCount(p, meanStructure), offset = meanStructure ? p : 0;
        var w = Matrix<double>.Build.Dense(q, q);
        for (int a = 0; a < offset; a++)
            for (int b = 0; b < p; b++) w[a, b] = inv[a * p + b];
        for (int j = 0; j < p; j++)
            for (int i = j; i < p; i++)
            {
                int r = offset + MomentCovariance.VechIndex(p, i, j);
                double dij = i == j ? 1 : 2;
                for (int l = 0; l < p; l++)
                    for (int k = l; k < p; k++)
                    {
                        double dkl = k == l ? 1 : 2;
                        w[r, offset + MomentCovariance.VechIndex(p, k, l)] =
                            0.25 * dij * dkl * (inv[i * p + k] * inv[j * p + l] + inv[i * p + l] * inv[j * p + k]);
                    }
            }
        return w;
    }
}
