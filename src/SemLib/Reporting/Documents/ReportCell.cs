namespace SemLib.Reporting.Documents;

/// <summary>
/// A table cell: its text and whether it is flagged — a value that misses the cut-off the table applies. Renderers
/// mark flagged cells visibly (a ⚠ marker, and a CSS class in HTML) and explain the mark below the table.
/// </summary>
/// <param name="Text">The cell's text.</param>
/// <param name="Flagged">True when the value misses its cut-off.</param>
/// <param name="Note">Why it is flagged (e.g. "below .50"); shown as a tooltip in HTML. Null for none.</param>
public sealed record ReportCell(string Text, bool Flagged = false, string? Note = null)
{
    /// <summary>The marker renderers put on flagged cells and before the legend that explains it.</summary>
    public const string FlagMark = "⚠";

    /// <summary>An empty cell.</summary>
    public static ReportCell Empty { get; } = new("");

    /// <summary>A flagged cell.</summary>
    public static ReportCell Flag(string text, string? note = null) => new(text, true, note);

    /// <summary>A cell flagged when <paramref name="flagged"/> is true.</summary>
    public static ReportCell FlagIf(bool flagged, string text, string? note = null) => new(text, flagged, flagged ? note : null);

    /// <summary>An unflagged cell with the given text.</summary>
    public static implicit operator ReportCell(string text) => new(text);
}
