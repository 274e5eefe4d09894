using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using SemLib.Tests.Support;
using SemLib.Reporting.Diagrams;
using SemLib.Reporting.Documents;

namespace SemLib.Tests.Reporting;

/// <summary>
/// <see cref="SemReport.Create"/> of a multi-group fit shows every group (issue 12, item 3): lavaan's configural
/// two-school HS CFA, Reference/lavaan/hs-cfa-groups (cfa(model, HolzingerSwineford1939, group = "school"), lavaan
/// 0.6.14). Expected group labels, x2 loadings and R² are read from that case.json.
/// </summary>
public sealed class MultiGroupReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly Lazy<ReferenceCase> Case = new(() => ReferenceCase.Load("lavaan/hs-cfa-groups"));
    private static readonly Lazy<SemFit> Fit = new(() => Case.Value.Fit());

    /// <summary>The groups as lavaan labels them, in lavaan's order (the keys of case.json's per-group r2).</summary>
    private static List<string> Labels() => Case.Value.Root.GetProperty("r2").EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>lavaan's visual =~ x2 row of a group: (est, std.all).</summary>
    private static (double Est, double StdAll) X2Loading(int group)
    {
        var p = Case.Value.Parameters.Single(p => p.GetProperty("op").GetString() == "=~" && p.GetProperty("rhs").GetString() == "x2"
            && p.GetProperty("group").GetInt32() == group);
        return (p.GetProperty("est").GetDouble(), p.GetProperty("std.all").GetDouble());
    }

    /// <summary>A number cell's value (a flagged cell starts with the ⚠ marker: Pasteur's x2 loading is below .50).</summary>
    private static double Parse(string cell) => double.Parse(cell.TrimStart(ReportCell.FlagMark[0]), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The 3-decimal cells agree with lavaan to the printed precision (plus the fit's own small difference).</summary>
    private static void Near(double expected, string cell, string what) =>
        Assert.True(Math.Abs(expected - Parse(cell)) <= 0.002, $"{what}: lavaan {expected}, report '{cell}'");

    [Fact]
    public void The_html_report_shows_every_group_tables_r_square_and_a_captioned_diagram_each()
    {
        var labels = Labels();
        Assert.Equal(2, labels.Count);
        var x = XDocument.Parse(SemReport.Create(Fit.Value, "HS by school").ToHtml());
        var tables = x.Descendants(Xhtml + "table").ToList();
        string Caption(XElement t) => t.Element(Xhtml + "caption")?.Value ?? "";

        var figures = x.Descendants(Xhtml + "figure").ToList();
        Assert.Equal(2, figures.Count);
        for (int g = 1; g <= 2; g++)
        {
            string name = $"Group {g} [{labels[g - 1]}]";
            var figure = figures[g - 1];
            Assert.Contains(name, figure.Element(Xhtml + "figcaption")!.Value, StringComparison.Ordinal);
            Assert.Contains(name, figure.Descendants(SvgInspector.Svg + "title").First().Value, StringComparison.Ordinal);
            foreach (var v in new[] { "visual", "textual", "speed", "x1", "x9" })
                Assert.Contains(figure.Descendants(SvgInspector.Svg + "text"), t => t.Value == v);

            var loadings = Assert.Single(tables, t => Caption(t) == "Factor loadings — " + name);
            var x2 = loadings.Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").Select(r => r.Elements(Xhtml + "td").Select(c => c.Value).ToList())
                .Single(r => r[0] == "visual" && r[1] == "x2");
            var (est, std) = X2Loading(g);
            Near(est, x2[2], $"x2 loading of {name}");
            Near(std, x2[^1], $"x2 std.all of {name}");

            var r2 = Assert.Single(tables, t => Caption(t) == "R² of dependent variables and indicators — " + name);
            var x2r2 = r2.Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").Select(r => r.Elements(Xhtml + "td").Select(c => c.Value).ToList()).Single(r => r[0] == "x2");
            Near(Case.Value.Root.GetProperty("r2").GetProperty(labels[g - 1]).GetProperty("x2").GetDouble(), x2r2[^1], $"x2 R² of {name}");

            Assert.Single(tables, t => Caption(t) == "Covariances — " + name);
        }
        // The estimates come in group order within each section: group 1's loadings before group 2's.
        Assert.True(tables.FindIndex(t => Caption(t).StartsWith("Factor loadings — Group 1", StringComparison.Ordinal))
            < tables.FindIndex(t => Caption(t).StartsWith("Factor loadings — Group 2", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_markdown_report_names_both_groups_with_their_loadings_and_two_diagrams()
    {
        var labels = Labels();
        string md = SemReport.Create(Fit.Value, "HS by school").ToMarkdown();
        for (int g = 1; g <= 2; g++)
        {
            string name = MarkdownRenderer.Escape($"Group {g} [{labels[g - 1]}]");
            Assert.Contains("**Factor loadings — " + name + "**", md, StringComparison.Ordinal);
            Assert.Contains("**R² of dependent variables and indicators — " + name + "**", md, StringComparison.Ordinal);
            Assert.Contains("![Path diagram of " + name, md, StringComparison.Ordinal);
            var (est, _) = X2Loading(g);
            Assert.Contains("| visual | x2 | " + est.ToString("F3", CultureInfo.InvariantCulture) + " |", md, StringComparison.Ordinal);
        }
        Assert.Equal(2, md.Split("![", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public void A_caller_title_for_the_diagram_still_gets_the_group_in_the_caption()
    {
        var doc = SemReport.Create(Fit.Value, diagram: DiagramOptions.Default with { Title = "Three abilities" });
        var captions = doc.Sections.SelectMany(s => s.Blocks).OfType<ReportDiagram>().Select(d => d.Caption).ToList();
        Assert.Equal(["Group 1 [" + Labels()[0] + "]: Three abilities", "Group 2 [" + Labels()[1] + "]: Three abilities"], captions);
    }

    [Fact]
    public void A_single_group_report_names_no_group()
    {
        var doc = SemReport.Create(ReportingModels.Get("hs-cfa"), "hs-cfa");
        Assert.Single(doc.Sections.SelectMany(s => s.Blocks).OfType<ReportDiagram>());
        Assert.DoesNotContain("Group", doc.ToMarkdown(), StringComparison.Ordinal);
    }
}
