using ClusterUpgrade;
using SemLib.Data;
using SemLib.Tests.Support;

namespace SemLib.Tests.Samples;

/// <summary>
/// The sample study: the CSV it simulates with its default seed is the one lavaan was fitted to for the reference
/// cases study-measurement and study-structural (Reference/lavaan-extra, make-lavaan-cases.R), its model syntax is
/// the one lavaan fitted, and its hypothesis verdicts come from the data.
/// </summary>
public sealed class ClusterUpgradeTests
{
    private static string CaseFolder => Path.Combine(ReferenceCase.BaseDirectory, "lavaan-extra", "study-structural");

    [Fact]
    public void Simulated_survey_is_the_reference_csv()
    {
        var dir = Directory.CreateTempSubdirectory("semlib-study-");
        try
        {
            var path = Path.Combine(dir.FullName, "firms.csv");
            FirmSimulator.Write(path, 218, 218);
            Assert.Equal(File.ReadAllText(Path.Combine(CaseFolder, "data.csv")).ReplaceLineEndings(), File.ReadAllText(path).ReplaceLineEndings());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Model_syntax_is_what_lavaan_fitted()
    {
        static string Norm(string s) => string.Join("\n", s.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"\s+", " ")).Where(l => l.Length > 0));
        Assert.Equal(Norm(ReferenceCase.Load(Path.Combine("lavaan-extra", "study-structural")).Model), Norm(Design.StructuralSyntax()));
        Assert.Equal(Norm(ReferenceCase.Load(Path.Combine("lavaan-extra", "study-measurement")).Model), Norm(Design.MeasurementSyntax()));
    }

    /// <summary>
    /// With the design's population values, H1c and H2a (small population paths, .10 and .05) are not supported at
    /// N = 218 and the others are; the verdicts are computed from this data set's estimates (lavaan gives the same
    /// paths: study-structural case.json, e.g. acq ~ ties std.all 0.143, p = 0.100).
    /// </summary>
    [Fact]
    public void Hypothesis_verdicts_follow_from_the_data()
    {
        var data = DataSet.ReadCsv(Path.Combine(CaseFolder, "data.csv"));
        var results = StudyAnalysis.Run(data, draws: 300, seed: 218, simulated: true, progress: null);
        var unsupported = results.Hypotheses.Where(h => !h.Supported).Select(h => h.Id).ToList();
        Assert.Equal(["H1c", "H2a"], unsupported);
        Assert.Equal(11, results.Hypotheses.Count);
        Assert.Equal(300, results.Bootstrap.Converged);
        var text = ConsoleReport.Render(results);
        foreach (var id in results.Hypotheses.Select(h => h.Id)) Assert.Contains(id, text);

        // The documents the program writes: well-formed, with every variable of the model in the diagram.
        var dir = Directory.CreateTempSubdirectory("semlib-study-files-");
        try
        {
            StudyFiles.Write(dir.FullName, results, text);
            var svg = System.Xml.Linq.XDocument.Load(Path.Combine(dir.FullName, "path-diagram.svg"));
            var html = System.Xml.Linq.XDocument.Load(Path.Combine(dir.FullName, "report.html"));
            var svgText = string.Join(" ", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
            foreach (var v in Design.Items.Concat(Design.FirstOrder.Select(c => c.Name)).Append("upg"))
                Assert.Contains(v, svgText.Split(' '));
            var htmlText = html.Root!.Value;
            foreach (var id in results.Hypotheses.Select(h => h.Id)) Assert.Contains(id, htmlText);
            Assert.DoesNotContain("<script", File.ReadAllText(Path.Combine(dir.FullName, "report.html")));
            Assert.True(File.Exists(Path.Combine(dir.FullName, "report.md")));
            Assert.Contains("digraph", File.ReadAllText(Path.Combine(dir.FullName, "path-diagram.dot")));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
