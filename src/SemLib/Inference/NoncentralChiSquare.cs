using MathNet.Numerics.Distributions;

namespace SemLib.Inference;

/// <summary>
/// The noncentral χ² distribution function, which MathNet.Numerics does not provide: the Poisson mixture
/// F(x; k, λ) = Σ_j e^{−λ/2}(λ/2)^j/j! · F_χ²(x; k + 2j), summed outward from the Poisson mode until the
/// remaining weight is negligible (Johnson, Kotz &amp; Balakrishnan 1995, ch. 29).
/// </summary>
internal static class NoncentralChiSquare
{
    public static double Cdf(double x, double df, double lambda)
    {
        if (x <= 0) return 0;
        if (lambda <= 0) return ChiSquared.CDF(df, x);
        double half = lambda / 2;
        int mode = (int)Math.Floor(half);
        double logPMode = -half + mode * Math.Log(half) - MathNet.Numerics.SpecialFunctions.GammaLn(mode + 1);
        double sum = 0, weight = 0;
        double p = Math.Exp(logPMode);
        for (int j = mode; j < mode + 100000; j++)
        {
            if (j > mode) p *= half / j;
            sum += p * ChiSquared.CDF(df + 2 * j, x);
            weight += p;
            if (p < 1e-17 && j > mode + 5) break;
        }
        p = Math.Exp(logPMode);
        for (int j = mode - 1; j >= 0; j--)
        {
            p *= (j + 1) / half;
            sum += p * ChiSquared.CDF(df + 2 * j, x);
            weight += p;
            if (p < 1e-17) break;
        }
        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>Root of a monotone function on [a, b] by Brent's method, to lavaan's uniroot accuracy or better.</summary>
    public static double FindRoot(Func<double, double> f, double a, double b)
    {
        try
        {
            return MathNet.Numerics.RootFinding.Brent.FindRoot(f, a, b, 1e-10, 200);
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            return double.NaN;
        }
    }
}
