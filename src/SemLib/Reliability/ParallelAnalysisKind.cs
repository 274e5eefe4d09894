namespace SemLib.Reliability;

/// <summary>Which eigenvalues parallel analysis compares.</summary>
public enum ParallelAnalysisKind
{
    /// <summary>Eigenvalues of the correlation matrix (principal components; Horn 1965), as
    /// <c>psych::fa.parallel(fa = "pc")</c>.</summary>
    PrincipalComponents,

    /// <summary>Eigenvalues of the reduced correlation matrix, squared multiple correlations on the diagonal
    /// (common factors; Humphreys &amp; Ilgen 1969). psych's <c>fa = "fa"</c> instead uses the communalities of a
    /// one-factor minres solution, so its factor eigenvalues differ slightly.</summary>
    CommonFactors,
}
