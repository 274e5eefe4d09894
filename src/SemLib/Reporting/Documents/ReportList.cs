namespace SemLib.Reporting.Documents;

/// <summary>A bulleted list of plain-text items (e.g. the warnings of a fit).</summary>
public sealed record ReportList : ReportBlock
{
    /// <summary>Creates the list.</summary>
    public ReportList(params IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items.ToArray();
    }

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<string> Items { get; }
}
