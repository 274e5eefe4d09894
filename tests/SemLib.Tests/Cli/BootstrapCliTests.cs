using System.Text.Json;
using MathNet.Numerics.Distributions;
using SemLib.Resampling;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib fit --se bootstrap</c> and <c>semlib bench --se bootstrap</c>: lavaan's semantics (the rows carry the
/// bootstrap SE, z = est/se, its normal p-value and the bootstrap interval; fixed rows keep se 0), the
/// <c>bootstrap</c> extension object, the text summary's lavaan lines, seeds, progress on standard error only, and
/// the usage errors. Expected numbers come from lavaan's own bootstrap (case.json <c>bootstrap_reference</c>, within
/// Monte Carlo error) or from the library's <see cref="Bootstrap.Run"/> on the same fit with the same seed (the
/// command line must report exactly what the library computes).
/// </summary>
public sealed class BootstrapCliTests : IDisposable
{
    private static readonly string[] ParameterKeys =
        ["lhs", "op", "rhs", "group", "label", "free", "est", "se", "z", "pvalue", "ci.lower", "ci.upper", "std.lv", "std.all"];

    private readonly TempFiles _files = new();
    private readonly ReferenceCase _talor = ReferenceCase.Load("lavaan/talor-mediation");
    private readonly string _model;
    private readonly string _data;

    public BootstrapCliTests()
    {
        _model = _files.Model(_talor);
        _data = Path.Combine(_talor.Folder, "data.csv");
    }

    public void Dispose() => _files.Dispose();

    private CliRun Fit(params string[] extra)
    {
        var run = CliRun.Of(["fit", "--model", _model, "--data", _data, .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run;
    }

    [Fact]
    public void Json_rows_carry_the_library_bootstrap_and_the_extension_object()
    {
        var json = Fit("--se", "bootstrap", "--bootstrap", "200", "--seed", "7", "--effect", "cond:reaction", "--format", "json").Json();
        Assert.Equal(["converged", "iterations", "estimator", "nobs", "parameters", "fit", "r2", "warnings", "bootstrap"],
            json.EnumerateObject().Select(p => p.Name));

        // The library on the same fit with the same settings (draw k uses the stream of (seed, k), whatever the cores).
        var fit = _talor.Fit();
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 200, Seed = 7, Effects = [("cond", "reaction")] });
        var rows = json.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(fit.Parameters.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var p = fit.Parameters[i];
            var b = boot.Parameters[i];
            Assert.Equal(ParameterKeys, row.EnumerateObject().Select(x => x.Name));
            Assert.Equal(p.Estimate, row.GetProperty("est").GetDouble(), 12);
            if (p.Free == false)
            {
                // lavaan: a fixed row (here the fixed.x variance of cond) keeps se 0, no z or p, the estimate as bounds.
                Assert.Equal(0, row.GetProperty("se").GetDouble());
                Assert.Equal(JsonValueKind.Null, row.GetProperty("z").ValueKind);
                Assert.Equal(JsonValueKind.Null, row.GetProperty("pvalue").ValueKind);
                Assert.Equal(p.Estimate, row.GetProperty("ci.lower").GetDouble(), 12);
                Assert.Equal(p.Estimate, row.GetProperty("ci.upper").GetDouble(), 12);
                continue;
            }
            double se = row.GetProperty("se").GetDouble();
            Assert.Equal(b.StandardError!.Value, se, 12);
            Assert.Equal(b.CiLower!.Value, row.GetProperty("ci.lower").GetDouble(), 12);
            Assert.Equal(b.CiUpper!.Value, row.GetProperty("ci.upper").GetDouble(), 12);
            double z = p.Estimate / se;
            Assert.Equal(z, row.GetProperty("z").GetDouble(), 10);
            Assert.Equal(2 * Normal.CDF(0, 1, -Math.Abs(z)), row.GetProperty("pvalue").GetDouble(), 10);
            Assert.Equal(p.StdAll!.Value, row.GetProperty("std.all").GetDouble(), 12);
        }

        var ext = json.GetProperty("bootstrap");
        Assert.Equal(["draws", "converged", "failed", "seed", "ci_type", "bollen_stine_pvalue", "effects"], ext.EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, ext.GetProperty("draws").GetInt32());
        Assert.Equal(boot.Converged, ext.GetProperty("converged").GetInt32());
        Assert.Equal(200, ext.GetProperty("converged").GetInt32() + ext.GetProperty("failed").GetInt32());
        Assert.Equal(7, ext.GetProperty("seed").GetInt32());
        Assert.Equal("perc", ext.GetProperty("ci_type").GetString());
        Assert.Equal(JsonValueKind.Null, ext.GetProperty("bollen_stine_pvalue").ValueKind);
        var effects = ext.GetProperty("effects").EnumerateArray().ToList();
        Assert.Equal(["total", "direct", "indirect", "specific"], effects.Select(e => e.GetProperty("kind").GetString()));
        for (int i = 0; i < effects.Count; i++)
        {
            var e = effects[i];
            Assert.Equal(["from", "to", "kind", "path", "est", "se", "ci.lower", "ci.upper", "std.all", "std.all.ci.lower", "std.all.ci.upper"],
                e.EnumerateObject().Select(p => p.Name));
            Assert.Equal("cond", e.GetProperty("from").GetString());
            Assert.Equal("reaction", e.GetProperty("to").GetString());
            Assert.Equal(boot.Effects[i].Path, e.GetProperty("path").GetString());
            Assert.Equal(boot.Effects[i].Estimate, e.GetProperty("est").GetDouble(), 12);
            Assert.Equal(boot.Effects[i].CiLower!.Value, e.GetProperty("ci.lower").GetDouble(), 12);
            Assert.Equal(boot.Effects[i].StdAllCiUpper!.Value, e.GetProperty("std.all.ci.upper").GetDouble(), 12);
        }
        // The indirect effect is a*b: lavaan's "indirect := a*b" row has the same estimate.
        Assert.Equal(0.241335464318033, effects[2].GetProperty("est").GetDouble(), 6); // case.json bootstrap_reference
    }

    /// <summary>
    /// lavaan's own 2000-draw percentile bootstrap (case.json bootstrap_reference) resamples with R's generator, so
    /// agreement is within Monte Carlo error, with the library test's tolerances: 10% of the SE, 0.3 SE for a bound.
    /// </summary>
    [Fact]
    public void Json_agrees_with_lavaans_bootstrap_within_monte_carlo_error()
    {
        var json = Fit("--se", "bootstrap", "--bootstrap", "2000", "--seed", "2024", "--format", "json").Json();
        var rows = json.GetProperty("parameters").EnumerateArray().ToList();
        var reference = _talor.Root.GetProperty("bootstrap_reference");
        Assert.Equal(2000, reference.GetProperty("draws").GetInt32());
        foreach (var r in reference.GetProperty("parameters").EnumerateArray())
        {
            string name = r.GetProperty("lhs").GetString() + r.GetProperty("op").GetString() + r.GetProperty("rhs").GetString();
            var mine = rows.Single(x => x.GetProperty("lhs").GetString() + x.GetProperty("op").GetString() + x.GetProperty("rhs").GetString() == name);
            double lo = r.GetProperty("ci.lower").GetDouble(), hi = r.GetProperty("ci.upper").GetDouble();
            if (lo == hi)
            {
                Assert.Equal(lo, mine.GetProperty("ci.lower").GetDouble(), 10); // fixed: the estimate, as lavaan
                continue;
            }
            double se = (hi - lo) / 3.92;
            Assert.True(Math.Abs(mine.GetProperty("ci.lower").GetDouble() - lo) <= 0.3 * se, $"{name} ci.lower");
            Assert.True(Math.Abs(mine.GetProperty("ci.upper").GetDouble() - hi) <= 0.3 * se, $"{name} ci.upper");
            if (r.GetProperty("se").ValueKind == JsonValueKind.Number)
            {
                double refSe = r.GetProperty("se").GetDouble();
                Assert.True(Math.Abs(mine.GetProperty("se").GetDouble() - refSe) <= 0.1 * refSe, $"{name} se");
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_document_and_the_default_seed_is_1()
    {
        string[] args = ["--se", "bootstrap", "--bootstrap", "100", "--format", "json"];
        var first = Fit([.. args, "--seed", "3"]).Stdout;
        Assert.Equal(first, Fit([.. args, "--seed", "3"]).Stdout);
        Assert.NotEqual(first, Fit([.. args, "--seed", "4"]).Stdout);
        var unseeded = Fit(args);
        Assert.Equal(1, unseeded.Json().GetProperty("bootstrap").GetProperty("seed").GetInt32());
        Assert.Equal(unseeded.Stdout, Fit([.. args, "--seed", "1"]).Stdout);
    }

    [Fact]
    public void Text_has_lavaans_bootstrap_lines_interval_columns_and_the_effects_table()
    {
        var run = Fit("--se", "bootstrap", "--bootstrap", "150", "--ci", "bca", "--effect", "cond:reaction");
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // Layout of lavaan 0.6.14's print.lavaan.parameterEstimates (labels 38 wide, values 13, two leading blanks),
        // as in the printout of sem(..., se = "bootstrap") of this model.
        Assert.Contains("  Standard errors                            Bootstrap", lines);
        Assert.Contains("  Number of requested bootstrap draws              150", lines);
        Assert.Contains("  Number of successful bootstrap draws             150", lines);
        Assert.Contains("  Bootstrap confidence intervals                   BCa", lines);
        Assert.Contains("  Random seed                                        1", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("  Information", StringComparison.Ordinal));
        int regressions = lines.IndexOf("Regressions:");
        Assert.Equal("                   Estimate  Std.Err  z-value  P(>|z|) ci.lower ci.upper   Std.lv  Std.all", lines[regressions + 1]);
        int effects = lines.FindIndex(l => l.StartsWith("Effects (bca bootstrap intervals, 95%):", StringComparison.Ordinal));
        Assert.True(effects > regressions);
        Assert.Equal("  cond -> reaction:", lines[effects + 2]);
        Assert.StartsWith("    total     cond -> reaction", lines[effects + 3], StringComparison.Ordinal);
        Assert.StartsWith("    specific  cond -> pmi -> reaction", lines[effects + 6], StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Bollen_stine_p_value_is_the_librarys()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        var model = _files.Model(c, "hs.lav");
        var data = Path.Combine(c.Folder, "data.csv");
        var run = CliRun.Of("fit", "--model", model, "--data", data, "--se", "bootstrap", "--bootstrap", "60", "--bollen-stine", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var expected = Bootstrap.Run(c.Fit(), new BootstrapOptions { Draws = 60, Seed = 1, BollenStine = true }).BollenStinePValue;
        Assert.Equal(expected!.Value, run.Json().GetProperty("bootstrap").GetProperty("bollen_stine_pvalue").GetDouble(), 12);

        var text = CliRun.Of("fit", "--model", model, "--data", data, "--se", "bootstrap", "--bootstrap", "60", "--bollen-stine");
        Assert.Contains(text.Stdout.Split('\n').Select(l => l.TrimEnd('\r')), l => l.StartsWith("  P-value (Bollen-Stine bootstrap)", StringComparison.Ordinal));
    }

    [Fact]
    public void Progress_goes_to_standard_error_only_when_asked_off_a_terminal()
    {
        var quiet = Fit("--se", "bootstrap", "--bootstrap", "50", "--format", "json");
        Assert.Equal("", quiet.Stderr);
        var shown = Fit("--se", "bootstrap", "--bootstrap", "50", "--format", "json", "--progress");
        Assert.Equal(quiet.Stdout, shown.Stdout); // standard output holds only the same JSON document
        Assert.Contains("Bootstrap (50 draws, seed 1): 50/50 done", shown.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bootstrap", "200", "--bootstrap only goes with --se bootstrap")]
    [InlineData("--seed", "5", "--seed only goes with --se bootstrap")]
    [InlineData("--ci", "bca", "--ci bca chooses a bootstrap interval, so it only goes with --se bootstrap")]
    [InlineData("--effect", "cond:reaction", "--effect only goes with --se bootstrap")]
    public void Bootstrap_options_need_se_bootstrap(string option, string value, string expected)
    {
        foreach (var command in new[] { "fit", "bench" })
        {
            var line = CliRun.Of(command, "--model", _model, "--data", _data, option, value).AssertOneLineError(2);
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "--bootstrap", "1" }, "--bootstrap '1' is not valid; give a whole number from 2 to 10000000")]
    [InlineData(new[] { "--ci", "norm" }, "--ci norm is not supported yet")]
    [InlineData(new[] { "--ci", "studentized" }, "--ci studentized is not valid")]
    [InlineData(new[] { "--effect", "cond->reaction" }, "--effect 'cond->reaction' is not valid")]
    [InlineData(new[] { "--effect", "cond:nothere" }, "'nothere' is not a variable of the model")]
    public void Bad_bootstrap_options_are_usage_errors(string[] extra, string expected)
    {
        var line = CliRun.Of(["fit", "--model", _model, "--data", _data, "--se", "bootstrap", .. extra]).AssertOneLineError(2);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fit_that_did_not_converge_is_not_bootstrapped()
    {
        // One optimizer iteration per attempt cannot reach the optimum: the bootstrap is refused before any draw, for fit and bench.
        foreach (var command in new[] { "fit", "bench" })
        {
            var line = CliRun.Of(command, "--model", _model, "--data", _data, "--iter-max", "1", "--se", "bootstrap", "--bootstrap", "10").AssertOneLineError(1);
            Assert.Contains("did not converge after", line, StringComparison.Ordinal);
            Assert.EndsWith("so there is nothing to bootstrap.", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bootstrap_needs_raw_data()
    {
        var cov = _files.Write("cov.csv", "pmi,reaction,cond\n1.73,0.63,0.12\n0.63,2.38,0.12\n0.12,0.12,0.25\n");
        var line = CliRun.Of("fit", "--model", _model, "--cov", cov, "--nobs", "123", "--se", "bootstrap").AssertOneLineError(2);
        Assert.Contains("needs raw data", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_times_whole_bootstrap_runs_and_reports_the_draws()
    {
        var run = CliRun.Of("bench", "--model", _model, "--data", _data, "--se", "bootstrap", "--bootstrap", "20", "--repeat", "2", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = run.Json();
        Assert.Equal(["fits", "ms_median", "ms_min", "ms_max", "converged", "draws"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, json.GetProperty("fits").GetInt32());
        Assert.Equal(20, json.GetProperty("draws").GetInt32());
        Assert.True(json.GetProperty("converged").GetBoolean());

        // Without --repeat a bootstrap bench times 5 runs (100 fits otherwise).
        var defaults = CliRun.Of("bench", "--model", _model, "--data", _data, "--se", "bootstrap", "--bootstrap", "10", "--format", "json");
        Assert.Equal(5, defaults.Json().GetProperty("fits").GetInt32());
        var text = CliRun.Of("bench", "--model", _model, "--data", _data, "--se", "bootstrap", "--bootstrap", "10", "--repeat", "1");
        Assert.Matches(@"^1 bootstrap run \(10 draws each\) of .*model\.lav: median [0-9.]+ ms", text.Stdout);
    }
}
