using System.Text.Json;
using SemLib.Data;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Invariance;

/// <summary>
/// group.equal / group.partial against lavaan 0.6.14's parameter tables: for every row, whether it is free, its label
/// (lavaan's .pN. or the user's), its estimate and SE, and the model's npar, χ² and df. Expected values:
/// Reference/invariance/tables/*.json (make-invariance-cases.R; field <c>reference</c>).
/// </summary>
public sealed class GroupEqualTableTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(ReferenceCase.BaseDirectory, "invariance", "tables"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rows_labels_and_estimates_agree_with_lavaan(string name)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "invariance", "tables", name + ".json"))).RootElement;
        static IReadOnlyList<string> List(JsonElement e) => e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 0 ? [] : ReferenceCase.Strings(e);
        var options = new ModelOptions
        {
            Group = root.GetProperty("group").GetString(),
            GroupEqual = List(root.GetProperty("group_equal")),
            GroupPartial = List(root.GetProperty("group_partial")),
            StdLv = root.GetProperty("std_lv").GetBoolean(),
        };
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "invariance", "hs-partial", "data.csv"));
        var fit = Sem.Fit(root.GetProperty("model").GetString()!, data, options);
        Assert.True(fit.Converged);
        var agree = new Agreement(name);
        int rows = 0;
        foreach (var r in root.GetProperty("rows").EnumerateArray())
        {
            rows++;
            string lhs = r.GetProperty("lhs").GetString()!, op = r.GetProperty("op").GetString()!, rhs = r.GetProperty("rhs").GetString()!;
            int group = r.GetProperty("group").GetInt32();
            string what = $"{lhs}{op}{rhs} (group {group})";
            var mine = fit.Parameter(lhs, op, rhs, group);
            Assert.True(mine is not null, $"{name}: {what} missing");
            Assert.True(mine!.Free == r.GetProperty("free").GetBoolean(), $"{name}: {what} free is {mine.Free} in SemLib");
            Assert.True(mine.Label == r.GetProperty("label").GetString(), $"{name}: {what} label '{mine.Label}' in SemLib, '{r.GetProperty("label").GetString()}' in lavaan");
            agree.Check(what + " est", mine.Estimate, ReferenceCase.Number(r.GetProperty("est")));
            agree.Check(what + " se", mine.StandardError, ReferenceCase.Number(r.GetProperty("se")));
        }
        Assert.Equal(rows, fit.Parameters.Count(p => p.Op is not (ModelOperator.Defined or ModelOperator.Equal)));
        var f = root.GetProperty("fit");
        agree.Check("npar", fit.FitMeasures.Npar, ReferenceCase.Number(f.GetProperty("npar")));
        agree.Check("chisq", fit.FitMeasures.ChiSquare, ReferenceCase.Number(f.GetProperty("chisq")));
        agree.Check("df", fit.FitMeasures.Df, ReferenceCase.Number(f.GetProperty("df")));
        agree.Assert();
    }

    [Fact]
    public void Scalar_reference_case_lists_lavaans_labels()
    {
        // Reference/lavaan/hs-cfa-scalar (lavaan 0.6.14 parameterEstimates): the label column, e.g. .p2. on visual=~x2 in both groups.
        var c = ReferenceCase.Load(Path.Combine("lavaan", "hs-cfa-scalar"));
        var fit = c.Fit();
        foreach (var p in c.Parameters)
        {
            var mine = fit.Parameter(p.GetProperty("lhs").GetString()!, p.GetProperty("op").GetString()!, p.GetProperty("rhs").GetString()!, p.GetProperty("group").GetInt32());
            Assert.Equal(p.GetProperty("label").GetString(), mine!.Label);
        }
    }

    [Fact]
    public void Releasing_every_constrained_loading_gives_the_configural_model()
    {
        // Property of group.partial: group.equal = loadings with every free loading partial is the configural model.
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "invariance", "hs-partial", "data.csv"));
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
        var configural = Sem.Fit(model, data, new ModelOptions { Group = "school" });
        var released = Sem.Fit(model, data, new ModelOptions
        {
            Group = "school",
            GroupEqual = ["loadings"],
            GroupPartial = ["visual=~x2", "visual =~ x3", "textual =~x5", "textual=~ x6", " speed =~ x8", "speed =~ x9 "],
        });
        Assert.Equal(configural.FitMeasures.Df, released.FitMeasures.Df);
        Assert.Equal(configural.FitMeasures.ChiSquare!.Value, released.FitMeasures.ChiSquare!.Value, 6);
    }
}
