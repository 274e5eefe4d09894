using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib compare --estimator MLR|MLM</c>: the scaled χ² difference test (Satorra–Bentler 2001, lavaan's default
/// for robust tests) as lavaan 0.6.14's <c>lavTestLRT()</c> prints and returns it, from the fixtures of
/// Reference/robust-fit/lrt (Reference/scripts/make-robust-fit-cases.R).
/// </summary>
public sealed class ScaledCompareCliTests
{
    private static readonly string Folder = Path.Combine(ReferenceCase.BaseDirectory, "robust-fit", "lrt");

    private static (JsonElement Case, CliRun Text, CliRun Json) Run(string name)
    {
        var c = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json"))).RootElement.Clone();
        using var files = new TempFiles();
        var models = c.GetProperty("models").EnumerateArray().Select((m, i) => files.Write($"m{i + 1}.lav", m.GetString()!)).ToList();
        var args = new List<string> { "compare", "--data", Path.GetFullPath(Path.Combine(Folder, c.GetProperty("data").GetString()!)) };
        foreach (var m in models) args.AddRange(["--model", m]);
        foreach (var o in c.GetProperty("options").EnumerateObject())
            args.AddRange(["--" + o.Name.Replace(".", "-", StringComparison.Ordinal), o.Value.ToString()]);
        var text = CliRun.Of([.. args]);
        var json = CliRun.Of([.. args, "--format", "json"]);
        return (c, text, json);
    }

    [Theory]
    [InlineData("hs-orthogonal-mlr")]
    [InlineData("hs-groups-metric-mlm")]
    [InlineData("hs-groups-metric-mlr")]
    public void The_scaled_difference_agrees_with_lavTestLRT(string name)
    {
        var (c, text, json) = Run(name);
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.True(json.ExitCode == 0, json.Stderr);
        var rows = json.Json().EnumerateArray().ToList();
        var reference = c.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(reference.Count, rows.Count);
        var agree = new Agreement($"semlib compare {name} against lavTestLRT");
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal("satorra.bentler.2001", rows[i].GetProperty("method").GetString());
            Assert.Equal(JsonValueKind.Null, rows[i].GetProperty("rmsea").ValueKind);
            foreach (var (key, lavaan) in new[] { ("df", "Df"), ("aic", "AIC"), ("bic", "BIC"), ("chisq", "Chisq"), ("chisq_diff", "Chisq.diff"), ("df_diff", "Df.diff"), ("pvalue", "Pr") })
                agree.Check($"row {i + 1} {key}", ReferenceCase.Number(rows[i].GetProperty(key)), ReferenceCase.Number(reference[i].GetProperty(lavaan)));
        }
        agree.Assert();
        // lavaan's heading and note (with plain quotes), and no RMSEA column.
        var lines = text.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var heading = c.GetProperty("heading").GetString()!.Replace('“', '"').Replace('”', '"').Split('\n').Select(l => l.TrimEnd()).Skip(1).ToList();
        Assert.Equal(heading, lines.Take(heading.Count));
        Assert.Matches(@"^\s+Df\s+AIC\s+BIC\s+Chisq Chisq diff Df diff Pr\(>Chisq\)$", lines[heading.Count]);
    }
}
