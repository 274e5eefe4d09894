using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace SemLib.Data.Ordinal;

/// <summary>
/// The sample statistics of one group for ordered (and continuous) variables and their asymptotic covariance matrix Γ,
/// as lavaan 0.6.14 computes them (<c>muthen1984</c>, <c>lav_samplestats_step1/2</c>) — Muthén's (1984) three stages:
/// <list type="number">
/// <item>univariate: thresholds of each ordered variable (<see cref="UnivariateOrdinal"/>), mean and variance (divisor
/// N) of each continuous one;</item>
/// <item>bivariate, with the univariate estimates fixed: polychoric (<see cref="PolychoricPair"/>), polyserial
/// (<see cref="PolyserialPair"/>) or Pearson correlations — the pairs are independent and run on all cores, each
/// writing its own slots;</item>
/// <item>Γ = N · B⁻¹ (Σᵢ sᵢsᵢᵀ) B⁻ᵀ, sᵢ the casewise scores of the univariate and bivariate log-likelihoods (lavaan's
/// order of statistics), B = [[A₁₁, 0], [A₂₁, A₂₂]] the outer-product (cross-product of scores) estimate of the
/// Jacobian of the estimating equations: A₁₁ block-diagonal by variable, A₂₁ the cross-products of each correlation's
/// score with the bivariate likelihood's scores for the univariate statistics, A₂₂ diagonal. It is computed as
/// N · Σᵢ zᵢzᵢᵀ with the influence vectors zᵢ = B⁻¹sᵢ, then, with continuous variables, mapped from correlations to
/// covariances (the delta method: σⱼρ/(2σᵢ) on a variance, σᵢσⱼ on the correlation) and with the sign of a mean's row
/// and column flipped (its slot holds −mean).</item>
/// </list>
/// With missing cells (lavaan's <c>missing = "pairwise"</c>; −1 codes, NaN values) each univariate statistic uses the
/// variable's available rows (variance divisor: their count), each correlation the rows observing both variables with
/// the univariate statistics fixed, and every score of a missing cell is zero — lavaan sums the score products with
/// <c>na.rm = TRUE</c> — so a row observing x but not y still carries x's univariate influence into the (x, y)
/// correlation's column of Γ; N is the group's row count (lavaan's nobs).
/// Muthén, B. (1984). A general structural equation model with dichotomous, ordered categorical, and continuous latent
/// variable indicators. Psychometrika 49, 115–132. Fixtures: tests/SemLib.Tests/Reference/ordinal-stats.
/// </summary>
internal static class OrdinalMoments
{
    /// <summary>Computes the statistics of one group (and Γ when <paramref name="withGamma"/>).</summary>
    /// <param name="label">The group's label for messages ("" with one group).</param>
    /// <param name="variables">The variables in order, all with the same rows.</param>
    /// <param name="withGamma">Whether to compute Γ and the DWLS weights.</param>
    /// <param name="maxDegreeOfParallelism">−1: all cores.</param>
    public static OrdinalSampleStatistics Compute(string label, IReadOnlyList<StatisticsVariable> variables, bool withGamma,
        int maxDegreeOfParallelism = -1)
    {
        int p = variables.Count, n = variables[0].RowCount;
        string where = label.Length == 0 ? "" : $" in group {MessageText.Quote(label)}";
        var names = variables.Select(v => v.Name).ToArray();
        var ordered = variables.Select(v => v.IsOrdered).ToArray();
        var uni = new UnivariateOrdinal?[p];
        var means = new double[p];
        var variances = new double[p];
        var thresholds = new double[p][];
        var thStart = new int[p];
        var numericIndex = new int[p];
        int slots = 0, numeric = 0;

        // Stage 1: univariate statistics.
        for (int i = 0; i < p; i++)
        {
            var v = variables[i];
            if (v.RowCount != n) throw new ArgumentException("The variables have different numbers of rows.", nameof(variables));
            thStart[i] = slots;
            numericIndex[i] = -1;
            if (v.IsOrdered)
            {
                var fit = UnivariateOrdinal.Fit(v.Codes, v.Categories.Length);
                for (int a = 0; a < fit.Counts.Length; a++)
                    if (fit.Counts[a] == 0)
                        throw new DataException($"The ordered variable {MessageText.Quote(v.Name)} has no rows in category {v.Categories[a].ToString("R", CultureInfo.InvariantCulture)}{where} (frequencies {string.Join(" ", fit.Counts)}); every category must be observed in every group.");
                uni[i] = fit;
                thresholds[i] = fit.Thresholds;
                variances[i] = 1;
                slots += fit.ThresholdCount;
            }
            else
            {
                var y = v.Values!;
                double sum = 0, ss = 0;
                int available = 0;
                foreach (double x in y)
                    if (!double.IsNaN(x)) { sum += x; available++; }
                double mean = sum / available;
                foreach (double x in y)
                    if (!double.IsNaN(x)) ss += (x - mean) * (x - mean);
                means[i] = mean;
                variances[i] = ss / available;
                if (available < 2) throw new DataException($"The continuous variable {MessageText.Quote(v.Name)} has {(available == 0 ? "no values" : "a single value")}{where}; it needs at least two.");
                if (!(variances[i] > 0)) throw new DataException($"The continuous variable {MessageText.Quote(v.Name)} is constant{where}.");
                thresholds[i] = [];
                numericIndex[i] = numeric++;
                slots += 1;
            }
        }
        int pstar = p * (p - 1) / 2, m = slots + numeric + pstar;

        var observations = new double[m];
        var statNames = new string[m];
        for (int i = 0; i < p; i++)
        {
            if (ordered[i])
                for (int k = 0; k < thresholds[i].Length; k++)
                {
                    observations[thStart[i] + k] = thresholds[i][k];
                    statNames[thStart[i] + k] = $"{names[i]}|t{k + 1}";
                }
            else
            {
                observations[thStart[i]] = -means[i];
                statNames[thStart[i]] = names[i] + "~1";
                observations[slots + numericIndex[i]] = variances[i];
                statNames[slots + numericIndex[i]] = $"{names[i]}~~{names[i]}";
            }
        }

        // Influence of the univariate statistics: ordered — per category A₁₁⁻¹s(a); continuous — per row.
        var zOrd = new double[p][][];
        var zMean = new double[p][];
        var zVar = new double[p][];
        if (withGamma)
            for (int i = 0; i < p; i++)
            {
                if (uni[i] is { } fit) zOrd[i] = OrdinalInfluence(fit);
                else (zMean[i], zVar[i]) = ContinuousInfluence(variables[i].Values!, means[i], variances[i]);
            }

        int stride = ScoreCrossProduct.Stride(n);
        double[]? z = withGamma ? new double[ScoreCrossProduct.PaddedColumns(m) * stride] : null;
        if (z is not null)
            for (int i = 0; i < p; i++)
            {
                if (ordered[i])
                {
                    var codes = variables[i].Codes!;
                    for (int k = 0; k < thresholds[i].Length; k++)
                    {
                        var col = z.AsSpan((thStart[i] + k) * stride, n);
                        for (int r = 0; r < n; r++) col[r] = codes[r] < 0 ? 0 : zOrd[i][codes[r]][k];
                    }
                }
                else
                {
                    var colMean = z.AsSpan(thStart[i] * stride, n);
                    var colVar = z.AsSpan((slots + numericIndex[i]) * stride, n);
                    for (int r = 0; r < n; r++)
                    {
                        colMean[r] = -zMean[i][r];
                        colVar[r] = zVar[i][r];
                    }
                }
            }

        // Stage 2: the pairs, column by column of the lower triangle, each writing its own slots.
        var pairs = new (int I, int J)[pstar];
        for (int j = 0, q = 0; j < p - 1; j++)
            for (int i = j + 1; i < p; i++) pairs[q++] = (i, j);
        CheckOverlap(variables, pairs, where);
        var correlation = new double[p * p];
        for (int i = 0; i < p; i++) correlation[i * p + i] = 1;
        var pairWarnings = new string?[pstar];
        var emptyCells = new bool[pstar];
        var a22 = new double[pstar];
        var polychoric = new bool[pstar];
        var context = new PairStatistics.Context(variables, uni, means, variances, thresholds, thStart, zOrd, zMean, zVar, z, stride);
        Parallel.For(0, pstar, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, q =>
        {
            var (i, j) = pairs[q];
            var result = PairStatistics.Compute(context, i, j, slots + numeric + q);
            correlation[i * p + j] = correlation[j * p + i] = result.Rho;
            emptyCells[q] = result.EmptyCells;
            a22[q] = result.A22;
            polychoric[q] = result.Polychoric;
            string? w = result.Warning;
            if (Math.Abs(result.Rho) > 0.99) w = (w is null ? "" : w + "; ") + "the correlation is (nearly) 1.0";
            pairWarnings[q] = w;
        });

        if (z is not null && a22.Any(v => v == 0))
        {
            // lavaan inverts the diagonal A₂₂ by a generalized inverse when one of its entries is exactly zero (MASS::ginv):
            // every entry up to √ε times the largest then has inverse 0, so a polychoric pair whose correlation scores
            // nearly vanish (a flat likelihood at ±1) contributes no row to Γ instead of one of order 1/A₂₂.
            double tol = Math.Sqrt(2.220446049250313e-16) * a22.Where(double.IsFinite).Max();
            for (int q = 0; q < pstar; q++)
                if (polychoric[q] && a22[q] <= tol) z.AsSpan((slots + numeric + q) * stride, n).Clear();
        }

        var warnings = new List<string>();
        var emptyPairs = new List<(string, string)>();
        for (int q = 0; q < pstar; q++)
        {
            var (i, j) = pairs[q];
            observations[slots + numeric + q] = correlation[i * p + j] * Math.Sqrt(variances[i] * variances[j]);
            statNames[slots + numeric + q] = $"{names[j]}~~{names[i]}";
            if (emptyCells[q]) emptyPairs.Add((names[j], names[i]));
            if (pairWarnings[q] is { } w) warnings.Add($"{MessageText.Quote(names[i])} and {MessageText.Quote(names[j])}{where}: {w}.");
        }

        double[]? gamma = null;
        if (z is not null)
        {
            gamma = new double[m * m];
            ScoreCrossProduct.Compute(z, stride, m, n, gamma, maxDegreeOfParallelism);
        }
        return new OrdinalSampleStatistics(label, n, names, ordered, variables.Select(v => v.Categories).ToArray(), thresholds,
            means, variances, correlation, observations, statNames, thStart, gamma, emptyPairs, warnings);
    }

    /// <summary>With missing cells: every pair must have a row observing both variables (lavaan would return 0 silently).</summary>
    private static void CheckOverlap(IReadOnlyList<StatisticsVariable> variables, (int I, int J)[] pairs, string where)
    {
        int p = variables.Count, n = variables[0].RowCount;
        var observed = new bool[p][];
        bool any = false;
        for (int i = 0; i < p; i++)
        {
            observed[i] = new bool[n];
            for (int r = 0; r < n; r++) any |= !(observed[i][r] = variables[i].IsObserved(r));
        }
        if (!any) return;
        foreach (var (i, j) in pairs)
        {
            bool both = false;
            for (int r = 0; r < n && !both; r++) both = observed[i][r] && observed[j][r];
            if (!both)
                throw new DataException($"The variables {MessageText.Quote(variables[j].Name)} and {MessageText.Quote(variables[i].Name)} are never observed in the same row{where}; their correlation cannot be estimated.");
        }
    }

    /// <summary>A₁₁⁻¹ s(a) for each category a, A₁₁ = Σₐ nₐ s(a)s(a)ᵀ.</summary>
    private static double[][] OrdinalInfluence(UnivariateOrdinal fit)
    {
        int t = fit.ThresholdCount;
        var a11 = Matrix<double>.Build.Dense(t, t);
        for (int a = 0; a < fit.Counts.Length; a++)
            for (int k = 0; k < t; k++)
                for (int l = 0; l < t; l++) a11[k, l] += fit.Counts[a] * fit.Scores[a][k] * fit.Scores[a][l];
        var inv = a11.Inverse();
        var result = new double[fit.Counts.Length][];
        for (int a = 0; a < result.Length; a++)
            result[a] = inv.Multiply(Vector<double>.Build.DenseOfArray(fit.Scores[a])).ToArray();
        return result;
    }

    /// <summary>Per row A₁₁⁻¹ (∂/∂μ, ∂/∂σ²) of the normal log-likelihood, A₁₁ their cross-products.</summary>
    private static (double[] Mean, double[] Variance) ContinuousInfluence(double[] y, double mean, double variance)
    {
        int n = y.Length;
        var sm = new double[n];
        var sv = new double[n];
        double a00 = 0, a01 = 0, a11 = 0;
        for (int r = 0; r < n; r++)
        {
            if (double.IsNaN(y[r])) continue; // a missing cell's scores are zero
            double d = y[r] - mean;
            sm[r] = d / variance;
            sv[r] = -1 / (2 * variance) + d * d / (2 * variance * variance);
            a00 += sm[r] * sm[r]; a01 += sm[r] * sv[r]; a11 += sv[r] * sv[r];
        }
        double det = a00 * a11 - a01 * a01;
        double i00 = a11 / det, i01 = -a01 / det, i11 = a00 / det;
        for (int r = 0; r < n; r++)
        {
            double m0 = sm[r], v0 = sv[r];
            sm[r] = i00 * m0 + i01 * v0;
            sv[r] = i01 * m0 + i11 * v0;
        }
        return (sm, sv);
    }
}
