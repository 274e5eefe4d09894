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

    /// <summary>
    /// After lavaan's summary, a FIML fit prints the covariance coverage (lavInspect(fit, "coverage")) as a lower
    /// triangle; its numbers are SemFit.MissingData's, which agree with lavaan's coverage (FimlAgreementTests).
    /// </summary>
    [Fact]
    public void Full_information_ml_prints_the_covariance_coverage()
    {
        using var files = new TempFiles();
        var run = CliRun.Of(["fit", "--model", files.Write("hs.lav", HsModel), "--data", FimlData, "--missing", "ml"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var fit = Sem.Fit(HsModel, SemLib.Data.DataSet.ReadCsv(FimlData), new SemLib.Specification.ModelOptions { Missing = SemLib.Data.MissingPolicy.ML });
        var m = fit.MissingData![0];
        Assert.Contains($"Covariance coverage (share of the {m.Rows} rows observing both variables):", run.Stdout);
        string F(double x) => x.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (int i = 0; i < m.Variables.Count; i++)
        {
            var expected = new[] { m.Variables[i] }.Concat(Enumerable.Range(0, i + 1).Select(j => F(m.Coverage[i, j])));
            Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(expected));
        }
    }
}
