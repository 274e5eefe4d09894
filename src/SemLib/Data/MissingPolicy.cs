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
}
