using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;

namespace SemLib.Data.Ordinal;

/// <summary>
/// The standard bivariate normal distribution with correlation r: its lower-orthant probability
/// Φ₂(h, k; r) = P(X &lt; h, Y &lt; k) and its density φ₂(h, k; r). MathNet.Numerics (5.0) has no bivariate normal CDF.
/// <para>
/// The CDF is Alan Genz's BVND algorithm — A. Genz (2004), "Numerical computation of rectangular bivariate and
/// trivariate normal and t probabilities", Statistics and Computing 14, 251–260, §2.1 — which refines Drezner &amp;
/// Wesolowsky (1990), "On the computation of the bivariate normal integral", J. Statist. Comput. Simul. 35, 101–107:
/// for |r| &lt; 0.925 Gauss–Legendre quadrature (6, 12 or 20 points as |r| grows) of Plackett's formula
/// Φ₂ = Φ(h)Φ(k) + (1/2π) ∫₀^asin r exp(−(h² + k² − 2hk sin θ) / (2 cos²θ)) dθ; for |r| ≥ 0.925 the integral in
/// the variable √(1 − r²) with the singular part subtracted and integrated in closed form. Double precision
/// (absolute error about 1e-15). Written here from the paper's description; the abscissae and weights are computed by
/// MathNet's <see cref="GaussLegendreRule"/>, which is what the paper's tables hold.
/// </para>
/// Tested against R's integrate() (tests/SemLib.Tests/Reference/ordinal-stats/bvn.json).
/// </summary>
internal static class BivariateNormal
{
    private const double TwoPi = 2 * Math.PI;
    private static readonly GaussLegendreRule[] Rules = [new(-1, 1, 6), new(-1, 1, 12), new(-1, 1, 20)];

    /// <summary>Φ(x) of the standard normal, with Φ(−∞) = 0 and Φ(∞) = 1.</summary>
    public static double Phi(double x) =>
        double.IsPositiveInfinity(x) ? 1 : double.IsNegativeInfinity(x) ? 0 : Normal.CDF(0, 1, x);

    /// <summary>φ(x) of the standard normal, with φ(±∞) = 0.</summary>
    public static double Density(double x) => double.IsInfinity(x) ? 0 : Math.Exp(-0.5 * x * x) / Math.Sqrt(TwoPi);

    /// <summary>φ₂(h, k; r) = exp(−(h² − 2rhk + k²) / (2(1 − r²))) / (2π√(1 − r²)); zero when h or k is infinite.</summary>
    public static double Density(double h, double k, double r)
    {
        if (double.IsInfinity(h) || double.IsInfinity(k)) return 0;
        double s = 1 - r * r;
        return Math.Exp(-(h * h - 2 * r * h * k + k * k) / (2 * s)) / (TwoPi * Math.Sqrt(s));
    }

    /// <summary>P(X &lt; h, Y &lt; k) for standard normal X, Y with correlation r (|r| ≤ 1); h, k may be ±∞.</summary>
    public static double Cdf(double h, double k, double r)
    {
        if (double.IsNaN(h) || double.IsNaN(k) || double.IsNaN(r)) return double.NaN;
        if (double.IsNegativeInfinity(h) || double.IsNegativeInfinity(k)) return 0;
        if (double.IsPositiveInfinity(h)) return Phi(k);
        if (double.IsPositiveInfinity(k)) return Phi(h);
        // BVND computes the upper orthant P(X > dh, Y > dk); P(X < h, Y < k) = P(−X > −h, −Y > −k).
        return UpperOrthant(-h, -k, r);
    }

    private static double UpperOrthant(double dh, double dk, double r)
    {
        double ar = Math.Abs(r);
        var rule = ar < 0.3 ? Rules[0] : ar < 0.75 ? Rules[1] : Rules[2];
        double h = dh, k = dk, hk = h * k, bvn = 0;
        if (ar < 0.925)
        {
            double hs = (h * h + k * k) / 2, asr = Math.Asin(r);
            for (int i = 0; i < rule.Order; i++)
            {
                double sn = Math.Sin(asr * (rule.Abscissas[i] + 1) / 2);
                bvn += rule.Weights[i] * Math.Exp((sn * hk - hs) / (1 - sn * sn));
            }
            return bvn * asr / (2 * TwoPi) + Phi(-h) * Phi(-k);
        }
        if (r < 0)
        {
            k = -k;
            hk = -hk;
        }
        if (ar < 1)
        {
            double As = (1 - r) * (1 + r), a = Math.Sqrt(As), bs = (h - k) * (h - k);
            double c = (4 - hk) / 8, d = (12 - hk) / 16;
            bvn = a * Math.Exp(-(bs / As + hk) / 2) * (1 - c * (bs - As) * (1 - d * bs / 5) / 3 + c * d * As * As / 5);
            if (hk > -160)
            {
                double b = Math.Sqrt(bs);
                bvn -= Math.Exp(-hk / 2) * Math.Sqrt(TwoPi) * Phi(-b / a) * b * (1 - c * bs * (1 - d * bs / 5) / 3);
            }
            a /= 2;
            for (int i = 0; i < rule.Order; i++)
            {
                double xs = a * (rule.Abscissas[i] + 1);
                xs *= xs;
                double rs = Math.Sqrt(1 - xs), asr = -(bs / xs + hk) / 2;
                if (asr > -100)
                    bvn += a * rule.Weights[i] * Math.Exp(asr) * (Math.Exp(-hk * xs / (2 * (1 + rs) * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
            }
            bvn = -bvn / TwoPi;
        }
        if (r > 0) return bvn + Phi(-Math.Max(h, k));
        bvn = -bvn;
        if (k > h) bvn += h < 0 ? Phi(k) - Phi(h) : Phi(-h) - Phi(-k);
        return bvn;
    }
}
