using System.Text.Json;
using SemLib.Tests.CommonMethod;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib method-bias</c>: the JSON of the contract (shared/spec/cli-json.md) with every number against lavaan
/// 0.6.14 (Reference/method-bias/hs-shared.json, the shared hs-method-bias case; likert-marker.json from
/// Reference/scripts/make-method-bias-cases.R), the text and report outputs, exit codes and bad input.
/// </summary>
public sealed class MethodBiasCliTests
{
    private const string LikertModel = "sat =~ sat1 + sat2 + sat3 + sat4\ncom =~ com1 + com2 + com3 + com4\neng =~ eng1 + eng2 + eng3 + eng4\n";

    private static string Data(string file) => MethodBiasReferenceTests.PathOf(file);

    [Fact]
    public void Json_has_the_contracts_fields_and_lavaans_numbers()
    {
        using var files = new TempFiles();
        var reference = MethodBiasReferenceTests.Case("hs-shared").Json;
        string model = files.Write("hs.lav", reference.GetProperty("model").GetString()!);
        var run = CliRun.Of("method-bias", "--model", model, "--data", Data("hs-shared.csv"), "--format", "json");
        // lavaan warns as well: the common latent factor's cov.lv is not positive definite (eigenvalue -0.242), so the
        // output is complete and the exit code says the solution is not clean (3), as for `semlib fit`.
        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Single(run.ErrorLines);
        var json = run.Json();
        Assert.Equal(["items", "harman", "measurement", "common_latent_factor", "verdicts", "warnings"], json.EnumerateObject().Select(p => p.Name));
        string[] fit = ["chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr"];
        Assert.Equal(["first_component_share", "single_factor", "delta_chisq", "delta_df", "delta_pvalue"], json.GetProperty("harman").EnumerateObject().Select(p => p.Name));
        Assert.Equal(fit, json.GetProperty("measurement").EnumerateObject().Select(p => p.Name));
        Assert.Equal([.. fit, "delta_chisq", "delta_df", "delta_pvalue", "method_loading_unstd", "method_variance_share"],
            json.GetProperty("common_latent_factor").EnumerateObject().Select(p => p.Name));
        var agree = new Agreement("semlib method-bias --format json against hs-method-bias");
        Compare(agree, "", json, reference);
        agree.Assert();
        Assert.Equal(reference.GetProperty("items").EnumerateArray().Select(e => e.GetString()), json.GetProperty("items").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(json.GetProperty("verdicts").EnumerateArray(), v => v.GetString()!.Contains("not clean"));
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("not positive definite"));
    }

    /// <summary>Every number of the reference object (recursively) against the same path in the output.</summary>
    private static void Compare(Agreement agree, string path, JsonElement actual, JsonElement expected)
    {
        foreach (var p in expected.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object && actual.TryGetProperty(p.Name, out var sub) && sub.ValueKind == JsonValueKind.Object)
                Compare(agree, path + p.Name + ".", sub, p.Value);
            else if (p.Value.ValueKind == JsonValueKind.Number && path.Length > 0)
                agree.Check(path + p.Name, ReferenceCase.Number(actual.GetProperty(p.Name)), p.Value.GetDouble());
        }
    }

    [Fact]
    public void Mlr_gives_lavaans_scaled_differences()
    {
        using var files = new TempFiles();
        var reference = MethodBiasReferenceTests.Case("hs-mlr").Json;
        string model = files.Write("hs.lav", reference.GetProperty("model").GetString()!);
        var run = CliRun.Of("method-bias", "--model", model, "--data", Data("hs-mlr.csv"), "--estimator", "MLR", "--format", "json");
        Assert.True(run.ExitCode is 0 or 3, run.Stderr);
        var agree = new Agreement("semlib method-bias --estimator MLR against hs-mlr.json");
        Compare(agree, "", run.Json(), reference);
        agree.Assert();
    }

    [Fact]
    public void Markers_add_the_marker_block_and_a_report_is_written()
    {
        using var files = new TempFiles();
        string model = files.Write("likert.lav", LikertModel);
        string html = Path.Combine(files.Root, "mb.html"), md = Path.Combine(files.Root, "mb.md");
        var run = CliRun.Of("method-bias", "--model", model, "--data", Data("likert-marker.csv"), "--marker", "mk1", "mk2,mk3",
            "--format", "json", "--report", html, "--report", md);
        // The common latent factor of this case has negative trait variances in lavaan too: exit 3, output complete.
        Assert.True(run.ExitCode == 3, run.Stderr);
        var json = run.Json();
        var reference = MethodBiasReferenceTests.Case("likert-marker").Json;
        var agree = new Agreement("semlib method-bias --marker against likert-marker");
        Compare(agree, "", json, reference);
        Compare(agree, "marker.", json.GetProperty("marker"), reference.GetProperty("marker"));
        agree.Assert();
        Assert.Equal("method_c", json.GetProperty("marker").GetProperty("accepted").GetString());
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Heywood"));
        Assert.Contains("CFA marker technique", File.ReadAllText(html));
        Assert.Contains("Reliability decomposition", File.ReadAllText(md));
    }

    [Fact]
    public void Text_output_shows_each_check_and_the_verdicts()
    {
        using var files = new TempFiles();
        var reference = MethodBiasReferenceTests.Case("poldem").Json;
        string model = files.Write("pd.lav", reference.GetProperty("model").GetString()!);
        var run = CliRun.Of("method-bias", "--model", model, "--data", Data("poldem.csv"));
        Assert.True(run.ExitCode is 0 or 3, run.Stderr);
        Assert.Contains("Harman's single-factor test", run.Stdout);
        Assert.Contains("57.8%", run.Stdout); // first_component_share 0.5776 (poldem.json)
        Assert.Contains("Common latent factor", run.Stdout);
        Assert.Contains("Verdicts", run.Stdout);
        Assert.Contains("Podsakoff", run.Stdout);
    }

    [Fact]
    public void Models_that_do_not_converge_give_nulls_and_exit_3()
    {
        using var files = new TempFiles();
        string model = files.Write("hs.lav", MethodBiasReferenceTests.Case("hs").Json.GetProperty("model").GetString()!);
        var run = CliRun.Of("method-bias", "--model", model, "--data", Data("hs.csv"), "--iter-max", "2", "--format", "json");
        Assert.True(run.ExitCode == 3, run.Stderr);
        var json = run.Json();
        foreach (var key in new[] { "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr" })
            Assert.Equal(JsonValueKind.Null, json.GetProperty("measurement").GetProperty(key).ValueKind);
        foreach (var key in new[] { "delta_chisq", "delta_df", "delta_pvalue", "method_loading_unstd", "method_variance_share" })
            Assert.Equal(JsonValueKind.Null, json.GetProperty("common_latent_factor").GetProperty(key).ValueKind);
        Assert.Equal(0.357371575715301, json.GetProperty("harman").GetProperty("first_component_share").GetDouble(), 1e-9); // hs.json: needs no fit
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Measurement model: The optimizer did not converge", StringComparison.Ordinal));
        Assert.Contains(json.GetProperty("verdicts").EnumerateArray(), v => v.GetString()!.Contains("did not converge"));
    }

    [Fact]
    public void A_marker_not_in_the_data_exits_1_naming_it()
    {
        using var files = new TempFiles();
        string model = files.Write("likert.lav", LikertModel);
        var line = CliRun.Of("method-bias", "--model", model, "--data", Data("likert-marker.csv"), "--marker", "mk1", "nope").AssertOneLineError(1);
        Assert.Contains("'nope' is not a column", line);
    }

    [Fact]
    public void A_marker_in_the_model_exits_1_naming_it()
    {
        using var files = new TempFiles();
        string model = files.Write("likert.lav", LikertModel);
        var line = CliRun.Of("method-bias", "--model", model, "--data", Data("likert-marker.csv"), "--marker", "mk1", "eng2").AssertOneLineError(1);
        Assert.Contains("'eng2' is also in the measurement model", line);
    }

    [Fact]
    public void One_marker_is_a_usage_error()
    {
        using var files = new TempFiles();
        string model = files.Write("likert.lav", LikertModel);
        var line = CliRun.Of("method-bias", "--model", model, "--data", Data("likert-marker.csv"), "--marker", "mk1").AssertOneLineError(2);
        Assert.Contains("at least two marker items", line);
    }

    [Fact]
    public void A_model_without_latent_variables_exits_1()
    {
        using var files = new TempFiles();
        string model = files.Write("reg.lav", "sat1 ~ sat2 + sat3\n");
        var line = CliRun.Of("method-bias", "--model", model, "--data", Data("likert-marker.csv")).AssertOneLineError(1);
        Assert.Contains("no latent variables", line);
    }

    [Fact]
    public void Too_few_items_exit_1()
    {
        using var files = new TempFiles();
        string model = files.Write("small.lav", "sat =~ sat1 + sat2 + sat3\n");
        var line = CliRun.Of("method-bias", "--model", model, "--data", Data("likert-marker.csv")).AssertOneLineError(1);
        Assert.Contains("at least 4", line);
    }

    [Fact]
    public void Bad_syntax_exits_2_with_line_and_column()
    {
        using var files = new TempFiles();
        string model = files.Write("bad.lav", "sat =~ sat1 + + sat2\n");
        var line = CliRun.Of("method-bias", "--model", model, "--data", Data("likert-marker.csv")).AssertOneLineError(2);
        Assert.Contains("bad.lav:1:", line);
    }

    [Fact]
    public void A_report_with_an_unknown_extension_is_a_usage_error_and_nothing_is_written()
    {
        using var files = new TempFiles();
        string model = files.Write("likert.lav", LikertModel);
        var line = CliRun.Of("method-bias", "--model", model, "--data", Data("likert-marker.csv"), "--report", Path.Combine(files.Root, "r.svg")).AssertOneLineError(2);
        Assert.Contains(".html or .md", line);
        Assert.False(File.Exists(Path.Combine(files.Root, "r.svg")));
    }
}
