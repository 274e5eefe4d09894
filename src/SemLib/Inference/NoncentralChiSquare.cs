using MathNet.Numerics;
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
        // Terms: Poisson weight w_j = e^{−λ/2}(λ/2)^j/j! times P(df/2 + j, x/2), the regularized lower incomplete
        // gamma. Both recur: w_{j+1} = w_j·(λ/2)/(j+1), and P(a+1, y) = P(a, y) − y^a e^{−y}/Γ(a+1) with
        // t_a = y^a e^{−y}/Γ(a+1) obeying t_{a+1} = t_a·y/(a+1); so one incomplete gamma per evaluation.
        double half = lambda / 2, y = x / 2;
        int mode = (int)Math.Floor(half);
        double a0 = df / 2 + mode;
        double logW0 = -half + mode * Math.Log(half) - SpecialFunctions.GammaLn(mode + 1);
        double p0 = SpecialFunctions.GammaLowerRegularized(a0, y);
        double logT0 = a0 * Math.Log(y) - y - SpecialFunctions.GammaLn(a0 + 1);
        double sum = 0;
        // upward from the mode
        double w = Math.Exp(logW0), p = p0, t = Math.Exp(logT0);
        for (int j = mode; j < mode + 1_000_000; j++)
        {
            sum += w * p;
            double a = df / 2 + j;
            p -= t;
            t *= y / (a + 1);
            w *= half / (j + 1);
            if (w < 1e-18 && j > mode + 10) break;
            if (p <= 0) break;
        }
        // downward from the mode
        w = Math.Exp(logW0);
        p = p0;
        double tPrev = Math.Exp(logT0); // t at a0; t at a0−1 is t·a0/y
        for (int j = mode - 1; j >= 0; j--)
        {
            double a = df / 2 + j;          // P(a, y) = P(a+1, y) + t_a, with t_a = t_{a+1}·(a+1)/y
            tPrev = tPrev * (a + 1) / y;
            p += tPrev;
            w *= (j + 1) / half;
            sum += w * Math.Min(p, 1);
            if (w < 1e-18 && j < mode - 10) break;
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
