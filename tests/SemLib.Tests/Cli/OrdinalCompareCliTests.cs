using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib compare --ordered all</c> (WLSMV by default): lavTestLRT's scaled-and-shifted difference (method
/// "satorra.2000") in the text and JSON outputs. Expected values: Reference/ordinal-lrt/single-wlsmv.json
/// (lavTestLRT(free, equal2), lavaan 0.6.14, scripts/make-ordinal-lrt-cases.R).
/// </summary>
public sealed class OrdinalCompareCliTests
{
    private static readonly string Folder = Path.Combine(ReferenceCase.BaseDirectory, "ordinal-lrt");

    [Fact]
    public void The_WLSMV_difference_agrees_with_lavTestLRT()
    {
        var c = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "single-wlsmv.json"))).RootElement;
        var models = c.GetProperty("models").EnumerateArray().Take(2).ToList();
        var expected = c.GetProperty("comparisons")[1].GetProperty("rows"); // lavTestLRT(free, equal3)
        using var files = new TempFiles();
        var m1 = files.Write("free.lav", models[0].GetProperty("model").GetString()!);
        var m3 = files.Write("equal3.lav", c.GetProperty("models")[2].GetProperty("model").GetString()!);
        string[] args = ["compare", "--model", m1, "--model", m3, "--data", Path.Combine(Folder, "data.csv"), "--ordered", "all"];
        var text = CliRun.Of(args);
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("Scaled Chi-Squared Difference Test (method = \"satorra.2000\")", text.Stdout);
        var json = CliRun.Of([.. args, "--format", "json"]);
        Assert.True(json.ExitCode == 0, json.Stderr);
        var row = json.Json()[1];
        var agree = new Agreement("semlib compare WLSMV");
        agree.Check("chisq_diff", row.GetProperty("chisq_diff").GetDouble(), ReferenceCase.Number(expected[1].GetProperty("chisq_diff")));
        agree.Check("df_diff", row.GetProperty("df_diff").GetDouble(), ReferenceCase.Number(expected[1].GetProperty("df_diff")));
        agree.Check("pvalue", row.GetProperty("pvalue").GetDouble(), ReferenceCase.Number(expected[1].GetProperty("pvalue")));
        agree.Check("scale", row.GetProperty("scale").GetDouble(), ReferenceCase.Number(expected[1].GetProperty("scale")));
        agree.Check("shift", row.GetProperty("shift").GetDouble(), ReferenceCase.Number(expected[1].GetProperty("shift")));
        agree.Assert();
        Assert.Equal("satorra.2000", row.GetProperty("method").GetString());
    }
}
