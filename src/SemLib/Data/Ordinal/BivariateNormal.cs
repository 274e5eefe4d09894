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
    private static readonly double[][] Nodes = [.. new[] { 6, 12, 20 }.Select(n => new GaussLegendreRule(-1, 1, n).Abscissas.ToArray())];
    private static readonly double[][] Weights = [.. new[] { 6, 12, 20 }.Select(n => new GaussLegendreRule(-1, 1, n).Weights.ToArray())];

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
    public static double Cdf(double h, double k, double r) => new Evaluator(r).Cdf(h, k);

    /// <summary>
    /// Φ₂(·, ·; r) for one correlation r at many points: what depends on r alone (the quadrature nodes mapped through
    /// sin or √(1 − r²)) is computed once, so a table of cells costs one exponential per node and point.
    /// </summary>
    internal sealed class Evaluator
    {
        private readonly double[] _w = new double[20], _a = new double[20], _b = new double[20];
        private int _order;
        private double _r, _asr, _as, _sqrtAs;

        /// <summary>An evaluator for correlation r.</summary>
        public Evaluator(double r) => Reset(r);

        /// <summary>The correlation.</summary>
        public double R => _r;

        /// <summary>Switches to correlation r.</summary>
        public void Reset(double r)
        {
            _r = r;
            double ar = Math.Abs(r);
            int g = ar < 0.3 ? 0 : ar < 0.75 ? 1 : 2;
            var x = Nodes[g];
            var w = Weights[g];
            _order = x.Length;
            if (ar < 0.925)
            {
                // Plackett: node i contributes wᵢ exp((snᵢ hk − (h² + k²)/2) / (1 − snᵢ²)), snᵢ = sin(asr (xᵢ + 1)/2).
                _asr = Math.Asin(r);
                for (int i = 0; i < _order; i++)
                {
                    double sn = Math.Sin(_asr * (x[i] + 1) / 2);
                    _w[i] = w[i];
                    _a[i] = sn;
                    _b[i] = 1 / (1 - sn * sn);
                }
                return;
            }
            _as = (1 - r) * (1 + r);
            _sqrtAs = Math.Sqrt(_as);
            double a = _sqrtAs / 2;
            for (int i = 0; i < _order; i++)
            {
                double xs = a * (x[i] + 1);
                xs *= xs;
                _w[i] = a * w[i];
                _a[i] = xs;
                _b[i] = Math.Sqrt(1 - xs);
            }
        }

        /// <summary>P(X &lt; h, Y &lt; k); h, k may be ±∞.</summary>
        public double Cdf(double h, double k)
        {
            if (double.IsNaN(h) || double.IsNaN(k) || double.IsNaN(_r)) return double.NaN;
            if (double.IsNegativeInfinity(h) || double.IsNegativeInfinity(k)) return 0;
            if (double.IsPositiveInfinity(h)) return Phi(k);
            if (double.IsPositiveInfinity(k)) return Phi(h);
            return Cdf(h, k, Phi(h), Phi(k));
        }

        /// <summary>P(X &lt; h, Y &lt; k) for finite h, k, given Φ(h) and Φ(k).</summary>
        public double Cdf(double h, double k, double phiH, double phiK)
        {
            // BVND computes the upper orthant P(X > dh, Y > dk) with dh = −h, dk = −k.
            double dh = -h, dk = -k, hk = dh * dk, bvn = 0;
            if (Math.Abs(_r) < 0.925)
            {
                double hs = (dh * dh + dk * dk) / 2;
                for (int i = 0; i < _order; i++) bvn += _w[i] * Math.Exp((_a[i] * hk - hs) * _b[i]);
                return bvn * _asr / (2 * TwoPi) + phiH * phiK;
            }
            if (_r < 0)
            {
                dk = -dk;
                hk = -hk;
            }
            if (Math.Abs(_r) < 1)
            {
                double As = _as, a = _sqrtAs, bs = (dh - dk) * (dh - dk);
                double c = (4 - hk) / 8, d = (12 - hk) / 16;
                bvn = a * Math.Exp(-(bs / As + hk) / 2) * (1 - c * (bs - As) * (1 - d * bs / 5) / 3 + c * d * As * As / 5);
                if (hk > -160)
                {
                    double b = Math.Sqrt(bs);
                    bvn -= Math.Exp(-hk / 2) * Math.Sqrt(TwoPi) * Phi(-b / a) * b * (1 - c * bs * (1 - d * bs / 5) / 3);
                }
                for (int i = 0; i < _order; i++)
                {
                    double xs = _a[i], rs = _b[i], asr = -(bs / xs + hk) / 2;
                    if (asr > -100)
                        bvn += _w[i] * Math.Exp(asr) * (Math.Exp(-hk * xs / (2 * (1 + rs) * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
                }
                bvn = -bvn / TwoPi;
            }
            // Φ(−max(dh, dk)) = Φ(min(h, ±k)); with r < 0, dk was negated.
            if (_r > 0) return bvn + (dh >= dk ? phiH : phiK);
            bvn = -bvn;
            if (dk > dh) bvn += dh < 0 ? Phi(dk) - Phi(dh) : phiH - Phi(-dk);
            return bvn;
        }
    }
}
