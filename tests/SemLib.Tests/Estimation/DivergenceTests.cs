using SemLib.Data;
using SemLib.Results;
using SemLib.Specification;

namespace SemLib.Tests.Estimation;

/// <summary>
/// Models whose likelihood has no finite maximum: the optimizer must say so (not converged, the estimates diverge)
/// rather than stop on the flat slope of an asymptote and call it convergence.
/// </summary>
public sealed class DivergenceTests
{
    private static CovarianceData Three(double r12, double r13, double r23) =>
        new(["x1", "x2", "x3"], new[,] { { 1, r12, r13 }, { r12, 1, r23 }, { r13, r23, 1 } }, 200);

    /// <summary>
    /// r = (.3, .3, 0): a one-factor model needs λ₂φ = λ₃φ = .3·(N − 1)/N and λ₂λ₃φ = 0, which no finite φ gives; the
    /// likelihood keeps rising as φ → ∞ with λ₂ = λ₃ = .2985/φ → 0, toward an exact fit (χ² → 0). There is no maximum:
    /// the fit function converges, the estimates cannot. lavaan 0.6.14 stops with φ ≈ 360 and says no solution was
    /// found. SemLib reports the limit's χ² under the status of a singular stop, never as a clean convergence.
    /// </summary>
    [Fact]
    public void Estimates_running_to_infinity_are_a_singular_stop_not_a_clean_convergence()
    {
        var fit = Sem.Fit("f =~ x1 + x2 + x3", Three(.3, .3, 0));
        Assert.Equal(FitStatus.ConvergedSingular, fit.Status);
        // The warning names the ridge: φ and x1's residual variance run off together (θ₁ = .995 − φ·1² → −∞).
        var drift = Assert.Single(fit.Warnings, w => w.Kind == FitWarningKind.EmpiricalUnderidentification);
        Assert.True(drift.Message.StartsWith("The fit function converged but the estimates did not", StringComparison.Ordinal)
            && drift.Message.Contains("the parameters drifting are ") && drift.Message.Contains("x1~~x1") && drift.Message.Contains("f~~f"), drift.Message);
        Assert.Contains("x1~~x1", drift.Variables);
        Assert.Contains("f~~f", drift.Variables);
        Assert.Equal(0, fit.FitMeasures["chisq"]!.Value, 3);
        Assert.True(fit.Parameter("f", "~~", "f")!.Estimate > 100, "the factor variance runs off");
        Assert.All(fit.Parameters.Where(p => p.Free == true), p => Assert.Null(p.StandardError));
    }

    /// <summary>
    /// r = (.3, .3, −.2): the model fits exactly with a negative factor variance. Hand computation with the ML
    /// covariances c = r·199/200 and marker λ₁ = 1: λ₂ = λ₃ = c₂₃/c₁₂ = −.199/.2985 = −2/3, φ = c₁₂/λ₂ = −0.44775.
    /// lavaan 0.6.14 starts only from its default values, does not reach it and reports that no solution was found;
    /// SemLib's FABIN start takes the signs of the loadings from the data and finds the exact fit (χ² = 0), a Heywood
    /// case reported as inadmissible — a lower fit function than lavaan's, not a disagreement about a common optimum.
    /// </summary>
    [Fact]
    public void An_exact_heywood_fit_that_lavaan_misses_is_found_and_called_inadmissible()
    {
        var fit = Sem.Fit("f =~ x1 + x2 + x3", Three(.3, .3, -.2));
        Assert.Equal(FitStatus.ConvergedInadmissible, fit.Status);
        Assert.Equal(-2.0 / 3, fit.Parameter("f", "=~", "x2")!.Estimate, 1e-6);
        Assert.Equal(-0.2985 * 1.5, fit.Parameter("f", "~~", "f")!.Estimate, 1e-6);
        Assert.Equal(0, fit.FitMeasures["chisq"]!.Value, 6);
    }

    /// <summary>
    /// r = −.3 for all pairs: ML reads the matrix as unbiased and uses S·(N − 1)/N, so every covariance is −0.2985; the
    /// exact fit (hand computation, marker λ₁ = 1) has λ₂ = λ₃ = 1 and φ = −0.2985 (lavaan 0.6.14 prints −0.299) — a
    /// Heywood case that must be reached and reported as inadmissible, not lost.
    /// </summary>
    [Fact]
    public void A_reachable_heywood_solution_is_found()
    {
        var fit = Sem.Fit("f =~ x1 + x2 + x3", Three(-.3, -.3, -.3));
        Assert.Equal(FitStatus.ConvergedInadmissible, fit.Status);
        Assert.Equal(-0.2985, fit.Parameter("f", "~~", "f")!.Estimate, 1e-6);
        Assert.Equal(0, fit.FitMeasures["chisq"]!.Value, 6);
    }
}
