using SemLib.Estimation;
using SemLib.Results;
using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// Robust full-information ML (lavaan's estimator = "MLR" with missing = "ml" / "ml.x", se = "robust" with missing =
/// "ml", cluster-robust MLR with missing data) compared with lavaan 0.6.14 on every parameter row (estimate, Huber-White
/// SE from the casewise scores of the incomplete rows, z, p, CI, std.lv, std.all), every fitMeasures() name in lavaan's
/// order (the .scaled measures and the FIML-corrected .robust ones), R² and the model tests (the Yuan-Bentler Mplus test
/// with the h1 parts of the EM saturated model). Expected values: Reference/robust-fiml/*/case.json, written by
/// Reference/scripts/make-robust-fiml-cases.R (field <c>reference</c>).
/// </summary>
public sealed class RobustFimlAgreementTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceCase.All("robust-fiml")) data.Add(c);
        return data;
    }

    [Fact]
    public void Every_case_of_the_script_is_present()
    {
        var script = File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "scripts", "make-robust-fiml-cases.R"));
        var written = System.Text.RegularExpressions.Regex.Matches(script, @"^write_case\(""([^""]+)""", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Order().ToList();
        Assert.True(written.Count >= 8);
        Assert.Equal(written, ReferenceCase.All("robust-fiml").Select(Path.GetFileName).Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parameters_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        Assert.True(fit.Converged, string.Join("; ", fit.Warnings));
        var agree = new Agreement(c.Name);
        LavaanComparison.Parameters(c, fit, agree);
        agree.Assert();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_measures_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var agree = new Agreement(c.Name);
        LavaanComparison.FitMeasures(c, fit, agree);
        agree.Assert();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void R_squared_agrees_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var agree = new Agreement(c.Name);
        LavaanComparison.RSquareAndImplied(c, fit, agree);
        agree.Assert();
    }

    /// <summary>SemFit.Tests lists lavaan's fit@test: the standard test, then the scaled one with its scaling factor.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Model_tests_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var expected = c.Root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(expected.Select(t => t.GetProperty("test").GetString()), fit.Tests.Select(t => t.Name));
        var agree = new Agreement(c.Name);
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var mine = fit.Tests[i];
            agree.Check($"{mine.Name} stat", mine.Statistic, ReferenceCase.Number(e.GetProperty("stat")));
            agree.Check($"{mine.Name} df", mine.Df, ReferenceCase.Number(e.GetProperty("df")));
            agree.Check($"{mine.Name} pvalue", double.IsNaN(mine.PValue) ? null : mine.PValue, ReferenceCase.Number(e.GetProperty("pvalue")));
            if (i > 0) agree.Check($"{mine.Name} scaling.factor", double.IsNaN(mine.ScalingFactor) ? null : mine.ScalingFactor, ReferenceCase.Number(e.GetProperty("scaling.factor")));
        }
        agree.Assert();
    }
}
