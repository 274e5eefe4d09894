namespace SemLib.Data.Ordinal;

/// <summary>
/// Stage two and the pair's share of stage three for one pair of variables (i, j), i after j: the correlation, and —
/// when Γ is wanted — the pair's column of influence values zᵢ = (s_ρ − A₂₁ z_univariate) / A₂₂, mapped to the
/// covariance scale for continuous variables, written into its own column of the shared matrix.
/// With missing cells (lavaan's <c>missing = "pairwise"</c>) the correlation comes from the rows observing both
/// variables, and a row observing one of them gets the influence −A₂₁ z_univariate / A₂₂ of that one alone.
/// </summary>
internal static class PairStatistics
{
    /// <summary>What every pair reads: the variables, the univariate fits and influences, and the influence matrix.</summary>
    internal sealed record Context(IReadOnlyList<StatisticsVariable> Variables, UnivariateOrdinal?[] Univariate, double[] Means,
        double[] Variances, double[][] Thresholds, int[] ThresholdStart, double[][][] OrdinalInfluence, double[][] MeanInfluence,
        double[][] VarianceInfluence, double[]? Z, int Stride);

    /// <summary>The pair's correlation, whether its table has an empty cell, and a warning.</summary>
    /// <summary>
    /// A pair's correlation, whether its table has empty cells, a warning, and A₂₂ (the sum of its squared correlation
    /// scores, NaN without Γ; for a polychoric pair its influence column is A₂₂⁻¹ times the rest, <see cref="Polychoric"/>).
    /// </summary>
    internal readonly record struct Result(double Rho, bool EmptyCells, string? Warning, double A22 = double.NaN, bool Polychoric = false);

    /// <summary>Computes the pair (i, j) and, with an influence matrix, fills its column <paramref name="column"/>.</summary>
    public static Result Compute(Context c, int i, int j, int column)
    {
        bool oi = c.Variables[i].IsOrdered, oj = c.Variables[j].IsOrdered;
        if (oi && oj) return Polychoric(c, i, j, column);
        if (oi != oj) return oi ? Polyserial(c, j, i, column) : Polyserial(c, i, j, column);
        return Pearson(c, i, j, column);
    }

    private static Result Polychoric(Context c, int i, int j, int column)
    {
        var ci = c.Variables[i].Codes!;
        var cj = c.Variables[j].Codes!;
        double[] ti = c.Thresholds[i], tj = c.Thresholds[j];
        int ki = ti.Length + 1, kj = tj.Length + 1, n = ci.Length, cells = ki * kj;
        var f = new double[cells];
        for (int r = 0; r < n; r++)
            if (ci[r] >= 0 && cj[r] >= 0) f[ci[r] * kj + cj[r]]++;
        bool empty = f.Contains(0);
        double rho = PolychoricPair.Fit(f, ti, tj, out string? warning);
        if (c.Z is null) return new Result(rho, empty, warning);

        var rs = new double[cells];
        var u1 = new double[cells]; var l1 = new double[cells];
        var u2 = new double[cells]; var l2 = new double[cells];
        PolychoricPair.CellScores(ti, tj, rho, rs, u1, l1, u2, l2);
        var a21i = new double[ti.Length];
        var a21j = new double[tj.Length];
        double a22 = 0;
        for (int a = 0; a < ki; a++)
            for (int b = 0; b < kj; b++)
            {
                int cell = a * kj + b;
                double w = f[cell] * rs[cell];
                if (w == 0) continue;
                a22 += w * rs[cell];
                if (a < ti.Length) a21i[a] += w * u1[cell];
                if (a > 0) a21i[a - 1] += w * l1[cell];
                if (b < tj.Length) a21j[b] += w * u2[cell];
                if (b > 0) a21j[b - 1] += w * l2[cell];
            }
        if (!(a22 > 0))
        {
            c.Z.AsSpan(column * c.Stride, n).Clear();
            return new Result(rho, empty, Join(warning, "the scores of the correlation are all zero; its row of Gamma is zero"), 0, true);
        }
        var zi = c.OrdinalInfluence[i];
        var zj = c.OrdinalInfluence[j];
        // A₂₁ z_univariate of a row depends on its category of each variable only.
        var ui = new double[ki];
        var uj = new double[kj];
        for (int a = 0; a < ki; a++)
            for (int k = 0; k < ti.Length; k++) ui[a] += a21i[k] * zi[a][k];
        for (int b = 0; b < kj; b++)
            for (int k = 0; k < tj.Length; k++) uj[b] += a21j[k] * zj[b][k];
        var zCell = new double[cells];
        for (int a = 0; a < ki; a++)
            for (int b = 0; b < kj; b++) zCell[a * kj + b] = (rs[a * kj + b] - ui[a] - uj[b]) / a22;
        var col = c.Z.AsSpan(column * c.Stride, n);
        for (int r = 0; r < n; r++)
        {
            int a = ci[r], b = cj[r];
            col[r] = a >= 0 && b >= 0 ? zCell[a * kj + b] : a >= 0 ? -ui[a] / a22 : b >= 0 ? -uj[b] / a22 : 0;
        }
        return new Result(rho, empty, warning, a22, true);
    }

    /// <summary>Continuous variable <paramref name="y"/> with ordered variable <paramref name="o"/>.</summary>
    private static Result Polyserial(Context c, int y, int o, int column)
    {
        var allValues = c.Variables[y].Values!;
        var allCodes = c.Variables[o].Codes!;
        var th = c.Thresholds[o];
        int n = allValues.Length;
        // The rows observing both (all rows without missing cells).
        var both = new List<int>(n);
        for (int r = 0; r < n; r++)
            if (allCodes[r] >= 0 && !double.IsNaN(allValues[r])) both.Add(r);
        bool complete = both.Count == n;
        var values = complete ? allValues : both.Select(r => allValues[r]).ToArray();
        var codes = complete ? allCodes : both.Select(r => allCodes[r]).ToArray();
        int m = values.Length;
        var pair = new PolyserialPair(values, c.Means[y], c.Variances[y], codes, th);
        double rho = pair.Fit(out string? warning);
        if (c.Z is null) return new Result(rho, false, warning);

        var sMean = new double[m]; var sVar = new double[m]; var sRho = new double[m];
        var up = new double[m]; var lo = new double[m];
        pair.Scores(rho, sMean, sVar, sRho, up, lo);
        double a22 = 0, aMean = 0, aVar = 0;
        var aTh = new double[th.Length];
        for (int r = 0; r < m; r++)
        {
            double s = sRho[r];
            a22 += s * s; aMean += s * sMean[r]; aVar += s * sVar[r];
            int b = codes[r];
            if (b < th.Length) aTh[b] += s * up[r];
            if (b > 0) aTh[b - 1] += s * lo[r];
        }
        var zo = c.OrdinalInfluence[o];
        var zm = c.MeanInfluence[y];
        var zv = c.VarianceInfluence[y];
        // A₂₁ z_univariate of the ordered variable by category.
        var uo = new double[th.Length + 1];
        for (int b = 0; b < uo.Length; b++)
            for (int k = 0; k < th.Length; k++) uo[b] += aTh[k] * zo[b][k];
        double sd = Math.Sqrt(c.Variances[y]);
        var col = c.Z.AsSpan(column * c.Stride, n);
        for (int r = 0, q = 0; r < n; r++)
        {
            // zm, zv are zero where y is missing; the correlation's score is zero unless both are observed.
            double v = -aMean * zm[r] - aVar * zv[r];
            if (allCodes[r] >= 0) v -= uo[allCodes[r]];
            if (q < m && (complete ? q == r : both[q] == r)) v += sRho[q++];
            // Covariance σ_y ρ: ∂/∂ρ = σ_y, ∂/∂σ²_y = ρ/(2σ_y).
            col[r] = sd * (v / a22) + rho / (2 * sd) * zv[r];
        }
        return new Result(rho, false, warning);
    }

    /// <summary>
    /// Two continuous variables: the Pearson correlation (lavaan's bivariate-normal ML with complete data); with missing
    /// cells the bivariate-normal ML in ρ over the rows observing both, means and variances fixed at their univariate
    /// values (lavaan's <c>lav_bvreg_cor_twostep_fit</c>: not the pairwise Pearson r).
    /// </summary>
    private static Result Pearson(Context c, int i, int j, int column)
    {
        double[] yi = c.Variables[i].Values!, yj = c.Variables[j].Values!;
        int n = yi.Length;
        double mi = c.Means[i], mj = c.Means[j], vi = c.Variances[i], vj = c.Variances[j];
        double si = Math.Sqrt(vi), sj = Math.Sqrt(vj), cov = 0;
        bool complete = true;
        for (int r = 0; r < n && complete; r++) complete = !double.IsNaN(yi[r]) && !double.IsNaN(yj[r]);
        double rho;
        string? warning = null;
        if (complete)
        {
            for (int r = 0; r < n; r++) cov += (yi[r] - mi) * (yj[r] - mj);
            rho = cov / n / (si * sj);
        }
        else
        {
            rho = PairwiseNormalCorrelation(yi, yj, mi, mj, si, sj, out bool converged);
            if (!converged) warning = "the estimation of the correlation did not converge";
        }
        if (c.Z is null) return new Result(rho, false, warning);

        double R = 1 - rho * rho;
        var sRho = new double[n];
        var s = new double[4][];
        for (int k = 0; k < 4; k++) s[k] = new double[n];
        var a21 = new double[4];
        double a22 = 0;
        for (int r = 0; r < n; r++)
        {
            if (double.IsNaN(yi[r]) || double.IsNaN(yj[r])) continue; // missing: zero scores
            double e1 = yi[r] - mi, e2 = yj[r] - mj;
            s[0][r] = (2 * e1 / vi - 2 * rho * e2 / (si * sj)) / (2 * R);
            s[1][r] = -(2 * rho * e1 / (si * sj) - 2 * e2 / vj) / (2 * R);
            s[2][r] = -(0.5 / vi - (e1 * e1 / (vi * vi) - rho * e1 * e2 / (vi * si * sj)) / (2 * R));
            s[3][r] = -(0.5 / vj + (rho * e1 * e2 / (vj * si * sj) - e2 * e2 / (vj * vj)) / (2 * R));
            double q = e1 * e1 / vi - 2 * rho * e1 * e2 / (si * sj) + e2 * e2 / vj;
            sRho[r] = rho / R + (e1 * e2 / (si * sj * R) - q * rho / (R * R));
            a22 += sRho[r] * sRho[r];
            for (int k = 0; k < 4; k++) a21[k] += sRho[r] * s[k][r];
        }
        double[][] z = [c.MeanInfluence[i], c.MeanInfluence[j], c.VarianceInfluence[i], c.VarianceInfluence[j]];
        var col = c.Z.AsSpan(column * c.Stride, n);
        for (int r = 0; r < n; r++)
        {
            double v = sRho[r];
            for (int k = 0; k < 4; k++) v -= a21[k] * z[k][r];
            // Covariance σᵢσⱼρ: ∂/∂ρ = σᵢσⱼ, ∂/∂σ²ᵢ = σⱼρ/(2σᵢ), ∂/∂σ²ⱼ = σᵢρ/(2σⱼ).
            col[r] = si * sj * (v / a22) + sj * rho / (2 * si) * z[2][r] + si * rho / (2 * sj) * z[3][r];
        }
        return new Result(rho, false, warning);
    }

    /// <summary>
    /// argmax over ρ ∈ [−0.999, 0.999] of Σ log φ₂(zᵢ, zⱼ; ρ) over the rows observing both, zᵢ = (yᵢ − μᵢ)/σᵢ with the
    /// univariate μ, σ fixed; rows whose likelihood is below √ε leave the sum (as in lavaan). Start: the pairwise r.
    /// </summary>
    private static double PairwiseNormalCorrelation(double[] yi, double[] yj, double mi, double mj, double si, double sj, out bool converged)
    {
        var z1 = new List<double>();
        var z2 = new List<double>();
        for (int r = 0; r < yi.Length; r++)
            if (!double.IsNaN(yi[r]) && !double.IsNaN(yj[r])) { z1.Add((yi[r] - mi) / si); z2.Add((yj[r] - mj) / sj); }
        int m = z1.Count;
        double a1 = z1.Average(), a2 = z2.Average(), s11 = 0, s22 = 0, s12 = 0;
        for (int r = 0; r < m; r++)
        {
            s11 += (z1[r] - a1) * (z1[r] - a1); s22 += (z2[r] - a2) * (z2[r] - a2); s12 += (z1[r] - a1) * (z2[r] - a2);
        }
        double start = s12 / Math.Sqrt(s11 * s22);
        if (!double.IsFinite(start) || Math.Abs(start) >= 1) start = 0;
        double floor = Math.Sqrt(2.220446049250313e-16), norm = 1 / (2 * Math.PI * si * sj);
        double Gradient(double rho)
        {
            double R = 1 - rho * rho, g = 0;
            for (int r = 0; r < m; r++)
            {
                double q = z1[r] * z1[r] - 2 * rho * z1[r] * z2[r] + z2[r] * z2[r];
                if (norm / Math.Sqrt(R) * Math.Exp(-q / (2 * R)) < floor) continue;
                g += rho / R + z1[r] * z2[r] / R - q * rho / (R * R);
            }
            return g;
        }
        const double Bound = 0.999;
        return CorrelationSearch.Maximize(rho =>
        {
            const double h = 1e-6;
            double lo = Math.Max(rho - h, -0.9999999), hi = Math.Min(rho + h, 0.9999999);
            return (double.NaN, Gradient(rho), (Gradient(hi) - Gradient(lo)) / (hi - lo));
        }, start, -Bound, Bound, out converged);
    }

    private static string Join(string? a, string b) => a is null ? b : a + "; " + b;
}
