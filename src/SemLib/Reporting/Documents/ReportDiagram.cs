using SemLib.Reporting.Diagrams;

namespace SemLib.Reporting.Documents;

/// <summary>A path diagram in a report: inlined as SVG in HTML, linked or embedded as an image in Markdown.</summary>
/// <param name="Diagram">The diagram.</param>
/// <param name="Caption">A caption, or null.</param>
public sealed record ReportDiagram(PathDiagram Diagram, string? Caption = null) : ReportBlock;
