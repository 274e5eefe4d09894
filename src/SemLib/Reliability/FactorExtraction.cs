namespace SemLib.Reliability;

/// <summary>How factors are extracted in an exploratory factor analysis (names as <c>psych::fa(fm = …)</c>).</summary>
public enum FactorExtraction
{
    /// <summary>Maximum likelihood (Lawley 1940; Jöreskog 1967), psych's <c>fm = "ml"</c>: the uniquenesses minimise
    /// the ML discrepancy, bounded to [0.005, 1] as psych's <c>optim(method = "L-BFGS-B")</c> does.</summary>
    MaximumLikelihood,

    /// <summary>Iterated principal axis, psych's <c>fm = "pa"</c>: communalities start at the squared multiple
    /// correlations and are re-estimated until their sum changes by less than the tolerance (psych: 0.001) or the
    /// iteration limit (psych: 50) is reached; the result is psych's, not the fully converged fixed point.</summary>
    PrincipalAxis,

    /// <summary>Minimum residual (Harman &amp; Jones 1966), psych's default <c>fm = "minres"</c>: uniquenesses that
    /// minimise the squared off-diagonal residuals, bounded to [0.005, 1].</summary>
    MinimumResidual,
}
