using SemLib.Data;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

/// <summary>
/// How a fit with ordered items is set up and what it refuses, on the Holzinger–Swineford items cut into five categories
/// (Reference/ordinal-fit/hs-cfa-wlsmv/data.csv). Expected numbers are lavaan 0.6.14's from that case.json where a
/// number is compared; the rest are behaviours (defaults, messages) checked directly.
/// </summary>
public sealed class OrdinalFitTests
{
    private const string Cfa = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
    private static readonly DataSet Data = ReferenceCase.Load("ordinal-fit/hs-cfa-wlsmv").Data();

    [Fact]
    public void Ordered_items_default_to_wlsmv_with_robust_errors_and_the_scaled_shifted_test()
    {
        var options = new ModelOptions { Ordered = [ModelOptions.AllOrdered] };
        Assert.Equal(Estimator.WLSMV, options.Estimator);
        Assert.False(options.EstimatorIsSet);
        Assert.Equal(StandardErrorType.RobustSem, options.StandardErrorsInEffect);
        Assert.Equal(TestType.ScaledShifted, options.TestInEffect);
        var fit = Sem.Fit(Cfa, Data, options);
        Assert.True(fit.Converged);
        Assert.Equal(["standard", "scaled.shifted"], fit.Tests.Select(t => t.Name));
        // lavaan 0.6.14, hs-cfa-wlsmv: chisq 53.881, 36 thresholds, 48 free parameters
        Assert.Equal(53.8809818647075, fit.FitMeasures["chisq"]!.Value, 1e-3);
        Assert.Equal(36, fit.Parameters.Count(p => p.Op == ModelOperator.Threshold));
        Assert.Equal(48, fit.FitMeasures["npar"]!.Value);
    }

    [Fact]
    public void Thresholds_written_in_the_syntax_make_an_item_ordered_and_keep_their_modifiers()
    {
        // x1's first threshold fixed at lavaan's estimate (hs-cfa-wlsmv: x1|t1 = -0.9050) and labelled thresholds shared.
        var fit = Sem.Fit(Cfa + "\nx1 | -0.9050*t1 + t2 + t3 + t4\nx2 | a*t2\nx3 | a*t2", Data,
            new ModelOptions { Ordered = ["x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"] });
        Assert.True(fit.Converged);
        var t1 = fit.Parameter("x1", "|", "t1")!;
        Assert.Equal(-0.9050, t1.Estimate, 12);
        Assert.False(t1.Free);
        Assert.Equal(fit.Parameter("x2", "|", "t2")!.Estimate, fit.Parameter("x3", "|", "t2")!.Estimate, 12);
    }

    [Fact]
    public void A_threshold_beyond_the_data_categories_is_an_error()
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Cfa + "\nx1 | t1 + t2 + t3 + t4 + t5", Data, new ModelOptions { Ordered = [ModelOptions.AllOrdered] }));
        Assert.Contains("t5", e.Message);
        Assert.Contains("5 categories", e.Message);
    }

    [Theory]
    [InlineData(Estimator.ML, "treats them as continuous")]
    [InlineData(Estimator.MLR, "treats them as continuous")]
    public void A_continuous_estimator_with_ordered_items_is_refused(Estimator estimator, string message)
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Cfa, Data, new ModelOptions { Ordered = ["x1"], Estimator = estimator }));
        Assert.Contains(message, e.Message);
        Assert.Contains("(x1)", e.Message);
    }

    [Fact]
    public void Wlsmv_without_ordered_items_says_how_to_name_them()
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Cfa, Data, new ModelOptions { Estimator = Estimator.WLSMV }));
        Assert.Contains("--ordered", e.Message);
    }

    [Fact]
    public void Full_information_ml_with_ordered_items_is_refused_as_in_lavaan()
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Cfa, Data, new ModelOptions { Ordered = [ModelOptions.AllOrdered], Missing = MissingPolicy.ML }));
        Assert.Contains("not available with ordered items", e.Message);
    }

    [Fact]
    public void Pairwise_deletion_is_for_ordered_items_only()
    {
        var e = Assert.Throws<DataException>(() => Sem.Fit(Cfa, Data, new ModelOptions { Missing = MissingPolicy.Pairwise }));
        Assert.Contains("pairwise is for ordered items", e.Message);
    }

    [Fact]
    public void A_covariance_matrix_cannot_carry_ordered_items()
    {
        var cov = new CovarianceData(["x1", "x2", "x3"], new double[,] { { 1, .5, .4 }, { .5, 1, .3 }, { .4, .3, 1 } }, 100);
        var e = Assert.Throws<SemLibException>(() => Sem.Fit("f =~ x1 + x2 + x3", cov, new ModelOptions { Ordered = ["x1"] }));
        Assert.Contains("raw rows", e.Message);
    }

    [Fact]
    public void An_observed_covariate_is_refused_with_the_reason()
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit("visual =~ x1 + x2 + x3\nvisual ~ x4", Data, new ModelOptions { Ordered = ["x1", "x2", "x3"] }));
        Assert.Contains("conditional.x", e.Message);
        Assert.Contains("covariate x4", e.Message);
    }

    [Fact]
    public void An_ordered_name_that_is_not_a_model_variable_is_named()
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Cfa, Data, new ModelOptions { Ordered = ["x1", "y7"] }));
        Assert.Contains("'y7'", e.Message);
    }

    [Fact]
    public void A_negative_derived_residual_variance_is_a_heywood_case()
    {
        // A loading fixed at 3 makes the explained variance of x2's latent response exceed 1: its residual variance
        // 1 − 9ψ is negative under the delta parameterization, which is a Heywood case, not a clean solution.
        var fit = Sem.Fit("visual =~ x1 + 3*x2 + x3\ntextual =~ x4 + x5 + x6", Data, new ModelOptions { Ordered = [ModelOptions.AllOrdered] });
        var theta = fit.Parameter("x2", "~~", "x2")!;
        Assert.True(theta.Estimate < 0, $"x2 ~~ x2 = {theta.Estimate}");
        Assert.Contains(fit.Warnings, w => w.Kind == FitWarningKind.HeywoodCase && w.Variables.Contains("x2"));
        Assert.Equal(FitStatus.ConvergedInadmissible, fit.Status);
    }
}
