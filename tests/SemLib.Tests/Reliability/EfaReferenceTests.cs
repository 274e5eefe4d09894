using System.Text.Json;
using SemLib.Reliability;
using Xunit.Abstractions;

namespace SemLib.Tests.Reliability;

public sealed class EfaReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // file, data, JSON path to the case, options key
        { "hs.json", "hs.csv", "efa.ml_varimax", "ml_varimax" },
        { "hs.json", "hs.csv", "efa.pa_promax", "pa_promax" },
        { "reliability-extra.json", "hs.csv", "hs_efa.ml_oblimin", "ml_oblimin" },
        { "reliability-extra.json", "hs.csv", "hs_efa.minres_varimax", "minres_varimax" },
        { "reliability-extra.json", "hs.csv", "hs_efa.ml_promax", "ml_promax" },
        { "reliability-extra.json", "hs.csv", "hs_efa.pa_varimax", "pa_varimax" },
        { "reliability-extra.json", "bfi.csv", "bfi.efa.ml_varimax", "ml_varimax" },
        { "reliability-extra.json", "bfi.csv", "bfi.efa.pa_promax", "pa_promax" },
        { "reliability-extra.json", "bfi.csv", "bfi.efa.ml_oblimin", "ml_oblimin" },
        { "reliability-extra.json", "bfi.csv", "bfi.efa.minres_oblimin", "minres_oblimin" },
        { "reliability-extra.json", "bfi.csv", "bfi.efa.pa_oblimin", "pa_oblimin" },
    };

    private static EfaOptions OptionsFor(string key)
    {
        var parts = key.Split('_');
        return new EfaOptions
        {
            Extraction = parts[0] switch { "ml" => FactorExtraction.MaximumLikelihood, "pa" => FactorExtraction.PrincipalAxis, _ => FactorExtraction.MinimumResidual },
            Rotation = parts[1] switch { "varimax" => FactorRotation.Varimax, "promax" => FactorRotation.Promax, _ => FactorRotation.Oblimin },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SolutionMatchesPsychFaUpToFactorOrderAndSign(string file, string csv, string path, string key)
    {
        // Expected values: the case's JSON (hs.json efa.* from the shared reference, "psych 2.2.9 ..."; or
        // reliability-extra.json, psych::fa(x, nfactors = 3, fm, rotate) as recorded in each case's "call").
        var e = Reference.Json(file);
        foreach (var part in path.Split('.')) e = e.GetProperty(part);
        var items = e.GetProperty("items").Strings();
        var result = ExploratoryFactorAnalysis.Fit(Reference.Data(csv), items, 3, OptionsFor(key));
        var agree = new Agreement();

        var refLoadings = e.GetProperty("loadings").Matrix();
        var (perm, signs) = EfaAlignment.Align(refLoadings, result.Loadings);
        for (int i = 0; i < items.Length; i++)
            for (int j = 0; j < 3; j++)
                agree.Near(refLoadings[i, j], signs[j] * result.Loadings[i, perm[j]], $"{path} loading {items[i]},{j + 1}");
        var h2 = e.GetProperty("communalities").Doubles();
        for (int i = 0; i < items.Length; i++) agree.Near(h2[i], result.Communalities[i], $"{path} h2 {items[i]}");

        if (e.TryGetProperty("factor_correlations", out var phiJson))
        {
            var phi = phiJson.Matrix();
            Assert.NotNull(result.FactorCorrelations);
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++)
                    agree.Near(phi[a, b], signs[a] * signs[b] * result.FactorCorrelations![perm[a], perm[b]], $"{path} phi {a + 1},{b + 1}");
        }
        else if (key.EndsWith("varimax", StringComparison.Ordinal)) Assert.Null(result.FactorCorrelations);

        if (e.TryGetProperty("uniquenesses", out var u))
        {
            var uv = u.Doubles();
            for (int i = 0; i < items.Length; i++) agree.Near(uv[i], result.Uniquenesses[i], $"{path} u2 {items[i]}");
            var ss = e.GetProperty("ss_loadings").Doubles();
            var pv = e.GetProperty("proportion_var").Doubles();
            for (int j = 0; j < 3; j++)
            {
                agree.Near(ss[j], result.SsLoadings[perm[j]], $"{path} SS loadings {j + 1}");
                agree.Near(pv[j], result.ProportionVariance[perm[j]], $"{path} proportion var {j + 1}");
            }
            var ev = e.GetProperty("eigenvalues").Doubles();
            for (int k = 0; k < ev.Length; k++) agree.Near(ev[k], result.Eigenvalues[k], $"{path} eigenvalue {k + 1}");
            agree.Near(e.GetProperty("objective").GetDouble(), result.Fit.Objective, $"{path} objective");
            agree.Near(e.GetProperty("chisq").GetDouble(), result.Fit.ChiSquare, $"{path} chisq");
            Assert.Equal(e.GetProperty("dof").GetInt32(), result.Fit.DegreesOfFreedom);
            Assert.Equal(e.GetProperty("n_obs").GetInt32(), result.Fit.N);
        }
        Assert.Empty(result.Warnings); // no Heywood case, no optimiser fallback, rotation converged
        string objective = e.TryGetProperty("objective", out var o) ? $"; objective ref {o.GetDouble():R}, ours {result.Fit.Objective:R}" : "";
        output.WriteLine($"{path}: {agree}{objective}");
    }

    [Fact]
    public void OneFactorSolutionIsUnrotatedAndPositive()
    {
        // One factor on three items is just identified: the solution reproduces R, so λᵢλⱼ = rᵢⱼ, hence
        // λᵢ = √(rᵢⱼ·rᵢₖ / rⱼₖ) (positive: psych signs loadings to sum positive) and the uniqueness is 1 − λᵢ².
        var r = ExploratoryFactorAnalysis.Fit(Reference.Data("hs.csv"), ["x4", "x5", "x6"], 1, new EfaOptions { Rotation = FactorRotation.Varimax });
        Assert.Equal(FactorRotation.None, r.Rotation);
        Assert.Equal(["ML1"], r.FactorNames);
        Assert.Null(r.FactorCorrelations);
        Assert.Equal(0, r.Fit.DegreesOfFreedom); // ((3 − 1)² − (3 + 1))/2 = 0
        var c = r.Correlation;
        for (int i = 0; i < 3; i++)
        {
            int j = (i + 1) % 3, k = (i + 2) % 3;
            double lambdaSquared = c[i, j] * c[i, k] / c[j, k];
            Assert.Equal(Math.Sqrt(lambdaSquared), r.Loadings[i, 0], 4);
            Assert.Equal(1 - lambdaSquared, r.Uniquenesses[i], 4);
        }
    }
}
