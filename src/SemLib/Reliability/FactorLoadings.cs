namespace SemLib.Reliability;

/// <summary>
/// The loadings of one factor on its indicators, in the same order as <see cref="Items"/>: standardized
/// (completely standardized solution, lavaan's <c>std.all</c>) or unstandardized, as the method taking it says.
/// For a second-order factor the "items" are the first-order factors.
/// </summary>
public sealed record FactorLoadings
{
    /// <summary>Creates the loadings; there must be one loading per item and at least two items.</summary>
    public FactorLoadings(string factor, IReadOnlyList<string> items, IReadOnlyList<double> loadings)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(loadings);
        if (items.Count != loadings.Count)
            throw new ReliabilityException($"Factor {MessageText.Quote(factor)}: {loadings.Count} loadings were given for {items.Count} items ({MessageText.List(items)}).");
        if (items.Count < 2)
            throw new ReliabilityException($"Factor {MessageText.Quote(factor)} has {items.Count} indicator{(items.Count == 1 ? "" : "s")} ({MessageText.List(items)}); at least 2 are needed.");
        if (items.Distinct(StringComparer.Ordinal).Count() != items.Count)
            throw new ReliabilityException($"Factor {MessageText.Quote(factor)} lists an indicator twice ({MessageText.List(items)}).");
        for (int i = 0; i < loadings.Count; i++)
            if (!double.IsFinite(loadings[i]))
                throw new ReliabilityException($"Factor {MessageText.Quote(factor)}: the loading of {MessageText.Quote(items[i])} is not a finite number.");
        Factor = factor;
        Items = items.ToArray();
        Loadings = loadings.ToArray();
    }

    /// <summary>The factor's name.</summary>
    public string Factor { get; }

    /// <summary>The indicators.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>One loading per indicator.</summary>
    public IReadOnlyList<double> Loadings { get; }
}
