using System.Text.Json;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// Scaled χ² difference tests of nested robust models against lavaan 0.6.14's <c>lavTestLRT(m1, m0)</c> (default method
/// "satorra.bentler.2001"): every column (Df, AIC, BIC, Chisq, Chisq diff, Df diff, Pr(&gt;Chisq)) and the difference's
/// scaling factor. Expected values: Reference/robust-fit/lrt/*.json (Reference/scripts/make-robust-fit-cases.R).
/// </summary>
public sealed class ScaledDifferenceTests
{
    /// <remarks>Robust FIML (MLR with missing = ml): Reference/robust-fiml/lrt/*.json (Reference/scripts/make-robust-fiml-cases.R).</remarks>
    [Theory]
    [InlineData("robust-fit", "hs-groups-metric-mlr")]
    [InlineData("robust-fit", "hs-groups-metric-mlm")]
    [InlineData("robust-fit", "hs-orthogonal-mlr")]
    [InlineData("robust-fiml", "hs-fiml-orthogonal-mlr")]
    [InlineData("robust-fiml", "hs-fiml-groups-metric-mlr")]
    public void Scaled_difference_agrees_with_lavTestLRT(string set, string name)
    {
        var path = Path.Combine(ReferenceCase.BaseDirectory, set, "lrt", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, set, "lrt", root.GetProperty("data").GetString()!));
        var o = root.GetProperty("options");
        var options = ModelOptions.Default with
        {
            Estimator = Enum.Parse<Estimator>(o.GetProperty("estimator").GetString()!),
            Group = o.TryGetProperty("group", out var g) ? g.GetString() : null,
            Missing = o.TryGetProperty("missing", out var m) && m.GetString() == "ml" ? MissingPolicy.ML : MissingPolicy.Listwise,
        };
        var fits = root.GetProperty("models").EnumerateArray().Select(m => Sem.Fit(m.GetString()!, data, options)).ToList();
        Assert.All(fits, f => Assert.True(f.Converged));
        var rows = ModelComparison.ChiSquareDifference(fits, ["m1", "m0"]);
        var expected = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(expected.Count, rows.Count);
        var agree = new Agreement(name);
        for (int i = 0; i < rows.Count; i++)
        {
            var e = expected[i];
            var r = rows[i];
            Assert.Equal("satorra.bentler.2001", r.Method);
            Assert.Null(r.RmseaDifference);
            agree.Check($"{r.Name} Df", r.Df, ReferenceCase.Number(e.GetProperty("Df")));
            agree.Check($"{r.Name} AIC", r.Aic, ReferenceCase.Number(e.GetProperty("AIC")));
            agree.Check($"{r.Name} BIC", r.Bic, ReferenceCase.Number(e.GetProperty("BIC")));
            agree.Check($"{r.Name} Chisq", r.ChiSquare, ReferenceCase.Number(e.GetProperty("Chisq")));
            agree.Check($"{r.Name} Chisq diff", r.ChiSquareDifference, ReferenceCase.Number(e.GetProperty("Chisq.diff")));
            agree.Check($"{r.Name} Df diff", r.DfDifference, ReferenceCase.Number(e.GetProperty("Df.diff")));
            agree.Check($"{r.Name} Pr(>Chisq)", r.PValue, ReferenceCase.Number(e.GetProperty("Pr")));
        }
        agree.Check("scaling factor c_d", rows[1].DifferenceScalingFactor, ReferenceCase.Number(root.GetProperty("scaling_factor")));
        agree.Assert();
        // The scaled difference is not the standard one, so the comparison above could fail.
        Assert.True(Math.Abs(rows[1].StandardChiSquareDifference!.Value - rows[1].ChiSquareDifference!.Value) > 0.05);
    }

    [Fact]
    public void A_scaled_and_a_standard_test_are_not_compared()
    {
        var hs = TestData.HolzingerSwineford();
        const string three = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n";
        var ml = Sem.Fit(three, hs);
        var sb = Sem.Fit(three, hs, ModelOptions.Default with { Orthogonal = true, Test = TestType.SatorraBentler });
        var e = Assert.Throws<SemLibException>(() => ModelComparison.ChiSquareDifference([ml, sb], ["ml", "sb"]));
        Assert.Contains("scaled", e.Message);
    }
}
