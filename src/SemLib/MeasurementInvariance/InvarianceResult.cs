using SemLib.Results;

namespace SemLib.MeasurementInvariance;

/// <summary>The result of a measurement-invariance sequence.</summary>
public sealed record InvarianceResult
{
    /// <summary>The group column.</summary>
    public required string Group { get; init; }
    /// <summary>The group labels, in the order of the groups.</summary>
    public required IReadOnlyList<string> Groups { get; init; }
    /// <summary>The estimator of every step.</summary>
    public required Estimation.Estimator Estimator { get; init; }
    /// <summary>The steps in the order fitted.</summary>
    public required IReadOnlyList<InvarianceStepResult> Steps { get; init; }
    /// <summary>Warnings of the sequence (non-convergence of a step) and of each step's fit, prefixed with the step.</summary>
    public required IReadOnlyList<FitWarning> Warnings { get; init; }
}
