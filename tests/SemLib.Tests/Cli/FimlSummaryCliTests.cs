using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib fit --missing ml</c> (full-information ML), end to end against lavaan 0.6.14's printout
/// of the same fits (Reference/cli/*-summary.txt, from Reference/scripts/make-cli-robust-summaries.R): the number of
/// missing patterns, the robust CFI/TLI/RMSEA lavaan reports under FIML, the observed information, and the estimates
/// with their intercepts, line by line (see <see cref="TextSummaryCliTests"/>).
/// </summary>
public sealed class FimlSummaryCliTests
{
    private static readonly string HsData = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");
    private static readonly string FimlData = Path.Combine(ReferenceCase.BaseDirectory, "missing", "hs-cfa-fiml", "data.csv");
    private const string HsModel = "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n";

    [Theory]
    [InlineData("cli/hs-cfa-fiml-summary.txt", false, new[] { "--missing", "ml" })]
    [InlineData("cli/hs-cfa-fiml-complete-summary.txt", true, new[] { "--missing", "fiml" })]
    [InlineData("cli/hs-cfa-fiml-mlr-summary.txt", false, new[] { "--missing", "ml", "--estimator", "MLR" })]
    public void Full_information_ml_prints_lavaans_summary(string reference, bool complete, string[] args)
    {
        using var files = new TempFiles();
        var run = CliRun.Of(["fit", "--model", files.Write("hs.lav", HsModel), "--data", complete ? HsData : FimlData, "--fit-measures", .. args]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        TextSummaryCliTests.AssertLikeLavaan(run.Stdout, reference);
    }
}
