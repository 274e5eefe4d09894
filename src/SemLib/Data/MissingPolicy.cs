namespace SemLib.Data;

/// <summary>How rows with missing values are handled (lavaan's <c>missing</c>).</summary>
public enum MissingPolicy
{
    /// <summary>Drop every row with a missing value on a model variable (lavaan's default); the number dropped is reported.</summary>
    Listwise,
    /// <summary>
    /// Full-information maximum likelihood (lavaan's <c>"ml"</c>, AMOS's default): every row contributes the likelihood
    /// of the values it has. Rows missing an exogenous covariate held fixed (fixed.x) are dropped, as lavaan does.
    /// </summary>
    ML,
    /// <summary>FIML that also keeps rows with missing exogenous covariates, treating them as random (lavaan's <c>"ml.x"</c>).</summary>
    MLX,
    /// <summary>
    /// With ordered items (WLSMV and the other least-squares estimators): each threshold from the rows that have the
    /// variable, each polychoric correlation from the rows that have both (lavaan's <c>"pairwise"</c>). Not a missing-data
    /// method for continuous ML fits.
    /// </summary>
    Pairwise,
}

/// <summary>What the missing-data policies mean.</summary>
public static class MissingPolicyFacts
{
    /// <summary>Whether the policy is full-information ML (<see cref="MissingPolicy.ML"/> or <see cref="MissingPolicy.MLX"/>).</summary>
    public static bool IsFullInformation(this MissingPolicy policy) => policy is MissingPolicy.ML or MissingPolicy.MLX;
}
