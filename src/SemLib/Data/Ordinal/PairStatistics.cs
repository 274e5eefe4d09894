namespace SemLib.Data.Ordinal;

/// <summary>
/// Stage two and the pair's share of stage three for one pair of variables (i, j), i after j: the correlation, and —
/// when Γ is wanted — the pair's column of influence values zᵢ = (s_ρ − A₂₁ z_univariate) / A₂₂, mapped to the
/// covariance scale for continuous variables, written into its own column of the shared matrix.
/// </summary>
internal static class PairStatistics
{
    /// <summary>What every pair reads: the variables, the univariate fits and influences, and the influence matrix.</summary>
    internal sealed record Context(IReadOnlyList<StatisticsVariable> Variables, UnivariateOrdinal?[] Univariate, double[] Means,
        double[] Variances, double[][] Thresholds, int[] ThresholdStart, double[][][] OrdinalInfluence, double[][] MeanInfluence,
        double[][] VarianceInfluence, double[]? Z, int Stride);

    /// <summary>The pair's correlation, whether its table has an empty cell, and a warning.</summary>
    internal readonly record struct Result(double Rho, bool EmptyCells, string? Warning);

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
        for (int r = 0; r < n; r++) f[ci[r] * kj + cj[r]]++;
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
            return new Result(rho, empty, Join(warning, "the scores of the correlation are all zero; its row of Gamma is zero"));
        }
        var zi = c.OrdinalInfluence[i];
        var zj = c.OrdinalInfluence[j];
        var zCell = new double[cells];
        for (int a = 0; a < ki; a++)
            for (int b = 0; b < kj; b++)
            {
                double v = rs[a * kj + b];
                for (int k = 0; k < ti.Length; k++) v -= a21i[k] * zi[a][k];
                for (int k = 0; k < tj.Length; k++) v -= a21j[k] * zj[b][k];
                zCell[a * kj + b] = v / a22;
            }
        var col = c.Z.AsSpan(column * c.Stride, n);
        for (int r = 0; r < n; r++) col[r] = zCell[ci[r] * kj + cj[r]];
        return new Result(rho, empty, warning);
    }

    /// <summary>Continuous variable <paramref name="y"/> with ordered variable <paramref name="o"/>.</summary>
    private static Result Polyserial(Context c, int y, int o, int column)
    {
        var values = c.Variables[y].Values!;
        var codes = c.Variables[o].Codes!;
        var th = c.Thresholds[o];
        int n = values.Length;
        var pair = new PolyserialPair(values, c.Means[y], c.Variances[y], codes, th);
        double rho = pair.Fit(out string? warning);
        if (c.Z is null) return new Result(rho, false, warning);

        var sMean = new double[n]; var sVar = new double[n]; var sRho = new double[n];
        var up = new double[n]; var lo = new double[n];
        pair.Scores(rho, sMean, sVar, sRho, up, lo);
        double a22 = 0, aMean = 0, aVar = 0;
        var aTh = new double[th.Length];
        for (int r = 0; r < n; r++)
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
        double sd = Math.Sqrt(c.Variances[y]);
        var col = c.Z.AsSpan(column * c.Stride, n);
        for (int r = 0; r < n; r++)
        {
            double v = sRho[r] - aMean * zm[r] - aVar * zv[r];
            var zb = zo[codes[r]];
            for (int k = 0; k < th.Length; k++) v -= aTh[k] * zb[k];
            // Covariance σ_y ρ: ∂/∂ρ = σ_y, ∂/∂σ²_y = ρ/(2σ_y).
            col[r] = sd * (v / a22) + rho / (2 * sd) * zv[r];
        }
        return new Result(rho, false, warning);
    }

    /// <summary>Two continuous variables: the Pearson correlation (lavaan's bivariate-normal ML with complete data).</summary>
    private static Result Pearson(Context c, int i, int j, int column)
    {
        double[] yi = c.Variables[i].Values!, yj = c.Variables[j].Values!;
        int n = yi.Length;
        double mi = c.Means[i], mj = c.Means[j], vi = c.Variances[i], vj = c.Variances[j];
        double si = Math.Sqrt(vi), sj = Math.Sqrt(vj), cov = 0;
        for (int r = 0; r < n; r++) cov += (yi[r] - mi) * (yj[r] - mj);
        double rho = cov / n / (si * sj);
        if (c.Z is null) return new Result(rho, false, null);

        double R = 1 - rho * rho;
        var sRho = new double[n];
        var s = new double[4][];
        for (int k = 0; k < 4; k++) s[k] = new double[n];
        var a21 = new double[4];
        double a22 = 0;
        for (int r = 0; r < n; r++)
        {
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
        return new Result(rho, false, null);
    }

    private static string Join(string? a, string b) => a is null ? b : a + "; " + b;
}
