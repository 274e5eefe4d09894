using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using SemLib.Data;
using SemLib.Reliability;
using SemLib.Tests.Support;
using SemLib.Reporting.Documents;

namespace SemLib.Tests.Reporting;

public sealed class ReportDocumentTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>A caller-made table of the kind other issues will add (hypotheses), with one flagged cell.</summary>
    private static ReportSection Hypotheses() => new("Hypotheses", new ReportTable(
        ["Hypothesis", "Path", ReportColumn.Numeric("β"), "Verdict"],
        [["H1a", "scale → acq", ".35***", "supported"], ["H1c", "ties → acq", ReportCell.Flag(".08", "p = .21"), "not supported | <b>"]])
    {
        Caption = "Hypotheses",
        FlagLegend = "not significant at .05",
    });

    private static XDocument ParseHtml(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"", html, StringComparison.Ordinal);
        return XDocument.Parse(html);
    }

    /// <summary>Self-contained: no scripts, no stylesheets or images from elsewhere, no web addresses except the XML
    /// namespaces of XHTML and SVG.</summary>
    private static void AssertSelfContained(string html)
    {
        string rest = html.Replace("http://www.w3.org/1999/xhtml", "", StringComparison.Ordinal).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal);
        Assert.DoesNotContain("http://", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", rest.Replace("url(#", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReportingModels.Required), MemberType = typeof(ReportingModels))]
    public void TheStandardReportIsWellFormedSelfContainedXhtmlWithTheDiagramInline(string model)
    {
        var fit = ReportingModels.Get(model);
        var doc = SemReport.Create(fit, model).Add(Hypotheses());
        string html = doc.ToHtml();
        var x = ParseHtml(html);
        AssertSelfContained(html);
        Assert.Equal(Xhtml + "html", x.Root!.Name);
        Assert.Equal(model, x.Root.Element(Xhtml + "head")!.Element(Xhtml + "title")!.Value);
        var svg = Assert.Single(x.Descendants(SvgInspector.Svg + "svg"));
        foreach (var v in fit.Table.Roles.Latent.Concat(fit.Table.Roles.Observed))
            Assert.Contains(svg.Descendants(SvgInspector.Svg + "text"), t => t.Value == v);
        Assert.Equal(doc.Sections.Count, x.Descendants(Xhtml + "h2").Count());
        foreach (var table in x.Descendants(Xhtml + "table"))
        {
            int columns = table.Descendants(Xhtml + "th").Count();
            Assert.All(table.Element(Xhtml + "tbody")!.Elements(Xhtml + "tr"), tr => Assert.Equal(columns, tr.Elements(Xhtml + "td").Count()));
        }
        string md = doc.ToMarkdown();
        Assert.StartsWith("# " + MarkdownRenderer.Escape(model) + "\n", md, StringComparison.Ordinal);
        foreach (var s in doc.Sections) Assert.Contains("\n## " + MarkdownRenderer.Escape(s.Heading) + "\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void FlaggedCellsAreMarkedInHtmlAndMarkdownWithALegend()
    {
        var doc = new ReportDocument("Flags").Add(Hypotheses());
        var x = ParseHtml(doc.ToHtml());
        var cells = x.Descendants(Xhtml + "td").ToList();
        var flagged = Assert.Single(cells, td => ((string?)td.Attribute("class") ?? "").Split(' ').Contains("flag"));
        Assert.Equal("⚠.08", flagged.Value);
        Assert.Equal("p = .21", (string?)flagged.Attribute("title"));
        Assert.DoesNotContain(cells.Where(c => c != flagged), c => c.Value.Contains('⚠', StringComparison.Ordinal));
        Assert.Contains(x.Descendants(Xhtml + "p"), p => (string?)p.Attribute("class") == "legend" && p.Value == "⚠not significant at .05");
        // Escaped text survives as text.
        Assert.Contains(cells, c => c.Value == "not supported | <b>");

        string md = doc.ToMarkdown();
        Assert.Contains("| H1c | ties → acq | **.08** ⚠ | not supported \\| \\<b\\> |", md, StringComparison.Ordinal);
        Assert.Contains("| H1a | scale → acq | .35\\*\\*\\* | supported |", md, StringComparison.Ordinal);
        Assert.Contains("\n⚠ not significant at .05\n", md, StringComparison.Ordinal);
        Assert.Equal(1, md.Split('⚠').Length - 2);   // one flagged cell, one legend
    }

    [Fact]
    public void TheFitTableFlagsExactlyTheMeasuresThatMissTheirCutOffs()
    {
        // HS CFA (lavaan, hs-cfa/case.json): χ²(24) = 85.31, p < .001, χ²/df = 3.55, CFI .931, TLI .896,
        // RMSEA .092 [.071, .114], SRMR .065, GFI .943, AGFI .894 → p, χ²/df, TLI, RMSEA and AGFI miss the
        // customary cut-offs.
        var fit = ReportingModels.Get("hs-cfa");
        var table = ModelFitTable(SemReportSections.ModelFit(fit));
        Assert.Equal(["p", "χ²/df", "TLI", "RMSEA [90% CI]", "AGFI"], FlaggedRows(table));
        Assert.Equal(".092 [.071, .114]", table.Rows.Single(r => r[0].Text == "RMSEA [90% CI]")[1].Text);
        // Hu & Bentler (1999): CFI .931 < .95 fails too.
        var strict = ModelFitTable(SemReportSections.ModelFit(fit, FitCutoffs.HuBentler1999));
        Assert.Equal(["p", "χ²/df", "CFI", "TLI", "RMSEA [90% CI]", "AGFI"], FlaggedRows(strict));
        // A cut-off set to null is reported without judgement.
        var lenient = ModelFitTable(SemReportSections.ModelFit(fit, FitCutoffs.Customary with { ChiSquarePValue = null, Agfi = null }));
        Assert.Equal(["χ²/df", "TLI", "RMSEA [90% CI]"], FlaggedRows(lenient));
        var paragraph = Assert.IsType<ReportParagraph>(SemReportSections.ModelFit(fit).Blocks[1]);
        Assert.StartsWith("χ²(24) = 85.31, p < .001, CFI = .931, TLI = .896, RMSEA = .092, 90% CI [.071, .114], SRMR = .065.", paragraph.Text, StringComparison.Ordinal);
    }

    private static ReportTable ModelFitTable(ReportSection s) => s.Blocks.OfType<ReportTable>().Single();

    private static string[] FlaggedRows(ReportTable t) => t.Rows.Where(r => r.Any(c => c.Flagged)).Select(r => r[0].Text).ToArray();

    [Fact]
    public void LoadingsBelowPointFiveAreFlagged()
    {
        // lavaan (hs-cfa/case.json), nine loadings: only visual=~x2 has std.all below .50 (.424; the others .57 to
        // .86), with est .5535, se .0997, z 5.55, p 2.8e-8. visual=~x1 is fixed: no SE, z or p.
        var table = SemReportSections.Loadings(ReportingModels.Get("hs-cfa")).Blocks.OfType<ReportTable>().Single();
        Assert.Equal(9, table.Rows.Count);
        var flagged = Assert.Single(table.Rows, r => r.Any(c => c.Flagged));
        Assert.Equal(["visual", "x2", "0.554", "0.100", "5.55", "< .001", ".424"], flagged.Select(c => c.Text).ToArray());
        Assert.Equal(["—", "—", "—"], table.Rows[0].Skip(3).Take(3).Select(c => c.Text).ToArray());
    }

    [Fact]
    public void StructuralCovarianceAndRSquareTablesFollowTheEstimates()
    {
        var fit = ReportingModels.Get("talor-mediation");
        var paths = SemReportSections.StructuralPaths(fit).Blocks.OfType<ReportTable>().Single();
        Assert.Equal(["Path", "Label", "Estimate", "SE", "z", "p", "β", "Sig."], paths.Columns.Select(c => c.Header).ToArray());
        // lavaan (talor-mediation/case.json): pmi ~ a*cond = 0.477 (p .042, std.all .181); reaction ~ b*pmi = 0.506 (p 1.3e-7).
        Assert.Equal(["cond → pmi", "a", "0.477"], paths.Rows[0].Take(3).Select(c => c.Text).ToArray());
        Assert.Equal(".181", paths.Rows[0][6].Text);
        Assert.Equal("*", paths.Rows[0][7].Text);
        Assert.Equal("***", paths.Rows[1][7].Text);
        var poldem = ReportingModels.Get("poldem-sem");
        var covs = SemReportSections.Covariances(poldem).Blocks.OfType<ReportTable>().Single();
        // The model's six covariances, all of indicators' residuals: y1~~y5, y2~~y4, y2~~y6, y3~~y7, y4~~y8, y6~~y8.
        Assert.Equal(6, covs.Rows.Count);
        Assert.All(covs.Rows, r => Assert.Equal("residual", r[1].Text));
        var r2 = SemReportSections.RSquare(poldem).Blocks.OfType<ReportTable>().Single();
        // lavaan's r2 (poldem-sem/case.json): the 11 indicators, dem60 and dem65; the latent ones first.
        Assert.Equal(["dem60", "dem65"], r2.Rows.Take(2).Select(r => r[0].Text).ToArray());
        Assert.Equal(13, r2.Rows.Count);
        Assert.Single(SemReportSections.Warnings(poldem).Blocks.OfType<ReportParagraph>(), p => p.Text == "The fit reported no warnings.");
    }

    [Fact]
    public void ReliabilitySectionsFlagCellsThatMissTheirCutOffs()
    {
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv"));
        ScaleDefinition[] scales = [new("visual", ["x1", "x2", "x3"]), new("textual", ["x4", "x5", "x6"]), new("speed", ["x7", "x8", "x9"])];
        var rel = scales.Select(s => ItemAnalysis.Analyze(data, s)).ToList();
        var alpha = ReliabilityReportSections.ScaleReliability(rel).Blocks.OfType<ReportTable>().ToList();
        // Flagged exactly when alpha < .70; psych's alpha (reliability/hs.json): visual .626, textual .883.
        for (int i = 0; i < rel.Count; i++) Assert.Equal(rel[i].Alpha < 0.70, alpha[0].Rows[i][2].Flagged);
        Assert.True(alpha[0].Rows[0][2].Flagged);
        Assert.False(alpha[0].Rows[1][2].Flagged);
        Assert.Equal(9, alpha[1].Rows.Count);

        string[] items = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];
        var kmo = SamplingAdequacy.Kmo(data, items);
        var adequacy = ReliabilityReportSections.SamplingAdequacy(kmo, SamplingAdequacy.Bartlett(data, items), new ValidityCutoffs { Kmo = 0.95 });
        var overall = adequacy.Blocks.OfType<ReportTable>().First();
        Assert.True(overall.Rows[0][1].Flagged);   // KMO .752 (reliability/hs.json) < .95
        Assert.False(overall.Rows[2][1].Flagged);  // Bartlett χ²(36) = 904.1, p 1.9e-166 (reliability/hs.json)

        var cfa = ReportingModels.Get("hs-cfa");
        var cr = ReliabilityReportSections.ConstructReliability(cfa).Blocks.OfType<ReportTable>().Single();
        var visual = cr.Rows.Single(r => r[0].Text == "visual");
        Assert.True(visual[2].Flagged);   // x2 loads .424
        Assert.True(visual[4].Flagged);   // AVE = (.772² + .424² + .581²)/3 = .371 < .50

        var htmt = Htmt.Compute(data, scales);
        var ht = ReliabilityReportSections.Htmt(htmt, new ValidityCutoffs { Htmt = 0.30 }).Blocks.OfType<ReportTable>().Single();
        Assert.Equal(["", "visual", "textual"], ht.Columns.Select(c => c.Header).ToArray());
        Assert.Equal(["textual", "speed"], ht.Rows.Select(r => r[0].Text).ToArray());
        foreach (var (row, i) in ht.Rows.Select((r, i) => (r, i + 1)))
            for (int j = 0; j < i; j++)
                Assert.Equal(htmt.Matrix[i, j] >= 0.30, row[j + 1].Flagged);

        var ave = new Dictionary<string, double> { ["a"] = 0.25, ["b"] = 0.64 };
        var fl = ConstructReliability.FornellLarcker(ave, new LabeledMatrix(["a", "b"], new[,] { { 1, 0.6 }, { 0.6, 1 } }));
        var flTable = ReliabilityReportSections.FornellLarcker(fl).Blocks.OfType<ReportTable>().Single();
        Assert.True(flTable.Rows[1][1].Flagged);   // r = .60 ≥ √AVE(a) = .50
        Assert.Equal(".500", flTable.Rows[0][1].Text);

        var checks = ReliabilityReportSections.ValidityChecks(ValidityAssessment.Report(ValidityAssessment.Check(rel[0])));
        Assert.All(checks.Blocks.OfType<ReportTable>().Single().Rows, r => Assert.True(r[3].Flagged));
        string html = new ReportDocument("Reliability").Add(ReliabilityReportSections.ScaleReliability(rel), adequacy, checks).ToHtml();
        AssertSelfContained(html);
        Assert.Contains(ParseHtml(html).Descendants(Xhtml + "td"), td => (string?)td.Attribute("class") == "r flag");
    }

    [Fact]
    public void MarkdownEmbedsOrLinksDiagrams()
    {
        var fit = ReportingModels.Get("talor-mediation");
        var doc = new ReportDocument("Mediation").Add(SemReportSections.Diagram(fit, caption: "Figure 1"));
        string md = doc.ToMarkdown();
        const string prefix = "(data:image/svg+xml;base64,";
        int start = md.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        string svg = Encoding.UTF8.GetString(Convert.FromBase64String(md[start..md.IndexOf(')', start)]));
        Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName);
        string linked = doc.ToMarkdown(new MarkdownOptions { DiagramPath = (_, i) => $"figure {i}.svg" });
        Assert.Contains("![Figure 1](figure%201.svg)", linked, StringComparison.Ordinal);

        // Brackets in the caption stay inside the alt text (each escaped once: "\\]" would end it), and parentheses
        // in the path stay inside the link destination (an unbalanced "(" would end it).
        var brackets = new ReportDocument("Mediation").Add(SemReportSections.Diagram(fit, caption: "Model [a]"));
        string md2 = brackets.ToMarkdown(new MarkdownOptions { DiagramPath = (_, _) => "fig (1).svg" });
        Assert.Contains("![Model \\[a\\]](fig%20%281%29.svg)\n", md2, StringComparison.Ordinal);
    }

    [Fact]
    public void TablesRejectRaggedRowsAndDocumentsAreImmutable()
    {
        Assert.Throws<ArgumentException>(() => new ReportTable(["a", "b"], [["1"]]));
        var empty = new ReportDocument("t");
        var one = empty.Add(new ReportSection("s", new ReportParagraph("p")));
        Assert.Empty(empty.Sections);
        Assert.Single(one.Sections);
        Assert.Equal("new", (one.Sections[0] with { Heading = "new" }).Heading);
    }

    [Fact]
    public void AnyTextStaysTextInHtmlAndMarkdown()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), ArbMap.Default.ArbFor<NonNull<string>>(), (a, b) =>
        {
            string text = a.Get, cell = b.Get;
            var doc = new ReportDocument(text).Add(new ReportSection(text, new ReportParagraph(text), new ReportList(text),
                new ReportTable([text], [[ReportCell.Flag(cell, text)]])));
            // Whitespace-only text nodes are content here, so keep them when parsing.
            var x = XDocument.Parse(doc.ToHtml(), LoadOptions.PreserveWhitespace);
            string expected = Keep(text);
            Assert.Equal(expected, x.Descendants(Xhtml + "h1").Single().Value);
            Assert.Equal(expected, x.Descendants(Xhtml + "li").Last().Value);
            Assert.Equal("⚠" + Keep(cell), x.Descendants(Xhtml + "td").Single().Value);
            // Markdown: reading the paragraph left to right, every markup character is escaped by a backslash.
            string line = "p " + text.Replace('\n', ' ').Replace('\r', ' ');
            string md = new ReportDocument("t").Add(new ReportSection("s", new ReportParagraph(line))).ToMarkdown();
            string para = md[(md.IndexOf("## s\n\n", StringComparison.Ordinal) + 6)..].TrimEnd('\n');
            for (int i = 0; i < para.Length; i++)
            {
                if (para[i] == '\\') { i++; continue; }
                Assert.False(para[i] is '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '#', $"unescaped '{para[i]}' in {para}");
            }
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>What XML can hold of a string: control characters other than tab and line breaks and lone surrogates
    /// are dropped; XML parsing normalizes line breaks to \n.</summary>
    private static string Keep(string s)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sb.Append(c).Append(s[++i]);
            else if ((c >= ' ' || c is '\t' or '\n' or '\r') && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') sb.Append(c);
        }
        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }
}
