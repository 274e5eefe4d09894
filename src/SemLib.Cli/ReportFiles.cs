using System.Globalization;
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
        if (boot is null) return doc;
        static string N(double? v) => v is double d && double.IsFinite(d) ? d.ToString("F3", CultureInfo.InvariantCulture) : "";
        string level = (100 * boot.Options.ConfidenceLevel).ToString("F0", CultureInfo.InvariantCulture);
        var rows = boot.Parameters.Where(p => p.CiLower is not null).Select(p => (IReadOnlyList<ReportCell>)[
            p.Name, N(p.Estimate), N(p.StandardError), $"[{N(p.CiLower)}, {N(p.CiUpper)}]", N(p.StdAll)]);
        var table = new ReportTable(["Parameter", ReportColumn.Numeric("Estimate"), ReportColumn.Numeric("Bootstrap SE"), ReportColumn.Numeric($"{level}% interval"), ReportColumn.Numeric("Std.all")], rows)
        {
            Caption = $"{boot.Converged} of {boot.Requested} draws converged (seed {boot.Options.Seed}); {boot.Options.Interval} intervals",
        };
        var blocks = new List<ReportBlock> { table };
        if (boot.Effects.Count > 0)
        {
            blocks.Add(new ReportTable(["Effect", "Path", ReportColumn.Numeric("Estimate"), ReportColumn.Numeric($"{level}% interval"), ReportColumn.Numeric("Std.all")],
                boot.Effects.Select(e => (IReadOnlyList<ReportCell>)[e.Kind, e.Path, N(e.Estimate),
                    ReportCell.FlagIf(!e.ExcludesZero, $"[{N(e.CiLower)}, {N(e.CiUpper)}]"), N(e.StdAll)]))
            { Caption = "Bootstrapped effects", FlagLegend = "interval includes 0" });
        }
        if (boot.BollenStinePValue is double bs)
            blocks.Add(new ReportParagraph($"Bollen–Stine bootstrap p-value of the model χ²: {N(bs)} ({boot.BollenStineDraws} draws)."));
        return doc.Add(new ReportSection("Bootstrap", blocks.ToArray()));
    }
}
