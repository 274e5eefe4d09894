using MathNet.Numerics.LinearAlgebra;

namespace SemLib.Estimation;

/// <summary>
/// Start values of one factor measured by observed indicators: loadings, factor variance and residual variances,
/// in the metric the identification gives — the anchor's loading takes its fixed value (a marker) or the factor
/// variance its fixed value (std.lv). Both solutions are oriented by the anchor: its loading has the sign of its
/// fixed value (positive for std.lv), so a reverse-keyed marker turns the other loadings' signs with it instead of
/// starting every free loading with the wrong sign.
/// </summary>
internal static class FactorStarts
{
    /// <summary>Loadings, factor variance and residual variances of one factor.</summary>
    internal readonly record struct Solution(double[] Loadings, double Variance, double[] Residuals);

    /// <summary>
    /// Principal-axis one-factor solution of the indicators' correlations (squared multiple correlations as starting
    /// communalities, three iterations), scaled to the anchor.
    /// </summary>
    public static Solution PrincipalAxis(EstimationSample.Moments s, int[] idx, int anchor, double anchorValue, bool hasMarker, double fixedVariance)
    {
        var std = OneFactor(s, idx);
        if (std[anchor] * anchorValue < 0)
            for (int k = 0; k < std.Length; k++) std[k] = -std[k];
        double sdLv;
        if (hasMarker)
        {
            double sd = Math.Sqrt(Var(s, idx[anchor]));
            sdLv = Math.Max(Math.Abs(std[anchor] * sd / anchorValue), 1e-3);
        }
        else
        {
            sdLv = Math.Sqrt(fixedVariance);
        }
        var loadings = new double[idx.Length];
        var residuals = new double[idx.Length];
        for (int k = 0; k < idx.Length; k++)
        {
            double sd = Math.Sqrt(Var(s, idx[k]));
            loadings[k] = std[k] * sd / sdLv;
            residuals[k] = Math.Max(0.1, 1 - std[k] * std[k]) * sd * sd;
        }
        return new Solution(loadings, sdLv * sdLv, residuals);
    }

    /// <summary>
    /// Hägglund's (1982) FABIN 3: each free loading is the two-stage least-squares slope of its indicator on the
    /// anchor with the factor's other indicators as instruments, λ_j = v·(s_aIᵀ S_II⁻¹ s_Ij)/(s_aIᵀ S_II⁻¹ s_Ia), so its
    /// sign comes from the data relative to the anchor. Fixed loadings keep their values. The factor variance is
    /// the mean of s_ij/(λ_iλ_j) over indicator pairs, kept below every indicator's variance; residual variances are
    /// what the factor leaves (at least a tenth of the observed variance).
    /// </summary>
    public static Solution Fabin(EstimationSample.Moments s, int[] idx, int anchor, double anchorValue, bool hasMarker, double fixedVariance, double[] fixedLoadings)
    {
        int k = idx.Length;
        double v = anchorValue;
        var lambda = new double[k];
        double sAnchor = Var(s, idx[anchor]);
        for (int j = 0; j < k; j++)
        {
            if (j == anchor) { lambda[j] = v; continue; }
            if (hasMarker && !double.IsNaN(fixedLoadings[j])) { lambda[j] = fixedLoadings[j]; continue; }
            double sj = Var(s, idx[j]);
            double fallback = v * Cov(s, idx[j], idx[anchor]) / sAnchor;
            double l = k >= 3 ? InstrumentalSlope(s, idx, anchor, j) * v : double.NaN;
            double bound = 10 * Math.Abs(v) * Math.Sqrt(sj / sAnchor);
            lambda[j] = double.IsFinite(l) && Math.Abs(l) <= bound ? l : double.IsFinite(fallback) ? fallback : v;
        }

        double sum = 0;
        int count = 0;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
            {
                double denom = lambda[i] * lambda[j];
                if (Math.Abs(denom) < 1e-12) continue;
                double q = Cov(s, idx[i], idx[j]) / denom;
                if (!double.IsFinite(q)) continue;
                sum += q;
                count++;
            }
        double psi = count > 0 ? sum / count : double.NaN;
        double upper = double.PositiveInfinity;
        for (int j = 0; j < k; j++)
            if (lambda[j] != 0) upper = Math.Min(upper, 0.95 * Var(s, idx[j]) / (lambda[j] * lambda[j]));
        double fallbackPsi = 0.5 * sAnchor / (v * v);
        if (!(psi > 0) || !double.IsFinite(psi)) psi = Math.Min(fallbackPsi, upper);
        psi = Math.Min(psi, upper);
        if (!(psi > 0)) psi = fallbackPsi;

        if (!hasMarker)
        {
            // Rescale from the first indicator's metric to the fixed factor variance.
            double c = Math.Sqrt(psi / fixedVariance);
            for (int j = 0; j < k; j++) lambda[j] *= c;
            psi = fixedVariance;
        }
        var residuals = new double[k];
        for (int j = 0; j < k; j++)
        {
            double sj = Var(s, idx[j]);
            residuals[j] = Math.Max(0.1 * sj, sj - lambda[j] * lambda[j] * psi);
        }
        return new Solution(lambda, psi, residuals);
    }

    /// <summary>The 2SLS slope of indicator j on the anchor, instrumented by the factor's other indicators; NaN when not defined.</summary>
    private static double InstrumentalSlope(EstimationSample.Moments s, int[] idx, int anchor, int j)
    {
        var instruments = Enumerable.Range(0, idx.Length).Where(i => i != anchor && i != j).Select(i => idx[i]).ToArray();
        int m = instruments.Length;
        var sII = Matrix<double>.Build.Dense(m, m, (a, b) => Cov(s, instruments[a], instruments[b]));
        var sIa = Vector<double>.Build.Dense(m, a => Cov(s, instruments[a], idx[anchor]));
        var sIj = Vector<double>.Build.Dense(m, a => Cov(s, instruments[a], idx[j]));
        var chol = sII.Cholesky();
        if (!(chol.Determinant > 0)) return double.NaN;
        var w = chol.Solve(sIa);
        double den = w.DotProduct(sIa);
        if (!(Math.Abs(den) > 1e-10 * Var(s, idx[anchor]))) return double.NaN;
        return w.DotProduct(sIj) / den;
    }

    /// <summary>
    /// Standardized loadings of a one-factor model of the given variables by principal axis factoring with
    /// squared multiple correlations as starting communalities (three iterations are plenty for starts); the
    /// sign is arbitrary (the caller orients it).
    /// </summary>
    private static double[] OneFactor(EstimationSample.Moments s, int[] idx)
    {
        int k = idx.Length;
        var r = new double[k, k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                // A (nearly) constant indicator, as a skewed Likert cut can make in a simulated sample, has no
                // correlation: 0 keeps the eigen-decomposition defined.
                double rab = Cov(s, idx[a], idx[b]) / Math.Sqrt(Var(s, idx[a]) * Var(s, idx[b]));
                r[a, b] = a == b ? 1 : double.IsFinite(rab) ? Math.Clamp(rab, -1, 1) : 0;
            }
        var mat = Matrix<double>.Build.DenseOfArray(r);
        var h = new double[k];
        if (k >= 3)
        {
            try
            {
                var inv = mat.Inverse();
                for (int a = 0; a < k; a++) h[a] = double.IsFinite(inv[a, a]) ? Math.Clamp(1 - 1 / inv[a, a], 0.05, 0.995) : 0.5;
            }
            catch (ArgumentException)
            {
                for (int a = 0; a < k; a++) h[a] = 0.5;
            }
        }
        else
        {
            double c = Math.Abs(r[0, 1]);
            h[0] = h[1] = Math.Clamp(c, 0.05, 0.95);
        }
        var load = new double[k];
        for (int iter = 0; iter < 3; iter++)
        {
            var reduced = mat.Clone();
            for (int a = 0; a < k; a++) reduced[a, a] = h[a];
            var evd = reduced.Evd(Symmetricity.Symmetric);
            int top = 0;
            for (int a = 1; a < k; a++)
                if (evd.EigenValues[a].Real > evd.EigenValues[top].Real) top = a;
            double lambda = Math.Max(evd.EigenValues[top].Real, 1e-6);
            var vec = evd.EigenVectors.Column(top);
            for (int a = 0; a < k; a++)
            {
                load[a] = vec[a] * Math.Sqrt(lambda);
                h[a] = Math.Clamp(load[a] * load[a], 0.05, 0.995);
            }
        }
        for (int a = 0; a < k; a++)
        {
            load[a] = Math.Clamp(double.IsFinite(load[a]) ? load[a] : 0.5, -0.95, 0.95);
            if (Math.Abs(load[a]) < 0.1) load[a] = load[a] < 0 ? -0.1 : 0.1;
        }
        return load;
    }

    private static double Var(EstimationSample.Moments s, int i) => s.S[i * s.P + i];

    private static double Cov(EstimationSample.Moments s, int i, int j) => s.S[i * s.P + j];
}
