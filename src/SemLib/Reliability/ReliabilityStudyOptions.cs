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

    /// <summary>
    /// Treat the items as ordered categories (issue 10): ordinal alpha per scale (psych's
    /// <c>alpha(polychoric(x)$rho)</c>, <see cref="OrdinalReliability.Alpha(SemLib.Data.DataSet, ScaleDefinition)"/>),
    /// and the CFA fitted with every item ordered (lavaan's <c>ordered</c>, WLSMV unless <see cref="CfaOptions"/> sets
    /// another estimator), giving categorical omega per factor (semTools' compRelSEM). Default false.
    /// </summary>
    public bool Ordinal { get; init; }

    /// <summary>Options of the CFA (default lavaan's cfa()).</summary>
    public ModelOptions? CfaOptions { get; init; }

    /// <summary>Exploratory factor analyses to run over all items: number of factors and extraction/rotation.</summary>
    public IReadOnlyList<(int Factors, EfaOptions Options)> EfaRuns { get; init; } = [];
}
