namespace SemLib.Results;

/// <summary>Which residuals <see cref="SemFit.Residuals"/> returns (lavaan's <c>resid(fit, type = ...)</c>).</summary>
public enum ResidualType
{
    /// <summary>S − Σ̂ and x̄ − μ̂ (lavaan's <c>type = "raw"</c>).</summary>
    Raw,

    /// <summary>
    /// Each raw residual divided by its asymptotic standard error (lavaan 0.6.14's <c>type = "standardized"</c>);
    /// NaN where that variance is zero or negative, as lavaan gives NA. ML and GLS, not ULS.
    /// </summary>
    Standardized,
}
