using SemLib.Data;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;
using SemLib.Reporting.Diagrams;
using SemLib.Reporting.Documents;

namespace SemLib.Tests.Reporting;

/// <summary>
/// Reports of fits with ordered items: the thresholds in their own table under a "Thresholds" heading (per group with
/// groups), the estimation paragraph naming the ordered items, and a path diagram that leaves thresholds and scale
/// factors out. Data: the HS items cut into five categories (Reference/lavaan/hs-cfa-ordinal).
/// </summary>
public sealed class OrdinalReportTests
{
    private static readonly string Data = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa-ordinal", "data.csv");
    private const string HsModel = "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n";

    private static SemFit Fit(string? group = null) =>
        Sem.Fit(HsModel, DataSet.ReadCsv(Data), new ModelOptions { Ordered = [ModelOptions.AllOrdered], Group = group });

    [Fact]
    public void Thresholds_have_their_own_table_under_a_thresholds_heading()
    {
        var fit = Fit();
        string md = SemReport.Create(fit, "hs ordinal").ToMarkdown();
        Assert.Contains("## Thresholds", md, StringComparison.Ordinal);
        // lavaan 0.6.14 (Reference/lavaan/hs-cfa-ordinal/case.json): x1|t1 -0.905 (SE 0.0842, z -10.7446), x9|t4 1.322.
        Assert.Contains("| x1 | t1 | -0.905 | 0.084 | -10.74 | \\< .001 | -0.905 |", md, StringComparison.Ordinal);
        Assert.Contains("| x9 | t4 | 1.322 |", md, StringComparison.Ordinal);
        Assert.Contains("9 ordered items (x1, x2, x3, x4, x5, x6, x7, x8, x9; delta parameterization)", md, StringComparison.Ordinal);
        // The section comes after the covariances and before R², and holds one row per threshold (4 per item).
        var headings = md.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.True(headings.IndexOf("## Covariances") < headings.IndexOf("## Thresholds") && headings.IndexOf("## Thresholds") < headings.IndexOf("## Explained variance"), string.Join(", ", headings));
        var table = SemReportSections.Thresholds(fit).Blocks.OfType<ReportTable>().Single();
        Assert.Equal(36, table.Rows.Count);
        string html = SemReport.Create(fit, "hs ordinal").ToHtml();
        Assert.Contains("Thresholds of the ordered items", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_group_has_its_thresholds()
    {
        string md = SemReport.Create(Fit("school"), "hs ordinal groups").ToMarkdown();
        Assert.Contains("Thresholds of the ordered items — Group 1 \\[Pasteur\\]", md, StringComparison.Ordinal);
        Assert.Contains("Thresholds of the ordered items — Group 2 \\[Grant-White\\]", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_ordered_items_has_no_thresholds_section()
    {
        var fit = Sem.Fit(HsModel, DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv")));
        Assert.DoesNotContain("Thresholds", SemReport.Create(fit).ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("no ordered items", SemReportSections.Thresholds(fit).Blocks.OfType<ReportParagraph>().Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_path_diagram_leaves_out_thresholds_and_scale_factors()
    {
        var fit = Fit();
        Assert.Contains(fit.Parameters, p => p.Op == ModelOperator.Threshold);
        Assert.Contains(fit.Parameters, p => p.Op == ModelOperator.Scaling);
        var diagram = PathDiagram.Create(fit);
        // Three factors and nine items; nine loadings and three factor covariances, as for the continuous model.
        Assert.Equal(12, diagram.Nodes.Count);
        Assert.Equal(12, diagram.Edges.Count);
        Assert.Equal(["speed", "textual", "visual", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"], diagram.Nodes.Select(n => n.Name).Order());
        Assert.All(diagram.Edges, e => Assert.NotEqual(e.From, e.To));
        Assert.DoesNotContain("t1", diagram.ToSvg(), StringComparison.Ordinal);
    }
}
