namespace SemLib.Reliability;

/// <summary>Options of <see cref="ParallelAnalysis"/>.</summary>
public sealed record ParallelAnalysisOptions
{
    /// <summary>Principal components (Horn 1965; default) or common factors.</summary>
    public ParallelAnalysisKind Kind { get; init; } = ParallelAnalysisKind.PrincipalComponents;

    /// <summary>Number of simulated data sets (default 100).</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Seed of the random number generator, so results are reproducible (default 20240601).</summary>
    public int Seed { get; init; } = 20240601;

    /// <summary>The quantile of the simulated eigenvalues an observed eigenvalue must exceed: 0.95 by default
    /// (Glorfeld 1995; psych's <c>quant = .95</c>). Null compares with the mean of the simulated eigenvalues, as in
    /// Horn's (1965) original.</summary>
    public double? Quantile { get; init; } = 0.95;

    /// <summary>Missing-data handling for the observed correlations; pairwise as psych by default.</summary>
    public CorrelationMissingData MissingData { get; init; } = CorrelationMissingData.Pairwise;
}
