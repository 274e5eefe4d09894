using SemLib.CommonMethod;
using SemLib.Tests.CommonMethod;
using SemLib.Reporting.Documents;

namespace SemLib.Tests.Reporting;

/// <summary>The method-bias section of the HTML and Markdown reports, alone and added to a model's report.</summary>
public sealed class MethodBiasReportTests
{
    private static MethodBiasResult Likert()
    {
        var (json, data) = MethodBiasReferenceTests.Case("likert-marker");
        return MethodBias.Run(json.GetProperty("model").GetString()!, data, new MethodBiasOptions { Markers = ["mk1", "mk2", "mk3"] });
    }

    [Fact]
    public void Markdown_has_the_fit_marker_and_reliability_tables_and_the_verdicts()
    {
        var r = Likert();
        string md = MethodBiasReportSections.Document(r).ToMarkdown();
        Assert.Contains("## Common method bias", md);
        Assert.Contains("| One factor (Harman) | 837.93 | 54 |", md); // chisq 837.928 (likert-marker.json)
        Assert.Contains("| Method-C | 93.89 | 92 |", md);           // method_c chisq 93.890
        Assert.Contains("**Reliability decomposition (Method-C)**", md);
        Assert.Contains("45.8%", md);                               // first_component_share 0.4583
        foreach (var v in r.Verdicts) Assert.Contains(v[..30], md); // Markdown escapes the "<" of "p < .001" later on
    }

    [Fact]
    public void Html_flags_the_significant_marker_tests_and_can_extend_a_model_report()
    {
        var r = Likert();
        var (json, data) = MethodBiasReferenceTests.Case("likert-marker");
        var doc = SemReport.Create(Sem.Fit(json.GetProperty("model").GetString()!, data)).Add(MethodBiasReportSections.Section(r));
        string html = doc.ToHtml();
        Assert.Contains("Common method bias", html);
        Assert.Contains("CFA marker technique", html);
        Assert.Contains(ReportCell.FlagMark, html);
    }

    [Fact]
    public void A_first_component_above_half_is_said_in_the_section()
    {
        var (json, data) = MethodBiasReferenceTests.Case("poldem");
        var r = MethodBias.Run(json.GetProperty("model").GetString()!, data); // share 0.5776 (poldem.json)
        var section = MethodBiasReportSections.Section(r);
        var first = Assert.IsType<ReportParagraph>(section.Blocks[0]);
        Assert.Contains("57.8%", first.Text);
        Assert.Contains("more than 50%", first.Text);
    }
}
