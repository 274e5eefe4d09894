using SemLib.Specification;

namespace SemLib.MeasurementInvariance;

/// <summary>Settings of <see cref="Invariance.Run(string, Data.DataSet, InvarianceOptions)"/>.</summary>
public sealed record InvarianceOptions
{
    /// <summary>The model options of every step; <see cref="ModelOptions.Group"/> is required, its GroupEqual is replaced by each step's.</summary>
    public required ModelOptions Model { get; init; }

    /// <summary>The steps to fit, in order (default all four); each is compared with the one before it in this list.</summary>
    public IReadOnlyList<InvarianceStep> Steps { get; init; } = InvarianceSteps.All;

    /// <summary>Parameters released from the equality constraints of every step after configural (lavaan's group.partial).</summary>
    public IReadOnlyList<string> GroupPartial { get; init; } = [];

    /// <summary>Compute score tests for the constraints of a step that does not hold (default true).</summary>
    public bool ScoreTests { get; init; } = true;

    /// <summary>Fits run in parallel on up to this many threads (default: all cores); results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
