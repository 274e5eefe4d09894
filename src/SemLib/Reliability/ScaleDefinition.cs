namespace SemLib.Reliability;

/// <summary>
/// A scale: its name, its items (columns of the data) and which of them are reverse-keyed. A reverse-keyed item
/// is rescored as min + max − x before anything is computed. The min and max are
/// <see cref="ResponseMinimum"/> and <see cref="ResponseMaximum"/> when both are given (e.g. 1 and 5 for a
/// five-point Likert item); otherwise they come from the data as <see cref="ReverseKeyRange"/> says (by default
/// over all items of the scale, as <c>psych::alpha</c> does).
/// </summary>
public sealed record ScaleDefinition
{
    /// <summary>Creates a scale definition.</summary>
    /// <param name="name">The scale's name, used in results and messages.</param>
    /// <param name="items">The items, in order; at least two.</param>
    /// <param name="reverseKeyed">The items (a subset of <paramref name="items"/>) that are reverse-keyed.</param>
    public ScaleDefinition(string name, IReadOnlyList<string> items, IReadOnlyList<string>? reverseKeyed = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(items);
        Name = name;
        Items = items.ToArray();
        ReverseKeyed = (reverseKeyed ?? []).ToArray();
    }

    /// <summary>The scale's name.</summary>
    public string Name { get; }

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The reverse-keyed items.</summary>
    public IReadOnlyList<string> ReverseKeyed { get; }

    /// <summary>The lowest possible response (for rescoring reverse-keyed items); null to take it from the data.</summary>
    public double? ResponseMinimum { get; init; }

    /// <summary>The highest possible response (for rescoring reverse-keyed items); null to take it from the data.</summary>
    public double? ResponseMaximum { get; init; }

    /// <summary>Where the rescoring range comes from when <see cref="ResponseMinimum"/> and
    /// <see cref="ResponseMaximum"/> are not given.</summary>
    public ReverseKeyRange ReverseKeyRange { get; init; } = ReverseKeyRange.ScaleObserved;

    /// <summary>True when the item is reverse-keyed.</summary>
    public bool IsReversed(string item) => ReverseKeyed.Contains(item, StringComparer.Ordinal);
}
