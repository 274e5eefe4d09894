namespace SemLib.Results;

/// <summary>
/// The effects of one variable on another (AMOS's effects tables): total, direct and total indirect, and each
/// specific indirect path. When the effect passes through a feedback loop the specific paths are infinitely many, the
/// list is empty and <see cref="Note"/> says so.
/// </summary>
public sealed record EffectDecomposition(string From, string To, int Group, EffectEstimate Total, EffectEstimate Direct,
    EffectEstimate TotalIndirect, IReadOnlyList<EffectEstimate> Specific)
{
    /// <summary>
    /// Set when the effect passes through a feedback loop (a non-recursive model): the total effect is then taken
    /// from (I − B)⁻¹ − I, the direct effect is the path coefficient, the indirect effect is their difference, and
    /// the specific indirect paths, infinitely many, are not listed. Null otherwise.
    /// </summary>
    public string? Note { get; init; }
}
