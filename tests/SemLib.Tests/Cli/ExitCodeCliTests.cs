using SemLib.Cli;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// Exit codes and messages of the contract (shared/spec/cli-json.md): 0 success (warnings included), 1 the analysis
/// could not be done, 2 bad command line or unreadable model syntax; one line on standard error saying what and
/// where, nothing on standard output, no stack trace unless --verbose.
/// </summary>
public sealed class ExitCodeCliTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _hsData = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");
    private readonly string _hsModel;

    public ExitCodeCliTests() => _hsModel = _files.Model(ReferenceCase.Load("lavaan/hs-cfa"));

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Syntax_error_is_reported_as_file_line_column()
    {
        var model = _files.Write("bad.lav", "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 x6\n");
        var line = CliRun.Of("fit", "--model", model, "--data", _hsData).AssertOneLineError(2);
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(model) + @":2:\d+: \S", line);
    }

    [Fact]
    public void Syntax_error_in_json_mode_writes_nothing_on_standard_output()
    {
        var model = _files.Write("bad.lav", "visual =~ x1 + x2 x3\ntextual =~ x4 + x5 + x6\n");
        var line = CliRun.Of("fit", "--model", model, "--data", _hsData, "--format", "json").AssertOneLineError(2);
        Assert.StartsWith(model + ":1:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_variable_missing_from_the_data_is_named()
    {
        var model = _files.Write("x99.lav", "visual =~ x1 + x2 + x3 + x99\n");
        var line = CliRun.Of("fit", "--model", model, "--data", _hsData).AssertOneLineError(1);
        Assert.Contains("'x99'", line, StringComparison.Ordinal);
        Assert.Contains("data.csv", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_numeric_cell_is_named_by_row_and_column()
    {
        var data = _files.Write("bad.csv", "x1,x2,x3,x4\n1,2,3,4\n2,3,abc,5\n3,1,2,7\n4,4,1,2\n5,2,2,2\n");
        var model = _files.Write("m.lav", "f =~ x1 + x2 + x3 + x4\n");
        var line = CliRun.Of("fit", "--model", model, "--data", data).AssertOneLineError(1);
        Assert.Contains("row 2", line, StringComparison.Ordinal);
        Assert.Contains("'x3'", line, StringComparison.Ordinal);
        Assert.Contains("'abc'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_file_is_named()
    {
        var missing = Path.Combine(_files.Root, "nope.csv");
        var line = CliRun.Of("fit", "--model", _hsModel, "--data", missing).AssertOneLineError(2);
        Assert.Contains($"data file '{missing}' does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var missing = Path.Combine(_files.Root, "nope.lav");
        var line = CliRun.Of("fit", "--model", missing, "--data", _hsData, "--format", "json").AssertOneLineError(2);
        Assert.Contains($"model file '{missing}' does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var line = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--estimater", "ML").AssertOneLineError(2);
        Assert.Contains("'--estimater'", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--missing", "two.stage")]
    [InlineData("--se", "sandwich")]
    [InlineData("--test", "browne.residual.adf")]
    [InlineData("--estimator", "WLSMVS")]
    [InlineData("--information", "first.order")]
    public void Unsupported_options_say_so_and_exit_2(string option, string value)
    {
        foreach (var command in new[] { "fit", "bench" })
        {
            var line = CliRun.Of(command, "--model", _hsModel, "--data", _hsData, option, value).AssertOneLineError(2);
            Assert.Contains(option, line, StringComparison.Ordinal);
            Assert.Contains("not supported yet", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--estimator", "FOO", "not an estimator")]
    [InlineData("--format", "xml", "not valid")]
    [InlineData("--missing", "sometimes", "not valid")]
    [InlineData("--nobs", "300", "--nobs only goes with --cov")]
    [InlineData("--iter-max", "0", "--iter-max '0' is not valid; give a whole number from 1 to 10000000")]
    public void Invalid_values_are_usage_errors(string option, string value, string expected)
    {
        var line = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, option, value).AssertOneLineError(2);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_must_be_given_exactly_once()
    {
        Assert.Contains("--data", CliRun.Of("fit", "--model", _hsModel).AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains("not both", CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--cov", _hsData, "--nobs", "301").AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains("--nobs", CliRun.Of("fit", "--model", _hsModel, "--cov", _hsData).AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains("--group needs raw data", CliRun.Of("fit", "--model", _hsModel, "--cov", _hsData, "--nobs", "301", "--group", "school").AssertOneLineError(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_degrees_of_freedom_cannot_be_analysed()
    {
        // Two indicators and a residual covariance: 5 free parameters for 3 sample moments (df = 3 - 5 = -2).
        var model = _files.Write("df.lav", "f =~ x1 + x2\nx1 ~~ x2\n");
        var line = CliRun.Of("fit", "--model", model, "--data", _hsData).AssertOneLineError(1);
        Assert.Contains("df = -2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var model = _files.Write("df.lav", "f =~ x1 + x2\nx1 ~~ x2\n");
        var run = CliRun.Of("fit", "--model", model, "--data", _hsData, "--verbose");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("   at ", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A fit that is not a clean convergence writes its whole output and exits 3 (ExitCodes.NotClean), so a script can
    /// tell it from success; --fail-on-nonconvergence makes non-convergence an error with nothing on standard output.
    /// </summary>
    [Fact]
    public void A_fit_that_is_not_clean_writes_its_output_and_exits_3_unless_asked_to_fail()
    {
        var warned = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--iter-max", "1");
        Assert.Equal(3, warned.ExitCode);
        Assert.Contains("did NOT end normally", warned.Stdout, StringComparison.Ordinal);
        Assert.Contains(warned.ErrorLines, l => l.StartsWith("semlib fit: warning: ", StringComparison.Ordinal));
        Assert.Contains(warned.ErrorLines, l => l.StartsWith("semlib fit: the solution is not a clean convergence (status NotConverged", StringComparison.Ordinal));

        var json = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--iter-max", "1", "--format", "json");
        Assert.Equal(3, json.ExitCode);
        Assert.False(json.Json().GetProperty("converged").GetBoolean());
        Assert.NotEmpty(json.Json().GetProperty("warnings").EnumerateArray());
        Assert.Single(json.ErrorLines);

        var failed = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--iter-max", "1", "--format", "json", "--fail-on-nonconvergence");
        Assert.Contains("did not converge", failed.AssertOneLineError(1), StringComparison.Ordinal);

        var clean = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--format", "json");
        Assert.Equal(0, clean.ExitCode);
        Assert.Equal("", clean.Stderr);
    }

    /// <summary>A Heywood case is output in full with exit code 3, not 0.</summary>
    [Fact]
    public void A_heywood_case_exits_3()
    {
        // r = −.3 for every pair of three items: the exact fit has a negative factor variance (DivergenceTests).
        var cov = _files.Write("heywood.csv", "x1,x2,x3\n1,-0.3,-0.3\n-0.3,1,-0.3\n-0.3,-0.3,1\n");
        var model = _files.Write("one.lav", "f =~ x1 + x2 + x3\n");
        var run = CliRun.Of("fit", "--model", model, "--cov", cov, "--nobs", "200", "--format", "json");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("ConvergedInadmissible", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.Json().GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void Version_is_the_informational_version()
    {
        var run = CliRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(SemLibCli.Version, run.Stdout.Trim());
        Assert.StartsWith("0.1.0", run.Stdout, StringComparison.Ordinal); // <Version> in Directory.Build.props
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("fit", "--help")]
    [InlineData("bench", "--help")]
    [InlineData("fit", "-h")]
    public void Help_works_for_every_command(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(args.Length == 1 ? "semlib [command]" : $"semlib {args[0]} [options]", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var line = CliRun.Of().AssertOneLineError(2);
        Assert.StartsWith("semlib: ", line, StringComparison.Ordinal);
    }
}
