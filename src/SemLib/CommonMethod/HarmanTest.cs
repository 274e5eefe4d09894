namespace SemLib.CommonMethod;

/// <summary>
/// Harman's single-factor test in its two usual forms (Podsakoff, MacKenzie, Lee &amp; Podsakoff 2003, p. 889): the
/// share of the items' variance on the first unrotated principal component, and the confirmatory one-factor model
/// tested against the measurement model.
/// </summary>
/// <param name="FirstComponentShare">
/// The largest eigenvalue of the items' correlation matrix divided by the number of items — the "% of variance" of
/// the first component SPSS reports for an unrotated principal component analysis. The correlations are those of the
/// rows on which every item is observed (listwise deletion, as SemLib's reliability module).
/// </param>
/// <param name="CompleteRows">The number of rows the correlation matrix was computed from.</param>
/// <param name="SingleFactor">The fit of the model with every item on one factor (lavaan's defaults).</param>
/// <param name="SingleFactorVsMeasurement">The one-factor model tested against the measurement model.</param>
public sealed record HarmanTest(double FirstComponentShare, int CompleteRows, ModelFitSummary SingleFactor,
    NestedModelTest SingleFactorVsMeasurement);
