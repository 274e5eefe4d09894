using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib fit --fit-measures</c> with robust estimators, end to end, against lavaan 0.6.14's printout of the same fits
/// (Reference/cli/*-summary.txt, from Reference/scripts/make-cli-robust-summaries.R): every line laid out as lavaan's,
/// every number within the project's tolerance (see <see cref="TextSummaryCliTests"/>). And the JSON document's fit
/// measures are lavaan's <c>fitMeasures()</c>, names, order and values.
/// </summary>
public sealed class RobustSummaryCliTests
{
    private static readonly string HsData = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");
    private static readonly string HsGroupsData = Path.Combine(ReferenceCase.BaseDirectory, "cli", "hs-cfa-groups", "data.csv");
    private static readonly string HsClassData = Path.Combine(ReferenceCase.BaseDirectory, "robust-fit", "hs-cfa-mlm", "data.csv");
    private const string HsModel = "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n";

    private static CliRun Fit(TempFiles files, string data, params string[] extra)
    {
        var run = CliRun.Of(["fit", "--model", files.Write("hs.lav", HsModel), "--data", data, "--fit-measures", .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run;
    }

    [Theory]
    [InlineData("cli/hs-cfa-mlr-summary.txt", new[] { "--estimator", "MLR" })]
    [InlineData("cli/hs-cfa-mlm-summary.txt", new[] { "--estimator", "MLM" })]
    public void Robust_estimators_print_lavaans_summary(string reference, string[] args)
    {
        using var files = new TempFiles();
        var rest = TextSummaryCliTests.AssertLikeLavaan(Fit(files, HsData, args).Stdout, reference);
        Assert.Empty(rest);
    }

    [Fact]
    public void Mlr_with_groups_prints_each_groups_standard_and_scaled_statistic()
    {
        using var files = new TempFiles();
        TextSummaryCliTests.AssertLikeLavaan(Fit(files, HsGroupsData, "--estimator", "MLR", "--group", "school").Stdout, "cli/hs-cfa-groups-mlr-summary.txt");
    }

    [Theory]
    [InlineData("cli/hs-cfa-mlr-cluster-summary.txt", new string[0])]
    [InlineData("cli/hs-cfa-mlr-groups-cluster-summary.txt", new[] { "--group", "school", "--std-lv" })]
    public void Cluster_robust_mlr_prints_the_clusters_and_robust_cluster_standard_errors(string reference, string[] args)
    {
        using var files = new TempFiles();
        var run = Fit(files, HsClassData, ["--estimator", "MLR", "--cluster", "class", .. args]);
        TextSummaryCliTests.AssertLikeLavaan(run.Stdout, reference);
        Assert.Contains("  Standard errors                        Robust.cluster", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_fit_measures_are_lavaans_robust_fit_measures()
    {
        using var files = new TempFiles();
        var run = CliRun.Of("fit", "--model", files.Write("hs.lav", HsModel), "--data", HsData, "--estimator", "MLR", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var fit = run.Json().GetProperty("fit");
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "cli", "hs-cfa-mlr-measures.json")));
        var lavaan = reference.RootElement.GetProperty("fit_measures");
        // The same names in the same order (lavaan's fitMeasures(fit) for estimator = "MLR").
        Assert.Equal(lavaan.EnumerateObject().Select(p => p.Name), fit.EnumerateObject().Select(p => p.Name));
        foreach (var p in lavaan.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
        {
            double expected = p.Value.GetDouble(), actual = fit.GetProperty(p.Name).GetDouble();
            Assert.True(Math.Abs(actual - expected) <= Agreement.Tolerance * Math.Max(1, Math.Abs(expected)), $"{p.Name}: SemLib {actual}, lavaan {expected}");
        }
        Assert.Equal("MLR", run.Json().GetProperty("estimator").GetString());
    }
}
