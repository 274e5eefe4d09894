namespace SemLib.Syntax;

/// <summary>A variable on the right of <c>=~</c>, <c>~</c> or <c>~~</c>, with what was written before it.</summary>
/// <param name="Name">The variable's name (<c>"1"</c> for an intercept written as <c>y ~ 1</c>).</param>
/// <param name="Modifiers">Fixed value, label, start value or <c>NA</c>.</param>
/// <param name="Span">Where the variable's name is.</param>
public sealed record ModelTerm(string Name, TermModifiers Modifiers, SourceSpan Span);

/// <summary>
/// One statement of lavaan model syntax. For <c>=~</c>, <c>~</c>, <c>~~</c> and <c>~ 1</c> the variables on
/// the left are in <see cref="Lhs"/> and the terms on the right in <see cref="Terms"/>; for <c>:=</c> the
/// defined name is <see cref="Lhs"/>[0] and its formula <see cref="Right"/>; for constraints both sides are
/// expressions.
/// </summary>
public sealed record ModelStatement(
    ModelOperator Operator,
    IReadOnlyList<string> Lhs,
    IReadOnlyList<ModelTerm> Terms,
    Expression? Left,
    Expression? Right,
    SourceSpan Span);

/// <summary>A whole model: its statements in the order written.</summary>
public sealed record ParsedModel(IReadOnlyList<ModelStatement> Statements)
{
    /// <summary>Names on the left of <c>=~</c>: the latent variables, in order of first appearance.</summary>
    public IReadOnlyList<string> LatentVariables =>
        Statements.Where(s => s.Operator == ModelOperator.MeasuredBy).SelectMany(s => s.Lhs).Distinct().ToList();
}
