using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Reference;

/// <summary>
/// Every reference case fitted by SemLib and compared with lavaan 0.6.14 on every parameter row (estimate, SE,
/// z, p, CI, std.lv, std.all), every fit measure, R², the implied covariance matrix and, where the case has
/// them, the modification indices. Expected values: each case's case.json (field <c>reference</c>).
/// </summary>
public sealed class LavaanAgreementTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceCase.All("lavaan", "lavaan-extra")) data.Add(c);
        return data;
    }

    [Fact]
    public void All_required_cases_are_present()
    {
        var names = ReferenceCase.All("lavaan").Select(Path.GetFileName).ToHashSet();
        foreach (var required in new[] { "hs-cfa", "hs-cfa-stdlv", "hs-cfa-means", "hs-cfa-gls", "hs-cfa-uls", "poldem-sem", "wheaton-cov", "talor-mediation" })
            Assert.Contains(required, names);
        // lavaan-extra holds exactly the cases scripts/make-lavaan-cases.R writes (its write_case("name", ...) calls).
        var script = File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "scripts", "make-lavaan-cases.R"));
        var written = System.Text.RegularExpressions.Regex.Matches(script, @"^write_case\(""([^""]+)""", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Order().ToList();
        Assert.NotEmpty(written);
        Assert.Equal(written, ReferenceCase.All("lavaan-extra").Select(Path.GetFileName).Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parameters_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        Assert.True(fit.Converged, string.Join("; ", fit.Warnings));
        var agree = new Agreement(c.Name);
        int refRows = 0;
        foreach (var p in c.Parameters)
        {
            refRows++;
            string lhs = p.GetProperty("lhs").GetString()!, op = p.GetProperty("op").GetString()!, rhs = p.GetProperty("rhs").GetString()!;
            int group = p.GetProperty("group").GetInt32();
            // Defined and constraint rows belong to no group (lavaan's group 0 with groups); SemLib lists them under 1.
            var mine = op == ":=" ? fit.Parameter(lhs) : fit.Parameter(lhs, op, rhs, op is "==" or "<" or ">" ? 1 : group);
            string name = $"{lhs}{op}{rhs} (group {group})";
            if (mine is null)
            {
                agree.Fail($"{name}: row missing in SemLib");
                continue;
            }
            if (p.TryGetProperty("free", out var free) && free.ValueKind != JsonValueKind.Null && mine.Free != free.GetBoolean())
                agree.Fail($"{name}: free is {mine.Free} in SemLib but {free.GetBoolean()} in lavaan");
            agree.Check(name + " est", mine.Estimate, ReferenceCase.Number(p.GetProperty("est")));
            agree.Check(name + " se", mine.StandardError, ReferenceCase.Number(p.GetProperty("se")));
            agree.Check(name + " z", mine.Z, ReferenceCase.Number(p.GetProperty("z")));
            agree.Check(name + " pvalue", mine.PValue, ReferenceCase.Number(p.GetProperty("pvalue")));
            agree.Check(name + " ci.lower", mine.CiLower, ReferenceCase.Number(p.GetProperty("ci.lower")));
            agree.Check(name + " ci.upper", mine.CiUpper, ReferenceCase.Number(p.GetProperty("ci.upper")));
            agree.Check(name + " std.lv", mine.StdLv, ReferenceCase.Number(p.GetProperty("std.lv")));
            agree.Check(name + " std.all", mine.StdAll, ReferenceCase.Number(p.GetProperty("std.all")));
        }
        if (fit.Parameters.Count != refRows)
            agree.Fail($"SemLib lists {fit.Parameters.Count} rows, lavaan's parameterEstimates() {refRows}");
        agree.Assert();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_measures_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var agree = new Agreement(c.Name);
        var expected = c.Root.GetProperty("fit_measures").EnumerateObject().ToList();
        foreach (var m in expected)
        {
            if (!fit.FitMeasures.ContainsKey(m.Name))
            {
                agree.Fail($"fit measure {m.Name} missing");
                continue;
            }
            agree.Check("fit " + m.Name, fit.FitMeasures[m.Name], ReferenceCase.Number(m.Value));
        }
        Assert.Equal(expected.Select(m => m.Name), fit.FitMeasures.Keys);
        agree.Assert();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void R_squared_and_implied_covariance_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var agree = new Agreement(c.Name);
        var r2 = c.Root.GetProperty("r2");
        if (r2.ValueKind == JsonValueKind.Object)
        {
            bool perGroup = r2.EnumerateObject().Any(kv => kv.Value.ValueKind == JsonValueKind.Object);
            if (perGroup)
            {
                // keyed by group label, as lavaan's inspect(fit, "r2") with groups
                foreach (var group in r2.EnumerateObject())
                {
                    int g = fit.GroupLabels.ToList().IndexOf(group.Name);
                    Assert.True(g >= 0, $"group '{group.Name}' not found among {string.Join(", ", fit.GroupLabels)}");
                    foreach (var kv in group.Value.EnumerateObject())
                    {
                        double? mine = fit.RSquareByGroup[g].TryGetValue(kv.Name, out double v) ? v : null;
                        agree.Check($"r2 {kv.Name} ({group.Name})", mine, ReferenceCase.Number(kv.Value));
                    }
                }
            }
            else
            {
                foreach (var kv in r2.EnumerateObject())
                {
                    double? mine = fit.RSquare.TryGetValue(kv.Name, out double v) ? v : null;
                    agree.Check("r2 " + kv.Name, mine, ReferenceCase.Number(kv.Value));
                }
                Assert.Equal(r2.EnumerateObject().Count(), fit.RSquare.Count);
            }
        }
        var implied = c.Root.GetProperty("implied");
        if (implied.ValueKind == JsonValueKind.Object)
        {
            var names = implied.GetProperty("names").EnumerateArray().Select(x => x.GetString()!).ToList();
            var cov = implied.GetProperty("cov").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
            var mine = fit.Implied();
            for (int i = 0; i < names.Count; i++)
                for (int j = 0; j < names.Count; j++)
                    agree.Check($"implied[{names[i]},{names[j]}]", mine[names[i], names[j]], cov[i][j]);
        }
        agree.Assert();
    }

    public static TheoryData<string> CasesWithModificationIndices()
    {
        var data = new TheoryData<string>();
        foreach (var f in ReferenceCase.All("lavaan", "lavaan-extra"))
            if (ReferenceCase.Load(f).Root.TryGetProperty("modification_indices", out _)) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(CasesWithModificationIndices))]
    public void Modification_indices_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var mine = fit.ModificationIndices();
        var agree = new Agreement(c.Name);
        var expected = c.Root.GetProperty("modification_indices").EnumerateArray().ToList();
        foreach (var e in expected)
        {
            string lhs = e.GetProperty("lhs").GetString()!, op = e.GetProperty("op").GetString()!, rhs = e.GetProperty("rhs").GetString()!;
            var m = mine.FirstOrDefault(x => x.Op == op && ((x.Lhs == lhs && x.Rhs == rhs) || (op == "~~" && x.Lhs == rhs && x.Rhs == lhs)));
            if (m is null)
            {
                agree.Fail($"modification index {lhs}{op}{rhs} missing");
                continue;
            }
            agree.Check($"{lhs}{op}{rhs} mi", m.Mi, ReferenceCase.Number(e.GetProperty("mi")));
            agree.Check($"{lhs}{op}{rhs} epc", m.Epc, ReferenceCase.Number(e.GetProperty("epc")));
            agree.Check($"{lhs}{op}{rhs} sepc.lv", m.SepcLv, ReferenceCase.Number(e.GetProperty("sepc.lv")));
            agree.Check($"{lhs}{op}{rhs} sepc.all", m.SepcAll, ReferenceCase.Number(e.GetProperty("sepc.all")));
        }
        if (mine.Count != expected.Count) agree.Fail($"SemLib lists {mine.Count} modification indices, lavaan {expected.Count}");
        agree.Assert();
        Assert.True(mine.Zip(mine.Skip(1)).All(pair => pair.First.Mi >= pair.Second.Mi), "sorted by MI, largest first");
    }
}
