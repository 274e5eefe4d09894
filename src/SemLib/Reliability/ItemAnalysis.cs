using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;

namespace SemLib.Reliability;

/// <summary>
/// Item and scale analysis with the conventions of <c>psych::alpha()</c> (Revelle, psych 2.2.9).
/// <para>Missing values, as psych does: the item covariance matrix C is pairwise-complete (R's
/// <c>cov(x, use = "pairwise")</c>: each covariance from the rows where both items are observed), and the
/// correlation matrix is <c>cov2cor(C)</c>. Alpha, standardized alpha, lambda-6, the average correlation, the
/// item–rest and overlap-corrected correlations and every "if item deleted" value come from C and R. Item means,
/// standard deviations, skewness and kurtosis use each item's observed values. The scale score of a row is the
/// mean of its observed items (rows with no observed item are left out of the scale mean and SD), and the Feldt
/// interval uses the number of rows of the data.</para>
/// <para>Reverse-keyed items are rescored as min + max − x first (see <see cref="ScaleDefinition"/>).</para>
/// </summary>
public static class ItemAnalysis
{
    /// <summary>Analyses one scale. Throws <see cref="ReliabilityException"/> (naming the scale and item) when the
    /// scale has fewer than two items, an item is not a numeric column of the data, is constant or has no observed
    /// value, a reverse-keyed item is not one of the scale's items, or two items are never observed together.</summary>
    public static ScaleReliability Analyze(DataSet data, ScaleDefinition scale, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scale);
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), "The confidence level must lie strictly between 0 and 1.");
        string context = $"scale {MessageText.Quote(scale.Name)}";
        var items = ItemData.From(data, scale.Items, context);
        foreach (var rev in scale.ReverseKeyed)
            if (!scale.Items.Contains(rev, StringComparer.Ordinal))
                throw new ReliabilityException($"Scale {MessageText.Quote(scale.Name)}: the reverse-keyed item {MessageText.Quote(rev)} is not one of its items ({MessageText.List(scale.Items)}).");
        if (scale.ResponseMinimum.HasValue != scale.ResponseMaximum.HasValue)
            throw new ReliabilityException($"Scale {MessageText.Quote(scale.Name)}: give both the response minimum and maximum, or neither.");

        int k = items.P, nRows = items.N;
        var x = Rescore(items, scale);

        var c = Stats.PairwiseCovariance(x);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < i; j++)
                if (double.IsNaN(c[i, j]))
                    throw new ReliabilityException($"Scale {MessageText.Quote(scale.Name)}: the items {MessageText.Quote(items.Names[j])} and {MessageText.Quote(items.Names[i])} are observed together in fewer than two rows, so their covariance cannot be estimated.");
        var r = Stats.CovToCor(c);
        var smcR = Stats.Smc(r);
        var total = AlphaOf(c, r, smcR);

        // Per-item "if deleted" values (psych's alpha.drop); psych has a special case for two items.
        var drop = new AlphaStats[k];
        if (k > 2)
        {
            for (int i = 0; i < k; i++)
            {
                var keep = Enumerable.Range(0, k).Where(j => j != i).ToArray();
                var rDrop = Sub(r, keep);
                drop[i] = AlphaOf(Sub(c, keep), rDrop, Stats.Smc(rDrop));
            }
        }
        else
        {
            drop[0] = new AlphaStats(c[0, 1] / c[1, 1], r[0, 1], smcR[0], r[0, 1], r[0, 1] / (1 - r[0, 1]), r[0, 1]);
            drop[1] = new AlphaStats(c[0, 1] / c[0, 0], r[0, 1], smcR[0], r[0, 1], r[0, 1] / (1 - r[0, 1]), r[0, 1]);
        }

        // Item-total correlations from R (std.r), R with smc on the diagonal (r.cor), and C (r.drop).
        double sumR = Sum(r);
        var rc = (double[,])r.Clone();
        for (int i = 0; i < k; i++) rc[i, i] = smcR[i];
        double sumRc = Sum(rc);

        // Scale score: the row mean of the observed items.
        var score = new double[nRows];
        for (int row = 0; row < nRows; row++)
        {
            double s = 0; int m = 0;
            for (int j = 0; j < k; j++) if (!double.IsNaN(x[j][row])) { s += x[j][row]; m++; }
            score[row] = m == 0 ? double.NaN : s / m;
        }

        var stats = new ItemStatistics[k];
        double sumC = Sum(c);
        for (int i = 0; i < k; i++)
        {
            double colR = 0, colRc = 0, colC = 0;
            for (int j = 0; j < k; j++) { colR += r[j, i]; colRc += rc[j, i]; colC += c[j, i]; }
            double vDrop = sumC - 2 * colC + c[i, i];
            stats[i] = new ItemStatistics
            {
                Item = items.Names[i],
                Reversed = scale.IsReversed(items.Names[i]),
                N = Stats.Count(x[i]),
                Mean = Stats.Mean(x[i]),
                StandardDeviation = Stats.Sd(x[i]),
                Skewness = Stats.Skew(x[i]),
                Kurtosis = Stats.Kurtosis(x[i]),
                ItemTotalCorrelation = Stats.PairwiseCorrelation([score, x[i]])[0, 1],
                StandardizedItemTotalCorrelation = colR / Math.Sqrt(sumR),
                OverlapCorrectedItemTotalCorrelation = colRc / Math.Sqrt(sumRc),
                CorrectedItemTotalCorrelation = (colC - c[i, i]) / Math.Sqrt(c[i, i] * vDrop),
                AlphaIfDeleted = drop[i].Raw,
                StandardizedAlphaIfDeleted = drop[i].Std,
                LambdaSixIfDeleted = drop[i].G6,
                AverageCorrelationIfDeleted = drop[i].AverageR,
            };
        }

        var negative = NegativeFirstComponentItems(Stats.PairwiseCorrelation(x), items.Names);
        var warnings = new List<string>();
        if (negative.Count > 0)
            warnings.Add($"Scale {MessageText.Quote(scale.Name)}: some items ({MessageText.List(negative)}) were negatively correlated with the total scale and probably should be reversed.");
        if (total.Raw < 0)
        {
            var neg = stats.Where(s => s.CorrectedItemTotalCorrelation < 0).Select(s => s.Item).ToList();
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Scale {MessageText.Quote(scale.Name)}: the average covariance among the items is negative (alpha = {total.Raw:F3}), which violates reliability model assumptions; items correlating negatively with the rest of the scale: {(neg.Count > 0 ? MessageText.List(neg) : "none")}."));
        }

        var names = items.Names;
        return new ScaleReliability
        {
            Scale = scale.Name,
            Items = names,
            ReverseKeyed = scale.ReverseKeyed,
            Rows = nRows,
            Alpha = total.Raw,
            StandardizedAlpha = total.Std,
            LambdaSix = total.G6,
            AverageCorrelation = total.AverageR,
            MedianCorrelation = total.MedianR,
            SignalToNoise = total.SignalToNoise,
            Mean = Stats.Mean(score),
            StandardDeviation = Stats.Sd(score),
            FeldtInterval = Feldt(total.Raw, nRows, k, confidenceLevel),
            ItemStatistics = stats,
            Covariance = new LabeledMatrix(names, c),
            Correlation = new LabeledMatrix(names, r),
            NegativelyCorrelatedItems = negative,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Cronbach's (1951) alpha of a covariance matrix C of k items: k/(k − 1) · (1 − tr C / 1′C1). From a correlation
    /// matrix this is the standardized alpha.
    /// </summary>
    public static double CoefficientAlpha(LabeledMatrix covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.RowCount < 2 || covariance.RowCount != covariance.ColumnCount)
            throw new ReliabilityException($"Coefficient alpha needs a square covariance matrix of at least 2 items (got {covariance.RowCount}×{covariance.ColumnCount}).");
        return Alpha(covariance.ToArray());
    }

    /// <summary>Analyses several scales of the same data, in order.</summary>
    public static IReadOnlyList<ScaleReliability> Analyze(DataSet data, IEnumerable<ScaleDefinition> scales, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(scales);
        return scales.Select(s => Analyze(data, s, confidenceLevel)).ToList();
    }

    /// <summary>
    /// Feldt's (1965) confidence interval for coefficient alpha, as psych's <c>alpha.ci</c>: with
    /// F(q; n − 1, (n − 1)(k − 1)) the F quantile, the bounds are 1 − (1 − α)·F(1 − p/2) and 1 − (1 − α)·F(p/2),
    /// p = 1 − level.
    /// </summary>
    /// <param name="alpha">Coefficient alpha.</param>
    /// <param name="n">Number of observations.</param>
    /// <param name="k">Number of items.</param>
    /// <param name="level">Coverage, 0.95 by default.</param>
    public static ConfidenceInterval Feldt(double alpha, int n, int k, double level = 0.95)
    {
        if (n < 2 || k < 2) return new ConfidenceInterval(double.NaN, double.NaN, level);
        double p = 1 - level, d1 = n - 1, d2 = (n - 1.0) * (k - 1);
        double lower = 1 - (1 - alpha) * FisherSnedecor.InvCDF(d1, d2, 1 - p / 2);
        double upper = 1 - (1 - alpha) * FisherSnedecor.InvCDF(d1, d2, p / 2);
        return new ConfidenceInterval(lower, upper, level);
    }

    /// <summary>The scale's columns with reverse-keyed items rescored (used by <see cref="ReliabilityStudy.Rescored"/> too).</summary>
    internal static double[][] Rescore(ItemData items, ScaleDefinition scale)
    {
        var x = new double[items.P][];
        double scaleMin = double.PositiveInfinity, scaleMax = double.NegativeInfinity;
        foreach (var col in items.Columns)
            foreach (var v in col)
                if (!double.IsNaN(v)) { scaleMin = Math.Min(scaleMin, v); scaleMax = Math.Max(scaleMax, v); }
        for (int j = 0; j < items.P; j++)
        {
            var col = items.Columns[j];
            if (!scale.IsReversed(items.Names[j])) { x[j] = col; continue; }
            double lo, hi;
            if (scale.ResponseMinimum is { } gmin && scale.ResponseMaximum is { } gmax) { lo = gmin; hi = gmax; }
            else if (scale.ReverseKeyRange == ReverseKeyRange.ItemObserved)
            {
                lo = col.Where(v => !double.IsNaN(v)).Min();
                hi = col.Where(v => !double.IsNaN(v)).Max();
            }
            else { lo = scaleMin; hi = scaleMax; }
            x[j] = col.Select(v => lo + hi - v).ToArray();
        }
        return x;
    }

    private static IReadOnlyList<string> NegativeFirstComponentItems(double[,] r, string[] names)
    {
        for (int i = 0; i < names.Length; i++)
            for (int j = 0; j < names.Length; j++)
                if (double.IsNaN(r[i, j])) return [];
        var (_, vectors) = Stats.EigenDescending(Matrix<double>.Build.DenseOfArray(r));
        var v = vectors.Column(0);
        double sign = v.Sum() < 0 ? -1 : 1;
        return names.Where((_, i) => sign * v[i] < 0).ToList();
    }

    private readonly record struct AlphaStats(double Raw, double Std, double G6, double AverageR, double SignalToNoise, double MedianR);

    /// <summary>psych's <c>alpha.1</c>: raw and standardized alpha (alpha of C and of R), lambda-6 from the
    /// squared multiple correlations <paramref name="smc"/> of R, average r, S/N, median r.</summary>
    private static AlphaStats AlphaOf(double[,] c, double[,] r, double[] smc)
    {
        int n = c.GetLength(0);
        double sumR = Sum(r);
        double g6 = 1 - (n - smc.Sum()) / sumR;
        double avr = (sumR - n) / (n * (n - 1.0));
        var lower = new List<double>();
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) lower.Add(r[i, j]);
        return new AlphaStats(Alpha(c), Alpha(r), g6, avr, n * avr / (1 - avr), Median(lower));
    }

    /// <summary>k/(k − 1) · (1 − tr C / 1′C1).</summary>
    private static double Alpha(double[,] c)
    {
        int k = c.GetLength(0);
        double tr = 0;
        for (int i = 0; i < k; i++) tr += c[i, i];
        return k / (k - 1.0) * (1 - tr / Sum(c));
    }

    private static double Median(List<double> v)
    {
        if (v.Count == 0) return double.NaN;
        v.Sort();
        int m = v.Count / 2;
        return v.Count % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static double Sum(double[,] a)
    {
        double s = 0;
        foreach (var v in a) s += v;
        return s;
    }

    private static double[,] Sub(double[,] a, int[] keep)
    {
        var s = new double[keep.Length, keep.Length];
        for (int i = 0; i < keep.Length; i++)
            for (int j = 0; j < keep.Length; j++) s[i, j] = a[keep[i], keep[j]];
        return s;
    }
}
