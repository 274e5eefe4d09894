using SemLib.Syntax;
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
        LavaanComparison.ScriptWritesExactly("make-lavaan-cases.R", "lavaan-extra", minimum: 1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parameters_agree_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.Parameters, mustConverge: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_measures_agree_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.FitMeasures);

    [Theory]
    [MemberData(nameof(Cases))]
    public void R_squared_and_implied_covariance_agree_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.RSquareAndImplied);

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
        LavaanComparison.Check(folder, LavaanComparison.ModificationIndices);
        var mine = ReferenceCase.Load(folder).Fit().ModificationIndices();
        Assert.True(mine.Zip(mine.Skip(1)).All(pair => pair.First.Mi >= pair.Second.Mi), "sorted by MI, largest first");
    }
}
