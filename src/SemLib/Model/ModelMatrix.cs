namespace SemLib.Model;

/// <summary>The matrices of the LISREL ("all-y") representation.</summary>
internal enum ModelMatrix
{
    /// <summary>Λ (p×m): loadings of observed variables on latent variables.</summary>
    Lambda,
    /// <summary>Θ (p×p): residual (co)variances of observed variables.</summary>
    Theta,
    /// <summary>Ψ (m×m): (residual) (co)variances of latent variables.</summary>
    Psi,
    /// <summary>B (m×m): regressions among latent variables (row = dependent).</summary>
    Beta,
    /// <summary>ν (p): intercepts of observed variables.</summary>
    Nu,
    /// <summary>α (m): intercepts or means of latent variables.</summary>
    Alpha,
    /// <summary>τ: the thresholds of the ordered variables, one vector (row = slot, column = the variable's observed index).</summary>
    Tau,
    /// <summary>Δ (p): the scale factors of the ordered variables' latent responses (delta parameterization; 1 for continuous variables).</summary>
    Delta,
}

/// <summary>A position in one of the matrices: row, column (0 for vectors).</summary>
internal readonly record struct MatrixCell(ModelMatrix Matrix, int Row, int Col);

/// <summary>
/// One rank-2 piece of ∂Σ/∂θ: <c>Coef · (v_A v_Bᵀ + v_B v_Aᵀ)</c>, where v indexes the vector set
/// [e₁…e_p | columns of ΛA | columns of ΛΦ] with A = (I − B)⁻¹ and Φ = AΨAᵀ. Every derivative of the LISREL
/// covariance structure is a sum of such pieces, so gradients and information matrices reduce to bilinear
/// forms between these vectors.
/// </summary>
internal readonly record struct SigmaTerm(int Param, double Coef, int A, int B);

/// <summary>One piece of ∂μ/∂θ: <c>Coef · κ_K · v_A</c> (κ = Aα; K = -1 means the factor 1).</summary>
internal readonly record struct MeanTerm(int Param, double Coef, int A, int K);
