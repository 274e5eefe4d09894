using SemLib.Syntax;

namespace SemLib.Resampling;

/// <summary>
/// The bootstrap distribution of one parameter (a row of <see cref="SemFit.Parameters"/>) summarised: the original
/// estimate, the bootstrap standard error (SD of the draws) and the requested interval, for the raw and the
/// completely standardized (std.all) value. Fixed parameters have no interval.
/// </summary>
public sealed record BootstrapEstimate
{
    /// <summary>Left-hand side.</summary>
    public required string Lhs { get; init; }
    /// <summary>lavaan's operator (<see cref="ModelOperatorText.ToLavaan"/> gives its spelling).</summary>
    public required ModelOperator Op { get; init; }
    /// <summary>Right-hand side.</summary>
    public required string Rhs { get; init; }
    /// <summary>1-based group.</summary>
    public int Group { get; init; } = 1;
    /// <summary>Label, or empty.</summary>
    public string Label { get; init; } = "";
    /// <summary>The estimate on the original data.</summary>
    public double Estimate { get; init; }
    /// <summary>Standard deviation of the bootstrap draws.</summary>
    public double? StandardError { get; init; }
    /// <summary>Lower bound of the requested bootstrap interval.</summary>
    public double? CiLower { get; init; }
    /// <summary>Upper bound of the requested bootstrap interval.</summary>
    public double? CiUpper { get; init; }
    /// <summary>The std.all value on the original data.</summary>
    public double? StdAll { get; init; }
    /// <summary>Bootstrap SE of the std.all value.</summary>
    public double? StdAllStandardError { get; init; }
    /// <summary>Lower bound of the interval of the std.all value.</summary>
    public double? StdAllCiLower { get; init; }
    /// <summary>Upper bound of the interval of the std.all value.</summary>
    public double? StdAllCiUpper { get; init; }

    /// <summary>The row as lavaan prints it.</summary>
    public string Name => Op == ModelOperator.Intercept ? Lhs + "~1" : Lhs + Op.ToLavaan() + Rhs;
}
