using System.Collections.Concurrent;
using System.Text.Json;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// lavTestLRT() of nested fits to ordered items against lavaan 0.6.14 under the 1e-3 rule: for WLSMV and ULSMV the
/// scaled-and-shifted difference (method "satorra.2000": statistic, df, scale a, shift b, p), for DWLS the plain
/// χ² difference, for DWLS with the satorra.bentler test (WLSM) the Satorra–Bentler (2001) scaled difference. Expected values: Reference/ordinal-lrt/*.json (field <c>reference</c>), written by
/// scripts/make-ordinal-lrt-cases.R.
/// </summary>
public sealed class OrdinalDifferenceTests
{
    private static string Folder => Path.Combine(ReferenceCase.BaseDirectory, "ordinal-lrt");

    private static readonly ConcurrentDictionary<string, (JsonElement Root, Dictionary<string, SemFit> Fits)> Cache = new();

    /// <summary>The case's models fitted by SemLib, by name (fitted once per case).</summary>
    internal static (JsonElement Root, Dictionary<string, SemFit> Fits) Load(string name) => Cache.GetOrAdd(name, n =>
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, n + ".json"))).RootElement.Clone();
        var data = DataSet.ReadCsv(Path.Combine(Folder, root.GetProperty("data").GetString()!));
        var o = root.GetProperty("options");
        var options = new ModelOptions
        {
            Ordered = ReferenceCase.Strings(root.GetProperty("ordered")),
            Estimator = Enum.Parse<Estimator>(o.GetProperty("estimator").GetString()!),
            Group = o.TryGetProperty("group", out var g) ? g.GetString() : null,
            Parameterization = o.TryGetProperty("parameterization", out var p) && p.GetString() == "theta"
                ? CategoricalParameterization.Theta : CategoricalParameterization.Delta,
            StandardErrors = o.TryGetProperty("se", out var se) && se.GetString() == "robust.sem" ? StandardErrorType.RobustSem : null,
            Test = o.TryGetProperty("test", out var t) && t.GetString() == "satorra.bentler" ? TestType.SatorraBentler : null,
        };
        var fits = new Dictionary<string, SemFit>();
        foreach (var m in root.GetProperty("models").EnumerateArray())
            fits[m.GetProperty("name").GetString()!] = Sem.Fit(m.GetProperty("model").GetString()!, data,
                options with { GroupEqual = ReferenceCase.Strings(m.GetProperty("group_equal")) });
        return (root, fits);
    });

    [Fact]
    public void The_folder_holds_exactly_the_scripts_cases()
    {
        var script = File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "scripts", "make-ordinal-lrt-cases.R"));
        var files = Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        Assert.Equal(7, files.Count);
        foreach (var f in files) Assert.Contains($"make_case(\"{f}\"", script);
    }

    [Theory]
    [InlineData("groups-wlsmv")]
    [InlineData("groups-theta-wlsmv")]
    [InlineData("groups-ulsmv")]
    [InlineData("single-wlsmv")]
    [InlineData("single-ulsmv")]
    [InlineData("single-dwls")]
    [InlineData("single-wlsm")]
    public void Differences_agree_with_lavTestLRT(string name)
    {
        var (root, fits) = Load(name);
        var agree = new Agreement(name);
        foreach (var m in root.GetProperty("models").EnumerateArray())
        {
            var fit = fits[m.GetProperty("name").GetString()!];
            Assert.True(fit.Converged);
            agree.Check($"{m.GetProperty("name")} chisq", fit.FitMeasures["chisq"], ReferenceCase.Number(m.GetProperty("chisq")));
            agree.Check($"{m.GetProperty("name")} df", fit.FitMeasures["df"], ReferenceCase.Number(m.GetProperty("df")));
        }
        foreach (var cmp in root.GetProperty("comparisons").EnumerateArray())
        {
            var names = ReferenceCase.Strings(cmp.GetProperty("models"));
            var rows = ModelComparison.ChiSquareDifference(names.Select(n => fits[n]).ToList(), names);
            var expected = cmp.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(expected.Select(e => e.GetProperty("name").GetString()), rows.Select(r => r.Name));
            string method = cmp.GetProperty("method").GetString()!;
            for (int i = 0; i < rows.Count; i++)
            {
                var e = expected[i];
                var r = rows[i];
                string what = $"{string.Join("/", names)}: {r.Name}";
                Assert.Equal(method, r.Method);
                agree.Check(what + " df", r.Df, ReferenceCase.Number(e.GetProperty("df")));
                agree.Check(what + " chisq", r.ChiSquare, ReferenceCase.Number(e.GetProperty("chisq")));
                agree.Check(what + " chisq_diff", r.ChiSquareDifference, ReferenceCase.Number(e.GetProperty("chisq_diff")));
                agree.Check(what + " rmsea", r.RmseaDifference, ReferenceCase.Number(e.GetProperty("rmsea")));
                agree.Check(what + " df_diff", r.DfDifference, ReferenceCase.Number(e.GetProperty("df_diff")));
                agree.Check(what + " pvalue", r.PValue, ReferenceCase.Number(e.GetProperty("pvalue")));
                agree.Check(what + " scale", r.DifferenceScale, ReferenceCase.Number(e.GetProperty("scale")));
                agree.Check(what + " shift", r.DifferenceShift, ReferenceCase.Number(e.GetProperty("shift")));
            }
        }
        agree.Assert();
    }

    [Fact]
    public void The_traces_agree_with_lavaans_Satorra_2000()
    {
        // Reference: trace.UGamma / trace.UGamma2 of lavaan:::lav_test_diff_Satorra2000(configural, scalar) in groups-wlsmv.json.
        var (root, fits) = Load("groups-wlsmv");
        var cmp = root.GetProperty("comparisons").EnumerateArray().Single(c => ReferenceCase.Strings(c.GetProperty("models")).SequenceEqual(["configural", "scalar"]));
        var e = cmp.GetProperty("rows")[1];
        var test = SemLib.Inference.ScaledDifferenceTest.Compute(fits["configural"].Fitted, fits["scalar"].Fitted);
        var agree = new Agreement("groups-wlsmv configural/scalar");
        agree.Check("trace.UGamma", test.TraceUGamma, ReferenceCase.Number(e.GetProperty("trace_ugamma")));
        agree.Check("trace.UGamma2", test.TraceUGamma2, ReferenceCase.Number(e.GetProperty("trace_ugamma2")));
        agree.Assert();
    }

    [Fact]
    public void The_RMSEA_of_a_DWLS_difference_divides_by_ntotal_as_lavTestLRT()
    {
        // Reference: single-dwls.json, lavTestLRT's RMSEA 0.0870174002995323 = √((ΔT − Δdf)/(Δdf·301)); with N − 1 = 300
        // it would be 0.08716, inside the 1e-3 rule, hence this tighter check of the convention.
        var (root, fits) = Load("single-dwls");
        var e = root.GetProperty("comparisons")[0].GetProperty("rows")[1];
        var rows = ModelComparison.ChiSquareDifference([fits["free"], fits["equal2"]], ["free", "equal2"]);
        Assert.Equal(ReferenceCase.Number(e.GetProperty("rmsea"))!.Value, rows[1].RmseaDifference!.Value, 1e-5);
    }

    [Fact]
    public void The_difference_does_not_depend_on_the_order_the_models_are_given()
    {
        // lavTestLRT sorts by df; so does ModelComparison — the same rows whichever way round the models come.
        var (_, fits) = Load("single-wlsmv");
        var a = ModelComparison.ChiSquareDifference([fits["free"], fits["equal2"]], ["free", "equal2"]);
        var b = ModelComparison.ChiSquareDifference([fits["equal2"], fits["free"]], ["equal2", "free"]);
        Assert.Equal(a[1].ChiSquareDifference!.Value, b[1].ChiSquareDifference!.Value, 12);
    }

    [Fact]
    public void Models_of_different_ordered_items_are_refused_with_a_message()
    {
        var (_, fits) = Load("single-wlsmv");
        var data = DataSet.ReadCsv(Path.Combine(Folder, "data.csv"));
        var fewer = Sem.Fit("visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", data,
            new ModelOptions { Ordered = ["x1", "x2", "x3", "x4", "x5", "x6"], Estimator = Estimator.WLSMV });
        var ex = Assert.Throws<SemLibException>(() => ModelComparison.ChiSquareDifference([fits["free"], fewer]));
        Assert.Contains("sample statistics", ex.Message);
        Assert.Contains("x7, x8, x9", ex.Message);
    }
}
