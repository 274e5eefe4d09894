namespace SemLib.MeasurementInvariance;

/// <summary>
/// One univariate score (Lagrange multiplier) test of lavaan's <c>lavTestScore()</c>: the χ² (1 df) by which the
/// model would improve if this one equality constraint were released, all others kept.
/// </summary>
/// <param name="Constraint">The constraint as lavaan writes it, e.g. <c>.p27. == .p63.</c> (the parameters' plabels).</param>
/// <param name="Parameter">The parameter the constraint's first side names, "lhs op rhs" (e.g. <c>x3 ~1</c>), to pass to group.partial.</param>
/// <param name="Group">The group of the second side (the group whose parameter would be released from group 1's).</param>
/// <param name="ChiSquare">The score statistic.</param>
/// <param name="Df">Its degrees of freedom (1).</param>
/// <param name="PValue">Its upper-tail χ² p-value.</param>
public sealed record ScoreTest(string Constraint, string Parameter, int Group, double ChiSquare, int Df, double PValue);
