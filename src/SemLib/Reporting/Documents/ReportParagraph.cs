namespace SemLib.Reporting.Documents;

/// <summary>A paragraph of plain text (renderers escape it; no markup is interpreted).</summary>
/// <param name="Text">The text.</param>
public sealed record ReportParagraph(string Text) : ReportBlock;
