using SemLib.Syntax;

namespace SemLib.Results;

/// <summary>
/// One row of the estimates, as lavaan's <c>parameterEstimates(fit, standardized = TRUE, remove.eq = FALSE,
/// remove.ineq = FALSE)</c> lists it: free and fixed parameters, defined (<c>:=</c>) parameters, and constraints
/// (<c>==</c>, <c>&lt;</c>, <c>&gt;</c>) with their slack as the estimate (left − right for <c>==</c> and <c>&gt;</c>,
/// right − left for <c>&lt;</c>; zero when active) and SE 0. A value that does not exist (the standard error of a fixed
/// parameter's z statistic, say) is null.
/// </summary>
public sealed record ParameterEstimate
{
    /// <summary>Left-hand side (the defined name for <c>:=</c>, the left expression of a constraint).</summary>
    public required string Lhs { get; init; }

    /// <summary>lavaan's operator (<c>=~ ~ ~~ ~1 := == &lt; &gt;</c>; <see cref="ModelOperatorText.ToLavaan"/> gives its spelling).</summary>
    public required ModelOperator Op { get; init; }

    /// <summary>Right-hand side (empty for intercepts, the formula for <c>:=</c>, the right expression of a constraint).</summary>
    public required string Rhs { get; init; }

    /// <summary>1-based group (1 for defined parameters and constraints, as lavaan prints them).</summary>
    public int Group { get; init; } = 1;

    /// <summary>The label, or empty.</summary>
    public string Label { get; init; } = "";

    /// <summary>True for a free parameter, false for a fixed one, null for a defined parameter or a constraint.</summary>
    public bool? Free { get; init; }

    /// <summary>The estimate (the fixed value for fixed parameters); NaN for a defined parameter that has no finite value at the estimates (<c>a/0</c>, <c>log</c> of a negative number), which JSON writes as null.</summary>
    public double Estimate { get; init; }

    /// <summary>Standard error (0 for fixed parameters, as lavaan reports; null when it could not be computed).</summary>
    public double? StandardError { get; init; }

    /// <summary>z = estimate / SE; null for fixed parameters.</summary>
    public double? Z { get; init; }

    /// <summary>Two-sided p-value of z; null for fixed parameters.</summary>
    public double? PValue { get; init; }

    /// <summary>Lower bound of the confidence interval (estimate ± z₍₁₋α/₂₎·SE).</summary>
    public double? CiLower { get; init; }

    /// <summary>Upper bound of the confidence interval.</summary>
    public double? CiUpper { get; init; }

    /// <summary>Standardized with respect to the latent variables only (lavaan's <c>std.lv</c>).</summary>
    public double? StdLv { get; init; }

    /// <summary>Standardized with respect to latent and observed variables (lavaan's <c>std.all</c>).</summary>
    public double? StdAll { get; init; }

    /// <summary>The row as lavaan prints it: <c>visual=~x2</c>, <c>x1~1</c>, <c>ind:=a*b</c>.</summary>
    public string Name => Op == ModelOperator.Intercept ? Lhs + "~1" : Lhs + Op.ToLavaan() + Rhs;
}
