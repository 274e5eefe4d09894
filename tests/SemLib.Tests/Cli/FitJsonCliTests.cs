using System.Globalization;
using System.Text;
using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib fit --format json</c> against the JSON contract (shared/spec/cli-json.md) and against lavaan 0.6.14:
/// every expected number is from the case's case.json (its <c>reference</c> field), compared under the project's
/// rule |SemLib − lavaan| ≤ 1e-3·max(1, |lavaan|).
/// </summary>
public sealed class FitJsonCliTests
{
    private static readonly string[] ParameterKeys =
        ["lhs", "op", "rhs", "group", "label", "free", "est", "se", "z", "pvalue", "ci.lower", "ci.upper", "std.lv", "std.all"];

    private static JsonElement FitJson(ReferenceCase c, TempFiles files, params string[] extra)
    {
        var args = new List<string> { "fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--format", "json" };
        args.AddRange(extra);
        var run = CliRun.Of([.. args]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
        return run.Json();
    }

    [Fact]
    public void Hs_cfa_document_has_the_contract_shape_and_agrees_with_lavaan()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var json = FitJson(c, files);

        Assert.Equal(["converged", "iterations", "estimator", "nobs", "parameters", "fit", "r2", "warnings"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.True(json.GetProperty("converged").GetBoolean());
        Assert.True(json.GetProperty("iterations").GetInt32() > 0);
        Assert.Equal("ML", json.GetProperty("estimator").GetString());
        Assert.Equal([301], json.GetProperty("nobs").EnumerateArray().Select(n => n.GetInt32())); // case.json nobs
        Assert.Empty(json.GetProperty("warnings").EnumerateArray());

        var parameters = json.GetProperty("parameters").EnumerateArray().ToList();
        Assert.All(parameters, p => Assert.Equal(ParameterKeys, p.EnumerateObject().Select(x => x.Name)));
        Assert.Equal(c.Parameters.Count(), parameters.Count);

        var agree = new Agreement("semlib fit --format json, hs-cfa");
        foreach (var expected in c.Parameters)
        {
            var mine = Find(parameters, expected);
            string name = $"{expected.GetProperty("lhs").GetString()}{expected.GetProperty("op").GetString()}{expected.GetProperty("rhs").GetString()}";
            Assert.Equal(expected.GetProperty("free").GetBoolean(), mine.GetProperty("free").GetBoolean());
            foreach (var key in new[] { "est", "se", "z", "pvalue", "ci.lower", "ci.upper", "std.lv", "std.all" })
                agree.Check($"{name} {key}", ReferenceCase.Number(mine.GetProperty(key)), ReferenceCase.Number(expected.GetProperty(key)));
        }

        // fit: exactly lavaan's fitMeasures() names, in lavaan's order.
        var fit = json.GetProperty("fit").EnumerateObject().ToList();
        var lavaanFit = c.Root.GetProperty("fit_measures").EnumerateObject().ToList();
        Assert.Equal(lavaanFit.Select(m => m.Name), fit.Select(m => m.Name));
        foreach (var m in lavaanFit)
            agree.Check("fit " + m.Name, ReferenceCase.Number(json.GetProperty("fit").GetProperty(m.Name)), ReferenceCase.Number(m.Value));

        var r2 = json.GetProperty("r2");
        Assert.Equal(c.Root.GetProperty("r2").EnumerateObject().Select(v => v.Name), r2.EnumerateObject().Select(v => v.Name));
        foreach (var v in c.Root.GetProperty("r2").EnumerateObject())
            agree.Check("r2 " + v.Name, r2.GetProperty(v.Name).GetDouble(), v.Value.GetDouble());
        agree.Assert();
    }

    [Fact]
    public void Spot_checks_hs_cfa_against_the_reference_numbers()
    {
        // Values from Reference/lavaan/hs-cfa/case.json (lavaan 0.6.14): parameterEstimates() and fitMeasures().
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var json = FitJson(c, files);
        var p = json.GetProperty("parameters").EnumerateArray().ToList();
        var x2 = p.Single(r => r.GetProperty("lhs").GetString() == "visual" && r.GetProperty("rhs").GetString() == "x2");
        AssertClose(0.553500293763662, x2.GetProperty("est").GetDouble());
        AssertClose(0.0996651187683112, x2.GetProperty("se").GetDouble());
        AssertClose(2.79844001305207e-08, x2.GetProperty("pvalue").GetDouble());
        AssertClose(0.423600991987846, x2.GetProperty("std.all").GetDouble());
        var fit = json.GetProperty("fit");
        AssertClose(85.3055217699727, fit.GetProperty("chisq").GetDouble());
        Assert.Equal(24, fit.GetProperty("df").GetDouble());
        AssertClose(0.930559651799336, fit.GetProperty("cfi").GetDouble());
        AssertClose(0.0921214845101686, fit.GetProperty("rmsea").GetDouble());
        AssertClose(0.0652050571843865, fit.GetProperty("srmr").GetDouble());
    }

    [Fact]
    public void Defined_parameters_have_free_null()
    {
        var c = ReferenceCase.Load("lavaan/talor-mediation");
        using var files = new TempFiles();
        var json = FitJson(c, files);
        var rows = json.GetProperty("parameters").EnumerateArray().ToList();
        var defined = rows.Where(r => r.GetProperty("op").GetString() == ":=").ToList();
        Assert.Equal(["indirect", "total"], defined.Select(r => r.GetProperty("lhs").GetString()));
        Assert.All(defined, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("free").ValueKind));
        Assert.All(rows.Except(defined), r => Assert.NotEqual(JsonValueKind.Null, r.GetProperty("free").ValueKind));
        // cond ~~ cond is fixed at its sample variance (fixed.x), as in lavaan's table (free = FALSE in case.json).
        var cond = rows.Single(r => r.GetProperty("lhs").GetString() == "cond" && r.GetProperty("op").GetString() == "~~");
        Assert.False(cond.GetProperty("free").GetBoolean());
        Assert.Equal("a", rows.First().GetProperty("label").GetString());

        var agree = new Agreement("talor-mediation via the CLI");
        foreach (var expected in c.Parameters.Where(e => e.GetProperty("op").GetString() == ":="))
        {
            var mine = defined.Single(r => r.GetProperty("lhs").GetString() == expected.GetProperty("lhs").GetString());
            agree.Check(mine.GetProperty("lhs").GetString() + " est", mine.GetProperty("est").GetDouble(), expected.GetProperty("est").GetDouble());
            agree.Check(mine.GetProperty("lhs").GetString() + " se", mine.GetProperty("se").GetDouble(), expected.GetProperty("se").GetDouble());
        }
        agree.Assert();
    }

    [Fact]
    public void Covariance_input_with_nobs_agrees_with_lavaan()
    {
        // wheaton-cov: lavaan fitted to sample.cov with sample.nobs = 932; the matrix is written from case.json.
        var c = ReferenceCase.Load("lavaan/wheaton-cov");
        using var files = new TempFiles();
        var sc = c.Root.GetProperty("sample_cov");
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", sc.GetProperty("names").EnumerateArray().Select(n => n.GetString())));
        foreach (var row in sc.GetProperty("matrix").EnumerateArray())
            csv.AppendLine(string.Join(",", row.EnumerateArray().Select(v => v.GetDouble().ToString("R", CultureInfo.InvariantCulture))));
        var cov = files.Write("wheaton-cov.csv", csv.ToString());
        int n = c.Root.GetProperty("sample_nobs").GetInt32();

        var run = CliRun.Of("fit", "--model", files.Model(c), "--cov", cov, "--nobs", n.ToString(CultureInfo.InvariantCulture), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = run.Json();
        Assert.Equal([932], json.GetProperty("nobs").EnumerateArray().Select(x => x.GetInt32()));
        var agree = new Agreement("wheaton-cov via --cov/--nobs");
        var parameters = json.GetProperty("parameters").EnumerateArray().ToList();
        foreach (var expected in c.Parameters)
        {
            var mine = Find(parameters, expected);
            agree.Check($"{Name(expected)} est", mine.GetProperty("est").GetDouble(), ReferenceCase.Number(expected.GetProperty("est")));
            agree.Check($"{Name(expected)} se", ReferenceCase.Number(mine.GetProperty("se")), ReferenceCase.Number(expected.GetProperty("se")));
        }
        foreach (var key in new[] { "chisq", "df", "cfi", "tli", "rmsea", "srmr" })
            agree.Check("fit " + key, ReferenceCase.Number(json.GetProperty("fit").GetProperty(key)),
                ReferenceCase.Number(c.Root.GetProperty("fit_measures").GetProperty(key)));
        agree.Assert();
    }

    [Fact]
    public void Uls_p_values_that_do_not_exist_are_null()
    {
        // lavaan gives no p-value for the ULS test statistic (pvalue and baseline.pvalue are NA in case.json).
        var c = ReferenceCase.Load("lavaan/hs-cfa-uls");
        using var files = new TempFiles();
        var json = FitJson(c, files, "--estimator", "ULS");
        Assert.Equal("ULS", json.GetProperty("estimator").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("fit").GetProperty("pvalue").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("fit").GetProperty("baseline.pvalue").ValueKind);
        Assert.DoesNotContain("NaN", json.GetRawText());
        Assert.DoesNotContain("Infinity", json.GetRawText());
    }

    [Fact]
    public void Modification_indices_extension_agrees_with_lavaan()
    {
        // hs-cfa's case.json lists lavaan's modindices() rows (lhs, op, rhs, mi, epc, sepc.lv, sepc.all).
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var json = FitJson(c, files, "--modindices");
        var mine = json.GetProperty("modification_indices").EnumerateArray().ToList();
        Assert.All(mine, m => Assert.Equal(["lhs", "op", "rhs", "group", "mi", "epc", "sepc.lv", "sepc.all"], m.EnumerateObject().Select(x => x.Name)));
        var expected = c.Root.GetProperty("modification_indices").EnumerateArray().ToList();
        Assert.Equal(expected.Count, mine.Count);
        var agree = new Agreement("hs-cfa modification indices via the CLI");
        foreach (var e in expected.Take(10))
        {
            var m = Find(mine, e);
            agree.Check($"{Name(e)} mi", m.GetProperty("mi").GetDouble(), e.GetProperty("mi").GetDouble());
            agree.Check($"{Name(e)} epc", m.GetProperty("epc").GetDouble(), e.GetProperty("epc").GetDouble());
        }
        agree.Assert();
    }

    internal static JsonElement Find(List<JsonElement> rows, JsonElement expected)
    {
        string lhs = expected.GetProperty("lhs").GetString()!, op = expected.GetProperty("op").GetString()!, rhs = expected.GetProperty("rhs").GetString()!;
        int group = expected.TryGetProperty("group", out var g) ? g.GetInt32() : 1;
        var found = rows.Where(r => r.GetProperty("op").GetString() == op
            && (!r.TryGetProperty("group", out var rg) || rg.GetInt32() == group || op == ":=")
            && ((r.GetProperty("lhs").GetString() == lhs && r.GetProperty("rhs").GetString() == rhs)
                || (op == "~~" && r.GetProperty("lhs").GetString() == rhs && r.GetProperty("rhs").GetString() == lhs))).ToList();
        Assert.True(found.Count == 1, $"{lhs}{op}{rhs} (group {group}): {found.Count} rows in the JSON");
        return found[0];
    }

    private static string Name(JsonElement e) => $"{e.GetProperty("lhs").GetString()}{e.GetProperty("op").GetString()}{e.GetProperty("rhs").GetString()}";

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Agreement.Tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
