using SemLib.Specification;

namespace SemLib.Reliability;

/// <summary>What <see cref="ReliabilityStudy"/> runs and against which cut-offs.</summary>
public sealed record ReliabilityStudyOptions
{
    /// <summary>Cut-offs of the verdicts (defaults cited in <see cref="ValidityCutoffs"/>).</summary>
    public ValidityCutoffs? Cutoffs { get; init; }

    /// <summary>Confidence level of the Feldt interval of alpha.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Fit the CFA measurement model (for CR, AVE, omega, Fornell–Larcker). Default true.</summary>
    public bool Cfa { get; init; } = true;

    /// <summary>Options of the CFA (default lavaan's cfa()).</summary>
    public ModelOptions? CfaOptions { get; init; }

    /// <summary>Exploratory factor analyses to run over all items: number of factors and extraction/rotation.</summary>
    public IReadOnlyList<(int Factors, EfaOptions Options)> EfaRuns { get; init; } = [];
}
