using SemLib.Resampling;
using SemLib.Reporting.Diagrams;
using SemLib.Reporting.Documents;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib fit --report PATH</c>: the library's report documents and path diagram, written whole or not at all
/// (<see cref="OutputFiles"/>: temporary files in the same folder, then renames; FIFOs and devices written into).
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

    /// <summary>
    /// Writes the report at <paramref name="path"/> (and, for .md, its diagram beside it): every file is first written
    /// to a temporary file of this run, then all are renamed into place under the report's <see cref="ReportLock"/>,
    /// so that two runs writing the same report at once cannot leave one run's Markdown with the other's SVG.
    /// </summary>
    /// <returns>The files written: the report first, then (for .md) its diagrams.</returns>
    public static IReadOnlyList<string> Write(string path, SemFit fit, BootstrapResult? boot, string title, DiagramOptions? diagramOptions = null)
    {
        var pending = new List<PendingOutput>();
        var written = new List<string> { path };
        try
        {
            string extension = Path.GetExtension(path).ToLowerInvariant();
            switch (extension)
            {
                case ".svg" or ".dot":
                    {
                        // One diagram per group: the file itself for one group, name-group1.svg, name-group2.svg, … for several.
                        int groups = fit.Table.GroupCount;
                        if (groups > 1) written.Clear();
                        for (int g = 1; g <= groups; g++)
                        {
                            var diagram = PathDiagram.Create(fit, (diagramOptions ?? new DiagramOptions()) with { Group = g });
                            string file = groups == 1 ? path : GroupFile(path, g, extension);
                            pending.Add(OutputFiles.Prepare(file, w => w.Write(extension == ".svg" ? diagram.ToSvg() : diagram.ToDot())));
                            if (groups > 1) written.Add(file);
                        }
                        break;
                    }
                case ".md":
                    {
                        // One diagram per group: report.svg for one group, report-group1.svg, report-group2.svg, … for several.
                        var svgs = new List<(string File, PathDiagram Diagram)>();
                        string markdown = Document(fit, boot, title, diagramOptions).ToMarkdown(new MarkdownOptions
                        {
                            DiagramPath = (d, _) =>
                            {
                                string svg = DiagramFile(path, fit, d.Diagram.Options.Group);
                                svgs.Add((svg, d.Diagram));
                                return Path.GetFileName(svg);
                            },
                        });
                        foreach (var (file, picture) in svgs)
                        {
                            pending.Add(OutputFiles.Prepare(file, w => w.Write(picture.ToSvg())));
                            written.Add(file);
                        }
                        pending.Add(OutputFiles.Prepare(path, w => w.Write(markdown)));
                        break;
                    }
                default:
                    pending.Add(OutputFiles.Prepare(path, w => w.Write(Document(fit, boot, title, diagramOptions).ToHtml())));
                    break;
            }
            var main = pending[^1];
            using (main.Replaces ? ReportLock.Acquire(main.Target) : null)
            {
                for (int i = 0; i < pending.Count; i++)
                {
                    if (i > 0) BetweenRenames?.Invoke();
                    pending[i].Commit();
                }
            }
            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnalysisFailedException($"cannot write the report '{path}': {e.Message}");
        }
        finally
        {
            foreach (var p in pending) p.Dispose();
        }
    }

    /// <summary>The SVG file of a Markdown report's diagram of one group.</summary>
    private static string DiagramFile(string path, SemFit fit, int group) =>
        fit.Table.GroupCount == 1 ? Path.ChangeExtension(path, ".svg") : GroupFile(path, group, ".svg");

    /// <summary>name-groupK.ext beside <paramref name="path"/>: the file of group K's diagram.</summary>
    private static string GroupFile(string path, int group, string extension) =>
        Path.ChangeExtension(path, null) + $"-group{group}{extension}";

    /// <summary>Tests only: called between two renames of one report, to widen the window a concurrent run could slip into.</summary>
    internal static Action? BetweenRenames { get; set; }

    private static ReportDocument Document(SemFit fit, BootstrapResult? boot, string title, DiagramOptions? diagramOptions)
    {
        var doc = SemReport.Create(fit, title, diagram: diagramOptions);
        return boot is null ? doc : doc.Add(SemReportSections.Bootstrap(boot));
    }
}
