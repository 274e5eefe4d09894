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

    /// <summary>
    /// A replication under MLR or MLM gets what <c>Sem.Fit</c> gives on the same data: its robust standard errors and its
    /// scaled test statistic. One replication is regenerated here from the study's random stream (draw 0 of the seed) and
    /// fitted directly; the study's mean SE of each parameter and its mean χ² are that fit's (a single replication).
    /// </summary>
    [Theory]
    [InlineData(SemLib.Estimation.Estimator.MLR)]
    [InlineData(SemLib.Estimation.Estimator.MLM)]
    public void Robust_replications_have_the_robust_standard_errors_and_scaled_test_of_a_direct_fit(SemLib.Estimation.Estimator estimator)
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var analysis = ModelOptions.Default with { Estimator = estimator };
        var options = new MonteCarloOptions { Replications = 1, SampleSize = 250, Seed = 9, Analysis = analysis };
        var study = MonteCarlo.Run(pop, Analysis, options);
        Assert.Equal(1, study.Converged);

        var names = Sem.Fit(Analysis, pop.Sample(50, 1), analysis).Table.ObservedVariables;
        var popNames = pop.ObservedVariables.ToList();
        var columns = names.Select(v => popNames.IndexOf(v)).ToArray();
        var rows = Enumerable.Range(0, options.SampleSize).Select(_ => new double[names.Count]).ToArray();
        pop.FillRows(rows, columns, new Random(SemLib.Resampling.Bootstrap.DrawSeed(options.Seed, 0)), new double[popNames.Count], new double[popNames.Count]);
        var values = new double[rows.Length, names.Count];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < names.Count; j++) values[i, j] = rows[i][j];
        var direct = Sem.Fit(Analysis, SemLib.Data.DataSet.FromMatrix(names, values), analysis);

        Assert.Equal(2, direct.Tests.Count);
        Assert.Equal(direct.Tests[1].Statistic, study.MeanChiSquare, 6);
        foreach (var p in study.Parameters)
        {
            var row = p.Op == SemLib.Syntax.ModelOperator.Defined ? direct.Parameter(p.Lhs) : direct.Parameter(p.Lhs, p.Op, p.Rhs);
            Assert.NotNull(row);
            Assert.True(Math.Abs(row!.Estimate - p.MeanEstimate) < 1e-5 * Math.Max(1, Math.Abs(p.MeanEstimate)), $"{row.Name}: est {row.Estimate} vs {p.MeanEstimate}");
            Assert.True(Math.Abs(row.StandardError!.Value - p.MeanSe!.Value) < 1e-4 * row.StandardError.Value, $"{row.Name}: robust SE {row.StandardError} vs {p.MeanSe}");
        }
    }

    /// <summary>
    /// MLR with FIML on replications that lose 10 % of their cells at random: the robust SEs track the spread of the
    /// estimates (SE ratio = mean SE / empirical SD near 1 for every loading and path; 200 replications give the
    /// empirical SD to about ±5 %, so [0.8, 1.25] is a wide margin) and the scaled test keeps its size near α.
    /// </summary>
    [Fact]
    public void Robust_full_information_replications_have_calibrated_standard_errors()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var options = new MonteCarloOptions
        {
            Replications = 200, SampleSize = 300, Seed = 4, MissingProportion = 0.10,
            Analysis = ModelOptions.Default with { Estimator = SemLib.Estimation.Estimator.MLR, Missing = SemLib.Data.MissingPolicy.ML },
        };
        var study = MonteCarlo.Run(pop, Analysis, options);
        Assert.True(study.Converged >= 195, $"{study.Converged} of 200 converged");
        foreach (var p in study.Parameters.Where(p => p.Op is SemLib.Syntax.ModelOperator.MeasuredBy or SemLib.Syntax.ModelOperator.Regression && p.SeRatio is not null))
            Assert.InRange(p.SeRatio!.Value, 0.8, 1.25);
        Assert.InRange(study.ModelRejectionRate, 0.0, 0.12);
    }

    /// <summary>Simulated replications have no clusters: a cluster option is refused with a message naming it.</summary>
    [Fact]
    public void A_cluster_option_is_refused_with_a_message()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var options = new MonteCarloOptions { Replications = 10, Analysis = ModelOptions.Default with { Estimator = SemLib.Estimation.Estimator.MLR, Cluster = "school" } };
        var e = Assert.Throws<SemLibException>(() => MonteCarlo.Run(pop, Analysis, options));
        Assert.Contains("'school'", e.Message);
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
