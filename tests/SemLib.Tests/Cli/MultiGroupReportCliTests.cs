using System.Xml.Linq;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary><c>semlib fit --group school --report</c>: every group in the HTML and Markdown reports (issue 12, item 3).
/// The case is lavaan's two-school HS CFA, Reference/lavaan/hs-cfa-groups; its labels are the keys of case.json's r2.</summary>
public sealed class MultiGroupReportCliTests
{
    [Fact]
    public void Html_and_markdown_reports_show_both_schools_with_a_diagram_each()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa-groups");
        var labels = c.Root.GetProperty("r2").EnumerateObject().Select(p => p.Name).ToList();
        using var files = new TempFiles();
        string html = Path.Combine(files.Root, "hs.html"), md = Path.Combine(files.Root, "hs.md");
        var run = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--group", "school",
            "--report", html, "--report", md);
        Assert.True(run.ExitCode == 0, run.Stderr);

        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var page = XDocument.Load(html);
        var captions = page.Descendants(xhtml + "figcaption").Select(f => f.Value).ToList();
        Assert.Equal(2, page.Descendants().Count(e => e.Name.LocalName == "svg"));
        Assert.Equal(2, captions.Count);
        string markdown = File.ReadAllText(md);
        for (int g = 1; g <= 2; g++)
        {
            string name = $"Group {g} [{labels[g - 1]}]";
            Assert.Contains(name, captions[g - 1], StringComparison.Ordinal);
            Assert.Contains(page.Descendants(xhtml + "caption"), t => t.Value == "Factor loadings — " + name);
            string svg = Path.Combine(files.Root, $"hs-group{g}.svg");
            Assert.True(File.Exists(svg), $"the Markdown report's diagram of group {g} is written beside it");
            Assert.Contains($"(hs-group{g}.svg)", markdown, StringComparison.Ordinal);
            Assert.Contains(name, XDocument.Load(svg).Descendants().First(e => e.Name.LocalName == "title").Value, StringComparison.Ordinal);
            Assert.Contains($"hs-group{g}.svg", run.Stderr, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path.Combine(files.Root, "hs.svg")));
        Assert.Empty(Directory.GetFiles(files.Root, "*.tmp"));
    }

    [Theory]
    [InlineData(".svg")]
    [InlineData(".dot")]
    public void A_diagram_report_of_several_groups_is_one_file_per_group(string extension)
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa-groups");
        var labels = c.Root.GetProperty("r2").EnumerateObject().Select(p => p.Name).ToList();
        using var files = new TempFiles();
        string report = Path.Combine(files.Root, "diagram" + extension);
        var run = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--group", "school", "--report", report);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.False(File.Exists(report), "with two groups the diagrams are name-group1, name-group2");
        for (int g = 1; g <= 2; g++)
        {
            string file = Path.Combine(files.Root, $"diagram-group{g}{extension}");
            Assert.True(File.Exists(file), $"group {g}'s diagram");
            Assert.Contains($"Group {g} [{labels[g - 1]}]", File.ReadAllText(file), StringComparison.Ordinal);
            Assert.Contains($"diagram-group{g}{extension}", run.Stderr, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.GetFiles(files.Root, "*.tmp"));
    }
}
