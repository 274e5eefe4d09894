using SemLib.Estimation;
using SemLib.Simulation;
using SemLib.Specification;

namespace SemLib.Tests.Simulation;

/// <summary>Monte Carlo studies analysed with ordered items (WLSMV on Likert-cut scores).</summary>
public sealed class OrdinalMonteCarloTests
{
    /// <summary>Standardized population: every latent response has variance 1, so the std.lv loadings are those written.</summary>
    private const string Population = """
        f1 =~ 0.8*y1 + 0.7*y2 + 0.6*y3 + 0.7*y4
        f2 =~ 0.7*y5 + 0.6*y6 + 0.8*y7 + 0.5*y8
        f1 ~~ 0.4*f2
        """;

    private const string Analysis = "f1 =~ y1 + y2 + y3 + y4\nf2 =~ y5 + y6 + y7 + y8";

    /// <summary>Four asymmetric cuts: five categories with probabilities about .07, .24, .38, .24, .07 at mean 0.2.</summary>
    private static readonly double[] Cuts = [-1.3, -0.5, 0.4, 1.2];

    private static MonteCarloOptions Options(int replications, int? threads = null) => new()
    {
        Replications = replications,
        SampleSize = 300,
        Seed = 17,
        LikertThresholds = Cuts,
        Analysis = new ModelOptions { Ordered = ["all"], StdLv = true },
        MaxDegreeOfParallelism = threads,
    };

    /// <summary>
    /// 200 replications at N = 300 of eight 5-category items: WLSMV with std.lv recovers the population loadings on the
    /// latent-response scale (the values written: the latent responses have variance 1) — mean bias of each loading
    /// within 0.03 (its sampling SD is about 0.05, so the Monte Carlo error of the mean is 0.0035; WLSMV's small-sample
    /// bias at N = 300 is of the order of 0.005), thresholds within 0.03 of (cut − 0)/1. Coverage of the Wald intervals
    /// from the robust SEs: the mean over the eight loadings within [0.92, 0.97] (its Monte Carlo SD is about
    /// √(.95·.05/1600) ≈ 0.005, and a 1000-replication run of this study gave 0.916–0.949 per loading, mean 0.938, as
    /// the robust SEs run slightly small at N = 300), each loading and threshold within [0.87, 0.99] (Monte Carlo SD
    /// √(.95·.05/200) ≈ 0.015); the robust SEs match the empirical SD (ratio 0.8–1.2); the scaled-shifted test rejects
    /// the true model at about α = 5% (≤ 0.12: the 1000-replication run gave 0.059 with mean χ² 19.5 on df 19).
    /// </summary>
    [Fact]
    public void Wlsmv_on_cut_data_recovers_the_latent_response_loadings()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var result = MonteCarlo.Run(pop, Analysis, Options(200));
        Assert.True(result.Converged >= 198, $"{result.Converged} of 200 converged: {string.Join("; ", result.Failures)}");
        var coverage = new List<double>();
        foreach (var (f, y, value) in new[] { ("f1", "y1", 0.8), ("f1", "y2", 0.7), ("f1", "y3", 0.6), ("f1", "y4", 0.7), ("f2", "y5", 0.7), ("f2", "y6", 0.6), ("f2", "y7", 0.8), ("f2", "y8", 0.5) })
        {
            var p = result.Parameter(f, "=~", y)!;
            Assert.Equal(value, p.Population, 6);
            Assert.True(Math.Abs(p.Bias) <= 0.03, $"{f}=~{y}: mean {p.MeanEstimate:F4}, population {value}");
            Assert.InRange(p.Coverage!.Value, 0.87, 0.99);
            Assert.InRange(p.SeRatio!.Value, 0.8, 1.2);
            coverage.Add(p.Coverage.Value);
        }
        Assert.InRange(coverage.Average(), 0.92, 0.97);
        var r = result.Parameter("f1", "~~", "f2")!;
        Assert.Equal(0.4, r.Population, 6);
        Assert.True(Math.Abs(r.Bias) <= 0.03, $"f1~~f2: mean {r.MeanEstimate:F4}");
        for (int k = 0; k < Cuts.Length; k++)
        {
            var t = result.Parameter("y1", "|", $"t{k + 1}")!;
            Assert.Equal(Cuts[k], t.Population, 6);
            Assert.True(Math.Abs(t.Bias) <= 0.03, $"y1|t{k + 1}: mean {t.MeanEstimate:F4}, population {Cuts[k]}");
            Assert.InRange(t.Coverage!.Value, 0.87, 0.99);
        }
        Assert.Equal(19, result.Df); // 28 correlations − 8 loadings − 1 covariance
        Assert.True(result.ModelRejectionRate <= 0.12, $"rejection rate {result.ModelRejectionRate}");
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var one = MonteCarlo.Run(pop, Analysis, Options(12, threads: 1));
        var two = MonteCarlo.Run(pop, Analysis, Options(12, threads: 2));
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(one.MeanChiSquare, two.MeanChiSquare);
        Assert.Equal(one.Failures, two.Failures);
    }

    /// <summary>
    /// A category with population probability Φ(−2.8) ≈ 0.26% at N = 150 is absent from about (1 − 0.0026)^150 ≈ 68% of
    /// the replications of each of two items: those fail with the reason, never the study.
    /// </summary>
    [Fact]
    public void A_replication_without_a_category_fails_with_its_reason()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var result = MonteCarlo.Run(pop, Analysis, Options(20) with { SampleSize = 150, LikertThresholds = [-2.8, 0, 1] });
        Assert.True(result.Failed > 0);
        Assert.Equal(result.Failed, result.Failures.Values.Sum());
        Assert.Contains(result.Failures.Keys, k => k.StartsWith("category 1 of the ordered variable", StringComparison.Ordinal) && k.EndsWith("is absent", StringComparison.Ordinal));
    }

    /// <summary>
    /// Missing cells with ordered items are analysed pairwise (lavaan's missing = "pairwise" for WLSMV): 100 replications
    /// at N = 300 with 10% of the cells missing completely at random still recover the loadings (mean bias within 0.03,
    /// as with complete data; the SEs grow, the estimates stay unbiased under MCAR) with coverage in [0.85, 0.99]
    /// (Monte Carlo SD √(.95·.05/100) ≈ 0.022); listwise deletion is refused, as it would change each replication's N.
    /// </summary>
    [Fact]
    public void Missing_cells_are_analysed_pairwise()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var options = Options(100) with
        {
            MissingProportion = 0.1,
            Analysis = new ModelOptions { Ordered = ["all"], StdLv = true, Missing = SemLib.Data.MissingPolicy.Pairwise },
        };
        var result = MonteCarlo.Run(pop, Analysis, options);
        Assert.True(result.Converged >= 98, $"{result.Converged} of 100 converged: {string.Join("; ", result.Failures)}");
        foreach (var (f, y, value) in new[] { ("f1", "y1", 0.8), ("f1", "y3", 0.6), ("f2", "y7", 0.8), ("f2", "y8", 0.5) })
        {
            var p = result.Parameter(f, "=~", y)!;
            Assert.True(Math.Abs(p.Bias) <= 0.03, $"{f}=~{y}: mean {p.MeanEstimate:F4}, population {value}");
            Assert.InRange(p.Coverage!.Value, 0.85, 0.99);
        }
        var complete = MonteCarlo.Run(pop, Analysis, Options(100));
        Assert.True(result.Parameter("f2", "=~", "y8")!.EmpiricalSe > complete.Parameter("f2", "=~", "y8")!.EmpiricalSe);
        var ex = Assert.Throws<SemLibException>(() => MonteCarlo.Run(pop, Analysis, options with { Analysis = Options(2).Analysis }));
        Assert.Contains("missing = pairwise", ex.Message);
    }

    [Fact]
    public void Ordered_items_need_cut_scores()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var ex = Assert.Throws<SemLibException>(() => MonteCarlo.Run(pop, Analysis, Options(2) with { LikertThresholds = null }));
        Assert.Contains("Likert thresholds", ex.Message);
        Assert.Equal(Estimator.WLSMV, Options(2).Analysis.Estimator);
    }
}
