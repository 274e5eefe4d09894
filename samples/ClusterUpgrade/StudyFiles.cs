using SemLib.Reporting.Diagrams;
using SemLib.Reporting.Documents;
using SemLib.Reporting.Json;
using SemLib.Reporting.Text;

namespace ClusterUpgrade;

/// <summary>
/// Writes the study's files: the report as text, Markdown and self-contained HTML, the path diagram as SVG and
/// Graphviz DOT, the lavaan-style summary and JSON of the structural model, and the summary of its WLSMV fit (the
/// sensitivity analysis with the items ordered).
/// </summary>
public static class StudyFiles
{
    public static void Write(string dir, StudyResults r, string report)
    {
        WriteAtomically(Path.Combine(dir, "report.txt"), report);
        WriteAtomically(Path.Combine(dir, "structural-model.txt"),
            TextSummary.Format(r.Structural, new TextSummaryOptions { FitMeasures = true, Standardized = true, RSquare = true }));
        WriteAtomically(Path.Combine(dir, "structural-model.json"), FitJson.ToJson(r.Structural));
        WriteAtomically(Path.Combine(dir, "structural-model-wlsmv.txt"),
            TextSummary.Format(r.Ordinal.Structural, new TextSummaryOptions { FitMeasures = true, Standardized = true, RSquare = true }));
        var diagram = PathDiagram.Create(r.Structural, new DiagramOptions { Title = "Network structure → knowledge behaviour → cluster upgrade" });
        WriteAtomically(Path.Combine(dir, "path-diagram.svg"), diagram.ToSvg());
        WriteAtomically(Path.Combine(dir, "path-diagram.dot"), diagram.ToDot());
        var document = StudyDocument.Build(r, diagram);
        WriteAtomically(Path.Combine(dir, "report.html"), document.ToHtml());
        WriteAtomically(Path.Combine(dir, "report.md"), document.ToMarkdown(new MarkdownOptions { DiagramPath = (_, _) => "path-diagram.svg" }));
    }

    /// <summary>Writes a file whole or not at all (temporary file, then a move).</summary>
    public static void WriteAtomically(string path, string content)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, content);
        File.Move(tmp, path, overwrite: true);
    }
}
