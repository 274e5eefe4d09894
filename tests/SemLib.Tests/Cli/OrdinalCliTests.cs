using System.Text.Json;
using SemLib.Data;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// Ordered (categorical) items on the command line: <c>--ordered</c>, <c>--parameterization</c> and the categorical
/// estimators, end to end on the HS items cut into five categories (Reference/lavaan/hs-cfa-ordinal), against lavaan
/// 0.6.14: its printout (Reference/cli/hs-cfa-ordinal*-summary.txt from Reference/scripts/make-cli-ordinal-summaries.R),
/// its parameterEstimates() rows (case.json) and its fitMeasures() names, and the one-line errors of bad input.
/// </summary>
public sealed class OrdinalCliTests : IDisposable
{
    private static readonly string Data = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa-ordinal", "data.csv");
    private const string HsModel = "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n";

    private readonly TempFiles _files = new();
    private readonly string _model;

    public OrdinalCliTests() => _model = _files.Write("hs.lav", HsModel);

    public void Dispose() => _files.Dispose();

    private CliRun Ok(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run;
    }

    [Fact]
    public void Wlsmv_summary_is_lavaans()
    {
        var run = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--fit-measures");
        var rest = TextSummaryCliTests.AssertLikeLavaan(run.Stdout, "cli/hs-cfa-ordinal-summary.txt");
        Assert.Empty(rest);
        // Lines lavaan prints for ordered items (hs-cfa-ordinal-summary.txt): the estimator minimised, the shift, h1.
        Assert.Contains("  Estimator                                       DWLS", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("    simple second-order correction", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Information saturated (h1) model        Unstructured", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_print_each_groups_statistics_with_its_share_of_the_shift()
    {
        // lavaan: one shift parameter (10.183), each group's scaled statistic T_g/c + shift·N_g/N (58.058 and 60.300).
        var run = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--group", "school", "--fit-measures");
        TextSummaryCliTests.AssertLikeLavaan(run.Stdout, "cli/hs-cfa-ordinal-groups-summary.txt");
    }

    [Fact]
    public void Json_has_lavaans_threshold_and_scale_rows()
    {
        var json = Ok("fit", "--model", _model, "--data", Data, "--ordered", "x1,x2,x3,x4,x5,x6,x7,x8,x9", "--format", "json").Json();
        Assert.Equal("WLSMV", json.GetProperty("estimator").GetString());
        var rows = json.GetProperty("parameters").EnumerateArray().ToList();
        var lavaan = ReferenceCase.Load("lavaan/hs-cfa-ordinal");
        var expected = lavaan.Parameters.ToList();
        Assert.Equal(expected.Count, rows.Count);
        static string Key(JsonElement p) => $"{p.GetProperty("lhs").GetString()} {p.GetProperty("op").GetString()} {p.GetProperty("rhs").GetString()} {p.GetProperty("group").GetInt32()}";
        var byKey = rows.ToDictionary(Key);
        var agree = new Agreement("hs-cfa-ordinal JSON");
        foreach (var e in expected)
        {
            Assert.True(byKey.TryGetValue(Key(e), out var mine), $"no row {Key(e)}");
            foreach (var column in new[] { "est", "se", "z", "pvalue", "std.lv", "std.all" })
                agree.Check($"{Key(e)} {column}", ReferenceCase.Number(mine.GetProperty(column)), ReferenceCase.Number(e.GetProperty(column)));
            Assert.Equal(e.GetProperty("free").GetBoolean(), mine.GetProperty("free").GetBoolean());
        }
        agree.Assert();
        // Four thresholds per item, as parameterEstimates(): op "|", rhs t1..t4; a fixed scale factor "~*~" per item.
        var thresholds = rows.Where(p => p.GetProperty("op").GetString() == "|").ToList();
        Assert.Equal(36, thresholds.Count);
        Assert.Equal(["t1", "t2", "t3", "t4"], thresholds.Where(p => p.GetProperty("lhs").GetString() == "x5").Select(p => p.GetProperty("rhs").GetString()));
        Assert.Equal(9, rows.Count(p => p.GetProperty("op").GetString() == "~*~"));
    }

    [Fact]
    public void Json_fit_measures_are_lavaans()
    {
        var fit = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--format", "json").Json().GetProperty("fit");
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "cli", "hs-cfa-ordinal-measures.json")));
        var lavaan = reference.RootElement.GetProperty("fit_measures");
        // lavaan's fitMeasures(fit) names for WLSMV, in its order, and their values (NA: null).
        Assert.Equal(lavaan.EnumerateObject().Select(p => p.Name), fit.EnumerateObject().Select(p => p.Name));
        var agree = new Agreement("hs-cfa-ordinal fit");
        foreach (var p in lavaan.EnumerateObject())
            agree.Check(p.Name, ReferenceCase.Number(fit.GetProperty(p.Name)), ReferenceCase.Number(p.Value));
        agree.Assert();
    }

    [Theory]
    [InlineData("dwls", "DWLS", "hs-cfa-dwls")]
    [InlineData("Wls", "WLS", "hs-cfa-wls")]
    [InlineData("ULSMV", "ULSMV", "hs-cfa-ulsmv")]
    [InlineData("wlsmv", "WLSMV", "hs-cfa-wlsmv")]
    public void Categorical_estimators_are_case_insensitive(string given, string name, string reference)
    {
        var json = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--estimator", given, "--format", "json").Json();
        Assert.Equal(name, json.GetProperty("estimator").GetString());
        // lavaan's standard chi-square of the same fit (Reference/ordinal-fit/<case>/case.json).
        var c = ReferenceCase.Load("ordinal-fit/" + reference);
        var agree = new Agreement(reference);
        agree.Check("chisq", json.GetProperty("fit").GetProperty("chisq").GetDouble(), ReferenceCase.Number(c.Root.GetProperty("fit_measures").GetProperty("chisq")));
        agree.Assert();
    }

    [Fact]
    public void Theta_parameterization_fixes_the_residual_variances()
    {
        var json = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--parameterization", "THETA", "--format", "json").Json();
        var rows = json.GetProperty("parameters").EnumerateArray().ToList();
        JsonElement Row(string lhs, string op, string rhs) => rows.Single(p => p.GetProperty("lhs").GetString() == lhs && p.GetProperty("op").GetString() == op && p.GetProperty("rhs").GetString() == rhs);
        // Reference/ordinal-fit/hs-cfa-theta: x1 ~~ x1 fixed at 1, visual =~ x2 0.8075 (lavaan 0.6.14).
        var residual = Row("x1", "~~", "x1");
        Assert.Equal(1.0, residual.GetProperty("est").GetDouble());
        Assert.False(residual.GetProperty("free").GetBoolean());
        var c = ReferenceCase.Load("ordinal-fit/hs-cfa-theta");
        var agree = new Agreement("hs-cfa-theta");
        foreach (var e in c.Parameters.Where(p => p.GetProperty("op").GetString() is "=~" or "|"))
            agree.Check($"{e.GetProperty("lhs").GetString()} {e.GetProperty("op").GetString()} {e.GetProperty("rhs").GetString()}",
                Row(e.GetProperty("lhs").GetString()!, e.GetProperty("op").GetString()!, e.GetProperty("rhs").GetString()!).GetProperty("est").GetDouble(),
                ReferenceCase.Number(e.GetProperty("est")));
        agree.Assert();
    }

    [Fact]
    public void Test_scaled_shifted_is_accepted()
    {
        var run = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--estimator", "DWLS", "--test", "scaled.shifted");
        Assert.Contains("    simple second-order correction", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Shift parameter ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_takes_the_ordinal_options()
    {
        var json = Ok("bench", "--model", _model, "--data", Data, "--ordered", "all", "--parameterization", "delta", "--repeat", "2", "--format", "json").Json();
        Assert.True(json.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void Compare_gives_the_standard_difference_of_dwls_fits_and_the_satorra_2000_one_of_wlsmv_fits()
    {
        var orth = _files.Write("orth.lav", HsModel + "visual ~~ 0*textual + 0*speed\ntextual ~~ 0*speed\n");
        var json = Ok("compare", "--model", _model, "--model", orth, "--data", Data, "--ordered", "all", "--estimator", "DWLS", "--format", "json").Json();
        // lavaan 0.6.14, lavTestLRT() of the two DWLS fits: Chisq diff 356.91 on 3 df.
        var last = json.EnumerateArray().Last();
        Assert.Equal(356.91, last.GetProperty("chisq_diff").GetDouble(), 0.01);
        // WLSMV: lavTestLRT's scaled-and-shifted difference (its numbers: OrdinalCompareCliTests, Reference/ordinal-lrt).
        var wlsmv = Ok("compare", "--model", _model, "--model", orth, "--data", Data, "--ordered", "all", "--format", "json").Json();
        Assert.Equal("satorra.2000", wlsmv.EnumerateArray().Last().GetProperty("method").GetString());
    }

    [Theory]
    [InlineData("x1,x10", "x10 is not an observed variable of the model")]
    [InlineData("all,x1", "all orders every observed variable, so it comes alone")]
    [InlineData("x1,,x2", "is not valid")]
    [InlineData("", "is not valid")]
    [InlineData("x1,x1", "names 'x1' twice")]
    public void Bad_ordered_lists_are_usage_errors(string value, string expected)
    {
        foreach (var command in new[] { "fit", "bench" })
        {
            var line = CliRun.Of(command, "--model", _model, "--data", Data, "--ordered", value).AssertOneLineError(2);
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invariance_checks_the_ordered_names()
    {
        var line = CliRun.Of("invariance", "--model", _model, "--data", Data, "--group", "school", "--ordered", "x1,y7").AssertOneLineError(2);
        Assert.Contains("y7 is not an observed variable of the model", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--cov", "COV", "--nobs", "301", "--ordered", "all" }, "--ordered needs raw data (--data)")]
    [InlineData(new[] { "--data", "DATA", "--ordered", "all", "--parameterization", "gamma" }, "--parameterization gamma is not valid; use delta or theta.")]
    [InlineData(new[] { "--data", "DATA", "--ordered", "all", "--estimator", "WLSMVS" }, "--estimator WLSMVS is not supported yet")]
    public void Impossible_combinations_are_usage_errors(string[] args, string expected)
    {
        var cov = _files.Write("cov.csv", "x1,x2\n1,0.5\n0.5,1\n");
        var resolved = args.Select(a => a == "COV" ? cov : a == "DATA" ? Data : a).ToArray();
        var line = CliRun.Of(["fit", "--model", _model, .. resolved]).AssertOneLineError(2);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_cell_in_an_ordered_column_names_its_row_and_column()
    {
        // Row 4 of the data, x2 = "abc".
        var lines = File.ReadAllLines(Data);
        var cells = lines[4].Split(',');
        cells[7] = "abc";
        lines[4] = string.Join(',', cells);
        var data = _files.Write("text.csv", string.Join('\n', lines) + "\n");
        var line = CliRun.Of("fit", "--model", _model, "--data", data, "--ordered", "all").AssertOneLineError(1);
        Assert.Contains("'x2'", line, StringComparison.Ordinal);
        Assert.Contains("row 4", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_categorical_estimator_without_ordered_items_is_the_librarys_error()
    {
        var line = CliRun.Of("fit", "--model", _model, "--data", Data, "--estimator", "WLSMV").AssertOneLineError(1);
        Assert.Contains("Estimator WLSMV fits the thresholds and polychoric correlations of ordered items", line, StringComparison.Ordinal);
        Assert.Contains("--ordered", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_information_ml_with_ordered_items_cannot_be_done()
    {
        var line = CliRun.Of("fit", "--model", _model, "--data", Data, "--missing", "ml", "--ordered", "all").AssertOneLineError(1);
        Assert.Contains("missing = ml", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Bollen_stine_with_ordered_items_says_why_not()
    {
        var line = CliRun.Of(["fit", "--model", _model, "--data", Data, "--ordered", "all", "--se", "bootstrap", "--bootstrap", "5", "--bollen-stine"]).AssertOneLineError(2);
        Assert.Contains("--bollen-stine is not available with ordered items", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Bootstrap_standard_errors_of_an_ordinal_fit_are_the_librarys()
    {
        // The command line reports what Bootstrap.Run computes on the same WLSMV fit with the same seed.
        var json = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--se", "bootstrap", "--bootstrap", "40", "--seed", "7", "--format", "json").Json();
        var fit = Sem.Fit(File.ReadAllText(_model), DataSet.ReadCsv(Data), new ModelOptions { Ordered = [ModelOptions.AllOrdered] });
        var boot = SemLib.Resampling.Bootstrap.Run(fit, new SemLib.Resampling.BootstrapOptions { Draws = 40, Seed = 7 });
        var row = json.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("lhs").GetString() == "visual" && p.GetProperty("rhs").GetString() == "x2");
        var mine = boot.Parameters.First(p => p.Lhs == "visual" && p.Rhs == "x2");
        Assert.Equal(mine.StandardError!.Value, row.GetProperty("se").GetDouble(), 10);
    }

    [Fact]
    public void Modification_indices_are_lavaans()
    {
        var json = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--modindices", "--format", "json").Json();
        var first = json.GetProperty("modification_indices").EnumerateArray().OrderByDescending(m => m.GetProperty("mi").GetDouble()).First();
        // lavaan 0.6.14, modindices() of this fit (Reference/ordinal-mi/hs-cfa-wlsmv.json): visual =~ x9, mi 25.753, epc 0.716.
        Assert.Equal("visual =~ x9", $"{first.GetProperty("lhs").GetString()} {first.GetProperty("op").GetString()} {first.GetProperty("rhs").GetString()}");
        var agree = new Agreement("hs-cfa-ordinal modindices");
        agree.Check("mi", first.GetProperty("mi").GetDouble(), 25.7533773274854);
        agree.Check("epc", first.GetProperty("epc").GetDouble(), 0.716144507753096);
        agree.Assert();
    }

    [Fact]
    public void Residuals_are_the_polychoric_residuals_and_no_standardized_ones_yet()
    {
        var run = Ok("fit", "--model", _model, "--data", Data, "--ordered", "all", "--residuals");
        // lavaan 0.6.14, resid(fit, type = "raw")$cov of this fit: x2,x1 -0.069; x3,x2 0.113.
        Assert.Contains("x2 -0.069  0.000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("x3 -0.013  0.113  0.000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Standardized Residuals: not available yet with ordered items (WLSMV).", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pairwise_deletion_fits_lavaans_pairwise_case()
    {
        // Reference/ordinal-fit/hs-pairwise: about 8% of the cells missing, lavaan's missing = "pairwise" (WLSMV).
        var c = ReferenceCase.Load("ordinal-fit/hs-pairwise");
        var data = Path.Combine(c.Folder, "data.csv");
        var json = Ok("fit", "--model", _model, "--data", data, "--ordered", "all", "--missing", "pairwise", "--format", "json").Json();
        var rows = json.GetProperty("parameters").EnumerateArray().ToList();
        var agree = new Agreement("hs-pairwise");
        foreach (var e in c.Parameters)
        {
            var mine = rows.Single(p => p.GetProperty("lhs").GetString() == e.GetProperty("lhs").GetString() && p.GetProperty("op").GetString() == e.GetProperty("op").GetString()
                && p.GetProperty("rhs").GetString() == e.GetProperty("rhs").GetString());
            agree.Check($"{e.GetProperty("lhs").GetString()} {e.GetProperty("op").GetString()} {e.GetProperty("rhs").GetString()}", ReferenceCase.Number(mine.GetProperty("est")), ReferenceCase.Number(e.GetProperty("est")));
        }
        agree.Check("chisq.scaled", json.GetProperty("fit").GetProperty("chisq.scaled").GetDouble(), ReferenceCase.Number(c.Root.GetProperty("fit_measures").GetProperty("chisq.scaled")));
        agree.Assert();
        // Without ordered items pairwise deletion has no meaning (the library's message, exit 1); without rows it cannot be done.
        Assert.Contains("missing = pairwise is for ordered items", CliRun.Of("fit", "--model", _model, "--data", data, "--missing", "pairwise").AssertOneLineError(1), StringComparison.Ordinal);
        var cov = _files.Write("cov.csv", "x1,x2\n1,0.5\n0.5,1\n");
        Assert.Contains("--missing pairwise needs raw data", CliRun.Of("fit", "--model", _model, "--cov", cov, "--nobs", "301", "--missing", "pairwise").AssertOneLineError(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_the_ordinal_options()
    {
        var help = CliRun.Of("fit", "--help").Stdout;
        Assert.Contains("--ordered", help, StringComparison.Ordinal);
        Assert.Contains("--parameterization", help, StringComparison.Ordinal);
        Assert.Contains("WLSMV", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Not supported yet", help, StringComparison.Ordinal);
    }
}
