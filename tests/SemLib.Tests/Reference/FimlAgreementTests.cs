using SemLib.Tests.Support;

namespace SemLib.Tests.Reference;

/// <summary>
/// Full-information ML (missing = "ml" / "ml.x") compared with lavaan 0.6.14 on every parameter row (estimate, SE, z,
/// p, CI, std.lv, std.all), every fit measure, R², the implied moments, the missing-data summary and, where the case
/// has them, modification indices and residuals. Expected values: Reference/fiml/*/case.json, written by
/// Reference/scripts/make-fiml-cases.R, and the shared case Reference/missing/hs-cfa-fiml/case.json.
/// </summary>
public sealed class FimlAgreementTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceCase.All("fiml")) data.Add(c);
        data.Add(Path.Combine("missing", "hs-cfa-fiml"));
        return data;
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
    public void R_squared_and_implied_moments_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var agree = new Agreement(c.Name);
        LavaanComparison.RSquareAndImplied(c, fit, agree);
        agree.Assert();
    }
}
