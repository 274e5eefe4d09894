namespace SemLib.Results;

/// <summary>
/// What full-information ML saw of the missing values in one group, as lavaan's summary and
/// <c>lavInspect(fit, "coverage")</c> show them.
/// </summary>
/// <param name="Variables">The model's observed variables, in the order of <paramref name="Coverage"/>.</param>
/// <param name="Rows">Rows used (those with at least one observed value).</param>
/// <param name="Patterns">Number of distinct missing-data patterns.</param>
/// <param name="Coverage">Proportion of rows with both variables observed (diagonal: each variable's own coverage).</param>
public sealed record MissingDataSummary(IReadOnlyList<string> Variables, int Rows, int Patterns, double[,] Coverage);
