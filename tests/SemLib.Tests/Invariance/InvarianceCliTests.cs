using SemLib.Tests.Cli;
using SemLib.Tests.Support;

namespace SemLib.Tests.Invariance;

/// <summary>
/// <c>semlib invariance</c>: the JSON document has the contract's fields (../shared/spec/cli-json.md) with lavaan's
/// numbers (Reference/invariance/hs-invariance, lavaan 0.6.14), and the text shows the table, verdicts and paths.
/// </summary>
public sealed class InvarianceCliTests : IDisposable
{
    private static readonly string Folder = Path.Combine(ReferenceCase.BaseDirectory, "invariance", "hs-invariance");
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// <c>--missing ml --estimator MLR</c>: the steps are fitted by robust FIML and compared by the scaled difference.
    /// Expected values: lavaan 0.6.14 on the same data (the shared hs-cfa-fiml data, Reference/missing/hs-cfa-fiml;
    /// scripts/invariance-fiml-mlr-cli.R): configural χ² 102.322 (48 df), metric 113.067 (54 df), scaled Δχ² 8.4165 on 6
    /// df, p 0.2091.
    /// </summary>
    [Fact]
    public void Full_information_ml_with_mlr()
    {
        var model = _files.Write("m.lav", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9");
        var data = Path.Combine(ReferenceCase.BaseDirectory, "missing", "hs-cfa-fiml", "data.csv");
        var run = CliRun.Of("invariance", "--model", model, "--data", data, "--group", "school", "--missing", "ml", "--estimator", "MLR",
            "--steps", "configural,metric", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var steps = run.Json().GetProperty("steps").EnumerateArray().ToList();
        var agree = new Agreement("cli fiml mlr");
        agree.Check("configural chisq", steps[0].GetProperty("chisq").GetDouble(), 102.322);
        agree.Check("metric chisq", steps[1].GetProperty("chisq").GetDouble(), 113.067);
        agree.Check("metric delta_chisq", steps[1].GetProperty("delta_chisq").GetDouble(), 8.4165);
        agree.Check("metric delta_pvalue", steps[1].GetProperty("delta_pvalue").GetDouble(), 0.2091);
        agree.Assert();
        Assert.Equal(6, steps[1].GetProperty("delta_df").GetInt32());
    }

    [Fact]
    public void Json_has_the_contract_fields_and_lavaans_numbers()
    {
        var model = _files.Write("m.lav", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9");
        var run = CliRun.Of("invariance", "--model", model, "--data", Path.Combine(Folder, "data.csv"), "--group", "school", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal("school", json.GetProperty("group").GetString());
        Assert.Equal(["Pasteur", "Grant-White"], json.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("ML", json.GetProperty("estimator").GetString());
        var steps = json.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["configural", "metric", "scalar", "strict"], steps.Select(s => s.GetProperty("step").GetString()));
        string[] fields = ["step", "group_equal", "group_partial", "converged", "npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic",
            "delta_chisq", "delta_df", "delta_pvalue", "delta_cfi", "delta_rmsea", "delta_srmr", "verdict"];
        foreach (var s in steps)
            Assert.Equal(fields, s.EnumerateObject().Select(p => p.Name).Where(n => n != "score_tests"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, steps[0].GetProperty("delta_chisq").ValueKind);
        // lavaan 0.6.14 (hs-invariance/invariance.json): scalar Δχ² = 40.0592867451896 on 6 df, ΔCFI = −0.0384516558961893.
        var agree = new Agreement("cli");
        agree.Check("scalar delta_chisq", steps[2].GetProperty("delta_chisq").GetDouble(), 40.0592867451896);
        agree.Check("scalar delta_cfi", steps[2].GetProperty("delta_cfi").GetDouble(), -0.0384516558961893);
        agree.Assert();
        Assert.Equal(6, steps[2].GetProperty("delta_df").GetInt32());
        Assert.Contains("not supported", steps[2].GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.Equal(".p27. == .p63.", steps[2].GetProperty("score_tests").GetProperty("univariate")[0].GetProperty("constraint").GetString());
        Assert.Empty(json.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Group_partial_releases_the_intercepts_and_selected_steps_compare_with_the_step_before()
    {
        var model = _files.Write("m.lav", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9");
        var json = CliRun.Of("invariance", "--model", model, "--data", Path.Combine(Folder, "data.csv"), "--group", "school", "--format", "json",
            "--steps", "configural,metric,scalar", "--group-partial", "x3 ~ 1", "--group-partial", "x7 ~ 1").Json();
        var scalar = json.GetProperty("steps")[2];
        Assert.Equal(["x3 ~ 1", "x7 ~ 1"], scalar.GetProperty("group_partial").EnumerateArray().Select(x => x.GetString()));
        // lavaan 0.6.14 (Reference/invariance/hs-partial, make-invariance-cases.R): scalar with x3 and x7 intercepts free, Δχ² = 5.37893615132876 on 4 df.
        var agree = new Agreement("cli partial");
        agree.Check("delta_chisq", scalar.GetProperty("delta_chisq").GetDouble(), 5.37893615132876);
        agree.Assert();
        Assert.Contains("holds", scalar.GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_shows_the_steps_the_cut_offs_and_the_path_table()
    {
        var model = _files.Write("m.lav", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nspeed ~ visual + textual");
        var run = CliRun.Of("invariance", "--model", model, "--data", Path.Combine(Folder, "data.csv"), "--group", "school", "--paths", "--group-equal", "loadings", "--steps", "configural,metric");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Cheung & Rensvold 2002", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Chen 2007", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("speed ~ visual", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("speed ~ textual", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_has_the_invariance_table_with_flags_the_score_tests_and_the_path_table()
    {
        var model = _files.Write("m.lav", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nspeed ~ visual + textual");
        string md = Path.Combine(_files.Root, "inv.md"), html = Path.Combine(_files.Root, "inv.html");
        var run = CliRun.Of("invariance", "--model", model, "--data", Path.Combine(Folder, "data.csv"), "--group", "school", "--paths", "--group-equal", "loadings",
            "--report", md, "--report", html);
        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(md);
        // lavaan 0.6.14 (hs-invariance): scalar ΔCFI = −0.0385, beyond −.010, so flagged; x3 ~1 has the largest score test (19.19).
        Assert.Contains("**-0.038** ⚠", text, StringComparison.Ordinal);
        Assert.Contains("| x3 ~1 | .p27. == .p63. | 19.19 |", text, StringComparison.Ordinal);
        Assert.Contains("## Group differences in paths", text, StringComparison.Ordinal);
        Assert.Contains("speed ← visual", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Contains("must be .html or .md", CliRun.Of("invariance", "--model", model, "--data", Path.Combine(Folder, "data.csv"), "--group", "school",
            "--report", Path.Combine(_files.Root, "x.svg")).AssertOneLineError(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Mlr_gives_lavaans_scaled_differences()
    {
        var model = _files.Write("m.lav", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9");
        var json = CliRun.Of("invariance", "--model", model, "--data", Path.Combine(ReferenceCase.BaseDirectory, "invariance", "hs-mlr", "data.csv"),
            "--group", "school", "--estimator", "MLR", "--format", "json").Json();
        Assert.Equal("MLR", json.GetProperty("estimator").GetString());
        // lavaan 0.6.14 lavTestLRT with MLR (Reference/invariance/hs-mlr, make-invariance-cases.R): scaled Δχ² 6.56720173686226 (metric), 40.8383912284573 (scalar).
        var agree = new Agreement("cli mlr");
        agree.Check("metric", json.GetProperty("steps")[1].GetProperty("delta_chisq").GetDouble(), 6.56720173686226);
        agree.Check("scalar", json.GetProperty("steps")[2].GetProperty("delta_chisq").GetDouble(), 40.8383912284573);
        agree.Assert();
    }
}
