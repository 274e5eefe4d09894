using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data.Ordinal;

namespace SemLib.Reliability;

/// <summary>
/// Polychoric correlations of a set of items as <c>psych::polychoric(x)</c> 2.2.9 computes them with its defaults
/// (<c>global = TRUE, correct = 0.5, smooth = TRUE</c>), which is what ordinal alpha is defined on. Written from
/// psych's documented behaviour and its definitions; it differs from lavaan's two-step estimator
/// (<see cref="OrdinalStatistics"/>) in these ways:
/// <list type="bullet">
/// <item>Codes: psych subtracts the lowest code of all the items (not of each item) and works with
/// k = (highest − lowest + 1) categories for every item; more than 8 is an error (psych's <c>max.cat</c>). A category no
/// row uses gets a repeated (or infinite) threshold and its cells, of probability 0, drop out of the likelihood.</item>
/// <item>Missing values: pairwise. Each item's thresholds come from all its observed values, Φ⁻¹ of the cumulative
/// proportions; each pair's table from the rows where both items are observed. (lavaan: listwise.)</item>
/// <item>Global thresholds (<c>global = TRUE</c>) are kept fixed for every pair: ρ maximizes Σ pᵢⱼ log πᵢⱼ(ρ), p the
/// pair's cell proportions and π the bivariate normal cell probabilities. No empty-cell correction is applied then.
/// psych maximizes with R's <c>optimize</c> over (−1, 1) (tolerance about 1.2e-4); this class solves the score equation to 1e-13.</item>
/// <item>When the items do not all reach the same highest (shifted) code, psych switches to local thresholds
/// (<c>global = FALSE</c>) for every pair: empty rows and columns of the pair's table are dropped, each empty cell is
/// set to <c>correct</c>/n = 0.5/n (proportions, not renormalized), and the thresholds are Φ⁻¹ of the cumulative
/// row and column sums of that corrected table.</item>
/// <item>When the matrix is not positive definite (smallest eigenvalue below machine epsilon) psych's
/// <c>cor.smooth</c> replaces the eigenvalues below 1e-12 by 1e-10, rescales them to sum to the number of items, and
/// rebuilds a correlation matrix (cov2cor of V·diag(λ)·V′).</item>
/// </list>
/// </summary>
internal static class PsychPolychoric
{
    /// <summary>psych's <c>max.cat</c>.</summary>
    public const int MaxCategories = 8;

    /// <summary>psych's <c>correct</c>: the count given to an empty cell (local thresholds only).</summary>
    public const double Correction = 0.5;

    /// <summary>R's <c>.Machine$double.eps</c>, psych's test for a matrix that is not positive definite.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The result: correlations, each item's k − 1 global thresholds (±∞ for unused end categories), whether
    /// thresholds were global, how many pairs had empty cells corrected, whether the matrix was smoothed.</summary>
    public sealed record Result(double[,] Rho, double[][] Thresholds, bool Global, int CorrectedPairs, bool Smoothed);

    /// <summary>Computes the matrix. <paramref name="columns"/> hold integer codes, NaN for missing.</summary>
    /// <param name="names">Item names (for messages).</param>
    /// <param name="columns">One column per item.</param>
    /// <param name="context">E.g. "Scale 'visual'", starts each message.</param>
    public static Result Compute(string[] names, double[][] columns, string context)
    {
        int p = names.Length;
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        for (int j = 0; j < p; j++)
        {
            var col = columns[j];
            for (int r = 0; r < col.Length; r++)
            {
                double v = col[r];
                if (double.IsNaN(v)) continue;
                if (double.IsInfinity(v) || v != Math.Round(v))
                    throw new ReliabilityException($"{context}: the item {MessageText.Quote(names[j])} has the value {v.ToString("R", CultureInfo.InvariantCulture)} in row {r + 1}; ordinal alpha needs integer category codes.");
                lowest = Math.Min(lowest, v);
                highest = Math.Max(highest, v);
            }
        }
        int k = (int)(highest - lowest) + 1;
        if (k > MaxCategories)
            throw new ReliabilityException($"{context}: the items' codes run from {lowest} to {highest}, {k} categories; ordinal alpha (psych's polychoric) handles at most {MaxCategories}. Treat the items as continuous.");

        // Codes 0 .. k-1 (psych: x − min + 1), -1 = missing.
        var codes = new int[p][];
        var top = new int[p];
        var tau = new double[p][];
        for (int j = 0; j < p; j++)
        {
            codes[j] = columns[j].Select(v => double.IsNaN(v) ? -1 : (int)(v - lowest)).ToArray();
            var counts = new double[k];
            foreach (int c in codes[j]) if (c >= 0) counts[c]++;
            double n = counts.Sum();
            if (counts.Count(c => c > 0) < 2)
                throw new ReliabilityException($"{context}: the item {MessageText.Quote(names[j])} has a single category (every observed value is {codes[j].First(c => c >= 0) + lowest}); a polychoric correlation needs at least two.");
            top[j] = Array.FindLastIndex(counts, c => c > 0);
            tau[j] = new double[k - 1];
            double cum = 0;
            for (int c = 0; c < k - 1; c++) { cum += counts[c]; tau[j][c] = InverseNormal(cum / n); }
        }
        bool global = top.All(t => t == top[0]);

        var rho = new double[p, p];
        int corrected = 0;
        for (int i = 0; i < p; i++)
        {
            rho[i, i] = 1;
            for (int j = 0; j < i; j++)
            {
                var table = new double[k, k];
                double total = 0;
                for (int r = 0; r < codes[i].Length; r++)
                    if (codes[i][r] >= 0 && codes[j][r] >= 0) { table[codes[i][r], codes[j][r]]++; total++; }
                if (total == 0)
                    throw new ReliabilityException($"{context}: the items {MessageText.Quote(names[i])} and {MessageText.Quote(names[j])} are never observed together, so their polychoric correlation cannot be estimated.");
                double value;
                if (global) value = Maximize(Scale(table, 1 / total), tau[i], tau[j]);
                else
                {
                    var (local, rowCuts, columnCuts, fixedCells) = LocalTable(table, total);
                    if (rowCuts.Length == 0 || columnCuts.Length == 0)
                        throw new ReliabilityException($"{context}: on the rows where both {MessageText.Quote(names[i])} and {MessageText.Quote(names[j])} are observed, one of them takes a single value, so their polychoric correlation cannot be estimated.");
                    if (fixedCells) corrected++;
                    value = Maximize(local, rowCuts, columnCuts);
                }
                rho[i, j] = rho[j, i] = value;
            }
        }
        bool smoothed = Smooth(rho);
        return new Result(rho, tau, global, corrected, smoothed);
    }

    /// <summary>psych's local-threshold table: empty rows and columns dropped, proportions, empty cells set to
    /// 0.5/n, thresholds from the cumulative row and column sums of the corrected table.</summary>
    private static (double[,] Table, double[] RowCuts, double[] ColumnCuts, bool Fixed) LocalTable(double[,] counts, double total)
    {
        int k = counts.GetLength(0);
        var rows = Enumerable.Range(0, k).Where(a => Enumerable.Range(0, k).Any(b => counts[a, b] > 0)).ToArray();
        var cols = Enumerable.Range(0, k).Where(b => Enumerable.Range(0, k).Any(a => counts[a, b] > 0)).ToArray();
        var t = new double[rows.Length, cols.Length];
        bool fixedCells = false;
        for (int a = 0; a < rows.Length; a++)
            for (int b = 0; b < cols.Length; b++)
            {
                t[a, b] = counts[rows[a], cols[b]] / total;
                if (t[a, b] == 0) { t[a, b] = Correction / total; fixedCells = true; }
            }
        double[] Cuts(int n, Func<int, double> sum)
        {
            var cuts = new double[n - 1];
            double cum = 0;
            for (int c = 0; c < n - 1; c++) { cum += sum(c); cuts[c] = InverseNormal(cum); }
            return cuts;
        }
        var rowCuts = Cuts(rows.Length, a => Enumerable.Range(0, cols.Length).Sum(b => t[a, b]));
        var colCuts = Cuts(cols.Length, b => Enumerable.Range(0, rows.Length).Sum(a => t[a, b]));
        return (t, rowCuts, colCuts, fixedCells);
    }

    /// <summary>The ρ in (−1, 1) that maximizes Σ tᵢⱼ log πᵢⱼ(ρ) over the cells with tᵢⱼ ≠ 0 and πᵢⱼ &gt; 0 (psych's
    /// <c>polyF</c>): bisection on the sign of the score Σ tᵢⱼ (∂πᵢⱼ/∂ρ) / πᵢⱼ, ∂Φ₂(h, k; ρ)/∂ρ = φ₂(h, k; ρ), to 1e-13.
    /// (A search on the log-likelihood values alone stops near 1e-7: the maximum is flat to rounding there.) When the
    /// likelihood keeps rising to ρ = ±1 (a 2×2 table with an empty cell) the result is within 1e-13 of the bound.</summary>
    private static double Maximize(double[,] table, double[] rowCuts, double[] columnCuts)
    {
        var evaluator = new BivariateNormal.Evaluator(0);
        int nr = rowCuts.Length + 1, nc = columnCuts.Length + 1;
        var cdf = new double[nr + 1, nc + 1];
        var density = new double[nr + 1, nc + 1];
        double Cut(double[] cuts, int a, int n) => a == 0 ? double.NegativeInfinity : a == n ? double.PositiveInfinity : cuts[a - 1];
        double Score(double r)
        {
            evaluator.Reset(r);
            for (int a = 0; a <= nr; a++)
                for (int b = 0; b <= nc; b++)
                {
                    double h = Cut(rowCuts, a, nr), v = Cut(columnCuts, b, nc);
                    cdf[a, b] = evaluator.Cdf(h, v);
                    density[a, b] = BivariateNormal.Density(h, v, r);
                }
            double score = 0;
            for (int a = 0; a < nr; a++)
                for (int b = 0; b < nc; b++)
                {
                    double pi = cdf[a + 1, b + 1] - cdf[a, b + 1] - cdf[a + 1, b] + cdf[a, b];
                    if (!(pi > 0) || table[a, b] == 0) continue;
                    score += table[a, b] * (density[a + 1, b + 1] - density[a, b + 1] - density[a + 1, b] + density[a, b]) / pi;
                }
            return score;
        }
        double lo = -1, hi = 1;
        while (hi - lo > 1e-13)
        {
            double mid = (lo + hi) / 2;
            if (Score(mid) > 0) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>psych's <c>cor.smooth</c>, in place; true when the matrix was not positive definite and was smoothed.</summary>
    private static bool Smooth(double[,] r)
    {
        int p = r.GetLength(0);
        var evd = Matrix<double>.Build.DenseOfArray(r).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        if (values.Min() >= MachineEpsilon) return false;
        for (int i = 0; i < p; i++) if (values[i] < 1e-12) values[i] = 100 * 1e-12;
        double sum = values.Sum();
        for (int i = 0; i < p; i++) values[i] *= p / sum;
        var v = evd.EigenVectors;
        var rebuilt = v * Matrix<double>.Build.DiagonalOfDiagonalArray(values) * v.Transpose();
        var c = Stats.CovToCor(rebuilt.ToArray());
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) r[i, j] = c[i, j];
        return true;
    }

    private static double[,] Scale(double[,] t, double factor)
    {
        var s = (double[,])t.Clone();
        for (int a = 0; a < s.GetLength(0); a++) for (int b = 0; b < s.GetLength(1); b++) s[a, b] *= factor;
        return s;
    }

    /// <summary>Φ⁻¹(q) with Φ⁻¹(0) = −∞ and Φ⁻¹(1) = ∞ (R's qnorm).</summary>
    private static double InverseNormal(double q) =>
        q <= 0 ? double.NegativeInfinity : q >= 1 ? double.PositiveInfinity : MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, q);
}
