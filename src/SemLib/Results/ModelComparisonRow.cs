namespace SemLib.Results;

/// <summary>One model in a nested-model comparison, with the difference test against the model before it.</summary>
/// <param name="Name">The name given to the model.</param>
/// <param name="Df">Degrees of freedom.</param>
/// <param name="Aic">AIC (ML only).</param>
/// <param name="Bic">BIC (ML only).</param>
/// <param name="ChiSquare">The model χ².</param>
/// <param name="ChiSquareDifference">χ² minus the previous (less restricted) model's χ²; null for the first.</param>
/// <param name="RmseaDifference">RMSEA of the difference test (lavaan's lavTestLRT column); null for the first.</param>
/// <param name="DfDifference">Difference in df; null for the first.</param>
/// <param name="PValue">p-value of the χ² difference; null for the first.</param>
public sealed record ModelComparisonRow(string Name, int Df, double? Aic, double? Bic, double ChiSquare,
    double? ChiSquareDifference, double? RmseaDifference, int? DfDifference, double? PValue);
