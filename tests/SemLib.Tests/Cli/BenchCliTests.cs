using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary><c>semlib bench</c>: the JSON shape of the contract and the one-line text form (no timing assertions).</summary>
public sealed class BenchCliTests
{
    [Fact]
    public void Json_has_the_contract_shape()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var run = CliRun.Of("bench", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--repeat", "3", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
        var json = run.Json();
        Assert.Equal(["fits", "ms_median", "ms_min", "ms_max", "converged"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.GetProperty("fits").GetInt32());
        Assert.True(json.GetProperty("converged").GetBoolean());
        foreach (var key in new[] { "ms_median", "ms_min", "ms_max" }) Assert.Equal(JsonValueKind.Number, json.GetProperty(key).ValueKind);
        // Order statistics of the same sample, whatever the timings are.
        Assert.True(json.GetProperty("ms_min").GetDouble() <= json.GetProperty("ms_median").GetDouble());
        Assert.True(json.GetProperty("ms_median").GetDouble() <= json.GetProperty("ms_max").GetDouble());
    }

    [Fact]
    public void Text_is_one_line()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var run = CliRun.Of("bench", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--repeat", "2");
        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^2 fits of .*model\.lav: median [0-9.]+ ms, min [0-9.]+ ms, max [0-9.]+ ms; all converged\r?$", line);
    }

    [Fact]
    public void Repeat_must_be_positive()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var line = CliRun.Of("bench", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--repeat", "0").AssertOneLineError(2);
        Assert.Contains("--repeat", line, StringComparison.Ordinal);
    }
}
