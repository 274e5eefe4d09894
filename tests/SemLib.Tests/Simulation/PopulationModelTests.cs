using SemLib.Simulation;
using SemLib.Tests.Support;

namespace SemLib.Tests.Simulation;

public sealed class PopulationModelTests
{
    /// <summary>The 218-firm design's population model, as the sample program writes it.</summary>
    private static readonly string Design = ClusterUpgrade.Design.PopulationSyntax();

    /// <summary>Standardized: every observed variance is 1 (the design's requirement), and the residual of an
    /// indicator is 1 − λ² (hand computation: 1 − 0.78² = 0.3916 for sc1).</summary>
    [Fact]
    public void Standardized_population_has_unit_variances()
    {
        var pop = PopulationModel.FromSyntax(Design, standardized: true);
        for (int i = 0; i < pop.ObservedVariables.Count; i++) Assert.Equal(1.0, pop.Covariance[i, i], 12);
        Assert.Equal(1 - 0.78 * 0.78, pop.Value("sc1", "~~", "sc1"), 12);
        // acq's explained variance: b'Φb with Φ the exogenous correlations (hand computation).
        double explained = 0.35 * 0.35 + 0.30 * 0.30 + 0.10 * 0.10 + 2 * (0.35 * 0.30 * 0.45 + 0.35 * 0.10 * 0.30 + 0.30 * 0.10 * 0.40);
        Assert.Equal(1 - explained, pop.Value("acq", "~~", "acq"), 12);
        // sc1 and ce1 covary through their factors: 0.78 · 0.45 · 0.74.
        int a = pop.ObservedVariables.ToList().IndexOf("sc1"), b = pop.ObservedVariables.ToList().IndexOf("ce1");
        Assert.Equal(0.78 * 0.45 * 0.74, pop.Covariance[a, b], 12);
    }

    /// <summary>lavaan's simulateData defaults: unspecified loadings 1, variances 1, regressions 0.</summary>
    [Fact]
    public void Unspecified_values_follow_lavaan_defaults()
    {
        var pop = PopulationModel.FromSyntax("f =~ x1 + 0.5*x2\ny ~ f");
        Assert.Equal(1.0, pop.Value("f", "=~", "x1"));
        Assert.Equal(1.0, pop.Value("x1", "~~", "x1"));
        Assert.Equal(0.0, pop.Value("y", "~", "f"));
        // var(x2) = 0.5²·1 + 1
        int i = pop.ObservedVariables.ToList().IndexOf("x2");
        Assert.Equal(1.25, pop.Covariance[i, i], 12);
    }

    [Fact]
    public void Same_seed_gives_same_data_and_large_samples_recover_the_covariance()
    {
        var pop = PopulationModel.FromSyntax("f =~ 0.8*x1 + 0.7*x2 + 0.6*x3", standardized: true);
        var d1 = pop.Sample(20000, 11);
        var d2 = pop.Sample(20000, 11);
        Assert.Equal(d1["x1"].Values.ToArray(), d2["x1"].Values.ToArray());
        var x1 = d1["x1"].Values.ToArray();
        var x2 = d1["x2"].Values.ToArray();
        double m1 = x1.Average(), m2 = x2.Average();
        double c12 = x1.Zip(x2).Sum(t => (t.First - m1) * (t.Second - m2)) / x1.Length;
        // population covariance 0.8·0.7 = 0.56; sampling SD with N = 20000 is about 0.008
        Assert.InRange(c12, 0.56 - 0.03, 0.56 + 0.03);
    }

    [Fact]
    public void Likert_cut_gives_five_categories_at_the_design_thresholds()
    {
        var pop = PopulationModel.FromSyntax("f =~ 0.8*x1 + 0.7*x2", standardized: true);
        var data = Likert.Cut(pop.Sample(5000, 3), [-1.5, -0.5, 0.5, 1.5]);
        var x1 = data["x1"].Values.ToArray();
        Assert.All(x1, v => Assert.InRange(v, 1, 5));
        Assert.Equal(5, x1.Distinct().Count());
        // P(z ≤ −1.5) = 0.0668 for a standard normal: the share of category 1
        double share = x1.Count(v => v == 1) / (double)x1.Length;
        Assert.InRange(share, 0.0668 - 0.015, 0.0668 + 0.015);
    }

    [Fact]
    public void Impossible_standardized_values_are_reported()
    {
        var ex = Assert.Throws<SemLibException>(() => PopulationModel.FromSyntax("f =~ 1.2*x1 + 0.5*x2", standardized: true));
        Assert.Contains("x1", ex.Message);
    }
}
