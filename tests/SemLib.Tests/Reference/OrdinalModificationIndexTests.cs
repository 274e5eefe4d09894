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
        var agree = new Agreement(name);
        LavaanComparison.ModificationIndices(root.GetProperty("modification_indices"), fit, agree);
        agree.Assert();
    }
}
