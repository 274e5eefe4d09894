using SemLib.Reliability;
using Xunit.Abstractions;

namespace SemLib.Tests.Reliability;

public sealed class ParallelAnalysisTests(ITestOutputHelper output)
{
    private static readonly string[] Hs = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

    [Fact]
    public void HolzingerSwinefordSuggestsThreeFactors()
    {
        // Observed eigenvalues: psych 2.2.9 fa()$e.values of the HS correlation matrix (reliability-extra.json
        // hs_efa.ml_oblimin.eigenvalues): 3.22, 1.64, 1.37, 0.70, ... For uncorrelated normal data of n = 301 and
        // p = 9 the largest eigenvalue sits near the Marchenko–Pastur edge (1 + √(9/301))² = 1.38 (its 95th
        // percentile is 1.35, the next ones' 1.24, 1.16, 1.09: R simulation, 2000 draws), so three components
        // stand out, as psych::fa.parallel reports for these data.
        var data = Reference.Data("hs.csv");
        var pa = ParallelAnalysis.Run(data, Hs);
        var agree = new Agreement();
        var ev = Reference.Json("reliability-extra.json").GetProperty("hs_efa").GetProperty("ml_oblimin").GetProperty("eigenvalues").Doubles();
        for (int k = 0; k < ev.Length; k++) agree.Near(ev[k], pa.Observed[k], $"eigenvalue {k + 1}");
        Assert.Equal(3, pa.SuggestedFactors);
        Assert.Equal(301, pa.N);
        Assert.InRange(pa.Criterion[0], 1.30, 1.41);
        Assert.All(pa.SimulatedMean.Zip(pa.Criterion), t => Assert.True(t.Second >= t.First));
        output.WriteLine($"criterion {string.Join(", ", pa.Criterion.Select(c => c.ToString("F3")))}; {agree}");

        // Deterministic for a seed; a different seed changes the simulated values, not the decision here.
        var again = ParallelAnalysis.Run(data, Hs);
        Assert.Equal(pa.Criterion, again.Criterion);
        var other = ParallelAnalysis.Run(data, Hs, new ParallelAnalysisOptions { Seed = 7 });
        Assert.NotEqual(pa.Criterion, other.Criterion);
        Assert.Equal(3, other.SuggestedFactors);
        Assert.Equal(pa.Observed, ExploratoryFactorAnalysis.Eigenvalues(data, Hs));

        // Common factors: the eigenvalues of R with smc(R) on its diagonal are 2.71, 1.07, 0.66, −0.03, ... (R 4.2.2,
        // eigen(R) after diag(R) <- psych::smc(R), psych 2.2.9); the mean reduced eigenvalues of uncorrelated normal
        // data of this size are about 0.31, 0.21, 0.14, 0.07 (R simulation, 2000 draws), so again three.
        var factors = ParallelAnalysis.Run(data, Hs, new ParallelAnalysisOptions { Kind = ParallelAnalysisKind.CommonFactors, Quantile = null, Iterations = 50 });
        double[] reduced = [2.71201351041, 1.07198361527, 0.66048000845, -0.02503262602];
        for (int k = 0; k < reduced.Length; k++) agree.Near(reduced[k], factors.Observed[k], $"reduced eigenvalue {k + 1}");
        Assert.Equal(3, factors.SuggestedFactors);
    }

    [Fact]
    public void BfiWithMissingValuesSuggestsThreeComponents()
    {
        // 15 bfi items from three Big-Five scales, pairwise correlations as psych: eigenvalues 4.19, 2.04, 1.37, 1.00, ...
        // (reliability-extra.json bfi.efa.ml_varimax.eigenvalues, n_obs 2800). For uncorrelated normal data of
        // n = 2800 and p = 15 the 95th percentiles of the first four eigenvalues are about 1.15, 1.12, 1.10, 1.08
        // (R simulation, 300 draws), so the fourth (1.00) falls short.
        var items = new[] { "A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3", "C4", "C5", "E1", "E2", "E3", "E4", "E5" };
        var pa = ParallelAnalysis.Run(Reference.Data("bfi.csv"), items, new ParallelAnalysisOptions { Iterations = 30 });
        var ev = Reference.Json("reliability-extra.json").GetProperty("bfi").GetProperty("efa").GetProperty("ml_varimax").GetProperty("eigenvalues").Doubles();
        var agree = new Agreement();
        for (int k = 0; k < ev.Length; k++) agree.Near(ev[k], pa.Observed[k], $"eigenvalue {k + 1}");
        Assert.Equal(3, pa.SuggestedFactors);
        Assert.Equal(2800, pa.N);
        output.WriteLine($"criterion {string.Join(", ", pa.Criterion.Select(c => c.ToString("F3")))}; {agree}");
    }
}
