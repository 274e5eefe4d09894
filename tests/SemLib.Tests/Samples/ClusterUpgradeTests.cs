using ClusterUpgrade;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Tests.Support;
using SemLib.Syntax;

namespace SemLib.Tests.Samples;

/// <summary>
/// The sample study: the CSV it simulates with its default seed (about 5% of the answers missing at random) is the
/// one lavaan was fitted to for the reference cases study-measurement, study-structural (FIML with MLR) and
/// study-structural-listwise (listwise ML) (Reference/lavaan-extra, make-lavaan-cases.R), its model syntax and
/// options are the ones lavaan fitted, its fits agree with lavaan's, and its hypothesis verdicts come from the data.
/// </summary>
public sealed class ClusterUpgradeTests
{
    private static string CaseFolder => Path.Combine(ReferenceCase.BaseDirectory, "lavaan-extra", "study-structural");

    /// <summary>The study on the reference CSV, run once for the tests that read its results.</summary>
    private static readonly Lazy<StudyResults> Study = new(() =>
        StudyAnalysis.Run(DataSet.ReadCsv(Path.Combine(CaseFolder, "data.csv")), draws: 300, seed: 218, simulated: true, progress: null));

    /// <summary>
    /// The path table labels β as the standardized estimate and SE and z as those of the unstandardized estimate B,
    /// which it prints: every row's B, SE(B) and z(B) are the unstandardized estimate's and its β is std.all.
    /// </summary>
    [Fact]
    public void Path_table_labels_standardized_and_unstandardized_columns_truthfully()
    {
        var results = Study.Value;
        var lines = ConsoleReport.Render(results).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int header = lines.FindIndex(l => l.TrimStart().StartsWith("path", StringComparison.Ordinal));
        Assert.True(header >= 0, "path table header");
        Assert.Matches(@"^\s+path\s+β \(std\.all\)\s+B\s+SE\(B\)\s+z\(B\)\s+p$", lines[header]);
        var paths = results.Structural.Parameters.Where(p => p.Op == ModelOperator.Regression).ToList();
        for (int i = 0; i < paths.Count; i++)
        {
            var p = paths[i];
            var cells = lines[header + 1 + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // path "acq <- scale" takes three cells; then β with stars, B, SE(B), z(B), p.
            Assert.Equal($"{p.Lhs} <- {p.Rhs}", string.Join(' ', cells[..3]));
            Assert.Equal(Format.N(p.StdAll) + Format.Stars(p.PValue), cells[3]);
            Assert.Equal(Format.N(p.Estimate), cells[4]);
            Assert.Equal(Format.N(p.StandardError), cells[5]);
            Assert.Equal(Format.N(p.Z, 2), cells[6]);
        }
    }

    /// <summary>
    /// The EFA's loading checks (one per item, under the EFA's factors PA1, …) are reported and counted apart from the
    /// confirmatory scale checks: no scale check names an EFA factor, the two sets together are the reliability
    /// study's verdicts, and the console and HTML texts name no EFA factor as a scale.
    /// </summary>
    [Fact]
    public void Efa_loading_checks_are_kept_apart_from_scale_checks()
    {
        var results = Study.Value;
        var efaFactors = results.Efa.FactorNames.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(results.Efa.Items.Count, results.EfaChecks.Checks.Count);
        Assert.All(results.EfaChecks.Checks, c => Assert.Contains(c.Scale, efaFactors));
        Assert.DoesNotContain(results.ScaleChecks.Checks, c => efaFactors.Contains(c.Scale));
        Assert.Equal(results.Reliability.Verdicts.Checks.Count, results.ScaleChecks.Checks.Count + results.EfaChecks.Checks.Count);
        // The reference data has EFA loadings below .50 (cr1, cr2, cr4 on PA1 when this test was written), so the
        // separation is visible in the counts, not only in the absence of a failure.
        Assert.NotEmpty(results.EfaChecks.Failures);

        var text = ConsoleReport.Render(results);
        foreach (var f in efaFactors) Assert.DoesNotContain($"scale '{f}'", text);
        string scaleLine = text.Split('\n').Single(l => l.Contains("Scale checks (confirmatory):", StringComparison.Ordinal));
        Assert.Contains($" of {results.ScaleChecks.Checks.Count} checks", scaleLine);
        string efaLine = text.Split('\n').Single(l => l.Contains("EFA loading checks (exploratory):", StringComparison.Ordinal));
        Assert.Contains($"{results.EfaChecks.Failures.Count} of {results.EfaChecks.Checks.Count} items load below .50", efaLine);

        // The HTML report says the same: the scale checks' sentence and the EFA's own sentence.
        var dir = Directory.CreateTempSubdirectory("semlib-study-checks-");
        try
        {
            StudyFiles.Write(dir.FullName, results, text);
            string html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir.FullName, "report.html")));
            Assert.Contains(results.ScaleChecks.Describe(), html);
            Assert.Contains("EFA loading checks (exploratory): " + StudyAnalysis.DescribeEfa(results.EfaChecks), html);
            foreach (var f in efaFactors) Assert.DoesNotContain($"scale '{f}'", html);
        }
        finally
        {
            dir.Delete(true);
        }
    }

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
    /// N = 218 and the others are; the verdicts are computed from this data set's FIML (MLR) estimates (lavaan gives
    /// the same paths: study-structural case.json, e.g. acq ~ ties std.all 0.135, p = 0.186).
    /// </summary>
    [Fact]
    public void Hypothesis_verdicts_follow_from_the_data()
    {
        var results = Study.Value;
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

    private static ReferenceCase Case(string name) => ReferenceCase.Load(Path.Combine("lavaan-extra", name));

    /// <summary>
    /// The study's fits are lavaan's: the measurement and structural models by FIML with MLR (estimator = "MLR",
    /// missing = "ml") and the structural model by listwise ML, compared with case.json of study-measurement,
    /// study-structural and study-structural-listwise on every parameter row, fit measure, R² and implied covariance
    /// under the 1e-3 rule; H6's scaled difference (Satorra–Bentler 2001) and the listwise one agree with lavTestLRT
    /// (the cases' h6_lrt).
    /// </summary>
    [Fact]
    public void Fits_agree_with_lavaan_under_fiml_mlr_and_listwise_ml()
    {
        var r = Study.Value;
        Assert.Equal(Estimator.MLR, r.Structural.Options.Estimator);
        Assert.Equal(MissingPolicy.ML, r.Structural.Options.Missing);
        Assert.Equal(MissingPolicy.ML, r.Measurement.Options.Missing);
        Assert.Equal(Estimator.ML, r.StructuralListwise.Options.Estimator);
        Assert.Null(r.Structural.Options.Cluster);
        var cases = new (string Name, SemFit Fit, ModelComparisonRow? Lrt)[]
        {
            ("study-measurement", r.Measurement, null),
            ("study-structural", r.Structural, r.Comparison[1]),
            ("study-structural-listwise", r.StructuralListwise, r.ComparisonListwise[1]),
        };
        foreach (var (name, fit, lrt) in cases)
        {
            var c = Case(name);
            var agree = new Agreement(name);
            LavaanComparison.Parameters(c, fit, agree);
            LavaanComparison.FitMeasures(c, fit, agree);
            LavaanComparison.RSquareAndImplied(c, fit, agree);
            Assert.Equal(c.Root.GetProperty("nobs").GetInt32(), fit.NObs[0]);
            if (lrt is { } row)
            {
                var h6 = c.Root.GetProperty("h6_lrt");
                agree.Check("H6 chisq diff", row.ChiSquareDifference, h6.GetProperty("chisq_diff").GetDouble());
                agree.Check("H6 p", row.PValue, h6.GetProperty("pvalue").GetDouble());
                Assert.Equal(h6.GetProperty("df_diff").GetInt32(), row.DfDifference);
                Assert.Equal(h6.GetProperty("method").GetString()!.Contains("satorra.bentler.2001"), row.Method == "satorra.bentler.2001");
            }
            agree.Assert();
        }
        Assert.Equal("satorra.bentler.2001", r.Comparison[1].Method);
    }

    /// <summary>
    /// The simulated CSV has empty cells: about 5% of the answers on the 25 items other than sc1–sc4 are missing, sc1–sc4
    /// are complete (they drive the nonresponse), and the missingness is at random in the design's direction — firms in
    /// the upper half of the sc mean skip more answers than firms in the lower half. The same seed gives the same file.
    /// </summary>
    [Fact]
    public void Simulated_survey_has_answers_missing_at_random_driven_by_the_sc_items()
    {
        var text = File.ReadAllText(Path.Combine(CaseFolder, "data.csv"));
        Assert.Contains(",,", text);
        var data = DataSet.ReadCsv(Path.Combine(CaseFolder, "data.csv"));
        foreach (var d in Design.MissingDrivers) Assert.Equal(0, data[d].MissingCount);
        int cells = Design.SkippableItems.Count * data.RowCount;
        int missing = Design.SkippableItems.Sum(i => data[i].MissingCount);
        Assert.InRange((double)missing / cells, 0.04, 0.06);
        var score = Enumerable.Range(0, data.RowCount).Select(row => Design.MissingDrivers.Average(d => data[d][row])).ToArray();
        var skipped = Enumerable.Range(0, data.RowCount).Select(row => Design.SkippableItems.Count(i => double.IsNaN(data[i][row]))).ToArray();
        var order = Enumerable.Range(0, data.RowCount).OrderBy(i => score[i]).ToArray();
        double low = order.Take(data.RowCount / 2).Average(i => skipped[i]), high = order.Skip(data.RowCount / 2).Average(i => skipped[i]);
        Assert.True(high > 2 * low, $"firms with larger networks skip more: {high:F2} against {low:F2} answers per firm");

        var listwise = Enumerable.Range(0, data.RowCount).Count(row => skipped[row] == 0);
        Assert.Equal(listwise, Study.Value.CompleteRows);
        Assert.Equal(listwise, Study.Value.StructuralListwise.NObs[0]);
        Assert.Equal(missing, Study.Value.MissingCells);
    }

    /// <summary>
    /// Each hypothesis path's verdict under both estimators follows from lavaan's estimates of the same data
    /// (std.all &gt; 0 and p &lt; .05 in case.json of study-structural and study-structural-listwise); H6 is supported
    /// when lavTestLRT's p is at least .05.
    /// </summary>
    [Fact]
    public void Verdicts_under_both_estimators_follow_from_the_data()
    {
        var r = Study.Value;
        static bool Expected(ReferenceCase c, string lhs, string rhs)
        {
            var p = c.Parameters.Single(p => p.GetProperty("lhs").GetString() == lhs && p.GetProperty("op").GetString() == "~" && p.GetProperty("rhs").GetString() == rhs);
            return p.GetProperty("std.all").GetDouble() > 0 && p.GetProperty("pvalue").GetDouble() < 0.05;
        }
        var fiml = Case("study-structural");
        var listwise = Case("study-structural-listwise");
        Assert.Equal(Design.PathHypotheses.Count, r.MethodComparison.Count);
        foreach (var (h, m) in Design.PathHypotheses.Zip(r.MethodComparison))
        {
            Assert.Equal(h.Id, m.Id);
            Assert.Equal(Expected(fiml, h.Outcome, h.Predictor), m.FimlSupported);
            Assert.Equal(Expected(listwise, h.Outcome, h.Predictor), m.ListwiseSupported);
            Assert.Equal(m.FimlSupported, r.Hypotheses.Single(v => v.Id == h.Id).Supported);
        }
        Assert.Equal(fiml.Root.GetProperty("h6_lrt").GetProperty("pvalue").GetDouble() >= 0.05, r.Hypotheses.Single(v => v.Id == "H6").Supported);
        // Listwise deletion keeps 78 of 218 firms here and loses power: it supports fewer paths than FIML.
        Assert.True(r.MethodComparison.Count(m => m.ListwiseSupported) < r.MethodComparison.Count(m => m.FimlSupported));
    }

    /// <summary>
    /// The console report, the HTML and the Markdown carry the missing-data summary (rows used, patterns, each item's
    /// coverage from SemFit.MissingData), the comparison of FIML (MLR) with listwise ML, and the note that four clusters
    /// are too few for cluster-robust SEs; the bootstrap ran on the FIML fit of the incomplete data.
    /// </summary>
    [Fact]
    public void Reports_carry_the_missing_data_summary_the_comparison_and_the_cluster_note()
    {
        var r = Study.Value;
        var md = r.Structural.MissingData![0];
        Assert.Equal(218, md.Rows);
        Assert.True(md.Patterns > 1);
        Assert.Equal(4, r.Clusters);
        Assert.True(r.Bootstrap.Converged > 0);
        var text = ConsoleReport.Render(r);
        string Flat(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");
        Assert.Contains(Flat(StudyNotes.MissingAnswers(r)), Flat(text));
        Assert.Contains($"218 rows, {md.Patterns} missing-data patterns", Flat(text));
        Assert.Contains(Flat(StudyNotes.Clusters(r)), Flat(text));
        Assert.Contains("4 industrial clusters, too few for cluster-robust standard errors", Flat(text));
        Assert.Contains($"5. {Design.FimlLabel} against {Design.ListwiseLabel}", text);
        foreach (var (variable, coverage) in StudyNotes.Coverage(md))
            Assert.Contains($" {variable,-4}{Format.N(coverage, 2)}", text);

        var dir = Directory.CreateTempSubdirectory("semlib-study-missing-");
        try
        {
            StudyFiles.Write(dir.FullName, r, text);
            foreach (var file in new[] { "report.html", "report.md" })
            {
                string doc = Flat(System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir.FullName, file))));
                Assert.Contains($"{md.Rows} rows used, {md.Patterns} missing-data patterns", doc);
                Assert.Contains(Flat(StudyNotes.Clusters(r)), doc);
                Assert.Contains(Flat(StudyNotes.MissingAnswers(r)), doc);
                Assert.Contains($"by {Design.ListwiseLabel} on the {r.StructuralListwise.NObs[0]} firms", doc);
                Assert.Contains("Satorra–Bentler 2001 scaled", doc);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>
    /// The common-method-bias section: the checks run on the first-order measurement model with the study's estimator
    /// (FIML with MLR: its χ² is that of the same CFA fitted directly; Harman's component uses the firms that answered
    /// every item), and the console report, the HTML and the Markdown show them. The one-factor model fits worse than the
    /// measurement model (the data were simulated from eight correlated traits).
    /// </summary>
    [Fact]
    public void Reports_carry_the_common_method_bias_checks()
    {
        var r = Study.Value;
        var mb = r.MethodBias!;
        Assert.Equal(Design.Items.Count(), mb.Items.Count);
        // The measurement model by FIML (MLR) is the study's first-order CFA: the same χ² as fitting it directly.
        var direct = Cfa.Fit(Design.TraitSyntax(), r.Data, Design.Fiml);
        Assert.Equal(direct.FitMeasures.ChiSquare!.Value, mb.Measurement.ChiSquare!.Value, 6);
        Assert.InRange(mb.Harman.FirstComponentShare, 0.0, 0.5);
        Assert.True(mb.Harman.SingleFactor.ChiSquare > mb.Measurement.ChiSquare);
        string text = ConsoleReport.Render(r);
        Assert.Contains("Common-method bias", text);
        Assert.Contains("Harman's single-factor test", text);
        var dir = Directory.CreateTempSubdirectory("semlib-study-method-");
        try
        {
            StudyFiles.Write(dir.FullName, r, text);
            foreach (var file in new[] { "report.html", "report.md" })
                Assert.Contains("Common-method bias", File.ReadAllText(Path.Combine(dir.FullName, file)));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>
    /// Small against larger firms agrees with lavaan: each invariance step's χ² and df (case.json of
    /// study-invariance-configural, -metric, -scalar, -strict) and its scaled difference from the step before
    /// (lrt_previous: lavTestLRT), and each path's per-group estimates, Wald z and p of the difference and the Δχ² with
    /// that path equal (path_tests of study-paths-groups), all under the 1e-3 rule; the reports show both tables.
    /// </summary>
    [Fact]
    public void Small_and_larger_firms_agree_with_lavaan()
    {
        var r = Study.Value;
        var g = r.Groups!;
        Assert.Equal([GroupComparison.Larger, GroupComparison.Small], g.Invariance.Groups);
        Assert.Equal(218, g.Sizes.Sum());
        var agree = new Agreement("small against larger firms");
        string[] steps = ["configural", "metric", "scalar", "strict"];
        Assert.Equal(steps, g.Invariance.Steps.Select(x => x.Step.ToString().ToLowerInvariant()));
        for (int i = 0; i < steps.Length; i++)
        {
            var c = Case("study-invariance-" + steps[i]);
            var step = g.Invariance.Steps[i];
            agree.Check(steps[i] + " chisq", step.ChiSquare, c.Root.GetProperty("fit_measures").GetProperty("chisq").GetDouble());
            agree.Check(steps[i] + " df", step.Df, c.Root.GetProperty("fit_measures").GetProperty("df").GetDouble());
            agree.Check(steps[i] + " cfi", step.Cfi, c.Root.GetProperty("fit_measures").GetProperty("cfi").GetDouble());
            if (i == 0) continue;
            var lrt = c.Root.GetProperty("lrt_previous");
            agree.Check(steps[i] + " Δχ²", step.DeltaChiSquare, lrt.GetProperty("chisq_diff").GetDouble());
            agree.Check(steps[i] + " Δχ² p", step.DeltaPValue, lrt.GetProperty("pvalue").GetDouble());
            Assert.Equal(lrt.GetProperty("df_diff").GetInt32(), step.DeltaDf);
        }
        var tests = Case("study-paths-groups").Root.GetProperty("path_tests").EnumerateArray().ToList();
        Assert.Equal(tests.Count, g.Paths.Paths.Count);
        foreach (var t in tests)
        {
            string lhs = t.GetProperty("lhs").GetString()!, rhs = t.GetProperty("rhs").GetString()!;
            var d = g.Paths.Paths.Single(p => p.Dependent == lhs && p.Predictor == rhs);
            string name = $"{lhs} ~ {rhs}";
            var est = t.GetProperty("est").EnumerateArray().Select(e => e.GetDouble()).ToList();
            agree.Check(name + " B group 1", d.Estimates[0], est[0]);
            agree.Check(name + " B group 2", d.Estimates[1], est[1]);
            agree.Check(name + " difference", d.Difference, t.GetProperty("difference").GetDouble());
            agree.Check(name + " se", d.StandardError, t.GetProperty("se").GetDouble());
            agree.Check(name + " z", d.Z, t.GetProperty("z").GetDouble());
            agree.Check(name + " Wald p", d.WaldPValue, t.GetProperty("wald_pvalue").GetDouble());
            agree.Check(name + " Δχ²", d.DeltaChiSquare, t.GetProperty("chisq_diff").GetDouble());
            agree.Check(name + " Δχ² p", d.DeltaPValue, t.GetProperty("pvalue").GetDouble());
        }
        agree.Assert();

        var text = ConsoleReport.Render(r);
        Assert.Contains("8. Small against larger firms", text);
        var dir = Directory.CreateTempSubdirectory("semlib-study-groups-");
        try
        {
            StudyFiles.Write(dir.FullName, r, text);
            string md = File.ReadAllText(Path.Combine(dir.FullName, "report.md"));
            Assert.Contains("Measurement invariance: small against larger firms", md);
            Assert.Contains("Path differences: small against larger firms", md);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>
    /// The sensitivity section (the 29 items ordered, WLSMV): 11 rows, H1a–H7 in the study's order; the WLSMV column is
    /// a direct Sem.Fit of the structural model with ordered = all and missing = pairwise (std.all β, p and the verdict
    /// β &gt; 0, p &lt; .05), on all 218 firms; the FIML and listwise columns are the study's own verdicts
    /// (section 6 and the FIML/listwise comparison); H6 is the robust Wald test of the three direct paths, whose
    /// covariance block is the fit's (its diagonal gives each path's SE), and H7 the delta-method indirect effects of the
    /// direct fit; the "changes" column compares the verdicts.
    /// </summary>
    [Fact]
    public void Sensitivity_with_ordered_items_agrees_with_a_direct_wlsmv_fit()
    {
        var r = Study.Value;
        var o = r.Ordinal;
        Assert.Equal(11, o.Rows.Count);
        Assert.Equal(r.Hypotheses.Select(h => h.Id), o.Rows.Select(x => x.Id));
        var direct = Sem.Fit(Design.StructuralSyntax(), r.Data, new SemLib.Specification.ModelOptions { Ordered = ["all"], Missing = SemLib.Data.MissingPolicy.Pairwise });
        Assert.Equal(Estimator.WLSMV, direct.Estimator);
        Assert.Equal(Estimator.WLSMV, o.Structural.Estimator);
        Assert.True(direct.Converged);
        Assert.Equal(r.Data.RowCount, direct.NObs[0]);
        Assert.Equal(direct.NObs, o.Structural.NObs);
        foreach (var h in Design.PathHypotheses)
        {
            var row = o.Rows.Single(x => x.Id == h.Id);
            var p = direct.Parameter(h.Outcome, "~", h.Predictor)!;
            Assert.Equal(p.StdAll!.Value, row.Wlsmv.Estimate!.Value, 10);
            Assert.Equal(p.PValue!.Value, row.Wlsmv.PValue!.Value, 10);
            Assert.Equal(p.StdAll > 0 && p.PValue < 0.05, row.Wlsmv.Supported);
            var m = r.MethodComparison.Single(x => x.Id == h.Id);
            Assert.Equal(m.FimlSupported, row.Fiml.Supported);
            Assert.Equal(m.ListwiseSupported, row.Listwise.Supported);
            Assert.Equal(m.Fiml.StdAll, row.Fiml.Estimate);
            Assert.Equal(m.Listwise.PValue, row.Listwise.PValue);
        }
        foreach (var row in o.Rows)
        {
            Assert.Equal(r.Hypotheses.Single(h => h.Id == row.Id).Supported, row.Fiml.Supported);
            Assert.Equal(row.Wlsmv.Supported != row.Fiml.Supported, row.ChangesFromFiml);
            Assert.Equal(row.Wlsmv.Supported != row.Listwise.Supported, row.ChangesFromListwise);
        }

        // H6: the Wald test's covariance block is that of the direct paths: its diagonal gives their robust SEs.
        var withDirect = Sem.Fit(Design.StructuralSyntax(directPaths: true), r.Data, new SemLib.Specification.ModelOptions { Ordered = ["all"], Missing = SemLib.Data.MissingPolicy.Pairwise });
        var cov = withDirect.ParameterCovariance()!;
        var free = withDirect.Parameters.Where(p => p.Free == true).ToList();
        foreach (var from in new[] { "scale", "centr", "ties" })
        {
            int i = free.FindIndex(p => p.Lhs == "upg" && p.Op == ModelOperator.Regression && p.Rhs == from);
            Assert.Equal(free[i].StandardError!.Value, Math.Sqrt(cov[i, i]), 10);
        }
        var wald = OrdinalSensitivity.DirectPathsWald(withDirect);
        Assert.Equal(wald, o.H6Wald);
        Assert.Equal(3, wald.Df);
        // The verdict is lavaan's lavTestLRT of the two WLSMV fits (satorra.2000, checked against lavaan in
        // OrdinalDifferenceTests), recomputed here from the direct fits.
        var difference = ModelComparison.ChiSquareDifference([direct, withDirect])[1];
        Assert.Equal(3, difference.DfDifference);
        var h6 = o.Rows.Single(x => x.Id == "H6");
        Assert.Equal(difference.PValue!.Value, h6.Wlsmv.PValue!.Value, 10);
        Assert.Equal(difference.PValue >= 0.05, h6.Wlsmv.Supported);
        var h7 = o.Rows.Single(x => x.Id == "H7");
        var indirect = new[] { "scale", "centr", "ties" }.Select(f => direct.Effects(f, "upg").TotalIndirect).ToList();
        Assert.Equal(indirect.All(e => e.Estimate > 0 && e.PValue < 0.05), h7.Wlsmv.Supported);
        Assert.Equal(indirect.Max(e => e.PValue), h7.Wlsmv.PValue);

        // The console report and both documents show the section with every hypothesis's row.
        string Flat(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");
        var text = ConsoleReport.Render(r);
        Assert.Contains("7. Sensitivity: the items as ordered categories (WLSMV)", text);
        var lines = text.Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith("7. Sensitivity", StringComparison.Ordinal));
        foreach (var row in o.Rows)
        {
            var line = lines.Skip(start).First(l => l.StartsWith($"  {row.Id,-4} ", StringComparison.Ordinal));
            Assert.EndsWith(" " + row.Change, line.TrimEnd('\r'));
            Assert.Contains(Format.P(row.Wlsmv.PValue), line);
        }
        Assert.Contains($"{o.Rows.Count(x => x.ChangesFromFiml)} of 11 verdicts change from {Design.FimlLabel} to WLSMV", text);
        var dir = Directory.CreateTempSubdirectory("semlib-study-ordinal-");
        try
        {
            StudyFiles.Write(dir.FullName, r, text);
            string html = Flat(System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir.FullName, "report.html"))));
            Assert.Contains("Sensitivity: the items as ordered categories (WLSMV)", html);
            Assert.Contains(Flat(ConsoleReport.SensitivityNote(r)), html);
            Assert.Contains($"H6: {h6.Wlsmv.Evidence}", html);
            foreach (var row in o.Rows) Assert.Contains($">{row.Id}</td>", File.ReadAllText(Path.Combine(dir.FullName, "report.html")));
            // Markdown escapes punctuation; the section heading and the table's verdict-change column are there.
            string md = File.ReadAllText(Path.Combine(dir.FullName, "report.md"));
            Assert.Contains("Sensitivity: the items as ordered categories", md);
            Assert.Contains("Verdict changes", md);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>
    /// The sensitivity analysis's options are lavaan's: the structural model with ordered = all 29 items (WLSMV) on the
    /// complete 218-firm data of robust-fit/study-structural-mlr agrees with lavaan's fit of it (ordinal-fit/study-wlsmv,
    /// make-ordinal-fit-cases.R) on every structural path's std.all and p under the 1e-3 rule.
    /// </summary>
    [Fact]
    public void Sensitivity_options_reproduce_lavaans_wlsmv_fit_of_the_study_model()
    {
        var c = ReferenceCase.Load(Path.Combine("ordinal-fit", "study-wlsmv"));
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "robust-fit", "study-structural-mlr", "data.csv"));
        var fit = Sem.Fit(Design.StructuralSyntax(), data, OrdinalSensitivity.Wlsmv);
        Assert.True(fit.Converged);
        Assert.Equal(c.Root.GetProperty("nobs").GetInt32(), fit.NObs[0]);
        var agree = new Agreement("study-wlsmv");
        foreach (var p in c.Parameters.Where(p => p.GetProperty("op").GetString() == "~"))
        {
            string lhs = p.GetProperty("lhs").GetString()!, rhs = p.GetProperty("rhs").GetString()!;
            var mine = fit.Parameter(lhs, "~", rhs)!;
            agree.Check($"{lhs} ~ {rhs} std.all", mine.StdAll, p.GetProperty("std.all").GetDouble());
            agree.Check($"{lhs} ~ {rhs} p", mine.PValue, p.GetProperty("pvalue").GetDouble());
        }
        agree.Assert();
    }
}
