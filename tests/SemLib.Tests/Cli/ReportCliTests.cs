using System.Xml.Linq;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary><c>semlib fit --report</c>: the library's reports written next to the normal output.</summary>
public sealed class ReportCliTests
{
    [Fact]
    public void Html_markdown_svg_and_dot_reports_are_written_and_well_formed()
    {
        var c = ReferenceCase.Load("lavaan/poldem-sem");
        using var files = new TempFiles();
        string html = Path.Combine(files.Root, "poldem.html"), md = Path.Combine(files.Root, "poldem.md");
        string svg = Path.Combine(files.Root, "diagram.svg"), dot = Path.Combine(files.Root, "diagram.dot");
        var run = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"),
            "--report", html, "--report", md, "--report", svg, "--report", dot);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Latent Variables:", run.Stdout);
        var page = XDocument.Load(html);
        var picture = XDocument.Load(svg);
        var names = new[] { "ind60", "dem60", "dem65", "x1", "x2", "x3", "y1", "y8" };
        var svgText = string.Join(" ", picture.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        foreach (var n in names) Assert.Contains(n, svgText.Split(' '));
        Assert.Contains("dem65", page.Root!.Value);
        Assert.True(File.Exists(Path.ChangeExtension(md, ".svg")), "the Markdown report's diagram is written beside it");
        Assert.Contains("(poldem.svg)", File.ReadAllText(md));
        Assert.StartsWith("digraph", File.ReadAllText(dot).TrimStart());
        Assert.Empty(Directory.GetFiles(files.Root, "*.tmp"));
    }

    [Fact]
    public void Diagram_options_choose_unstandardized_values_and_error_terms()
    {
        var c = ReferenceCase.Load("lavaan/poldem-sem");
        using var files = new TempFiles();
        string model = files.Model(c), data = Path.Combine(c.Folder, "data.csv");
        string std = Path.Combine(files.Root, "std.svg"), unstd = Path.Combine(files.Root, "unstd.svg"), html = Path.Combine(files.Root, "unstd.html");
        Assert.Equal(0, CliRun.Of("fit", "--model", model, "--data", data, "--report", std).ExitCode);
        var run = CliRun.Of("fit", "--model", model, "--data", data, "--report", unstd, "--report", html, "--diagram", "unstd", "--diagram-errors");
        Assert.True(run.ExitCode == 0, run.Stderr);
        string Texts(string file, string cls) => string.Join(" ", XDocument.Load(file).Descendants()
            .Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("class") == cls).Select(e => e.Value));
        // ind60 =~ x2: est 2.180, std.all 0.973 (poldem-sem case.json).
        Assert.Contains(".97***", Texts(std, "coefficient").Split(' '));
        Assert.Contains("2.18***", Texts(unstd, "coefficient").Split(' '));
        Assert.Contains("Unstandardized estimates", Texts(unstd, "legend"));
        // Error terms: e1 … e11 for the indicators, d1 and d2 for the two endogenous factors, as AMOS names them.
        var errors = Texts(unstd, "name").Split(' ').Where(n => n.Length > 1 && n[0] is 'e' or 'd' && char.IsDigit(n[1])).ToList();
        Assert.Equal(13, errors.Count);
        Assert.DoesNotContain(Texts(std, "name").Split(' '), n => n.Length > 1 && n[0] == 'e' && char.IsDigit(n[1]));
        Assert.Contains("Unstandardized estimates", File.ReadAllText(html));
    }

    [Theory]
    [InlineData("--diagram", "unstd")]
    [InlineData("--diagram-errors", null)]
    public void Diagram_options_need_a_report(string option, string? value)
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        string[] args = ["fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), option, .. value is null ? Array.Empty<string>() : [value]];
        Assert.Contains($"{option} sets up the path diagram of a report, so it only goes with --report", CliRun.Of(args).AssertOneLineError(2), StringComparison.Ordinal);
        var bad = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--report", Path.Combine(files.Root, "x.svg"), "--diagram", "raw");
        Assert.Contains("--diagram raw is not valid; use std", bad.AssertOneLineError(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Bootstrap_section_names_the_interval_in_words()
    {
        var c = ReferenceCase.Load("lavaan/talor-mediation");
        using var files = new TempFiles();
        string md = Path.Combine(files.Root, "talor.md");
        var run = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"),
            "--se", "bootstrap", "--bootstrap", "50", "--ci", "bca", "--effect", "cond:reaction", "--report", md);
        Assert.True(run.ExitCode == 0, run.Stderr);
        string report = File.ReadAllText(md);
        Assert.Contains("## Bootstrap", report);
        Assert.Contains("**50 of 50 draws converged (seed 1); BCa intervals**", report);
        Assert.Contains("**Bootstrapped effects**", report);
        Assert.DoesNotContain(nameof(SemLib.Resampling.BootstrapInterval.BiasCorrectedAccelerated), report);
    }

    [Fact]
    public void Unknown_report_format_is_a_usage_error_and_nothing_is_fitted_or_written()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        string pdf = Path.Combine(files.Root, "report.pdf");
        var line = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--report", pdf).AssertOneLineError(2);
        Assert.Contains(".html, .md, .svg or .dot", line);
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void Unwritable_report_path_is_an_analysis_error_naming_the_file()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        string nowhere = Path.Combine(files.Root, "no-such-folder", "report.html");
        var line = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--report", nowhere).AssertOneLineError(1);
        Assert.Contains("report.html", line);
    }
}
