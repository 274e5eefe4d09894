using System.Text.Json;
using SemLib.Data.Ordinal;
using SemLib.Tests.Support;

namespace SemLib.Tests.Data.Ordinal;

/// <summary>Genz's bivariate normal CDF against R (Reference/ordinal-stats/bvn.json: integrate() with rel.tol 2e-14,
/// cross-checked in the script against mvtnorm::pmvnorm).</summary>
public class BivariateNormalTests
{
    [Fact]
    public void Cdf_agrees_with_R_to_1e_12()
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "ordinal-stats", "bvn.json"))).RootElement;
        double[] Get(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] h = Get("h"), k = Get("k"), r = Get("r"), p = Get("p");
        Assert.True(h.Length > 700);
        var bad = new List<string>();
        for (int i = 0; i < h.Length; i++)
        {
            double mine = BivariateNormal.Cdf(h[i], k[i], r[i]);
            if (!(Math.Abs(mine - p[i]) <= 1e-12)) bad.Add($"Φ₂({h[i]}, {k[i]}; {r[i]}) = {mine:R}, R {p[i]:R}");
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad.Take(20)));
    }

    [Theory]
    [InlineData(0.3, -0.7, 0.5)]
    [InlineData(1.2, 0.4, -0.95)]
    [InlineData(-0.2, 0.9, 0.97)]
    public void Derivative_in_r_is_the_density(double h, double k, double r)
    {
        // Plackett's identity ∂Φ₂/∂r = φ₂(h, k; r), checked by a central difference.
        const double e = 1e-5;
        double numeric = (BivariateNormal.Cdf(h, k, r + e) - BivariateNormal.Cdf(h, k, r - e)) / (2 * e);
        Assert.Equal(BivariateNormal.Density(h, k, r), numeric, 1e-8);
    }

    [Fact]
    public void Infinite_limits_reduce_to_the_univariate_cdf()
    {
        Assert.Equal(0, BivariateNormal.Cdf(double.NegativeInfinity, 1, 0.4));
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, 0.7), BivariateNormal.Cdf(double.PositiveInfinity, 0.7, -0.3), 15);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, -0.2), BivariateNormal.Cdf(-0.2, double.PositiveInfinity, 0.99), 15);
        // r = ±1: Φ(min(h, k)) and max(0, Φ(h) − Φ(−k)).
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, 0.3), BivariateNormal.Cdf(0.3, 0.8, 1), 12);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, 0.3) - MathNet.Numerics.Distributions.Normal.CDF(0, 1, -0.8), BivariateNormal.Cdf(0.3, 0.8, -1), 12);
    }
}
