using SemLib.Reporting;
using SemLib.Resampling;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib fit --report PATH</c>: the library's report documents and path diagram, written whole or not at all
/// (a temporary file in the same folder, then a move).
/// </summary>
internal static class ReportFiles
{
    private static readonly string[] Extensions = [".html", ".htm", ".md", ".svg", ".dot"];

    /// <summary>Refuses an unknown extension before any work is done (a command-line mistake, exit 2).</summary>
    public static void CheckPath(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(ext))
            throw new CliUsageException($"--report {path}: the extension must be .html, .md, .svg or .dot (it chooses the format).");
    }

    public static void Write(string path, SemFit fit, BootstrapResult? boot, string title)
    {
        try
        {
            var diagram = PathDiagram.Create(fit);
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".svg":
                    OutputFiles.WriteWhole(path, diagram.ToSvg());
                    break;
                case ".dot":
                    OutputFiles.WriteWhole(path, diagram.ToDot());
                    break;
                case ".md":
                    {
                        string svg = Path.ChangeExtension(path, ".svg");
                        OutputFiles.WriteWhole(svg, diagram.ToSvg());
                        OutputFiles.WriteWhole(path, Document(fit, boot, title).ToMarkdown(new MarkdownOptions { DiagramPath = (_, _) => Path.GetFileName(svg) }));
                        break;
                    }
                default:
                    OutputFiles.WriteWhole(path, Document(fit, boot, title).ToHtml());
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnalysisFailedException($"cannot write the report '{path}': {e.Message}");
        }
    }

    private static ReportDocument Document(SemFit fit, BootstrapResult? boot, string title)
    {
        var doc = SemReport.Create(fit, title);
        return boot is null ? doc : doc.Add(SemReportSections.Bootstrap(boot));
    }
}
