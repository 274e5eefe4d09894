using SemLib.Data;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Tests.Data;

namespace SemLib.Tests.Estimation;

/// <summary>
/// Models that cannot be estimated, or whose estimates are a statistical problem. A model with more free
/// parameters than moments is refused with an exception; an unidentified model with df ≥ 0, non-convergence and a
/// Heywood case are statuses and warnings on the result (architecture.md, "A statistical outcome is data, not an
/// exception"). Expected numbers are lavaan 0.6.14's for the same call, as quoted in each test.
/// </summary>
public sealed class BadModelTests
{
    private static readonly DataSet Hs = DataCheckTests.Hs();

    private const string ThreeFactors = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

    [Fact]
    public void More_free_parameters_than_moments_is_refused_with_the_counts()
    {
        // f =~ x1 + x2: one free loading, two residual variances and the factor variance = 4 parameters;
        // 2 variables give 2·3/2 = 3 moments.
        var ex = Assert.Throws<SemLibException>(() => Sem.Fit("f =~ x1 + x2", Hs));
        Assert.Equal("The model has 4 free parameters but the data provide only 3 sample moments (df = -1); it is not identified. Fix or constrain parameters, or add indicators.", ex.Message);
    }

    [Fact]
    public void The_moment_count_includes_the_means_with_a_mean_structure()
    {
        // With means: 4 + 2 intercepts = 6 parameters (the factor mean is fixed at 0); 3 + 2 = 5 moments.
        var ex = Assert.Throws<SemLibException>(() => Sem.Fit("f =~ x1 + x2", Hs, ModelOptions.Default with { MeanStructure = true }));
        Assert.Contains("6 free parameters but the data provide only 5 sample moments (df = -1)", ex.Message);
    }

    [Fact]
    public void An_unidentified_factor_with_df_of_five_warns_and_reports_no_standard_errors()
    {
        // lavaan 0.6.14, cfa("f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5\nf1 ~~ 0*f2", HS): npar 10, chisq 48.878, df 5, and
        // "Could not compute standard errors! The information matrix could not be inverted." (se NA for free rows).
        var fit = Sem.Fit("f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5\nf1 ~~ 0*f2", Hs);
        Assert.True(fit.Converged);
        Assert.Equal(10, fit.FitMeasures["npar"]);
        Assert.Equal(5, fit.FitMeasures["df"]);
        Assert.Equal(48.878, fit.FitMeasures["chisq"]!.Value, 3);
        var warning = Assert.Single(fit.Warnings, w => w.Message.StartsWith("The information matrix is singular or nearly so"));
        Assert.Equal(FitWarningKind.SingularInformation, warning.Kind);
        Assert.Contains("the model may not be identified; the parameters involved are", warning.Message);
        Assert.Contains("f2", warning.Message);
        Assert.Contains(warning.Variables, v => v.Contains("f2", StringComparison.Ordinal)); // the parameters the message names
        Assert.All(warning.Variables, v => Assert.Contains(v, warning.Message));
        Assert.All(fit.Parameters.Where(p => p.Free == true), p => Assert.Null(p.StandardError));
        Assert.All(fit.Parameters.Where(p => p.Free == true), p => Assert.Null(p.Z));
        Assert.Null(fit.ParameterCovariance());
    }

    [Fact]
    public void Free_markers_and_free_factor_variances_give_the_same_fit_with_a_warning()
    {
        // Freeing every loading and the factor variances leaves the scale of each factor undetermined: the fit (χ²) is
        // that of the identified model, but df drops by the 2 extra parameters and the information matrix is singular.
        const string identified = "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6";
        var good = Sem.Fit(identified, Hs);
        var bad = Sem.Fit("f1 =~ NA*x1 + x2 + x3\nf2 =~ NA*x4 + x5 + x6", Hs);
        Assert.True(bad.Converged);
        Assert.Equal(FitStatus.ConvergedSingular, bad.Status);
        Assert.Equal(FitStatus.Converged, good.Status);
        Assert.Equal(good.FitMeasures["df"] - 2, bad.FitMeasures["df"]);
        Assert.Equal(good.FitMeasures["chisq"]!.Value, bad.FitMeasures["chisq"]!.Value, 5);
        Assert.Contains(bad.Warnings, w => w.Message.StartsWith("The information matrix is singular or nearly so"));
        Assert.DoesNotContain(good.Warnings, w => w.Message.StartsWith("The information matrix"));
        Assert.All(bad.Parameters.Where(p => p.Free == true), p => Assert.Null(p.StandardError));
    }

    [Theory]
    [InlineData(Estimator.ML)]
    [InlineData(Estimator.GLS)]
    [InlineData(Estimator.ULS)]
    public void Non_convergence_is_a_status_with_a_warning_and_null_fit_measures(Estimator estimator)
    {
        // lavaan 0.6.14 with control = list(iter.max = 1) warns "the optimizer warns that a solution has NOT been
        // found!" and fitMeasures() then stops with an error; SemLib returns the measures as null instead.
        var fit = Sem.Fit(ThreeFactors, Hs, ModelOptions.Default with { MaxIterations = 1, Estimator = estimator });
        Assert.Equal(FitStatus.NotConverged, fit.Status);
        Assert.False(fit.Converged);
        Assert.Contains(fit.Warnings, w => w.Kind == FitWarningKind.NotConverged && w.Message.StartsWith("The optimizer did not converge: the maximum of 1 iterations was reached from each of")
            && w.Message.EndsWith("the estimates are the best last iterate and should not be interpreted."));
        Assert.Equal(21, fit.FitMeasures["npar"]); // 6 loadings + 9 residuals + 3 variances + 3 covariances
        foreach (var (name, value) in fit.FitMeasures)
        {
            if (name == "npar") continue;
            if (name == "ntotal") Assert.Equal(301, value);
            else Assert.True(value is null, $"{name} = {value} on a fit that did not converge");
        }
        Assert.Equal(estimator == Estimator.ML, fit.FitMeasures.ContainsKey("ntotal"));
        Assert.Equal(24, fit.Parameters.Count); // the 21 free rows and the 3 fixed marker loadings
    }

    [Fact]
    public void Enough_iterations_converge_the_same_model()
    {
        // Guards the test above: the model itself is fine (it is lavaan's HS example).
        Assert.Equal(FitStatus.Converged, Sem.Fit(ThreeFactors, Hs).Status);
    }

    [Fact]
    public void A_negative_residual_variance_is_an_inadmissible_solution_naming_the_variable()
    {
        // Correlations r12 = r13 = 0.8, r23 = 0.4: the just-identified one-factor model needs λ1² = r12·r13/r23 = 1.6,
        // so θ1 = 1 − 1.6 < 0. lavaan 0.6.14, cfa("f =~ x1 + x2 + x3", sample.cov = S, sample.nobs = 200):
        // x1 ~~ x1 = -0.597 (= −0.6·199/200), f ~~ f = 1.592, f =~ x2 = 0.500, "some estimated ov variances are negative".
        var s = new double[,] { { 1, .8, .8 }, { .8, 1, .4 }, { .8, .4, 1 } };
        var fit = Sem.Fit("f =~ x1 + x2 + x3", new CovarianceData(["x1", "x2", "x3"], s, 200));
        Assert.Equal(FitStatus.ConvergedInadmissible, fit.Status);
        Assert.True(fit.Converged);
        Assert.Equal(-0.597, fit.Parameter("x1", "~~", "x1")!.Estimate, 3);
        Assert.Equal(1.592, fit.Parameter("f", "~~", "f")!.Estimate, 3);
        Assert.Equal(0.500, fit.Parameter("f", "=~", "x2")!.Estimate, 3);
        var heywood = Assert.Single(fit.Warnings, w => w.Kind == FitWarningKind.HeywoodCase);
        Assert.Equal("The residual variance of 'x1' is negative (-0.597): a Heywood case, so the solution is not admissible.", heywood.Message);
        Assert.Equal(["x1"], heywood.Variables);
        Assert.Equal(heywood.Message, heywood.ToString()); // what string contexts (and older callers) print
        Assert.DoesNotContain(fit.Warnings, w => w.Message.Contains("'x2'") || w.Message.Contains("'x3'"));
        Assert.NotNull(fit.FitMeasures["chisq"]);
    }

    [Fact]
    public void A_latent_variable_with_a_negative_variance_is_named()
    {
        // All three correlations −0.3, marker x1: cov(xi, xj) = λiλjφ = −0.3 with λ2 = λ3 = 1 gives φ = −0.3, times
        // 199/200 for ML's N-divisor matrix = −0.2985 (hand computation; the model is just identified).
        // lavaan 0.6.14 (sample.cov = S, sample.nobs = 200): f ~~ f = -0.299 (se 0.135), "some estimated lv variances
        // are negative".
        var s = new double[,] { { 1, -.3, -.3 }, { -.3, 1, -.3 }, { -.3, -.3, 1 } };
        var fit = Sem.Fit("f =~ x1 + x2 + x3", new CovarianceData(["x1", "x2", "x3"], s, 200));
        Assert.Equal(FitStatus.ConvergedInadmissible, fit.Status);
        var phi = fit.Parameter("f", "~~", "f")!;
        Assert.Equal(-0.2985, phi.Estimate, 4);
        Assert.Equal(0.135, phi.StandardError!.Value, 3);
        var heywood = Assert.Single(fit.Warnings, w => w.Kind == FitWarningKind.HeywoodCase);
        Assert.Equal("The variance of the latent variable 'f' is negative (-0.2985): a Heywood case, so the solution is not admissible.", heywood.Message);
        Assert.Equal(["f"], heywood.Variables);
        Assert.Equal(0, fit.FitMeasures["chisq"]!.Value, 6);
    }

    [Fact]
    public void Residual_covariances_beyond_a_correlation_of_one_are_an_inadmissible_solution()
    {
        // Communalities .9 (x1) and .1 (x2) leave residual variances of about .1 and .9, but r12 = .7 needs a residual
        // covariance of about .7 − √(.9·.1) = .4 > √(.1·.9): Θ is not positive definite although every variance is
        // positive. lavaan 0.6.14, cfa("f =~ x1 + x2 + x3 + x4\nx1 ~~ x2", sample.cov = S, sample.nobs = 200):
        // x1 ~~ x2 = 0.39851982, x1 ~~ x1 = 0.09971116, x2 ~~ x2 = 0.89582287, chisq 0 on df 1, and "the covariance
        // matrix of the residuals of the observed variables (theta) is not positive definite".
        var s = new double[,] { { 1, .7, .664, .664 }, { .7, 1, .221, .221 }, { .664, .221, 1, .49 }, { .664, .221, .49, 1 } };
        var fit = Sem.Fit("f =~ x1 + x2 + x3 + x4\nx1 ~~ x2", new CovarianceData(["x1", "x2", "x3", "x4"], s, 200));
        Assert.Equal(FitStatus.ConvergedInadmissible, fit.Status);
        Assert.Equal(0.39851982, fit.Parameter("x1", "~~", "x2")!.Estimate, 5);
        Assert.Equal(0.09971116, fit.Parameter("x1", "~~", "x1")!.Estimate, 5);
        Assert.Equal(0.89582287, fit.Parameter("x2", "~~", "x2")!.Estimate, 5);
        var notPd = Assert.Single(fit.Warnings, w => w.Kind == FitWarningKind.NotPositiveDefinite);
        Assert.Equal("The covariance matrix of the residuals of the observed variables is not positive definite.", notPd.Message);
        Assert.Equal(["x1", "x2", "x3", "x4"], notPd.Variables);
        Assert.DoesNotContain(fit.Warnings, w => w.Message.Contains("Heywood"));
    }

    [Fact]
    public void A_saturated_path_model_with_random_covariates_matches_lavaan()
    {
        // lavaan 0.6.14, sem("x4 + x5 ~ x1 + x2", HS, fixed.x = FALSE): npar 10, chisq 0, df 0, logl -1771.496.
        var fit = Sem.Fit("x4 + x5 ~ x1 + x2", Hs, ModelOptions.Default with { FixedX = false });
        Assert.Equal(FitStatus.Converged, fit.Status);
        Assert.Equal(10, fit.FitMeasures["npar"]);
        Assert.Equal(0, fit.FitMeasures["df"]);
        Assert.Equal(0, fit.FitMeasures["chisq"]!.Value, 6);
        Assert.Equal(-1771.496, fit.FitMeasures["logl"]!.Value, 3);
        Assert.True(fit.Parameter("x1", "~~", "x2")!.Free);
    }
}
