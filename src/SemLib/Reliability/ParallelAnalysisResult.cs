namespace SemLib.Reliability;

/// <summary>The outcome of <see cref="ParallelAnalysis"/>.</summary>
public sealed record ParallelAnalysisResult
{
    /// <summary>The items analysed.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>What was compared.</summary>
    public required ParallelAnalysisKind Kind { get; init; }

    /// <summary>Observed eigenvalues, decreasing.</summary>
    public required IReadOnlyList<double> Observed { get; init; }

    /// <summary>Mean of the simulated eigenvalues at each position.</summary>
    public required IReadOnlyList<double> SimulatedMean { get; init; }

    /// <summary>The simulated eigenvalue each observed one is compared with (the quantile, or the mean).</summary>
    public required IReadOnlyList<double> Criterion { get; init; }

    /// <summary>Number of leading observed eigenvalues that exceed their criterion: the suggested number of
    /// factors (or components).</summary>
    public required int SuggestedFactors { get; init; }

    /// <summary>Rows of each simulated data set (n of the observed data).</summary>
    public required int N { get; init; }

    /// <summary>Number of simulated data sets.</summary>
    public required int Iterations { get; init; }

    /// <summary>The seed used.</summary>
    public required int Seed { get; init; }
}
