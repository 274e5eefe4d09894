namespace SemLib.Syntax;

/// <summary>
/// What is written before a variable with <c>*</c>: a fixed value (<c>0.5*x</c>), <c>NA</c> to free a
/// parameter that would be fixed (<c>NA*x</c>), a label (<c>a*x</c>, <c>label("a")*x</c>,
/// <c>equal("a")*x</c>) or a start value (<c>start(0.8)*x</c>). Each list has one entry, or one per group
/// when written as <c>c(...)</c>. As in lavaan, a label that names a parameter as <c>"lhs op rhs"</c>
/// (<c>equal("visual=~x2")</c>, with <c>.g2</c> appended for a later group) makes the parameter equal to that one.
/// </summary>
public sealed record TermModifiers
{
    /// <summary>No modifier.</summary>
    public static readonly TermModifiers None = new();

    /// <summary>Fixed values; <see cref="double.NaN"/> stands for <c>NA</c> (free).</summary>
    public IReadOnlyList<double>? Fixed { get; init; }

    /// <summary>Labels; an empty string means no label for that group.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>
    /// True when the labels were written with <c>equal(...)</c>: each must then name another parameter (as
    /// <c>lhs op rhs</c>) or a label used on another parameter.
    /// </summary>
    public bool LabelsFromEqual { get; init; }

    /// <summary>Start values.</summary>
    public IReadOnlyList<double>? Start { get; init; }

    /// <summary>True when nothing was written.</summary>
    public bool IsEmpty => Fixed is null && Labels is null && Start is null;

    /// <summary>The fixed value for a group (0-based), or null when the parameter is not fixed there.</summary>
    public double? FixedFor(int group) =>
        Fixed is null ? null : Pick(Fixed, group) is var v && double.IsNaN(v) ? null : v;

    /// <summary>True when <c>NA</c> frees the parameter in this group.</summary>
    public bool FreedFor(int group) => Fixed is not null && double.IsNaN(Pick(Fixed, group));

    /// <summary>The label for a group, or an empty string.</summary>
    public string LabelFor(int group) => Labels is null ? "" : Pick(Labels, group);

    /// <summary>The start value for a group, or null.</summary>
    public double? StartFor(int group) => Start is null ? null : Pick(Start, group);

    private static T Pick<T>(IReadOnlyList<T> values, int group) => values.Count == 1 ? values[0] : values[Math.Min(group, values.Count - 1)];

    /// <summary>Combines two sets of modifiers for the same parameter; the later one wins where both speak.</summary>
    public TermModifiers Merge(TermModifiers later) => new()
    {
        Fixed = later.Fixed ?? Fixed,
        Labels = later.Labels ?? Labels,
        LabelsFromEqual = later.Labels is not null ? later.LabelsFromEqual : LabelsFromEqual,
        Start = later.Start ?? Start,
    };

    /// <summary>Structural equality over the lists' contents.</summary>
    public bool Equals(TermModifiers? other) =>
        other is not null && SameList(Fixed, other.Fixed) && SameList(Labels, other.Labels) && LabelsFromEqual == other.LabelsFromEqual
        && SameList(Start, other.Start);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Fixed?.Count, Labels?.Count, Start?.Count);

    private static bool SameList<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
