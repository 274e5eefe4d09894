using SemLib.Syntax;

namespace SemLib.Results;

/// <summary>
/// The modification index of one parameter the model fixes to zero (lavaan's <c>modindices()</c>): the expected
/// drop in χ² if it were freed, and the expected parameter change, raw and standardized.
/// </summary>
public sealed record ModificationIndex
{
    /// <summary>Left-hand side.</summary>
    public required string Lhs { get; init; }
    /// <summary>lavaan's operator (<see cref="ModelOperatorText.ToLavaan"/> gives its spelling).</summary>
    public required ModelOperator Op { get; init; }
    /// <summary>Right-hand side.</summary>
    public required string Rhs { get; init; }
    /// <summary>1-based group.</summary>
    public int Group { get; init; } = 1;
    /// <summary>The modification index (a score test with 1 df).</summary>
    public double Mi { get; init; }
    /// <summary>Expected parameter change.</summary>
    public double Epc { get; init; }
    /// <summary>EPC standardized by the latent variables (lavaan's <c>sepc.lv</c>).</summary>
    public double? SepcLv { get; init; }
    /// <summary>EPC standardized by latent and observed variables (lavaan's <c>sepc.all</c>).</summary>
    public double? SepcAll { get; init; }
}
