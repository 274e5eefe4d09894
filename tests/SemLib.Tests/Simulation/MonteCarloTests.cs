using SemLib.Simulation;
using SemLib.Specification;

namespace SemLib.Tests.Simulation;

public sealed class MonteCarloTests
{
    private const string Population = """
        f1 =~ 0.8*y1 + 0.7*y2 + 0.6*y3
        f2 =~ 0.7*y4 + 0.6*y5 + 0.7*y6
        f2 ~ 0.4*f1 + 0*z
        f1 ~ 0.3*z
        """;

    private const string Analysis = "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6\nf2 ~ b*f1 + z\nf1 ~ a*z\nind := a*b";

    /// <summary>
    /// With a correctly specified model the estimates are consistent: at N = 20000 the standardized estimates are
    /// within 0.02 of the population values written in the syntax (their sampling SD is below 0.007).
    /// </summary>
    [Fact]
    public void Large_samples_recover_the_population_values()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var fit = Sem.Fit(Analysis, pop.Sample(20000, 99));
        Assert.True(fit.Converged);
        Assert.InRange(fit.Parameter("f1", "=~", "y1")!.StdAll!.Value, 0.78, 0.82);
        Assert.InRange(fit.Parameter("f2", "=~", "y5")!.StdAll!.Value, 0.58, 0.62);
        Assert.InRange(fit.Parameter("f2", "~", "f1")!.StdAll!.Value, 0.38, 0.42);
        Assert.InRange(fit.Parameter("f1", "~", "z")!.StdAll!.Value, 0.28, 0.32);
        Assert.InRange(fit.Parameter("f2", "~", "z")!.StdAll!.Value, -0.02, 0.02);
    }

    /// <summary>
    /// 400 replications at N = 300: Wald intervals cover about 95% (Monte Carlo SD √(.95·.05/400) ≈ 0.011, so
    /// [0.91, 0.99]); ML is nearly unbiased (relative bias under 5%); SEs match the empirical SD (ratio 0.85–1.15);
    /// the χ² test rejects the true model about α = 5% of the time (SD 0.011: [0.01, 0.10]); the zero path is
    /// "significant" about 5% of the time and the strong paths nearly always.
    /// </summary>
    [Fact]
    public void Coverage_bias_and_power_behave_as_theory_says()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var result = MonteCarlo.Run(pop, Analysis, new MonteCarloOptions { Replications = 400, SampleSize = 300, Seed = 4 });
        Assert.Equal(400, result.Converged);
        foreach (var p in result.Parameters)
        {
            Assert.InRange(p.Coverage!.Value, 0.91, 0.99);
            if (p.RelativeBias is double rb) Assert.InRange(rb, -0.05, 0.05);
            Assert.InRange(p.SeRatio!.Value, 0.85, 1.15);
        }
        Assert.InRange(result.ModelRejectionRate, 0.01, 0.10);
        Assert.InRange(result.Parameter("f2", "~", "z")!.Power!.Value, 0.01, 0.10);
        Assert.True(result.Parameter("b")!.Power > 0.95);
        Assert.True(result.Parameter("ind")!.Power > 0.8);
        // Population value in the analysis (marker) metric, by hand: f1 is scaled by y1's loading 0.8 and f2 by y4's 0.7,
        // so a = 0.8·0.3 = 0.24 and b = 0.7·0.4/0.8 = 0.35, and a·b = 0.084.
        Assert.Equal(0.084, result.Parameter("ind")!.Population, 6);
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var a = MonteCarlo.Run(pop, Analysis, new MonteCarloOptions { Replications = 40, SampleSize = 150, Seed = 8, MaxDegreeOfParallelism = 1 });
        var b = MonteCarlo.Run(pop, Analysis, new MonteCarloOptions { Replications = 40, SampleSize = 150, Seed = 8, MaxDegreeOfParallelism = 2 });
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(a.MeanChiSquare, b.MeanChiSquare);
    }

    /// <summary>Replications compute normal-theory SEs: an MLR or MLM analysis is refused rather than reported as robust.</summary>
    [Theory]
    [InlineData(SemLib.Estimation.Estimator.MLR)]
    [InlineData(SemLib.Estimation.Estimator.MLM)]
    public void Robust_analysis_options_are_refused_with_a_message(SemLib.Estimation.Estimator estimator)
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var options = new MonteCarloOptions { Replications = 10, Analysis = ModelOptions.Default with { Estimator = estimator } };
        var e = Assert.Throws<SemLibException>(() => MonteCarlo.Run(pop, Analysis, options));
        Assert.Contains(estimator.ToString(), e.Message);
        Assert.Contains("estimator ML", e.Message);
    }

    /// <summary>A power curve checks its settings as a single study does: at least one replication, and a list of sizes.</summary>
    [Fact]
    public void Power_curve_needs_at_least_one_replication()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        foreach (int replications in new[] { 0, -1 })
        {
            var options = new MonteCarloOptions { Replications = replications };
            Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.Run(pop, Analysis, options));
            Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.PowerCurve(pop, Analysis, [100], options));
        }
        Assert.Throws<ArgumentNullException>(() => MonteCarlo.PowerCurve(pop, Analysis, null!));
    }

    /// <summary>Power grows with N; Likert-cut data attenuate the estimates (bias toward zero of a standardized loading).</summary>
    [Fact]
    public void Power_curve_increases_with_sample_size_and_likert_data_attenuate()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var curve = MonteCarlo.PowerCurve(pop, Analysis, [60, 250], new MonteCarloOptions { Replications = 100, Seed = 2 });
        Assert.Equal([60, 250], curve.Select(c => c.SampleSize));
        Assert.True(curve[1].Parameter("ind")!.Power > curve[0].Parameter("ind")!.Power);
        var likert = MonteCarlo.Run(pop, Analysis, new MonteCarloOptions
        {
            Replications = 100, SampleSize = 300, Seed = 2, LikertThresholds = [-1.5, -0.5, 0.5, 1.5],
            Analysis = ModelOptions.Default with { StdLv = true },
        });
        Assert.Equal(100, likert.Converged);
        Assert.True(likert.Parameter("f1", "=~", "y1")!.Bias < 0);
    }

    [Fact]
    public void An_analysis_model_with_an_inequality_constraint_is_refused_rather_than_left_unenforced()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var ex = Assert.Throws<SemLibException>(() => MonteCarlo.Run(pop, Analysis + "\nb > 0", new MonteCarloOptions { Replications = 2, SampleSize = 100 }));
        Assert.Contains("inequality constraint (at line 6", ex.Message);
    }
}
