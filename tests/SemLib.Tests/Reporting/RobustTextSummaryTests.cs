using System.Text.Json;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Tests.Cli;
using SemLib.Tests.Support;
using SemLib.Reporting.Text;

namespace SemLib.Tests.Reporting;

/// <summary>
/// The text summary of robust and missing-data fits laid out as lavaan 0.6.14 prints them (Reference/cli/*-summary.txt,
/// from Reference/scripts/make-cli-robust-summaries.R): the "Standard" and "Scaled" columns of the model tests, the
/// correction's name, the scaled and robust fit measures, MLR's log-likelihood scaling factors, the number of missing
/// patterns and the standard-error lines. The fits are ML fits of the same model and data dressed with lavaan's tests
/// and fit measures (Reference/cli/*-measures.json) and the options of the robust fit, so these tests check the
/// rendering alone, line by line and digit position by digit position, up to the estimates (whose robust standard
/// errors an ML fit does not have); where the ML fit's estimates are lavaan's (FIML on complete data), the whole
/// summary is compared.
/// </summary>
public sealed class RobustTextSummaryTests
{
    private static readonly string HsData = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");
    private static readonly string HsGroupsData = Path.Combine(ReferenceCase.BaseDirectory, "cli", "hs-cfa-groups", "data.csv");
    private const string HsModel = "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n";

    private static readonly TextSummaryOptions Full = new() { FitMeasures = true, Warnings = false };

    [Fact]
    public void Mlr_prints_lavaans_standard_and_scaled_columns()
    {
        var fit = Dressed(Sem.Fit(HsModel, DataSet.ReadCsv(HsData)), "hs-cfa-mlr-measures.json",
            o => o with { Estimator = Estimator.MLR, Information = InformationType.Observed });
        var text = TextSummary.Format(fit, Full);
        TextSummaryCliTests.AssertLikeLavaan(text, "cli/hs-cfa-mlr-summary.txt", stopAt: "Latent Variables:");
    }

    [Fact]
    public void Mlm_prints_the_satorra_bentler_correction_and_robust_sem()
    {
        var fit = Dressed(Sem.Fit(HsModel, DataSet.ReadCsv(HsData)), "hs-cfa-mlm-measures.json",
            o => o with { Estimator = Estimator.MLM, Information = InformationType.Expected });
        var text = TextSummary.Format(fit, Full);
        TextSummaryCliTests.AssertLikeLavaan(text, "cli/hs-cfa-mlm-summary.txt", stopAt: "Latent Variables:");
    }

    [Fact]
    public void A_second_scaled_test_gets_its_own_block_with_the_shift()
    {
        var fit = Dressed(Sem.Fit(HsModel, DataSet.ReadCsv(HsData)), "hs-cfa-mlm-shifted-measures.json",
            o => o with { Estimator = Estimator.MLM, Test = TestType.ScaledShifted, Information = InformationType.Expected });
        var text = TextSummary.Format(fit, Full);
        TextSummaryCliTests.AssertLikeLavaan(text, "cli/hs-cfa-mlm-shifted-summary.txt", stopAt: "Latent Variables:");
    }

    [Fact]
    public void Groups_show_each_groups_standard_and_scaled_statistic()
    {
        // The groups' standard statistics are the ML fit's own (2·N_g·F_g); the scaled ones are those over the scaling
        // factor, lavaan's 67.578 and 54.162 (hs-cfa-groups-mlr-summary.txt).
        var fit = Dressed(Sem.Fit(HsModel, DataSet.ReadCsv(HsGroupsData), new ModelOptions { Group = "school" }), "hs-cfa-groups-mlr-measures.json",
            o => o with { Estimator = Estimator.MLR, Information = InformationType.Observed });
        var text = TextSummary.Format(fit, Full);
        TextSummaryCliTests.AssertLikeLavaan(text, "cli/hs-cfa-groups-mlr-summary.txt", stopAt: "Group 1 [Pasteur]:");
    }

    [Fact]
    public void Fiml_on_complete_data_matches_lavaans_whole_summary()
    {
        // FIML on complete data is ML with a mean structure, its standard errors from the observed information: the
        // ML fit's estimates and standard errors are lavaan's, so every line is compared.
        var ml = Sem.Fit(HsModel, DataSet.ReadCsv(HsData), new ModelOptions { MeanStructure = true, Information = InformationType.Observed });
        var names = ml.Table.ObservedVariables;
        var coverage = new double[names.Count, names.Count];
        for (int i = 0; i < names.Count; i++)
            for (int j = 0; j < names.Count; j++) coverage[i, j] = 1;
        var fit = Dressed(ml, "hs-cfa-fiml-complete-measures.json", o => o with { Missing = MissingPolicy.ML, Information = null },
            [new MissingDataSummary(names, 301, 1, coverage)]);
        var text = TextSummary.Format(fit, Full);
        TextSummaryCliTests.AssertLikeLavaan(text, "cli/hs-cfa-fiml-complete-summary.txt");
    }

    [Fact]
    public void Robust_lines_are_printed_only_when_the_fit_has_those_measures()
    {
        // The same ML fit with its own measures: no robust or scaled lines, one column.
        var text = TextSummary.Format(Sem.Fit(HsModel, DataSet.ReadCsv(HsData)), Full);
        Assert.DoesNotContain("Robust", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Scaled", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Scaling correction factor", text, StringComparison.Ordinal);
        Assert.DoesNotContain("missing patterns", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_errors_none_prints_the_estimates_alone()
    {
        // lavaan 0.6.14, summary(cfa(HS, se = "none")): no standard-error lines under "Parameter Estimates:", and the
        // tables have the Estimate column (with the standardized ones) only.
        var fit = Dressed(Sem.Fit(HsModel, DataSet.ReadCsv(HsData)), null, o => o with { StandardErrors = StandardErrorType.None });
        var lines = TextSummary.Format(fit).Split(Environment.NewLine);
        int at = Array.IndexOf(lines, "Parameter Estimates:");
        Assert.Equal(["Parameter Estimates:", "", "", "Latent Variables:"], lines[at..(at + 4)]);
        Assert.Equal("                   Estimate   Std.lv  Std.all", lines[at + 4]);
        Assert.Equal("    x2                0.554    0.498    0.424", lines[at + 7]); // hs-cfa case.json: est 0.5535, std.lv 0.4979, std.all 0.4236
    }

    [Theory]
    [InlineData(StandardErrorType.RobustHuberWhite, InformationType.Expected, null, "Sandwich", "Information bread", "Expected")]
    [InlineData(StandardErrorType.RobustHuberWhite, InformationType.Observed, "school", "Robust.cluster", "Information", "Observed")]
    [InlineData(StandardErrorType.RobustSem, InformationType.Expected, null, "Robust.sem", "Information", "Expected")]
    public void Standard_error_lines_name_the_sandwich(StandardErrorType se, InformationType information, string? cluster, string kind, string label, string value)
    {
        // lavaan 0.6.14's lines, from summary() of cfa(HS, estimator = "MLR", information = "expected"),
        // cfa(HS, estimator = "MLR", cluster = "school") and cfa(HS, estimator = "MLM").
        var fit = Dressed(Sem.Fit(HsModel, DataSet.ReadCsv(HsData)), null,
            o => o with { Estimator = Estimator.MLR, StandardErrors = se, Information = information, Cluster = cluster });
        var lines = TextSummary.Format(fit).Split(Environment.NewLine);
        int at = Array.IndexOf(lines, "Parameter Estimates:");
        Assert.Matches($"^  Standard errors +{System.Text.RegularExpressions.Regex.Escape(kind)}$", lines[at + 2]);
        Assert.Matches($"^  {label} +{value}$", lines[at + 3]);
        Assert.Matches(information == InformationType.Observed ? "^  Observed information based on +Hessian$" : "^  Information saturated \\(h1\\) model +Structured$", lines[at + 4]);
        Assert.Equal(2 + 38 + 1 + Math.Max(13, kind.Length), lines[at + 2].Length); // lavaan's columns: the values as wide as the widest (Robust.cluster: 14)
    }

    /// <summary>
    /// The fit with other options and, from a Reference/cli measures file, lavaan's fit measures and tests (without a
    /// file: the fit's own).
    /// </summary>
    private static SemFit Dressed(SemFit fit, string? measuresFile, Func<ModelOptions, ModelOptions> options, IReadOnlyList<MissingDataSummary>? missing = null)
    {
        var measures = fit.FitMeasures;
        var tests = fit.Tests;
        if (measuresFile is not null)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "cli", measuresFile)));
            var root = doc.RootElement;
            measures = new FitMeasures(root.GetProperty("fit_measures").EnumerateObject()
                .Select(p => new KeyValuePair<string, double?>(p.Name, p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : null)).ToList());
            tests = root.GetProperty("tests").EnumerateArray().Select(t => new ModelTest(
                Kind(t.GetProperty("test").GetString()!), t.GetProperty("stat").GetDouble(), t.GetProperty("df").GetDouble(),
                t.GetProperty("pvalue").GetDouble(), OrNaN(t.GetProperty("scaling_factor")), OrNaN(t.GetProperty("shift_parameter")))).ToList();
        }
        var f = fit.Fitted;
        var fitted = new FittedModel
        {
            Table = f.Table, Model = f.Model, Sample = f.Sample, Options = options(f.Options), Zeta = f.Zeta, Theta = f.Theta, F = f.F,
            Optimizer = f.Optimizer, GroupF = f.GroupF,
        };
        return new SemFit(fitted, fit.Status, fit.Parameters, measures, fit.RSquareByGroup, fit.Warnings, fit.CovTheta, fit.CovZeta, tests, missing);
    }

    private static double OrNaN(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;

    private static TestType Kind(string name) => name switch
    {
        "standard" => TestType.Standard,
        "satorra.bentler" => TestType.SatorraBentler,
        "yuan.bentler" => TestType.YuanBentler,
        "yuan.bentler.mplus" => TestType.YuanBentlerMplus,
        "scaled.shifted" => TestType.ScaledShifted,
        _ => throw new ArgumentException($"unknown test '{name}'"),
    };
}
