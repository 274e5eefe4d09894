namespace SemLib.CommonMethod;

/// <summary>
/// The χ² difference test of two nested models (lavaan's <c>lavTestLRT()</c>, scaled under a robust estimator; see
/// <see cref="ModelComparison.ChiSquareDifference"/>). Null fields mean the test could not be done (a model did not
/// converge).
/// </summary>
/// <param name="DeltaChiSquare">Δχ², the more restricted model's χ² minus the less restricted one's.</param>
/// <param name="DeltaDf">Δdf.</param>
/// <param name="PValue">p-value of Δχ² on Δdf degrees of freedom.</param>
public sealed record NestedModelTest(double? DeltaChiSquare, int? DeltaDf, double? PValue)
{
    /// <summary>A test that could not be done.</summary>
    public static readonly NestedModelTest Unavailable = new(null, null, null);

    /// <summary>Whether the test was done and is significant at <paramref name="alpha"/>.</summary>
    public bool SignificantAt(double alpha) => PValue is { } p && p < alpha;
}
