using SemLib.Syntax;

namespace SemLib.Simulation;

/// <summary>
/// How one parameter of the analysis model behaved over the converged replications. The population value is the
/// analysis model's value at the population moments (its own parameterization: with marker identification a
/// loading is relative to the marker's).
/// </summary>
public sealed record MonteCarloParameter
{
    /// <summary>Left-hand side.</summary>
    public required string Lhs { get; init; }
    /// <summary>lavaan's operator (<see cref="ModelOperatorText.ToLavaan"/> gives its spelling).</summary>
    public required ModelOperator Op { get; init; }
    /// <summary>Right-hand side.</summary>
    public required string Rhs { get; init; }
    /// <summary>Label, or empty.</summary>
    public string Label { get; init; } = "";
    /// <summary>The population value in the analysis model's parameterization.</summary>
    public double Population { get; init; }
    /// <summary>Mean of the estimates.</summary>
    public double MeanEstimate { get; init; }
    /// <summary>Mean estimate minus the population value.</summary>
    public double Bias { get; init; }
    /// <summary>Bias relative to the population value (null when that is 0, i.e. below 1e-4 of the empirical SE).</summary>
    public double? RelativeBias { get; init; }
    /// <summary>Standard deviation of the estimates over replications (the empirical SE).</summary>
    public double EmpiricalSe { get; init; }
    /// <summary>Mean of the estimated standard errors.</summary>
    public double? MeanSe { get; init; }
    /// <summary>Mean SE divided by the empirical SE (1 = unbiased SEs).</summary>
    public double? SeRatio { get; init; }
    /// <summary>Share of confidence intervals that contain the population value.</summary>
    public double? Coverage { get; init; }
    /// <summary>Share of replications with p &lt; α (the power, or the type I error rate when the population value is 0).</summary>
    public double? Power { get; init; }
}
