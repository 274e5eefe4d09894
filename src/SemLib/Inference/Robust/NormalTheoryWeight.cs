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
    /// <remarks>
    /// W is the normal-theory Γ of Σ⁻¹ (<see cref="MomentCovariance.NormalTheory(ReadOnlySpan{double}, int, bool, Span{double})"/>:
    /// Σ⁻¹ on the means, s_ik s_jl + s_il s_jk on the covariances) with the covariance block scaled by ¼·d_ij·d_kl.
    /// </remarks>
    public static Matrix<double>? Compute(ReadOnlySpan<double> sigma, int p, bool meanStructure)
    {
        var inv = new double[p * p];
        if (!Dense.InvertSpd(sigma, inv, new double[2 * p * p], p, out _)) return null;
        int q = MomentCovariance.MomentCount(p, meanStructure), offset = meanStructure ? p : 0;
        var w = new double[q * q];
        MomentCovariance.NormalTheory(inv, p, meanStructure, w);
        // d of each vech position: 1 on the diagonal of Σ, 2 off it.
        var d = new double[q];
        for (int j = 0; j < p; j++)
            for (int i = j; i < p; i++) d[offset + MomentCovariance.VechIndex(p, i, j)] = i == j ? 1 : 2;
        for (int a = offset; a < q; a++)
            for (int b = offset; b < q; b++) w[a * q + b] *= 0.25 * d[a] * d[b];
        return Matrix<double>.Build.Dense(q, q, w);
    }
}
