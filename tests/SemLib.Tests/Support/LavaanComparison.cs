using SemLib.Syntax;
using System.Text.Json;

namespace SemLib.Tests.Support;

/// <summary>
/// Compares a SemLib fit with a reference case's lavaan results, quantity by quantity, into an
/// <see cref="Agreement"/>: every parameter row (estimate, SE, z, p, CI, std.lv, std.all, free), every fit
/// measure, R² and the implied covariance matrix. Shared by the fixed reference cases and the random corpus.
/// </summary>
public static class LavaanComparison
{
    /// <summary>
    /// Loads the case in <paramref name="folder"/>, fits it and runs <paramref name="compare"/> into an agreement that
    /// must hold; with <paramref name="mustConverge"/> the fit must also have converged.
    /// </summary>
    public static void Check(string folder, Action<ReferenceCase, SemFit, Agreement> compare, bool mustConverge = false)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        if (mustConverge) Xunit.Assert.True(fit.Converged, string.Join("; ", fit.Warnings));
        var agree = new Agreement(c.Name);
        compare(c, fit, agree);
        agree.Assert();
    }

    /// <summary>
    /// The reference folder holds exactly the cases a fixture script writes (its <c>write_case("name", ...)</c> calls),
    /// at least <paramref name="minimum"/> of them.
    /// </summary>
    public static void ScriptWritesExactly(string script, string folder, int minimum)
    {
        var text = File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "scripts", script));
        var written = System.Text.RegularExpressions.Regex.Matches(text, @"^write_case\(""([^""]+)""", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Order().ToList();
        Xunit.Assert.True(written.Count >= minimum, $"{script} writes {written.Count} cases");
        Xunit.Assert.Equal(written, ReferenceCase.All(folder).Select(Path.GetFileName).Order());
    }

    /// <summary><see cref="SemFit.Tests"/> against the case's <c>tests</c> (lavaan's fit@test: the standard test, then the scaled one with its scaling factor).</summary>
    public static void ModelTests(ReferenceCase c, SemFit fit, Agreement agree)
    {
        var expected = c.Root.GetProperty("tests").EnumerateArray().ToList();
        Xunit.Assert.Equal(expected.Select(t => t.GetProperty("test").GetString()), fit.Tests.Select(t => t.Name));
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var mine = fit.Tests[i];
            agree.Check($"{mine.Name} stat", mine.Statistic, ReferenceCase.Number(e.GetProperty("stat")));
            agree.Check($"{mine.Name} df", mine.Df, ReferenceCase.Number(e.GetProperty("df")));
            agree.Check($"{mine.Name} pvalue", double.IsNaN(mine.PValue) ? null : mine.PValue, ReferenceCase.Number(e.GetProperty("pvalue")));
            if (i > 0) agree.Check($"{mine.Name} scaling.factor", double.IsNaN(mine.ScalingFactor) ? null : mine.ScalingFactor, ReferenceCase.Number(e.GetProperty("scaling.factor")));
            // The scaled-shifted test's shift (lavaan's shift.parameter; one value, or one per group that sum to it).
            if (i > 0 && e.TryGetProperty("shift.parameter", out var shift) && shift.ValueKind == System.Text.Json.JsonValueKind.Array)
                agree.Check($"{mine.Name} shift.parameter", double.IsNaN(mine.ShiftParameter) ? null : mine.ShiftParameter, shift.EnumerateArray().Sum(x => x.GetDouble()));
        }
    }

    /// <summary>Every row of the case's <c>modification_indices</c> (lavaan's <c>modindices()</c>: mi, epc, sepc.lv, sepc.all), and no more rows.</summary>
    public static void ModificationIndices(ReferenceCase c, SemFit fit, Agreement agree) =>
        ModificationIndices(c.Root.GetProperty("modification_indices"), fit, agree);

    /// <summary>Every row of <paramref name="expected"/> (lavaan's <c>modindices()</c> rows, with their group where lavaan gives one), and no more rows.</summary>
    public static void ModificationIndices(JsonElement expected, SemFit fit, Agreement agree)
    {
        var mine = fit.ModificationIndices();
        var rows = expected.EnumerateArray().ToList();
        foreach (var e in rows)
        {
            string lhs = e.GetProperty("lhs").GetString()!, op = e.GetProperty("op").GetString()!, rhs = e.GetProperty("rhs").GetString()!;
            int group = e.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetInt32() : 1;
            var m = mine.FirstOrDefault(x => x.Group == group && x.Op.ToLavaan() == op && ((x.Lhs == lhs && x.Rhs == rhs) || (op == "~~" && x.Lhs == rhs && x.Rhs == lhs)));
            string name = $"{lhs}{op}{rhs}" + (group > 1 ? $" (group {group})" : "");
            if (m is null)
            {
                agree.Fail($"modification index {name} missing");
                continue;
            }
            agree.Check($"{name} mi", m.Mi, ReferenceCase.Number(e.GetProperty("mi")));
            agree.Check($"{name} epc", m.Epc, ReferenceCase.Number(e.GetProperty("epc")));
            agree.Check($"{name} sepc.lv", m.SepcLv, ReferenceCase.Number(e.GetProperty("sepc.lv")));
            agree.Check($"{name} sepc.all", m.SepcAll, ReferenceCase.Number(e.GetProperty("sepc.all")));
        }
        if (mine.Count != rows.Count) agree.Fail($"SemLib lists {mine.Count} modification indices, lavaan {rows.Count}");
    }

    /// <summary>Every row of the case's <c>parameters</c> (lavaan's <c>parameterEstimates(fit, standardized = TRUE)</c>).</summary>
    public static void Parameters(ReferenceCase c, SemFit fit, Agreement agree)
    {
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
            // A CI bound is est ∓ 1.96·SE: judged at the scale of the estimate and SE it is computed from.
            double ciScale = Math.Max(Math.Abs(ReferenceCase.Number(p.GetProperty("est")) ?? 0), 1.96 * (ReferenceCase.Number(p.GetProperty("se")) ?? 0));
            agree.Check(name + " ci.lower", mine.CiLower, ReferenceCase.Number(p.GetProperty("ci.lower")), ciScale);
            agree.Check(name + " ci.upper", mine.CiUpper, ReferenceCase.Number(p.GetProperty("ci.upper")), ciScale);
            agree.Check(name + " std.lv", mine.StdLv, ReferenceCase.Number(p.GetProperty("std.lv")));
            agree.Check(name + " std.all", mine.StdAll, ReferenceCase.Number(p.GetProperty("std.all")));
        }
        if (fit.Parameters.Count != refRows)
            agree.Fail($"SemLib lists {fit.Parameters.Count} rows, lavaan's parameterEstimates() {refRows}");
    }

    /// <summary>Every value of the case's <c>fit_measures</c>, and the same names in the same order.</summary>
    public static void FitMeasures(ReferenceCase c, SemFit fit, Agreement agree)
    {
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
        if (!expected.Select(m => m.Name).SequenceEqual(fit.FitMeasures.Keys))
            agree.Fail($"fit measure names differ: lavaan [{string.Join(", ", expected.Select(m => m.Name))}], SemLib [{string.Join(", ", fit.FitMeasures.Keys)}]");
    }

    /// <summary>The case's <c>r2</c> (per group where it is keyed by group label) and, where present, the implied covariance matrix.</summary>
    public static void RSquareAndImplied(ReferenceCase c, SemFit fit, Agreement agree)
    {
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
                    if (g < 0)
                    {
                        agree.Fail($"group '{group.Name}' not found among {string.Join(", ", fit.GroupLabels)}");
                        continue;
                    }
                    foreach (var kv in group.Value.EnumerateObject())
                    {
                        double? mine = fit.RSquareByGroup[g].TryGetValue(kv.Name, out double v) && !double.IsNaN(v) ? v : null;
                        agree.Check($"r2 {kv.Name} ({group.Name})", mine, ReferenceCase.Number(kv.Value));
                    }
                }
            }
            else
            {
                foreach (var kv in r2.EnumerateObject())
                {
                    // NaN is SemLib's NA: R² is not defined where the residual variance is negative (lavaan gives NA there too).
                    double? mine = fit.RSquare.TryGetValue(kv.Name, out double v) && !double.IsNaN(v) ? v : null;
                    agree.Check("r2 " + kv.Name, mine, ReferenceCase.Number(kv.Value));
                }
                int expectedCount = r2.EnumerateObject().Count();
                if (expectedCount != fit.RSquare.Count)
                    agree.Fail($"SemLib reports R² for {fit.RSquare.Count} variables, lavaan for {expectedCount}");
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
    }
}
