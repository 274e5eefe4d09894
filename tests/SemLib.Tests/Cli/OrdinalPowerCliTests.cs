using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib power --likert ... --ordered all</c>: each replication's Likert-cut items are fitted by WLSMV (thresholds
/// and polychoric correlations), so the table has threshold rows on the latent-response scale (population thresholds
/// are the --likert cuts of standardized scores); --ordered without --likert is a usage error. Expected values: the
/// population model written in the test (loadings on the standardized scale) and the cuts given.
/// </summary>
public sealed class OrdinalPowerCliTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _population, _model;

    public OrdinalPowerCliTests()
    {
        _population = _files.Write("pop.lav", "f =~ 0.7*y1 + 0.7*y2 + 0.6*y3 + 0.8*y4 + 0.7*y5\n");
        _model = _files.Write("model.lav", "f =~ y1 + y2 + y3 + y4 + y5\n");
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Ordered_replications_are_fitted_by_wlsmv_with_thresholds_at_the_cuts()
    {
        var run = CliRun.Of("power", "--population", _population, "--model", _model, "--n", "300", "--replications", "60",
            "--standardized", "--likert=-1,0,1", "--ordered", "all", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var text = run.Stdout;
        Assert.Contains("\"|\"", text);
        // The analysis has three thresholds per item, the population's cuts -1, 0, 1 (standardized scores).
        Assert.Contains("\"t3\"", text);
        Assert.DoesNotContain("\"t4\"", text);
    }

    [Fact]
    public void Ordered_without_likert_cuts_is_a_usage_error()
    {
        var run = CliRun.Of("power", "--population", _population, "--model", _model, "--n", "100", "--ordered", "all");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--ordered needs --likert", run.Stderr);
    }
}
