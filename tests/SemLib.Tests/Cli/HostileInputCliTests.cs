using System.Text;
using SemLib.Cli;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// Issue 8 (fuzzing): requests that cannot fit in memory, a standard output that cannot be written, concurrent
/// writers of one report, compare of models of different variables and power studies with degenerate replications,
/// each a clear one-line outcome instead of an internal error.
/// </summary>
public sealed class HostileInputCliTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _hsData = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");
    private readonly string _pop;
    private readonly string _hsModel;

    public HostileInputCliTests()
    {
        _pop = _files.Write("pop.lav", "f =~ 0.7*x1 + 0.7*x2 + 0.7*x3 + 0.7*x4\n");
        _hsModel = _files.Model(ReferenceCase.Load("lavaan/hs-cfa"));
    }

    public void Dispose()
    {
        ReportFiles.BetweenRenames = null;
        _files.Dispose();
    }

    // simulate: 2147483647 rows × 4 variables × 3 copies × 8 bytes ≈ 192 GiB, beyond any machine the tests run on.
    [Fact]
    public void Simulate_refuses_an_n_that_cannot_fit_in_memory()
    {
        var line = CliRun.Of("simulate", "--model", _pop, "--n", "2147483647").AssertOneLineError(2);
        Assert.StartsWith("semlib simulate: --n: 2147483647 rows of 4 variables would need about", line, StringComparison.Ordinal);
        Assert.Contains("GiB of memory", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Power_refuses_an_n_that_cannot_fit_in_memory()
    {
        var model = _files.Write("m.lav", "f =~ x1 + x2 + x3 + x4\n");
        var line = CliRun.Of("power", "--population", _pop, "--model", model, "--n", "100,2147483647", "--replications", "2").AssertOneLineError(2);
        Assert.StartsWith("semlib power: --n: samples of N = 2147483647", line, StringComparison.Ordinal);
        Assert.Contains("of memory", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_bootstraps_and_replications_are_refused_before_any_work()
    {
        var model = _files.Write("m.lav", "f =~ x1 + x2 + x3 + x4\n");
        var boot = CliRun.Of("fit", "--model", _hsModel, "--data", _hsData, "--se", "bootstrap", "--bootstrap", "2147483647").AssertOneLineError(2);
        Assert.Contains("--bootstrap '2147483647' is not valid; give a whole number from 2 to 10000000", boot, StringComparison.Ordinal);
        var reps = CliRun.Of("power", "--population", _pop, "--model", model, "--n", "100", "--replications", "2147483647").AssertOneLineError(2);
        Assert.Contains("--replications '2147483647' is not valid", reps, StringComparison.Ordinal);
    }

    [Fact]
    public void The_memory_check_compares_with_what_the_runtime_may_use()
    {
        MemoryLimits.Check("--x", MemoryLimits.Budget, "exactly the budget"); // fits
        var e = Assert.Throws<CliUsageException>(() => MemoryLimits.Check("--x", MemoryLimits.Budget + 1.0, "one byte more"));
        Assert.StartsWith("--x: one byte more would need about", e.Message, StringComparison.Ordinal);
        Assert.Equal(2147483647.0 * 2147483647.0 * 8, MemoryLimits.Times(2147483647, 2147483647, 8)); // no overflow
    }

    /// <summary>A standard output whose reader went away: every write fails as a broken pipe does.</summary>
    private sealed class BrokenPipe : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("Broken pipe");
    }

    [Theory]
    [InlineData("fit")]
    [InlineData("simulate")]
    [InlineData("--version")]
    [InlineData("--help")]
    public void A_broken_standard_output_is_one_line_on_standard_error_and_exit_1(string what)
    {
        string[] args = what switch
        {
            "fit" => ["fit", "--model", _hsModel, "--data", _hsData],
            "simulate" => ["simulate", "--model", _pop, "--n", "20"],
            _ => [what],
        };
        var stderr = new StringWriter();
        int code = SemLibCli.Run(args, new BrokenPipe(), stderr);
        Assert.Equal(1, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot write to standard output: Broken pipe", line, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", line, StringComparison.Ordinal);
    }

    /// <summary>The executable's own standard output, a pipe whose reading end is closed at once (as `| head -c0`).</summary>
    [Fact]
    public void The_executable_reports_a_closed_pipe_instead_of_succeeding()
    {
        if (OperatingSystem.IsWindows()) return;
        var run = CliRun.Process(["simulate", "--model", _pop, "--n", "20000"], closeStdout: true);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("semlib simulate: cannot write to standard output:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two runs writing the same .md report: each writes its Markdown and SVG to its own temporary files and renames
    /// them under the report's lock, so the pair on disk always comes from one run. The hook sleeps between the two
    /// renames of the first run of each round, where, without the lock, the other run's renames would land.
    /// </summary>
    [Fact]
    public void Concurrent_writers_of_one_report_leave_a_matching_markdown_and_svg()
    {
        var hs = TestData.HolzingerSwineford();
        var a = Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\n", hs);
        var b = Sem.Fit("speed =~ x7 + x8 + x9\ngeneral =~ x1 + x4 + x7\n", hs);
        var md = Path.Combine(_files.Root, "report.md");
        var svg = Path.Combine(_files.Root, "report.svg");
        // The first run to get between its renames in a round waits there, the second does not: without the lock the
        // second's SVG and Markdown land inside the first's pair, leaving the first's Markdown with the second's SVG.
        int calls = 0;
        ReportFiles.BetweenRenames = () => Thread.Sleep(Interlocked.Increment(ref calls) % 2 == 1 ? 100 : 0);
        for (int round = 0; round < 6; round++)
        {
            using var start = new Barrier(2);
            var threads = new[] { (a, "A"), (b, "B") }.Select(w => new Thread(() =>
            {
                start.SignalAndWait();
                ReportFiles.Write(md, w.Item1, null, w.Item2);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            string markdown = File.ReadAllText(md), diagram = File.ReadAllText(svg);
            bool markdownIsA = markdown.Contains("visual", StringComparison.Ordinal);
            bool diagramIsA = diagram.Contains("visual", StringComparison.Ordinal);
            Assert.True(markdownIsA == diagramIsA, $"round {round}: the Markdown is from run {(markdownIsA ? "A" : "B")}, the SVG from run {(diagramIsA ? "A" : "B")}");
        }
        Assert.Equal(["report.md", "report.svg"], Directory.GetFileSystemEntries(_files.Root, "report*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(_files.Root, ".report*")); // no temporary or lock file left
    }

    [Fact]
    public void Compare_of_models_of_different_variables_is_an_analysis_error()
    {
        var one = _files.Write("one.lav", "visual =~ x1 + x2 + x3\n");
        var two = _files.Write("two.lav", "visual =~ x1 + x2 + x4\n");
        var line = CliRun.Of("compare", "--model", one, "--model", two, "--data", _hsData).AssertOneLineError(1);
        Assert.Contains("has x3, which", line, StringComparison.Ordinal);
        Assert.Contains("has x4, which", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Power_counts_degenerate_replications_as_failed_and_tallies_why()
    {
        var model = _files.Write("m.lav", "f =~ x1 + x2 + x3 + x4\n");
        // Cut at 2.0 SD, items of 20 rows are mostly constant (see MonteCarloFailureTests): the study still runs.
        var run = CliRun.Of("power", "--population", _pop, "--model", model, "--n", "20", "--replications", "30", "--likert=2.0", "--standardized", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var study = run.Json().GetProperty("studies")[0];
        int failed = study.GetProperty("failed").GetInt32();
        Assert.True(failed > 0);
        Assert.Equal(30 - study.GetProperty("converged").GetInt32(), failed);
        Assert.Equal(failed, study.GetProperty("failures").EnumerateObject().Sum(p => p.Value.GetInt32()));
        var text = CliRun.Of("power", "--population", _pop, "--model", model, "--n", "20", "--replications", "30", "--likert=2.0", "--standardized");
        Assert.Contains($"Failed replications: {failed} (", text.Stdout, StringComparison.Ordinal);
    }
}
