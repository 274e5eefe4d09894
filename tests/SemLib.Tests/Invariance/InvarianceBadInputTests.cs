using SemLib.Data;
using SemLib.MeasurementInvariance;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Tests.Cli;
using SemLib.Tests.Support;

namespace SemLib.Tests.Invariance;

/// <summary>Bad input to the invariance sequence and the group.equal options: each a clear message (and exit code), never a crash.</summary>
public sealed class InvarianceBadInputTests : IDisposable
{
    private const string Three = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
    private static readonly string HsData = Path.Combine(ReferenceCase.BaseDirectory, "invariance", "hs-partial", "data.csv");
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static InvarianceOptions Options(string group = "school", int maxIterations = 10_000) =>
        new() { Model = new ModelOptions { Group = group, MaxIterations = maxIterations } };

    /// <summary>The HS data with only the first <paramref name="keepSecond"/> rows of Grant-White, or only Pasteur when null.</summary>
    private string Subset(int? keepSecond)
    {
        var lines = File.ReadAllLines(HsData);
        int grant = 0;
        var kept = lines.Take(1).Concat(lines.Skip(1).Where(l =>
        {
            if (l.Contains("\"Pasteur\"", StringComparison.Ordinal)) return true;
            return keepSecond is int k && grant++ < k;
        }));
        return _files.Write($"hs-{keepSecond?.ToString() ?? "one"}.csv", string.Join("\n", kept) + "\n");
    }

    [Fact]
    public void A_group_column_with_one_group_is_refused_with_its_name()
    {
        var data = DataSet.ReadCsv(Subset(null));
        var e = Assert.Throws<SemLibException>(() => SemLib.Invariance.Run(Three, data, Options()));
        Assert.Contains("'school' has only one group ('Pasteur')", e.Message, StringComparison.Ordinal);
        var paths = Assert.Throws<SemLibException>(() => SemLib.Invariance.PathDifferences(Three, data, new ModelOptions { Group = "school" }));
        Assert.Contains("only one group", paths.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_too_small_for_the_model_is_refused_naming_the_group()
    {
        // 20 rows of Grant-White: more than the 9 variables, fewer than the configural model's 30 parameters per group.
        var data = DataSet.ReadCsv(Subset(20));
        var e = Assert.Throws<SemLibException>(() => SemLib.Invariance.Run(Three, data, Options()));
        Assert.Contains("'Grant-White' of 'school' has 20 complete rows, too few for the configural model's 30 free parameters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_partial_parameter_the_model_does_not_have_is_refused()
    {
        var data = DataSet.ReadCsv(HsData);
        var e = Assert.Throws<SemLibException>(() => SemLib.Invariance.Run(Three, data, Options() with { GroupPartial = ["x3 ~ 1", "visual =~ x9"] }));
        Assert.Contains("no parameter 'visual =~ x9'", e.Message, StringComparison.Ordinal);
        var fit = Assert.Throws<SemLibException>(() => Sem.Fit(Three, data, new ModelOptions { Group = "school", GroupEqual = ["loadings"], GroupPartial = ["x10 ~ 1"] }));
        Assert.Contains("no parameter 'x10 ~ 1'", fit.Message, StringComparison.Ordinal);
        var syntax = Assert.Throws<SemLibException>(() => Sem.Fit(Three, data, new ModelOptions { Group = "school", GroupEqual = ["loadings"], GroupPartial = ["x1 x2"] }));
        Assert.Contains("is not a parameter written as lhs op rhs", syntax.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_group_equal_keyword_is_refused_listing_the_valid_ones()
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Three, DataSet.ReadCsv(HsData), new ModelOptions { Group = "school", GroupEqual = ["loading"] }));
        Assert.Contains("'loading' is not one of loadings, intercepts, means, thresholds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_that_do_not_converge_are_reported_and_the_sequence_goes_on()
    {
        // Two iterations per attempt cannot reach the optimum of a 9-variable model (lavaan needs about 40).
        var result = SemLib.Invariance.Run(Three, DataSet.ReadCsv(HsData), Options(maxIterations: 2));
        Assert.Equal(4, result.Steps.Count);
        Assert.All(result.Steps, s =>
        {
            Assert.False(s.Converged);
            Assert.Null(s.ChiSquare);
            Assert.Null(s.DeltaChiSquare);
            Assert.Contains("did not converge", s.Verdict, StringComparison.Ordinal);
        });
        Assert.Equal(4, result.Warnings.Count(w => w.Kind == FitWarningKind.NotConverged && w.Message.Contains("the sequence goes on", StringComparison.Ordinal)));
    }

    [Fact]
    public void Cli_group_partial_naming_no_parameter_exits_2_naming_it()
    {
        var model = _files.Write("m.lav", Three);
        var line = CliRun.Of("invariance", "--model", model, "--data", HsData, "--group", "school", "--group-partial", "x1 ~~ x9").AssertOneLineError(2);
        Assert.Contains("--group-partial", line, StringComparison.Ordinal);
        Assert.Contains("'x1 ~~ x9'", line, StringComparison.Ordinal);
        line = CliRun.Of("fit", "--model", model, "--data", HsData, "--group", "school", "--group-equal", "loadings", "--group-partial", "visual =~ x7").AssertOneLineError(2);
        Assert.Contains("'visual =~ x7'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_bad_steps_and_keywords_exit_2()
    {
        var model = _files.Write("m.lav", Three);
        Assert.Contains("'partial' is not a step", CliRun.Of("invariance", "--model", model, "--data", HsData, "--group", "school", "--steps", "configural,partial").AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains("'loading' is not one of", CliRun.Of("fit", "--model", model, "--data", HsData, "--group", "school", "--group-equal", "loading").AssertOneLineError(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_one_group_exits_1_saying_so()
    {
        var model = _files.Write("m.lav", Three);
        var line = CliRun.Of("invariance", "--model", model, "--data", Subset(null), "--group", "school").AssertOneLineError(1);
        Assert.Contains("has only one group", line, StringComparison.Ordinal);
    }
}
