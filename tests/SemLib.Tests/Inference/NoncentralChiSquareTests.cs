using SemLib.Inference;

namespace SemLib.Tests.Inference;

public sealed class NoncentralChiSquareTests
{
    /// <summary>Expected values: R 4.2.2 <c>pchisq(x, df, ncp)</c>.</summary>
    [Theory]
    [InlineData(85.3055, 24, 0, 0.999999991497378)]
    [InlineData(85.3055, 24, 30, 0.984852117585354)]
    [InlineData(85.3055, 24, 61.3, 0.522189227618972)]
    [InlineData(10, 3, 2.5, 0.870790125124994)]
    [InlineData(388.57, 362, 300, 2.20139566977625e-13)]
    [InlineData(0.5, 1, 0.1, 0.498981819686318)]
    [InlineData(50, 10, 100, 0.000267027221383675)]
    public void Cdf_matches_R(double x, double df, double ncp, double expected)
    {
        double actual = NoncentralChiSquare.Cdf(x, df, ncp);
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1e-6, expected) + 1e-15,
            $"pchisq({x}, {df}, ncp = {ncp}): R {expected:G15}, SemLib {actual:G15}");
    }

    /// <summary>R: <c>pchisq(4972.1, 4805, ncp = 5000)</c> underflows to 0; the series must not go negative or NaN.</summary>
    [Fact]
    public void Far_left_tail_is_zero_not_nan()
    {
        double v = NoncentralChiSquare.Cdf(4972.1, 4805, 5000);
        Assert.InRange(v, 0, 1e-12);
    }
}
