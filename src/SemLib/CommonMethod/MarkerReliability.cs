namespace SemLib.CommonMethod;

/// <summary>
/// The reliability decomposition of one trait of the CFA marker technique (Williams, Hartman &amp; Cavazotte 2010):
/// with λt, λm and θ the trait loadings, method loadings and residual variances of its indicators in the accepted
/// method model's completely standardized solution, D = (Σλt)² + (Σλm)² + Σθ (the implied variance of the unit-weighted
/// composite), substantive reliability (Σλt)²/D and method reliability (Σλm)²/D; their sum is the total reliability.
/// </summary>
/// <param name="Trait">The trait (latent variable).</param>
/// <param name="Total">Total reliability, substantive plus method.</param>
/// <param name="Substantive">The part due to the trait.</param>
/// <param name="Method">The part due to the marker-method factor.</param>
/// <param name="Items">The same split for each indicator.</param>
public sealed record MarkerReliability(string Trait, double Total, double Substantive, double Method,
    IReadOnlyList<MarkerItemReliability> Items)
{
    /// <summary>The method share of the total reliability (Method / Total).</summary>
    public double MethodShare => Total > 0 ? Method / Total : double.NaN;
}
