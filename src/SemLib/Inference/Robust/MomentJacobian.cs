using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Model;

namespace SemLib.Inference;

/// <summary>
/// Δ, the Jacobian of one group's model-implied moments with respect to the free parameters, analytic from the LISREL
/// matrices (lavaan's <c>lavInspect(fit, "delta")</c>). Rows are the moments in lavaan's order
/// (<see cref="MomentCovariance.MomentNames"/>): with a mean structure μ first, then vech(Σ) column by column; columns are
/// the parameters ζ after equality constraints (Δ_ζ = Δ_θ K), or the free rows θ.
/// <para>
/// With A = (I − B)⁻¹, Φ = AΨAᵀ, L1 = ΛA, L2 = ΛΦ and κ = Aα, every free cell changes Σ by a symmetric rank-2 term
/// c·(v_a v_bᵀ + v_b v_aᵀ) whose vectors are unit vectors or columns of L1, L2 (<see cref="GroupModel.SigmaTerms"/>):
/// ∂Σ/∂λ_ij = e_i L2_jᵀ + L2_j e_iᵀ, ∂Σ/∂θ_ij = e_i e_jᵀ + e_j e_iᵀ (halved on the diagonal), ∂Σ/∂ψ_ij = L1_i L1_jᵀ +
/// L1_j L1_iᵀ (halved on the diagonal), ∂Σ/∂β_ij = L1_i L2_jᵀ + L2_j L1_iᵀ; and μ by c·v_a·κ_k
/// (<see cref="GroupModel.MeanTerms"/>): ∂μ/∂ν_i = e_i, ∂μ/∂α_i = L1_i, ∂μ/∂λ_ij = e_i κ_j, ∂μ/∂β_ij = L1_i κ_j.
/// Fixed cells (exogenous covariates' moments under fixed.x) have no column: their rows of Δ are zero.
/// </para>
/// </summary>
internal static class MomentJacobian
{
    /// <summary>Δ of every group at the estimates, in ζ coordinates (q_g × npar each).</summary>
    public static Matrix<double>[] Compute(FittedModel fitted) =>
        Enumerable.Range(0, fitted.Model.Groups.Length).Select(g => Compute(fitted, g)).ToArray();

    /// <summary>Δ of one group (0-based) at the estimates, in ζ coordinates (q × npar).</summary>
    public static Matrix<double> Compute(FittedModel fitted, int group) =>
        ToZeta(Theta(fitted.State(group), fitted.Model.ThetaCount), fitted.Model.Constraints);

    /// <summary>Δ_ζ = Δ_θ K: each row (a moment's gradient in θ) mapped by Kᵀ, as the constraint map maps gradients.</summary>
    public static Matrix<double> ToZeta(Matrix<double> deltaTheta, ConstraintMap constraints)
    {
        int rows = deltaTheta.RowCount, q = constraints.ThetaCount, r = constraints.ZetaCount;
        var thetaRow = new double[q];
        var result = new double[rows * r];
        for (int a = 0; a < rows; a++)
        {
            for (int t = 0; t < q; t++) thetaRow[t] = deltaTheta[a, t];
            constraints.GradientToZeta(thetaRow, result.AsSpan(a * r, r));
        }
        return Matrix<double>.Build.DenseOfRowMajor(rows, r, result);
    }

    /// <summary>Δ of one group's state in θ coordinates (q × <paramref name="thetaCount"/>; the other groups' parameters give zero columns).</summary>
    public static Matrix<double> Theta(GroupState state, int thetaCount)
    {
        var model = state.Model;
        int p = model.P, m2 = 2 * model.M;
        bool means = model.MeanStructure;
        int offset = means ? p : 0;
        var delta = Matrix<double>.Build.Dense(MomentCovariance.MomentCount(p, means), thetaCount);
        var l12 = state.L12;
        // Value of derivative vector a at observed variable i: a unit vector for a < p, else a column of [L1 | L2].
        double V(int a, int i) => a < p ? (a == i ? 1 : 0) : l12[i * m2 + (a - p)];
        foreach (var t in model.SigmaTerms)
        {
            for (int j = 0; j < p; j++)
            {
                double aj = V(t.A, j), bj = V(t.B, j);
                for (int i = j; i < p; i++)
                {
                    double v = t.Coef * (V(t.A, i) * bj + V(t.B, i) * aj);
                    if (v != 0) delta[offset + MomentCovariance.VechIndex(p, i, j), t.Param] += v;
                }
            }
        }
        if (means)
        {
            foreach (var t in model.MeanTerms)
            {
                double k = t.K < 0 ? 1 : state.Kappa[t.K];
                for (int i = 0; i < p; i++)
                {
                    double v = t.Coef * k * V(t.A, i);
                    if (v != 0) delta[i, t.Param] += v;
                }
            }
        }
        return delta;
    }
}
