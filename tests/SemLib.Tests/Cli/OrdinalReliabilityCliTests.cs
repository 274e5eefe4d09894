using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib reliability --ordinal</c> on the Holzinger–Swineford items cut into five categories: the JSON adds
/// <c>ordinal_alpha</c> and <c>categorical_omega</c> per scale and the text report a table of both. Expected numbers:
/// Reference/ordinal-reliability/hs5.json (psych 2.2.9's alpha of its polychoric matrix, semTools 0.5.6's
/// compRelSEM on lavaan 0.6.14's WLSMV CFA), written by scripts/make-ordinal-reliability-cases.R.
/// </summary>
public sealed class OrdinalReliabilityCliTests : IDisposable
{
    private static readonly string[] Scales = ["--scale", "visual=x1,x2,x3", "--scale", "textual=x4,x5,x6", "--scale", "speed=x7,x8,x9"];
    private readonly TempFiles _files = new();
    private readonly string _data;
    private readonly System.Text.Json.JsonElement _reference;

    public OrdinalReliabilityCliTests()
    {
        string folder = Path.Combine(ReferenceCase.BaseDirectory, "ordinal-reliability");
        _data = _files.Write("hs5.csv", File.ReadAllText(Path.Combine(folder, "hs5.csv")));
        _reference = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "hs5.json"))).RootElement;
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Json_gives_ordinal_alpha_and_categorical_omega_per_scale()
    {
        var run = CliRun.Of(["reliability", "--data", _data, .. Scales, "--ordinal", "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = run.Json();
        var agree = new Agreement("semlib reliability --ordinal, hs5.csv against hs5.json");
        foreach (var a in _reference.GetProperty("ordinal_alpha").EnumerateArray())
        {
            string scale = a.GetProperty("scale").GetString()!;
            agree.Check($"{scale} ordinal_alpha", json.GetProperty("ordinal_alpha").GetProperty(scale).GetDouble(), a.GetProperty("alpha").GetDouble());
        }
        foreach (var o in _reference.GetProperty("categorical_omega").EnumerateArray())
        {
            string scale = o.GetProperty("factor").GetString()!;
            agree.Check($"{scale} categorical_omega", json.GetProperty("categorical_omega").GetProperty(scale).GetDouble(), o.GetProperty("omega").GetDouble());
        }
        agree.Assert();
    }

    [Fact]
    public void Without_the_switch_there_are_no_ordinal_fields_and_the_text_report_has_the_table_with_it()
    {
        var plain = CliRun.Of(["reliability", "--data", _data, .. Scales, "--format", "json"]);
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.False(plain.Json().TryGetProperty("ordinal_alpha", out _));
        var text = CliRun.Of(["reliability", "--data", _data, .. Scales, "--ordinal"]);
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("Ordinal alpha", text.Stdout);
        Assert.Contains("Categorical omega", text.Stdout);
    }
}
