using SemLib.Results;
using SemLib.Syntax;
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

    /// <summary>Reference/fiml holds exactly the cases make-fiml-cases.R writes (its write_case("name", ...) calls).</summary>
    [Fact]
    public void Every_case_of_the_script_is_present() =>
        LavaanComparison.ScriptWritesExactly("make-fiml-cases.R", "fiml", minimum: 10);

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
    public void R_squared_and_implied_moments_agree_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.RSquareAndImplied);

    /// <summary>Rows used, patterns and coverage per group: the case's "missing" (lavaan's nobs, Mp$npatterns, lavInspect(fit, "coverage")).</summary>
    [Theory]
    [MemberData(nameof(FimlCases))]
    public void Missing_data_summary_agrees_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var agree = new Agreement(c.Name);
        var missing = c.Root.GetProperty("missing");
        var summary = fit.MissingData!;
        var nobs = missing.GetProperty("nobs").EnumerateArray().Select(x => x.GetInt32()).ToList();
        var patterns = missing.GetProperty("npatterns").EnumerateArray().Select(x => x.GetInt32()).ToList();
        var cov = missing.GetProperty("coverage");
        // one group: a list holding the matrix; groups: keyed by group label
        var coverage = cov.ValueKind == System.Text.Json.JsonValueKind.Object
            ? fit.GroupLabels.Select(l => cov.GetProperty(l)).ToList()
            : cov.EnumerateArray().ToList();
        Assert.Equal(nobs.Count, summary.Count);
        for (int g = 0; g < summary.Count; g++)
        {
            Assert.Equal(nobs[g], summary[g].Rows);
            Assert.Equal(patterns[g], summary[g].Patterns);
            var rows = coverage[g].EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
            for (int i = 0; i < rows.Length; i++)
                for (int j = 0; j < rows.Length; j++) agree.Check($"coverage[{i},{j}] group {g + 1}", summary[g].Coverage[i, j], rows[i][j]);
        }
        agree.Assert();
    }

    public static TheoryData<string> FimlCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceCase.All("fiml")) data.Add(c);
        return data;
    }

    public static TheoryData<string> CasesWithModificationIndices()
    {
        var data = new TheoryData<string>();
        foreach (var f in ReferenceCase.All("fiml"))
            if (ReferenceCase.Load(f).Root.TryGetProperty("modification_indices", out _)) data.Add(f);
        return data;
    }

    /// <summary>modindices() after a FIML fit (lavaan's score tests with its observed information).</summary>
    [Theory]
    [MemberData(nameof(CasesWithModificationIndices))]
    public void Modification_indices_agree_with_lavaan(string folder)
    {
        LavaanComparison.Check(folder, LavaanComparison.ModificationIndices);
        var mine = ReferenceCase.Load(folder).Fit().ModificationIndices();
        Assert.True(mine.Zip(mine.Skip(1)).All(pair => pair.First.Mi >= pair.Second.Mi), "sorted by MI, largest first");
    }

    public static TheoryData<string> CasesWithResiduals()
    {
        var data = new TheoryData<string>();
        foreach (var f in ReferenceCase.All("fiml"))
            if (ReferenceCase.Load(f).Root.TryGetProperty("residuals", out _)) data.Add(f);
        return data;
    }

    /// <summary>
    /// Raw residuals are the EM (h1) moments minus the implied ones, as lavaan's resid() under missing = "ml"; the
    /// standardized ones divide by standard errors from the h1 information of the incomplete rows (the case's
    /// residuals: resid(fit, "raw") and resid(fit, "standardized")).
    /// </summary>
    [Theory]
    [MemberData(nameof(CasesWithResiduals))]
    public void Residuals_agree_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var r = c.Root.GetProperty("residuals");
        var names = r.GetProperty("names").EnumerateArray().Select(x => x.GetString()!).ToList();
        var agree = new Agreement(c.Name);
        foreach (var (type, covName, meanName) in new[] { (ResidualType.Raw, "cov", "mean"), (ResidualType.Standardized, "standardized_cov", "standardized_mean") })
        {
            var cov = r.GetProperty(covName).EnumerateArray().Select(row => row.EnumerateArray().Select(ReferenceCase.Number).ToArray()).ToArray();
            var mean = r.GetProperty(meanName).EnumerateArray().Select(ReferenceCase.Number).ToArray();
            var mine = fit.Residuals(type)[0];
            var index = mine.Names.ToList();
            for (int i = 0; i < names.Count; i++)
            {
                double m = mine.Means![index.IndexOf(names[i])];
                // With the expected information the means are saturated and their residuals' variance is zero: lavaan
                // divides by what rounding leaves of it (|z| ~ 1e13 in hs-fiml-expected), SemLib reports NaN (no SE).
                if (type == ResidualType.Standardized && Math.Abs(mean[i] ?? 0) > 1e6)
                    Assert.True(double.IsNaN(m), $"{names[i]}: SemLib {m}, lavaan {mean[i]} (a zero variance)");
                else
                    agree.Check($"{type} mean residual {names[i]}", double.IsNaN(m) ? null : m, mean[i], 1);
                for (int j = 0; j < names.Count; j++)
                {
                    double v = mine[names[i], names[j]];
                    agree.Check($"{type} residual {names[i]},{names[j]}", double.IsNaN(v) ? null : v, cov[i][j], 1);
                }
            }
        }
        agree.Assert();
    }
}
