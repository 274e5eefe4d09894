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
    /// Bias correction shifts the percentiles by z0 = Φ⁻¹(share of draws below the estimate); with a symmetric,
    /// centred distribution the BC interval is close to the percentile one. Checked on a quantity whose bootstrap
    /// distribution is skewed (the indirect effect): BC moves both bounds in the same direction.
    /// </summary>
    [Fact]
    public void Bias_corrected_interval_shifts_both_bounds_together()
    {
        var fit = TalOr();
        var perc = Bootstrap.Run(fit, new BootstrapOptions { Draws = 1000, Seed = 3 }).Parameter("indirect")!;
        var bc = Bootstrap.Run(fit, new BootstrapOptions { Draws = 1000, Seed = 3, Interval = BootstrapInterval.BiasCorrected }).Parameter("indirect")!;
        Assert.Equal(perc.StandardError, bc.StandardError);
        double dLo = bc.CiLower!.Value - perc.CiLower!.Value, dHi = bc.CiUpper!.Value - perc.CiUpper!.Value;
        Assert.True(dLo * dHi >= 0, $"lower moved {dLo:G3}, upper moved {dHi:G3}");
    }

    /// <summary>
    /// For multivariate normal data the Bollen–Stine p-value estimates the same probability as the χ² test's p-value
    /// (Bollen &amp; Stine 1992): on data simulated from the fitted model's own population it must be close to the
    /// asymptotic p (within 0.15 with 300 draws), and for hs-cfa (χ² = 85.3 on 24 df, p ≈ 1e-8) it must be small.
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
}
