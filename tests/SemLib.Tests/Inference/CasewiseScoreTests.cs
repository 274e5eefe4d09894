using FsCheck;
using FsCheck.Fluent;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Model;
using SemLib.Specification;
using SemLib.Tests.Support;
using TestData = SemLib.Tests.Support.TestData;

namespace SemLib.Tests.Inference;

/// <summary>
/// Casewise scores against the fit function they come from, independent of lavaan: the log-likelihood is
/// ℓ = Σ_i ℓ_i = −N·F + const, so at any parameter point Σ_g Σ_i s_i = −N·∂F/∂ζ (the objective's analytic gradient).
/// Checked away from the estimates (where both sides are zero) for models with and without means, groups and equality
/// constraints, fixed.x covariates and a B matrix.
/// </summary>
public sealed class CasewiseScoreTests
{
    private const string Hs = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n";
    private const string HsEqual = "visual =~ x1 + c(a2, a2)*x2 + c(a3, a3)*x3\ntextual =~ x4 + c(a5, a5)*x5 + x6\nspeed =~ x7 + x8 + x9\n";
    private const string Mimic = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual ~ sex + ageyr\ntextual ~ visual + sex\n";

    private static FittedModel Fit(int which)
    {
        var hs = TestData.HolzingerSwineford();
        var fit = which switch
        {
            0 => Sem.Fit(Hs, hs),
            1 => Sem.Fit(Hs, hs, ModelOptions.Default with { MeanStructure = true }),
            2 => Sem.Fit(HsEqual, hs, ModelOptions.Default with { Group = "school" }),
            _ => Sem.Fit(Mimic, hs, ModelOptions.Default with { MeanStructure = which == 4 }),
        };
        Assert.True(fit.Converged);
        return fit.Fitted;
    }

    [Fact]
    public void Scores_sum_to_minus_N_times_the_gradient_at_any_point()
    {
        var fits = Enumerable.Range(0, 5).Select(Fit).ToArray();
        var gen = from which in Gen.Choose(0, 4)
                  from seed in Gen.Choose(1, 1_000_000)
                  select (which, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var fitted = fits[t.which];
            var rng = new Random(t.seed);
            int r = fitted.Model.ZetaCount;
            // A point up to 10% away from the estimates in every coordinate.
            var zeta = fitted.Zeta.Select(z => z * (1 + 0.1 * (2 * rng.NextDouble() - 1))).ToArray();
            var gradient = new double[r];
            var objective = fitted.NewObjective();
            double f = objective.Evaluate(zeta, gradient);
            if (!double.IsFinite(f)) return true; // an inadmissible point has no likelihood
            var theta = new double[fitted.Model.ThetaCount];
            fitted.Model.Constraints.ToTheta(zeta, theta);
            var sum = new double[r];
            for (int g = 0; g < fitted.Model.Groups.Length; g++)
            {
                var state = new GroupState(fitted.Model.Groups[g]);
                state.SetExogenous(fitted.Sample.Groups[g].S, fitted.Sample.Groups[g].Mean);
                Assert.True(state.Update(theta));
                var sample = fitted.Sample.Data.Groups[g];
                var cases = CaseMomentDerivatives.Complete(sample.Rows!, state.Model.MeanStructure ? state.Mu : sample.Mean, state.Sigma)!;
                var scores = CasewiseScores.Compute(state, cases, fitted.Model.Constraints);
                for (int i = 0; i < sample.N; i++)
                    for (int j = 0; j < r; j++) sum[j] += scores[i * r + j];
            }
            double n = fitted.Sample.TotalN;
            return Enumerable.Range(0, r).All(j =>
                Math.Abs(sum[j] + n * gradient[j]) <= 1e-8 * Math.Max(1, n * Math.Abs(gradient[j])));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    /// <summary>B0 of unit rows as clusters (each row its own cluster) is the unclustered B0 times G/(G − 1).</summary>
    [Fact]
    public void First_order_information_with_singleton_clusters_is_the_plain_one_times_the_small_sample_factor()
    {
        var fitted = Fit(0);
        var sample = fitted.Sample.Data.Groups[0];
        var state = fitted.State(0);
        var scores = CasewiseScores.Compute(state, CaseMomentDerivatives.Complete(sample.Rows!, sample.Mean, state.Sigma)!, fitted.Model.Constraints);
        int n = sample.N, r = fitted.Model.ZetaCount;
        var plain = CasewiseScores.FirstOrder(scores, n, r, null, 0);
        var clustered = CasewiseScores.FirstOrder(scores, n, r, Enumerable.Range(0, n).ToArray(), n);
        for (int i = 0; i < r * r; i++)
            Assert.True(Math.Abs(clustered[i] - plain[i] * n / (n - 1.0)) <= 1e-12 * Math.Max(1, Math.Abs(plain[i])));
    }
}
