namespace SemLib.MeasurementInvariance;

/// <summary>
/// One regression path compared across groups (AMOS's "critical ratio for differences"): the estimates per group, the
/// Wald test of their equality from the free model, and the χ² difference of the model with this path equal across
/// groups (lavaan <c>group.equal = "regressions"</c> with every other path in group.partial) against the free model.
/// </summary>
/// <param name="Dependent">The dependent variable (lhs of <c>~</c>).</param>
/// <param name="Predictor">The predictor (rhs of <c>~</c>).</param>
/// <param name="Estimates">The unstandardized estimate in each group, in group order.</param>
/// <param name="Difference">With two groups, the second group's estimate minus the first's; null with more groups.</param>
/// <param name="StandardError">With two groups, the standard error of the difference, √(v₁ + v₂ − 2c₁₂); else null.</param>
/// <param name="Z">With two groups, the difference over its standard error (the critical ratio); else null.</param>
/// <param name="WaldChiSquare">The Wald χ² of equality in all groups (z² with two groups), on <paramref name="WaldDf"/> = groups − 1.</param>
/// <param name="WaldDf">Degrees of freedom of the Wald test.</param>
/// <param name="WaldPValue">Its p-value (two-sided for z).</param>
/// <param name="DeltaChiSquare">Δχ² of the equal-path model against the free model (lavTestLRT); null when it did not converge.</param>
/// <param name="DeltaDf">Its degrees of freedom.</param>
/// <param name="DeltaPValue">Its p-value.</param>
public sealed record PathDifference(string Dependent, string Predictor, IReadOnlyList<double> Estimates, double? Difference,
    double? StandardError, double? Z, double? WaldChiSquare, int WaldDf, double? WaldPValue,
    double? DeltaChiSquare, int? DeltaDf, double? DeltaPValue);
