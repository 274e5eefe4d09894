using SemLib.Syntax;
using SemLib.Data;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Reference;

/// <summary>
/// Modification indices of WLSMV fits against lavaan 0.6.14's <c>modindices()</c> (mi, epc, sepc.lv, sepc.all; delta,
/// theta, two groups). Expected values: Reference/ordinal-mi/*.json, written by scripts/make-ordinal-mi-cases.R.
/// </summary>
public sealed class OrdinalModificationIndexTests
{
    [Theory]
    [InlineData("hs-cfa-wlsmv")]
    [InlineData("hs-cfa-theta")]
    [InlineData("hs-groups-wlsmv")]
    public void Modification_indices_agree_with_lavaan(string name)
    {
        string path = Path.Combine(ReferenceCase.BaseDirectory, "ordinal-mi", name + ".json");
        var root = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var o = root.GetProperty("options");
        var options = new ModelOptions
        {
            Ordered = ReferenceCase.Strings(o.GetProperty("ordered")),
            Parameterization = o.TryGetProperty("parameterization", out var p) && p.GetString() == "theta" ? CategoricalParameterization.Theta : CategoricalParameterization.Delta,
            Group = o.TryGetProperty("group", out var g) ? g.GetString() : null,
        };
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "ordinal-mi", root.GetProperty("data").GetString()!));
        var fit = Sem.Fit(root.GetProperty("model").GetString()!, data, options);
        var mine = fit.ModificationIndices();
        var agree = new Agreement(name);
        var expected = root.GetProperty("modification_indices").EnumerateArray().ToList();
        foreach (var e in expected)
        {
            string lhs = e.GetProperty("lhs").GetString()!, op = e.GetProperty("op").GetString()!, rhs = e.GetProperty("rhs").GetString()!;
            int group = e.GetProperty("group").GetInt32();
            var m = mine.FirstOrDefault(x => x.Group == group && x.Op.ToLavaan() == op && ((x.Lhs == lhs && x.Rhs == rhs) || (op == "~~" && x.Lhs == rhs && x.Rhs == lhs)));
            if (m is null)
            {
                agree.Fail($"modification index {lhs}{op}{rhs} (group {group}) missing");
                continue;
            }
            agree.Check($"{lhs}{op}{rhs} ({group}) mi", m.Mi, ReferenceCase.Number(e.GetProperty("mi")));
            agree.Check($"{lhs}{op}{rhs} ({group}) epc", m.Epc, ReferenceCase.Number(e.GetProperty("epc")));
            agree.Check($"{lhs}{op}{rhs} ({group}) sepc.lv", m.SepcLv, ReferenceCase.Number(e.GetProperty("sepc.lv")));
            agree.Check($"{lhs}{op}{rhs} ({group}) sepc.all", m.SepcAll, ReferenceCase.Number(e.GetProperty("sepc.all")));
        }
        if (mine.Count != expected.Count) agree.Fail($"SemLib lists {mine.Count} modification indices, lavaan {expected.Count}: extra {string.Join(", ", mine.Where(x => !expected.Any(e => e.GetProperty("lhs").GetString() == x.Lhs && e.GetProperty("rhs").GetString() == x.Rhs)).Select(x => x.Lhs + x.Op.ToLavaan() + x.Rhs).Take(10))}");
        agree.Assert();
    }
}
