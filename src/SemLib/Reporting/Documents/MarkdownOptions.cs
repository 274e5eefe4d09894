namespace SemLib.Reporting.Documents;

/// <summary>How <see cref="MarkdownRenderer"/> writes a report.</summary>
public sealed record MarkdownOptions
{
    /// <summary>The defaults: diagrams embedded as <c>data:</c> URIs.</summary>
    public static MarkdownOptions Default { get; } = new();

    /// <summary>
    /// Where diagrams go. Null (the default) embeds each as an SVG <c>data:</c> URI image, which keeps the file
    /// self-contained (VS Code, pandoc and most editors show it; GitHub does not). Otherwise the function gets the
    /// diagram and its 1-based number among the report's diagrams and returns the relative path to link; the caller
    /// writes <c>diagram.Diagram.ToSvg()</c> to that path.
    /// </summary>
    public Func<ReportDiagram, int, string>? DiagramPath { get; init; }
}
