using System.CommandLine;
using SemLib.Cli;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// The command-line options of robust and missing-data estimation (--estimator MLM|MLR, --se, --test, --missing,
/// --cluster, --information) as the model options they stand for, with lavaan's meanings (lavOptions: se = "robust" is
/// robust.sem with complete data and robust.huber.white with missing = "ml"; "fiml" and "direct" are "ml"), and the
/// combinations that cannot work as one-line usage errors.
/// </summary>
public sealed class RobustOptionCliTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _hsData = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");
    private readonly string _hsModel;

    public RobustOptionCliTests() => _hsModel = _files.Model(ReferenceCase.Load("lavaan/hs-cfa"));

    public void Dispose() => _files.Dispose();

    /// <summary>The model options `semlib fit` would fit with, for these arguments after --model and --data.</summary>
    private ModelOptions Options(params string[] args)
    {
        var set = new FitOptionSet();
        var command = new Command("fit");
        set.AddTo(command);
        var parse = command.Parse(["--model", _hsModel, "--data", _hsData, .. args]);
        Assert.True(parse.Errors.Count == 0, string.Join("; ", parse.Errors.Select(e => e.Message)));
        return set.ModelOptions(parse);
    }

    [Fact]
    public void Nothing_given_leaves_lavaans_defaults_to_the_model_options()
    {
        var o = Options();
        Assert.Equal(Estimator.ML, o.Estimator);
        Assert.Null(o.StandardErrors);
        Assert.Null(o.Test);
        Assert.Null(o.Information); // ModelOptions.InformationInEffect applies lavaan's default
        Assert.Equal(MissingPolicy.Listwise, o.Missing);
        Assert.Null(o.Cluster);
    }

    [Theory]
    [InlineData("MLM", Estimator.MLM)]
    [InlineData("mlr", Estimator.MLR)]
    [InlineData("GLS", Estimator.GLS)]
    public void Estimators_are_parsed(string name, Estimator expected) => Assert.Equal(expected, Options("--estimator", name).Estimator);

    [Theory]
    [InlineData("ml", MissingPolicy.ML)]
    [InlineData("fiml", MissingPolicy.ML)]
    [InlineData("direct", MissingPolicy.ML)]
    [InlineData("ML", MissingPolicy.ML)]
    [InlineData("ml.x", MissingPolicy.MLX)]
    [InlineData("listwise", MissingPolicy.Listwise)]
    [InlineData("default", MissingPolicy.Listwise)]
    public void Missing_takes_lavaans_names(string value, MissingPolicy expected) => Assert.Equal(expected, Options("--missing", value).Missing);

    [Theory]
    [InlineData(new[] { "--se", "standard" }, StandardErrorType.Standard)]
    [InlineData(new[] { "--se", "robust" }, StandardErrorType.RobustSem)]
    [InlineData(new[] { "--se", "robust", "--missing", "ml" }, StandardErrorType.RobustHuberWhite)]
    [InlineData(new[] { "--se", "robust.sem" }, StandardErrorType.RobustSem)]
    [InlineData(new[] { "--se", "robust.huber.white" }, StandardErrorType.RobustHuberWhite)]
    [InlineData(new[] { "--se", "none" }, StandardErrorType.None)]
    public void Standard_errors_take_lavaans_meanings(string[] args, StandardErrorType expected) => Assert.Equal(expected, Options(args).StandardErrors);

    [Fact]
    public void Bootstrap_leaves_the_fits_own_standard_errors_to_the_estimator() =>
        Assert.Null(Options("--se", "bootstrap", "--estimator", "MLR").StandardErrors);

    [Theory]
    [InlineData("standard", TestType.Standard)]
    [InlineData("satorra.bentler", TestType.SatorraBentler)]
    [InlineData("yuan.bentler", TestType.YuanBentler)]
    [InlineData("yuan.bentler.mplus", TestType.YuanBentlerMplus)]
    [InlineData("scaled.shifted", TestType.ScaledShifted)]
    public void Tests_take_lavaans_names(string value, TestType expected) => Assert.Equal(expected, Options("--test", value).Test);

    [Fact]
    public void Information_and_cluster_are_passed_on()
    {
        Assert.Equal(InformationType.Observed, Options("--information", "observed").Information);
        Assert.Equal(InformationType.Expected, Options("--information", "Expected").Information);
        Assert.Equal("school", Options("--cluster", "school", "--estimator", "MLR").Cluster);
    }

    [Theory]
    [InlineData(new[] { "--missing", "ml" }, "--missing ml (full-information ML) needs raw data (--data)")]
    [InlineData(new[] { "--missing", "fiml" }, "--missing fiml (full-information ML) needs raw data (--data)")]
    [InlineData(new[] { "--cluster", "school" }, "--cluster needs raw data (--data)")]
    public void Fiml_and_clusters_need_raw_data(string[] args, string expected)
    {
        var cov = _files.Write("cov.csv", "x1,x2,x3,x4,x5,x6,x7,x8,x9\n" + string.Join("\n", Enumerable.Range(0, 9)
            .Select(i => string.Join(",", Enumerable.Range(0, 9).Select(j => i == j ? "1" : "0.3")))) + "\n");
        foreach (var command in new[] { "fit", "bench" })
        {
            var line = CliRun.Of([command, "--model", _hsModel, "--cov", cov, "--nobs", "301", .. args]).AssertOneLineError(ExitCodes.Usage);
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    [Theory]
    // lavaan 0.6.14: cfa(..., estimator = "MLM", missing = "ml") stops with 'missing="ml" is not allowed for estimator "MLM"'.
    [InlineData(new[] { "--estimator", "MLM", "--missing", "ml" }, "--estimator MLM needs complete data")]
    [InlineData(new[] { "--estimator", "GLS", "--missing", "ml" }, "lavaan does not allow it with GLS")]
    [InlineData(new[] { "--estimator", "ULS", "--missing", "direct" }, "lavaan does not allow it with ULS")]
    // lavaan falls back to listwise deletion with a warning for these; SemLib asks for a choice instead.
    [InlineData(new[] { "--missing", "ml", "--se", "robust.sem" }, "--se robust.sem needs complete data")]
    [InlineData(new[] { "--missing", "ml", "--test", "satorra.bentler" }, "--test satorra.bentler needs complete data")]
    [InlineData(new[] { "--test", "bollen.stine" }, "--se bootstrap --bollen-stine")]
    [InlineData(new[] { "--cluster", "school" }, "--cluster gives cluster-robust standard errors and test, which SemLib computes with --estimator MLR")]
    [InlineData(new[] { "--cluster", "school", "--estimator", "MLM" }, "add --estimator MLR")]
    [InlineData(new[] { "--test", "sb" }, "--test sb is not valid")]
    [InlineData(new[] { "--se", "robust.cluster" }, "--se robust.cluster is not supported yet")]
    [InlineData(new[] { "--information", "first.order" }, "--information first.order is not supported yet")]
    public void Combinations_that_cannot_work_are_usage_errors(string[] args, string expected)
    {
        var line = CliRun.Of(["fit", "--model", _hsModel, "--data", _hsData, .. args]).AssertOneLineError(ExitCodes.Usage);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_column_missing_from_the_data_is_named()
    {
        foreach (var command in new[] { "fit", "bench" })
        {
            var line = CliRun.Of(command, "--model", _hsModel, "--data", _hsData, "--estimator", "MLR", "--cluster", "classroom").AssertOneLineError(ExitCodes.AnalysisFailed);
            Assert.Contains("data.csv: the cluster variable 'classroom' is not a column of the data (columns are: id, sex", line, StringComparison.Ordinal);
        }
        var models = new[] { "--model", _hsModel, "--model", _files.Write("one.lav", "g =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9\n") };
        var compare = CliRun.Of(["compare", "--data", _hsData, .. models, "--estimator", "MLR", "--cluster", "classroom"]).AssertOneLineError(ExitCodes.AnalysisFailed);
        Assert.Contains("the cluster variable 'classroom' is not a column of the data", compare, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_errors_none_reports_estimates_without_standard_errors()
    {
        // lavaan 0.6.14: parameterEstimates(cfa(..., se = "none")) has lhs, op, rhs and est only; the JSON contract
        // writes a value that does not exist as null.
        var json = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--se", "none", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Stderr);
        // Free rows (fixed rows keep the contract's se 0, as with any se).
        var rows = json.Json().GetProperty("parameters").EnumerateArray().Where(r => r.GetProperty("free").GetBoolean()).ToList();
        Assert.Equal(21, rows.Count);
        foreach (var key in new[] { "se", "z", "pvalue", "ci.lower", "ci.upper" })
            Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty(key).ValueKind));
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.Number, r.GetProperty("est").ValueKind));
        var text = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--se", "none");
        Assert.Equal(0, text.ExitCode);
        Assert.DoesNotContain("Std.Err", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_checks_its_estimation_options_too()
    {
        var models = new[] { "--model", _hsModel, "--model", _files.Write("one.lav", "g =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9\n") };
        var line = CliRun.Of(["compare", "--data", _hsData, .. models, "--estimator", "MLM", "--missing", "ml"]).AssertOneLineError(ExitCodes.Usage);
        Assert.Contains("--estimator MLM needs complete data", line, StringComparison.Ordinal);
    }
}
