namespace SemLib.Data.Ordinal;

/// <summary>
/// Step two for two ordered variables (lavaan's <c>lav_bvord_cor_twostep_fit</c> and <c>lav_bvord_cor_scores</c>
/// without covariates): the polychoric correlation ρ maximising Σₐᵦ fₐᵦ log πₐᵦ(ρ) over the K₁×K₂ contingency table
/// with both variables' thresholds fixed at their step-one values, πₐᵦ the bivariate normal probability of cell (a, b);
/// and the casewise scores, which depend on the row's cell only.
/// <para>
/// Empty cells, as lavaan 0.6.14 treats them (its defaults zero.add = c(0.5, 0), zero.keep.margins = TRUE): a table
/// larger than 2×2 gets nothing added (an empty cell contributes 0·log π = 0); a 2×2 table with one empty cell has 0.5
/// moved into it and the opposite corner and taken from the other two, so the margins stay; a 2×2 table with two
/// empty cells gives ρ = ±1 with a warning; a 2×2 table with f₁₁f₂₂ = f₁₂f₂₁ gives 0; with both thresholds 0,
/// −cos(2π f₁₁/N). Cell probabilities are floored at √ε and cells at the floor leave the derivatives, as in lavaan;
/// the search is bounded to [−0.999, 0.999]. The adjusted table only serves the estimate of ρ: the scores are those of
/// the observed rows.
/// </para>
/// </summary>
internal static class PolychoricPair
{
    private static readonly double Floor = Math.Sqrt(2.220446049250313e-16);

    /// <summary>The ρ bound of the search (lavaan's nlminb bounds).</summary>
    public const double Bound = 0.999;

    /// <summary>
    /// The two-step polychoric correlation of a table (row-major K₁×K₂ counts, rows = categories of the first variable).
    /// </summary>
    /// <param name="counts">The observed table.</param>
    /// <param name="t1">Thresholds of the first variable (K₁ − 1).</param>
    /// <param name="t2">Thresholds of the second variable (K₂ − 1).</param>
    /// <param name="warning">A warning about the table or the search, or null.</param>
    public static double Fit(ReadOnlySpan<double> counts, double[] t1, double[] t2, out string? warning)
    {
        warning = null;
        int k1 = t1.Length + 1, k2 = t2.Length + 1;
        var f = counts.ToArray();
        if (k1 == 2 && k2 == 2)
        {
            int zeros = 0, zeroAt = -1;
            for (int c = 0; c < 4; c++)
                if (f[c] == 0) { zeros++; zeroAt = c; }
            if (zeros == 2)
            {
                warning = "two empty cells in the 2×2 table";
                return f[0] > 0 ? 1 : -1;
            }
            if (zeros == 1)
            {
                // Row-major cells 0 = (1,1), 1 = (1,2), 2 = (2,1), 3 = (2,2): an empty diagonal cell moves 0.5 onto the diagonal.
                double d = zeroAt is 0 or 3 ? 0.5 : -0.5;
                f[0] += d; f[3] += d; f[1] -= d; f[2] -= d;
            }
            if (f[0] * f[3] == f[1] * f[2]) return 0;
            if (t1[0] == 0 && t2[0] == 0) return -Math.Cos(2 * Math.PI * f[0] / (f[0] + f[1] + f[2] + f[3]));
        }
        var grid = new Grid(t1, t2);
        double rho = CorrelationSearch.Maximize(r => grid.Derivatives(f, r), PearsonOfCodes(f, k1, k2), -Bound, Bound, out bool converged);
        if (!converged) warning = "the estimation of the polychoric correlation did not converge";
        return rho;
    }

    /// <summary>The correlation of the category codes, lavaan's start value.</summary>
    private static double PearsonOfCodes(double[] f, int k1, int k2)
    {
        double n = 0, s1 = 0, s2 = 0, s11 = 0, s22 = 0, s12 = 0;
        for (int a = 0; a < k1; a++)
            for (int b = 0; b < k2; b++)
            {
                double w = f[a * k2 + b];
                n += w; s1 += w * a; s2 += w * b; s11 += w * a * a; s22 += w * b * b; s12 += w * a * b;
            }
        double c12 = s12 - s1 * s2 / n, c11 = s11 - s1 * s1 / n, c22 = s22 - s2 * s2 / n;
        double r = c12 / Math.Sqrt(c11 * c22);
        return double.IsFinite(r) && Math.Abs(r) < 1 ? r : 0;
    }

    /// <summary>
    /// The casewise scores of a row in cell (a, b) at ρ: ∂ log πₐᵦ / ∂ρ into <paramref name="rho"/>[a·K₂ + b]; the
    /// threshold scores of the first variable, nonzero only for τ₁ₐ (<paramref name="upper1"/>) and τ₁,ₐ₋₁
    /// (<paramref name="lower1"/>, already negated), and likewise for the second. A cell whose probability is at the
    /// floor √ε gets zero scores (lavaan's NA, left out of its sums).
    /// </summary>
    public static void CellScores(double[] t1, double[] t2, double rho, Span<double> rhoScore,
        Span<double> upper1, Span<double> lower1, Span<double> upper2, Span<double> lower2)
    {
        int k1 = t1.Length + 1, k2 = t2.Length + 1;
        var grid = new Grid(t1, t2);
        grid.Evaluate(rho, withCurvature: false);
        double r = Math.Sqrt(1 - rho * rho);
        for (int a = 0; a < k1; a++)
        {
            double u1 = a < t1.Length ? t1[a] : double.PositiveInfinity, l1 = a > 0 ? t1[a - 1] : double.NegativeInfinity;
            for (int b = 0; b < k2; b++)
            {
                int c = a * k2 + b;
                double lik = grid.Pi[c];
                if (lik <= Floor)
                {
                    rhoScore[c] = upper1[c] = lower1[c] = upper2[c] = lower2[c] = 0;
                    continue;
                }
                double u2 = b < t2.Length ? t2[b] : double.PositiveInfinity, l2 = b > 0 ? t2[b - 1] : double.NegativeInfinity;
                rhoScore[c] = grid.Phi[c] / lik;
                upper1[c] = Edge(u1, u2, l2, rho, r) / lik;
                lower1[c] = -Edge(l1, u2, l2, rho, r) / lik;
                upper2[c] = Edge(u2, u1, l1, rho, r) / lik;
                lower2[c] = -Edge(l2, u1, l1, rho, r) / lik;
            }
        }
    }

    /// <summary>∂/∂x of P(X &lt; x, other ∈ (lo, hi)) = φ(x)[Φ((hi − ρx)/R) − Φ((lo − ρx)/R)]; 0 at x = ±∞.</summary>
    private static double Edge(double x, double hi, double lo, double rho, double r)
    {
        if (double.IsInfinity(x)) return 0;
        return BivariateNormal.Density(x) * (BivariateNormal.Phi((hi - rho * x) / r) - BivariateNormal.Phi((lo - rho * x) / r));
    }

    /// <summary>Cell probabilities π, their derivatives φ = ∂π/∂ρ and curvatures ∂²π/∂ρ² on the table's grid.</summary>
    private sealed class Grid
    {
        private readonly double[] _t1, _t2;
        private readonly int _k1, _k2;
        private readonly double[] _cdf, _density, _curve, _phi1, _phi2;
        private readonly BivariateNormal.Evaluator _evaluator = new(0);

        public Grid(double[] t1, double[] t2)
        {
            _t1 = t1;
            _t2 = t2;
            _k1 = t1.Length + 1;
            _k2 = t2.Length + 1;
            _cdf = new double[(_k1 + 1) * (_k2 + 1)];
            _density = new double[(_k1 + 1) * (_k2 + 1)];
            _curve = new double[(_k1 + 1) * (_k2 + 1)];
            Pi = new double[_k1 * _k2];
            Phi = new double[_k1 * _k2];
            Curvature = new double[_k1 * _k2];
            _phi1 = new double[_k1 + 1];
            _phi2 = new double[_k2 + 1];
            for (int i = 0; i <= _k1; i++) _phi1[i] = BivariateNormal.Phi(Bound(t1, i));
            for (int j = 0; j <= _k2; j++) _phi2[j] = BivariateNormal.Phi(Bound(t2, j));
        }

        public double[] Pi { get; }
        public double[] Phi { get; }
        public double[] Curvature { get; }

        private static double Bound(double[] t, int i) => i == 0 ? double.NegativeInfinity : i > t.Length ? double.PositiveInfinity : t[i - 1];

        public void Evaluate(double rho, bool withCurvature)
        {
            int w = _k2 + 1;
            double s = 1 - rho * rho;
            _evaluator.Reset(rho);
            for (int i = 0; i <= _k1; i++)
            {
                double u = Bound(_t1, i);
                for (int j = 0; j <= _k2; j++)
                {
                    double v = Bound(_t2, j);
                    _cdf[i * w + j] = i == 0 || j == 0 ? 0 : i == _k1 ? _phi2[j] : j == _k2 ? _phi1[i] : _evaluator.Cdf(u, v, _phi1[i], _phi2[j]);
                    double d = BivariateNormal.Density(u, v, rho);
                    _density[i * w + j] = d;
                    // ∂φ₂/∂ρ = φ₂ · (uv(1−ρ²) − ρ(u² − 2ρuv + v²) + ρ(1−ρ²)) / (1−ρ²)²
                    if (withCurvature)
                        _curve[i * w + j] = d == 0 ? 0 : d * (u * v * s - rho * (u * u - 2 * rho * u * v + v * v) + rho * s) / (s * s);
                }
            }
            for (int a = 0; a < _k1; a++)
                for (int b = 0; b < _k2; b++)
                {
                    int c = a * _k2 + b, p = a * w + b;
                    double pi = _cdf[p + w + 1] - _cdf[p + 1] - _cdf[p + w] + _cdf[p];
                    Pi[c] = pi < Floor ? Floor : pi;
                    Phi[c] = _density[p + w + 1] - _density[p + 1] - _density[p + w] + _density[p];
                    if (withCurvature) Curvature[c] = _curve[p + w + 1] - _curve[p + 1] - _curve[p + w] + _curve[p];
                }
        }

        /// <summary>Σ f log π (π floored, as lavaan's objective) and its first two derivatives in ρ.</summary>
        public (double, double, double) Derivatives(double[] f, double rho)
        {
            Evaluate(rho, withCurvature: true);
            double ll = 0, g = 0, h = 0;
            for (int c = 0; c < f.Length; c++)
            {
                if (f[c] == 0) continue;
                ll += f[c] * Math.Log(Pi[c]);
                if (Pi[c] <= Floor) continue;
                g += f[c] * Phi[c] / Pi[c];
                h += f[c] * (Curvature[c] / Pi[c] - Phi[c] * Phi[c] / (Pi[c] * Pi[c]));
            }
            return (ll, g, h);
        }
    }
}
