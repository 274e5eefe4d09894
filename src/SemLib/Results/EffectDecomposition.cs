namespace SemLib.Results;

/// <summary>
/// The effects of one variable on another (AMOS's effects tables): total, direct and total indirect, and each
/// specific indirect path. For a model with feedback loops the specific paths are not defined and the list is empty.
/// </summary>
public sealed record EffectDecomposition(string From, string To, int Group, EffectEstimate Total, EffectEstimate Direct,
    EffectEstimate TotalIndirect, IReadOnlyList<EffectEstimate> Specific);
