using System.Globalization;
using System.Text.Json;
using SemLib.Simulation;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib simulate</c> and <c>semlib power</c>: the files and documents they write, seeds, Likert cuts, progress on
/// standard error only, and usage errors. Expected data and study results come from the library called in-process
/// with the same settings (<see cref="PopulationModel.Sample(int, int)"/>, <see cref="MonteCarlo.PowerCurve"/>):
/// the command line must write exactly what the library computes; properties that hold by construction (variance 1
/// with --standardized, categories 1..K) are checked on the data.
/// </summary>
public sealed class SimulationCliTests : IDisposable
{
    /// <summary>Two correlated factors with three indicators each; standardized loadings .7 and .6, a path of .4.</summary>
    private const string Population = "f =~ 0.7*x1 + 0.7*x2 + 0.7*x3\ng =~ 0.6*y1 + 0.6*y2 + 0.6*y3\ng ~ 0.4*f\n";

    private const string Analysis = "f =~ x1 + x2 + x3\ng =~ y1 + y2 + y3\ng ~ b*f\n";

    private readonly TempFiles _files = new();
    private readonly string _population;
    private readonly string _analysis;

    public SimulationCliTests()
    {
        _population = _files.Write("pop.lav", Population);
        _analysis = _files.Write("analysis.lav", Analysis);
    }

    public void Dispose() => _files.Dispose();

    private static CliRun Ok(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run;
    }

    private static string LibraryCsv(int n, int seed, bool standardized, IReadOnlyList<double>? likert = null)
    {
        var data = PopulationModel.FromSyntax(Population, standardized).Sample(n, seed);
        if (likert is not null) data = Likert.Cut(data, likert);
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        data.WriteCsv(csv);
        return csv.ToString();
    }

    [Fact]
    public void Simulate_writes_the_librarys_sample_whole_to_the_output_file()
    {
        var folder = Path.Combine(_files.Root, "out");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "sim.csv");
        var run = Ok("simulate", "--model", _population, "--n", "250", "--seed", "11", "--standardized", "--output", output);
        Assert.Equal("", run.Stdout);
        Assert.Equal("", run.Stderr);

        var text = File.ReadAllText(output);
        Assert.Equal(LibraryCsv(250, 11, standardized: true), text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("x1,x2,x3,y1,y2,y3", lines[0]);
        Assert.Equal(251, lines.Count);
        Assert.All(lines.Skip(1), l => Assert.Equal(6, l.Split(',').Length));
        Assert.Equal(["sim.csv"], Directory.GetFiles(folder).Select(Path.GetFileName)); // no temporary file left

        // An existing file is replaced, not appended to.
        Ok("simulate", "--model", _population, "--n", "10", "--output", output);
        Assert.Equal(11, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void The_same_seed_gives_the_same_file_and_standard_output_gets_the_same_csv()
    {
        var a = Path.Combine(_files.Root, "a.csv");
        var b = Path.Combine(_files.Root, "b.csv");
        var c = Path.Combine(_files.Root, "c.csv");
        Ok("simulate", "--model", _population, "--n", "100", "--seed", "5", "--output", a);
        Ok("simulate", "--model", _population, "--n", "100", "--seed", "5", "--output", b);
        Ok("simulate", "--model", _population, "--n", "100", "--seed", "6", "--output", c);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.NotEqual(File.ReadAllText(a), File.ReadAllText(c));
        Assert.Equal(File.ReadAllText(a), Ok("simulate", "--model", _population, "--n", "100", "--seed", "5").Stdout);
        // The default seed is 1.
        Assert.Equal(LibraryCsv(30, 1, standardized: false), Ok("simulate", "--model", _population, "--n", "30").Stdout);
    }

    [Fact]
    public void Standardized_variables_have_variance_one()
    {
        // --standardized: every observed variable has population variance 1 (PopulationModel); with 5000 rows the
        // sample variance lies within 0.1 of it (its SE is about sqrt(2/5000) = 0.02).
        var csv = Ok("simulate", "--model", _population, "--n", "5000", "--seed", "2", "--standardized").Stdout;
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.TrimEnd('\r').Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        for (int j = 0; j < 6; j++)
        {
            double mean = rows.Average(r => r[j]);
            double variance = rows.Sum(r => (r[j] - mean) * (r[j] - mean)) / (rows.Count - 1);
            Assert.InRange(variance, 0.9, 1.1);
        }
    }

    [Fact]
    public void Likert_values_are_categories_1_to_k()
    {
        double[] thresholds = [-1.5, -0.5, 0.5, 1.5];
        // A leading minus sign is read as a value, not an option, with or without "=".
        var spaced = Ok("simulate", "--model", _population, "--n", "400", "--standardized", "--likert", "-1.5,-0.5,0.5,1.5").Stdout;
        var joined = Ok("simulate", "--model", _population, "--n", "400", "--standardized", "--likert=-1.5,-0.5,0.5,1.5").Stdout;
        Assert.Equal(spaced, joined);
        Assert.Equal(LibraryCsv(400, 1, standardized: true, thresholds), spaced);
        var values = spaced.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .SelectMany(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(400 * 6, values.Count);
        Assert.All(values, v => Assert.Contains(v, new[] { "1", "2", "3", "4", "5" }));
        Assert.Equal(5, values.Distinct().Count()); // 400 standard-normal scores reach every category
    }

    [Theory]
    [InlineData(new[] { "--n", "0" }, 2, "--n '0' is not valid; give a whole number of at least 1")]
    [InlineData(new[] { "--n", "10", "--likert", "1,0" }, 2, "strictly increasing")]
    [InlineData(new[] { "--n", "10", "--likert", "low,high" }, 2, "--likert 'low,high' is not valid")]
    [InlineData(new[] { "--n", "10", "--output", "no-such-folder/x.csv" }, 2, "does not exist")]
    public void Simulate_usage_errors(string[] extra, int code, string expected)
    {
        var line = CliRun.Of(["simulate", "--model", _population, .. extra]).AssertOneLineError(code);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_model_errors()
    {
        var bad = _files.Write("bad.lav", "f =~ 0.7*x1 + 0.7*x2 x3\n");
        Assert.StartsWith(bad + ":1:", CliRun.Of("simulate", "--model", bad, "--n", "10").AssertOneLineError(2), StringComparison.Ordinal);
        // A standardized loading above 1 leaves a negative residual variance: the population cannot exist.
        var impossible = _files.Write("impossible.lav", "f =~ 1.2*x1 + 0.7*x2 + 0.7*x3\n");
        var line = CliRun.Of("simulate", "--model", impossible, "--n", "10", "--standardized").AssertOneLineError(1);
        Assert.StartsWith("semlib simulate: ", line, StringComparison.Ordinal);
        Assert.Contains("x1", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", CliRun.Of("simulate", "--model", Path.Combine(_files.Root, "nope.lav"), "--n", "10").AssertOneLineError(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Power_json_is_the_librarys_power_curve()
    {
        var run = Ok("power", "--population", _population, "--model", _analysis, "--n", "100,200", "--replications", "40", "--seed", "3", "--standardized", "--format", "json");
        Assert.Equal("", run.Stderr);
        var json = run.Json();
        Assert.Equal(["studies"], json.EnumerateObject().Select(p => p.Name));
        var studies = json.GetProperty("studies").EnumerateArray().ToList();

        var expected = MonteCarlo.PowerCurve(PopulationModel.FromSyntax(Population, standardized: true), Analysis, [100, 200],
            new MonteCarloOptions { Replications = 40, Seed = 3, Alpha = 0.05, ConfidenceLevel = 0.95, Analysis = ModelOptions.Default });
        Assert.Equal(2, studies.Count);
        for (int s = 0; s < 2; s++)
        {
            var study = studies[s];
            var e = expected[s];
            Assert.Equal(["n", "replications", "converged", "convergence_rate", "inadmissible", "failed", "failures", "mean_chisq", "df", "model_rejection_rate", "parameters"],
                study.EnumerateObject().Select(p => p.Name));
            Assert.Equal(e.SampleSize, study.GetProperty("n").GetInt32());
            Assert.Equal(40, study.GetProperty("replications").GetInt32());
            Assert.Equal(e.Converged, study.GetProperty("converged").GetInt32());
            Assert.Equal(e.ConvergenceRate, study.GetProperty("convergence_rate").GetDouble());
            Assert.Equal(e.Inadmissible, study.GetProperty("inadmissible").GetInt32());
            Assert.Equal(e.MeanChiSquare, study.GetProperty("mean_chisq").GetDouble());
            Assert.Equal(8, study.GetProperty("df").GetInt32()); // 21 moments − 13 free parameters
            Assert.Equal(e.ModelRejectionRate, study.GetProperty("model_rejection_rate").GetDouble());
            var parameters = study.GetProperty("parameters").EnumerateArray().ToList();
            Assert.Equal(e.Parameters.Count, parameters.Count);
            for (int i = 0; i < parameters.Count; i++)
            {
                var p = parameters[i];
                var ep = e.Parameters[i];
                Assert.Equal(["lhs", "op", "rhs", "label", "population", "mean_est", "bias", "rel_bias", "empirical_se", "mean_se", "se_ratio", "coverage", "power"],
                    p.EnumerateObject().Select(x => x.Name));
                Assert.Equal(ep.Lhs + ep.Op.ToLavaan() + ep.Rhs, p.GetProperty("lhs").GetString() + p.GetProperty("op").GetString() + p.GetProperty("rhs").GetString());
                Assert.Equal(ep.Population, p.GetProperty("population").GetDouble());
                Assert.Equal(ep.MeanEstimate, p.GetProperty("mean_est").GetDouble());
                Assert.Equal(ep.SeRatio!.Value, p.GetProperty("se_ratio").GetDouble());
                Assert.Equal(ep.Coverage!.Value, p.GetProperty("coverage").GetDouble());
                Assert.Equal(ep.Power!.Value, p.GetProperty("power").GetDouble());
            }
        }
        // The labelled path: .4 between unit-variance factors; the analysis model scales f and g by their markers
        // (f' = .7 f, g' = .6 g), so its population value is .4 · .6 / .7 = 0.342857.
        var b = studies[0].GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "b");
        Assert.Equal(0.4 * 0.6 / 0.7, b.GetProperty("population").GetDouble(), 6);
    }

    [Fact]
    public void Power_text_has_a_table_per_sample_size_and_progress_only_on_standard_error()
    {
        var run = Ok("power", "--population", _population, "--model", _analysis, "--n", "150", "--replications", "20", "--standardized", "--progress");
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(@"^N = 150: \d+ of 20 replications converged \(rate [01]\.\d{3}\), \d+ inadmissible$", lines[0]);
        Assert.StartsWith("  Model test: mean chi-square ", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^  Parameter +Population +Mean est +Bias +Rel\.bias +SE ratio +Coverage +Power$", lines[3]);
        Assert.Contains(lines, l => l.StartsWith("  g ~ f (b) ", StringComparison.Ordinal));
        Assert.Contains("N = 150 (20 replications): 20/20 done", run.Stderr, StringComparison.Ordinal);

        var quiet = Ok("power", "--population", _population, "--model", _analysis, "--n", "150", "--replications", "20", "--standardized", "--format", "json");
        Assert.Equal("", quiet.Stderr);
        var shown = Ok("power", "--population", _population, "--model", _analysis, "--n", "150", "--replications", "20", "--standardized", "--format", "json", "--progress");
        Assert.Equal(quiet.Stdout, shown.Stdout);
        Assert.NotEqual("", shown.Stderr);
    }

    /// <summary>power with MLR: every replication gets robust SEs, so the table's SE ratio is the robust one (exit 0).</summary>
    [Fact]
    public void Power_with_a_robust_estimator_runs()
    {
        var run = CliRun.Of("power", "--population", _population, "--model", _analysis, "--n", "150", "--replications", "20", "--estimator", "MLR", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("\"se_ratio\"", run.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--n", "100,abc" }, 2, "--n '100,abc' is not valid")]
    [InlineData(new[] { "--n", "1" }, 2, "--n '1' is not valid")]
    [InlineData(new[] { "--n", "100", "--alpha", "1.5" }, 2, "--alpha '1.5' is not valid; give a number strictly between 0 and 1")]
    [InlineData(new[] { "--n", "100", "--replications", "0" }, 2, "--replications '0' is not valid; give a whole number from 1 to 10000000")]
    [InlineData(new[] { "--n", "100", "--estimator", "DWLS" }, 2, "--estimator DWLS fits ordered items: cut the scores with --likert and name the items with --ordered")]
    [InlineData(new[] { "--n", "100", "--estimator", "WLSMV" }, 2, "--estimator WLSMV fits ordered items")]
    [InlineData(new[] { "--n", "100", "--estimator", "FOO" }, 2, "--estimator FOO is not an estimator")]
    [InlineData(new[] { "--n", "100", "--likert", "2,1" }, 2, "strictly increasing")]
    public void Power_usage_errors(string[] extra, int code, string expected)
    {
        var line = CliRun.Of(["power", "--population", _population, "--model", _analysis, .. extra]).AssertOneLineError(code);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Power_model_errors_name_the_file_or_the_variable()
    {
        var bad = _files.Write("bad-analysis.lav", "f =~ x1 + x2\ng =~ y1 y2\n");
        Assert.StartsWith(bad + ":2:", CliRun.Of("power", "--population", _population, "--model", bad, "--n", "100").AssertOneLineError(2), StringComparison.Ordinal);
        var other = _files.Write("other.lav", "f =~ x1 + x2 + z9\n");
        var line = CliRun.Of("power", "--population", _population, "--model", other, "--n", "100", "--replications", "5").AssertOneLineError(1);
        Assert.Contains("'z9'", line, StringComparison.Ordinal);
        // Fewer rows than observed variables cannot be analysed.
        Assert.Contains("too small", CliRun.Of("power", "--population", _population, "--model", _analysis, "--n", "5", "--replications", "5").AssertOneLineError(1), StringComparison.Ordinal);
    }
}
