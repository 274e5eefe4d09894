using SemLib.Specification;

namespace SemLib.Simulation;

/// <summary>Settings of a Monte Carlo study.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>Number of data sets (replications), default 1000.</summary>
    public int Replications { get; init; } = 1000;

    /// <summary>Rows per data set.</summary>
    public int SampleSize { get; init; } = 200;

    /// <summary>Seed: the same seed gives the same study, whatever the number of threads.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Significance level for power and for rejecting the model (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Confidence level for coverage (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>When set, scores are cut into ordered categories 1…K at these thresholds before fitting (Likert items).</summary>
    public IReadOnlyList<double>? LikertThresholds { get; init; }

    /// <summary>
    /// The probability with which each simulated cell is deleted, independently (missing completely at random), before
    /// a replication is fitted; default 0 (complete data). Needs <see cref="ModelOptions.Missing"/> ML or MLX in
    /// <see cref="Analysis"/>: each replication keeps its missing cells and is fitted by full-information ML. Under ML
    /// the exogenous covariates held fixed (fixed.x) are left complete, since ML would drop their incomplete rows.
    /// </summary>
    public double MissingProportion { get; init; }

    /// <summary>How the analysis model is specified and fitted (defaults: lavaan's sem()).</summary>
    public ModelOptions Analysis { get; init; } = ModelOptions.Default;

    /// <summary>Threads to use (default: all cores).</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Receives the number of completed replications.</summary>
    public IProgress<int>? Progress { get; init; }
}
