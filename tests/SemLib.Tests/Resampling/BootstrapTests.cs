using MathNet.Numerics.Distributions;
using SemLib.Resampling;
using SemLib.Tests.Support;

namespace SemLib.Tests.Resampling;

public sealed class BootstrapTests
{
    private static SemFit TalOr() => ReferenceCase.Load(Path.Combine("lavaan", "talor-mediation")).Fit();

    /// <summary>
    /// lavaan's own 2000-draw percentile bootstrap (case.json field bootstrap_reference) resamples differently, so
    /// agreement is within Monte Carlo error: with B = 2000 the bootstrap SE itself varies by about 1/√(2B) ≈ 1.6%,
    /// and a 2.5% quantile by roughly 0.1 SE; the tolerances are 10% of the SE and 0.3 SE.
    /// </summary>
    [Fact]
    public void Percentile_intervals_agree_with_lavaan_within_monte_carlo_error()
    {
        var c = ReferenceCase.Load(Path.Combine("lavaan", "talor-mediation"));
        var fit = c.Fit();
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 2000, Seed = 2024 });
        Assert.Equal(2000, boot.Converged);
        var reference = c.Root.GetProperty("bootstrap_reference");
        Assert.Equal("perc", reference.GetProperty("ci_type").GetString());
        foreach (var p in reference.GetProperty("parameters").EnumerateArray())
        {
            string lhs = p.GetProperty("lhs").GetString()!, op = p.GetProperty("op").GetString()!, rhs = p.GetProperty("rhs").GetString()!;
            var mine = op == ":=" ? boot.Parameter(lhs) : boot.Parameter(lhs, op, rhs);
            Assert.NotNull(mine);
            double lo = p.GetProperty("ci.lower").GetDouble(), hi = p.GetProperty("ci.upper").GetDouble();
            if (lo == hi) continue; // fixed parameter (cond ~~ cond)
            double width = hi - lo; // about 4 bootstrap SEs
            double se = width / 3.92;
            Assert.True(Math.Abs(mine!.CiLower!.Value - lo) <= 0.3 * se, $"{lhs}{op}{rhs} lower: lavaan {lo:G5}, SemLib {mine.CiLower:G5}");
            Assert.True(Math.Abs(mine.CiUpper!.Value - hi) <= 0.3 * se, $"{lhs}{op}{rhs} upper: lavaan {hi:G5}, SemLib {mine.CiUpper:G5}");
            if (p.GetProperty("se").ValueKind == System.Text.Json.JsonValueKind.Number)
            {
                double refSe = p.GetProperty("se").GetDouble();
                Assert.True(Math.Abs(mine.StandardError!.Value - refSe) <= 0.1 * refSe, $"{lhs}{op}{rhs} se: lavaan {refSe:G5}, SemLib {mine.StandardError:G5}");
            }
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var fit = TalOr();
        var one = Bootstrap.Run(fit, new BootstrapOptions { Draws = 200, Seed = 5, MaxDegreeOfParallelism = 1, Effects = [("cond", "reaction")] });
        var two = Bootstrap.Run(fit, new BootstrapOptions { Draws = 200, Seed = 5, MaxDegreeOfParallelism = 2, Effects = [("cond", "reaction")] });
        for (int k = 0; k < one.Converged; k++) Assert.Equal(one.Draw(k), two.Draw(k));
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(one.Effects, two.Effects);
        var other = Bootstrap.Run(fit, new BootstrapOptions { Draws = 200, Seed = 6, MaxDegreeOfParallelism = 2 });
        Assert.NotEqual(one.Draw(0), other.Draw(0));
    }

    /// <summary>
    /// The indirect effect a·b of the effects table is bootstrapped like lavaan's ":= a*b": identical draws, since both
    /// are computed from the same refitted parameters.
    /// </summary>
    [Fact]
    public void Bootstrapped_effects_equal_bootstrapped_defined_parameters()
    {
        var fit = TalOr();
        foreach (var interval in new[] { BootstrapInterval.Percentile, BootstrapInterval.BiasCorrected, BootstrapInterval.BiasCorrectedAccelerated })
        {
            var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 300, Seed = 9, Interval = interval, Effects = [("cond", "reaction")] });
            var defined = boot.Parameter("indirect")!;
            var effect = boot.Effects.Single(e => e.Kind == "indirect");
            Assert.Equal(defined.CiLower!.Value, effect.CiLower!.Value, 10);
            Assert.Equal(defined.CiUpper!.Value, effect.CiUpper!.Value, 10);
            Assert.Equal(defined.StandardError!.Value, effect.StandardError!.Value, 10);
            Assert.True(defined.CiLower < defined.Estimate && defined.Estimate < defined.CiUpper);
        }
    }

    /// <summary>
    /// Bias correction (Efron 1981) replaces the α/2 and 1 − α/2 quantiles of the draws by the Φ(2·z0 ∓ z_{1−α/2})
    /// ones, z0 = Φ⁻¹(share of draws below the estimate). Both intervals are recomputed here by hand from the draws
    /// (R's type-7 quantile). The indirect effect's bootstrap distribution is skewed, so z0 ≠ 0 and the BC bounds
    /// differ from the percentile ones, both moving the same way; the SE (SD of the same draws) does not change.
    /// </summary>
    [Fact]
    public void Bias_corrected_interval_is_the_shifted_percentile_interval()
    {
        var fit = TalOr();
        var perc = Bootstrap.Run(fit, new BootstrapOptions { Draws = 1000, Seed = 3 });
        var bc = Bootstrap.Run(fit, new BootstrapOptions { Draws = 1000, Seed = 3, Interval = BootstrapInterval.BiasCorrected });
        var draws = bc.DrawsOf("indirect:=a*b");
        Array.Sort(draws);
        var p = perc.Parameter("indirect")!;
        var b = bc.Parameter("indirect")!;
        double z0 = Normal.InvCDF(0, 1, draws.Count(d => d < b.Estimate) / (double)draws.Length);
        double zc = Normal.InvCDF(0, 1, 0.975);
        Assert.True(Math.Abs(z0) > 0.02, $"z0 = {z0:G3}");
        Assert.Equal(Type7Quantile(draws, 0.025), p.CiLower!.Value, 12);
        Assert.Equal(Type7Quantile(draws, 0.975), p.CiUpper!.Value, 12);
        Assert.Equal(Type7Quantile(draws, Normal.CDF(0, 1, 2 * z0 - zc)), b.CiLower!.Value, 12);
        Assert.Equal(Type7Quantile(draws, Normal.CDF(0, 1, 2 * z0 + zc)), b.CiUpper!.Value, 12);
        Assert.Equal(p.StandardError, b.StandardError);
        double dLo = b.CiLower!.Value - p.CiLower!.Value, dHi = b.CiUpper!.Value - p.CiUpper!.Value;
        Assert.True(dLo * dHi > 0, $"lower moved {dLo:G3}, upper moved {dHi:G3}");
    }

    /// <summary>
    /// BCa (Efron 1987) with the jackknife acceleration a = Σ(θ̄ − θ₍ᵢ₎)³ / (6·[Σ(θ̄ − θ₍ᵢ₎)²]^{3/2}). For a sample mean
    /// θ₍ᵢ₎ = (n·x̄ − xᵢ)/(n − 1), so θ̄ − θ₍ᵢ₎ = (xᵢ − x̄)/(n − 1) and a = Σ(xᵢ − x̄)³ / (6·[Σ(xᵢ − x̄)²]^{3/2}) exactly.
    /// The mean of the fixed exogenous x of a regression with a mean structure is that sample mean, so its BCa
    /// bounds are recomputed by hand: Φ(z0 + (z0 + z)/(1 − a·(z0 + z))) quantiles of the draws, z = ∓z_{0.975}.
    /// x is strongly skewed (eˣ of an even grid), so a is far from 0 and BCa differs from BC.
    /// </summary>
    [Fact]
    public void Bca_interval_uses_the_jackknife_acceleration()
    {
        const int n = 40;
        var x = Enumerable.Range(1, n).Select(i => Math.Exp(i / 8.0)).ToArray();
        var y = Enumerable.Range(1, n).Select(i => Math.Sin(i) + 0.1 * x[i - 1]).ToArray();
        var data = SemLib.Data.DataSet.FromColumns([new("x", x), new("y", y)]);
        var fit = Sem.Fit("y ~ x", data, SemLib.Specification.ModelOptions.Default with { MeanStructure = true });
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 500, Seed = 4, Interval = BootstrapInterval.BiasCorrectedAccelerated });
        var row = boot.Parameter("x", "~1", "")!;

        double mean = x.Average();
        double s2 = x.Sum(v => (v - mean) * (v - mean)), s3 = x.Sum(v => Math.Pow(v - mean, 3));
        double a = s3 / (6 * Math.Pow(s2, 1.5));
        Assert.True(a > 0.03, $"a = {a:G3}");
        var draws = boot.DrawsOf("x~1");
        Array.Sort(draws);
        double z0 = Normal.InvCDF(0, 1, draws.Count(d => d < mean) / (double)draws.Length);
        double zc = Normal.InvCDF(0, 1, 0.975);
        double Bound(double z) => Type7Quantile(draws, Normal.CDF(0, 1, z0 + (z0 + z) / (1 - a * (z0 + z))));
        Assert.Equal(mean, row.Estimate, 12);
        Assert.Equal(Bound(-zc), row.CiLower!.Value, 10);
        Assert.Equal(Bound(zc), row.CiUpper!.Value, 10);
        Assert.NotEqual(Type7Quantile(draws, Normal.CDF(0, 1, 2 * z0 + zc)), row.CiUpper!.Value, 3);
    }

    /// <summary>R's default sample quantile (type 7) of sorted data: linear interpolation at (n − 1)·p.</summary>
    private static double Type7Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int i = (int)Math.Floor(h);
        return i + 1 < sorted.Length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[^1];
    }

    /// <summary>
    /// For multivariate normal data the Bollen–Stine p-value estimates the same probability as the χ² test's p-value
    /// (Bollen &amp; Stine 1992): on data simulated from the fitted model's own population it must be close to the
    /// asymptotic p (within 0.15 with 300 draws), and for hs-cfa (χ² = 85.3 on 24 df, p = 8.5e-9: lavaan's fit_measures
    /// in the case's case.json) it must be small.
    /// </summary>
    [Fact]
    public void Bollen_stine_p_value_tracks_the_chi_square_p_value()
    {
        var pop = SemLib.Simulation.PopulationModel.FromSyntax(
            "f1 =~ 0.8*y1 + 0.7*y2 + 0.6*y3\nf2 =~ 0.7*y4 + 0.6*y5 + 0.7*y6\nf1 ~~ 0.4*f2", standardized: true);
        var fit = Sem.Fit("f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6", pop.Sample(400, 17));
        double asymptotic = fit.FitMeasures["pvalue"]!.Value;
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 300, Seed = 1, BollenStine = true });
        Assert.True(Math.Abs(boot.BollenStinePValue!.Value - asymptotic) <= 0.15, $"Bollen–Stine {boot.BollenStinePValue:G3}, χ² test {asymptotic:G3}");
        var hs = ReferenceCase.Load(Path.Combine("lavaan", "hs-cfa")).Fit();
        var bad = Bootstrap.Run(hs, new BootstrapOptions { Draws = 200, Seed = 1, BollenStine = true });
        Assert.True(bad.BollenStinePValue < 0.05, $"p = {bad.BollenStinePValue}");
    }

    [Fact]
    public void Bootstrap_needs_raw_data()
    {
        var wheaton = ReferenceCase.Load(Path.Combine("lavaan", "wheaton-cov")).Fit();
        var ex = Assert.Throws<SemLibException>(() => Bootstrap.Run(wheaton, new BootstrapOptions { Draws = 10 }));
        Assert.Contains("raw data", ex.Message);
    }

    /// <summary>
    /// Issue 8: a saturated model (df = 0) has χ² = 0 in every Bollen–Stine draw up to rounding, so the share of draws
    /// "above" the observed 0 was rounding noise. The p-value is not defined there: null, flagged, with a warning.
    /// </summary>
    [Fact]
    public void Bollen_stine_is_not_defined_for_a_saturated_model()
    {
        var fit = Sem.Fit("visual =~ x1 + x2 + x3\n", TestData.HolzingerSwineford()); // 6 moments, 6 parameters: df 0
        Assert.Equal(0.0, fit.FitMeasures["df"]!.Value);
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 20, Seed = 1, BollenStine = true });
        Assert.Null(boot.BollenStinePValue);
        Assert.True(boot.BollenStineUndefined);
        Assert.Equal(0, boot.BollenStineDraws);
        Assert.Contains(boot.Warnings, w => w.Contains("not defined for a saturated model (df = 0)", StringComparison.Ordinal));
        var json = System.Text.Json.JsonDocument.Parse(SemLib.Reporting.Json.FitJson.ToJson(fit, new SemLib.Reporting.Json.FitJsonOptions { Bootstrap = boot }));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("bootstrap").GetProperty("bollen_stine_pvalue").ValueKind);
        var text = SemLib.Reporting.Text.TextSummary.Format(fit, new SemLib.Reporting.Text.TextSummaryOptions { Bootstrap = boot });
        Assert.Matches(@"P-value \(Bollen-Stine bootstrap\)\s+not defined \(df = 0\)", text);
    }

    [Fact]
    public void Bollen_stine_is_computed_when_the_model_has_degrees_of_freedom()
    {
        var fit = Sem.Fit("visual =~ x1 + x2 + x3 + x4\n", TestData.HolzingerSwineford()); // df 2
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 20, Seed = 1, BollenStine = true });
        Assert.False(boot.BollenStineUndefined);
        Assert.NotNull(boot.BollenStinePValue);
    }
}
