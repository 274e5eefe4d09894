namespace SemLib.Reporting.Documents;

/// <summary>
/// A report: a title and sections of paragraphs, tables, lists and diagrams, rendered as Markdown
/// (<see cref="ToMarkdown"/>) or as one self-contained HTML file (<see cref="ToHtml"/>). Immutable: <see cref="Add"/>
/// returns a new document.
/// <code>
/// var report = new ReportDocument("Cluster upgrade study")
///     .Add(SemReportSections.ModelFit(fit))
///     .Add(SemReportSections.Diagram(fit))
///     .Add(new ReportSection("Hypotheses", hypothesesTable));
/// File.WriteAllText("report.html", report.ToHtml());
/// </code>
/// </summary>
public sealed record ReportDocument
{
    /// <summary>Creates an empty document.</summary>
    public ReportDocument(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>A line under the title (data, date, software), or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The sections, in order.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>This document with the sections appended.</summary>
    public ReportDocument Add(params IReadOnlyList<ReportSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return this with { Sections = [.. Sections, .. sections] };
    }

    /// <summary>The document as Markdown (GitHub-flavoured tables).</summary>
    public string ToMarkdown(MarkdownOptions? options = null) => MarkdownRenderer.Render(this, options);

    /// <summary>The document as a self-contained HTML file (inline CSS, inline SVG, no scripts or external resources),
    /// written as XHTML-compatible HTML5 so that XML tools can read it too.</summary>
    public string ToHtml() => HtmlRenderer.Render(this);
}
