using SemLib.Syntax;

namespace SemLib.Specification;

/// <summary>
/// One row of the parameter table, the single description of a model that everything else is derived
/// from (lavaan's <c>partable</c>): which relation it is (<see cref="Lhs"/> <see cref="Op"/>
/// <see cref="Rhs"/>), in which group, whether it is free, its fixed or start value and its label.
/// </summary>
public sealed record ParameterRow
{
    /// <summary>1-based position in the table.</summary>
    public required int Id { get; init; }

    /// <summary>Left-hand side: a latent variable, a dependent variable, one side of a covariance, or a defined name.</summary>
    public required string Lhs { get; init; }

    /// <summary>The operator.</summary>
    public required ModelOperator Op { get; init; }

    /// <summary>Right-hand side: a variable, empty for an intercept, or the formula of a defined parameter or constraint.</summary>
    public required string Rhs { get; init; }

    /// <summary>1-based group; 0 for defined parameters and constraints, which belong to no group.</summary>
    public int Group { get; init; } = 1;

    /// <summary>True when the row was written in the model syntax; false for rows added by default.</summary>
    public bool User { get; init; }

    /// <summary>True when the parameter is estimated; false when fixed (or for defined parameters and constraints).</summary>
    public bool Free { get; init; }

    /// <summary>The fixed value of a fixed parameter; NaN when it is taken from the data (fixed.x rows).</summary>
    public double Value { get; init; } = double.NaN;

    /// <summary>A start value given with <c>start()</c>, or NaN.</summary>
    public double Start { get; init; } = double.NaN;

    /// <summary>The label (<c>a*x</c>); parameters sharing a label are constrained equal.</summary>
    public string Label { get; init; } = "";

    /// <summary>
    /// The <see cref="Id"/> of the parameter this one is constrained equal to because its label names it
    /// (<c>equal("visual=~x2")*x3</c>), or 0.
    /// </summary>
    public int EqualTo { get; init; }

    /// <summary>True for the variances, covariances and means of exogenous observed covariates fixed at their sample values (fixed.x).</summary>
    public bool Exogenous { get; init; }

    /// <summary>The formula of a defined parameter (<c>:=</c>) or both sides of a constraint.</summary>
    public Expression? Formula { get; init; }

    /// <summary>The left side of a constraint (<c>==</c>, <c>&lt;</c>, <c>&gt;</c>).</summary>
    public Expression? ConstraintLeft { get; init; }

    /// <summary>Where the row was written in the syntax (line 0 for default rows).</summary>
    public SourceSpan Span { get; init; }

    /// <summary>True for a variance or covariance row.</summary>
    public bool IsCovariance => Op == ModelOperator.Covariance;

    /// <summary>True for a variance row (lhs equals rhs).</summary>
    public bool IsVariance => Op == ModelOperator.Covariance && Lhs == Rhs;

    /// <summary>The row as lavaan prints it, e.g. <c>visual=~x2</c>.</summary>
    public string Name => Op == ModelOperator.Intercept ? Lhs + "~1" : Lhs + Op.ToLavaan() + Rhs;

    /// <summary>True when this row describes the same relation as (lhs, op, rhs), reading ~~ either way round.</summary>
    public bool Matches(string lhs, ModelOperator op, string rhs) => SameRelation((Lhs, Op, Rhs), (lhs, op, rhs));

    /// <summary>True when two (lhs, op, rhs) triples are the same relation, reading ~~ either way round.</summary>
    internal static bool SameRelation((string Lhs, ModelOperator Op, string Rhs) a, (string Lhs, ModelOperator Op, string Rhs) b) =>
        a.Op == b.Op && ((a.Lhs == b.Lhs && a.Rhs == b.Rhs) || (a.Op == ModelOperator.Covariance && a.Lhs == b.Rhs && a.Rhs == b.Lhs));
}
