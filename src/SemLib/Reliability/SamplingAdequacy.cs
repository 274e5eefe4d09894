using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;

namespace SemLib.Reliability;

/// <summary>
/// Whether a set of items is suitable for factor analysis: the KMO measure of sampling adequacy
/// (<see cref="Kmo(DataSet, IReadOnlyList{string}, CorrelationMissingData)"/>) and Bartlett's test of sphericity
/// (<see cref="Bartlett(DataSet, IReadOnlyList{string}, CorrelationMissingData)"/>). From raw data both use
/// pairwise-complete correlations by default, as psych does (n = the rows of the data); with incomplete data the
/// pairwise matrix may not be positive definite, which is then said; listwise deletion is the alternative.
/// </summary>
public static class SamplingAdequacy
{
    /// <summary>KMO of the items' correlations: pairwise-complete by default, as psych's <c>KMO()</c> computes them from
    /// raw data (n = the rows of the data), or from the complete rows. Throws <see cref="ReliabilityException"/> naming
    /// the items when the correlation matrix is singular (psych then falls back silently; SemLib does not guess).</summary>
    public static KmoResult Kmo(DataSet data, IReadOnlyList<string> items, CorrelationMissingData missing = CorrelationMissingData.Pairwise)
    {
        var d = ItemData.From(data, items, "the KMO analysis");
        var (r, n) = Correlation(d, missing);
        return Kmo(r, d.Names, n, "the KMO analysis");
    }

    /// <summary>The items' correlations with missing values handled as asked, and the n that goes with them (psych's).</summary>
    private static (double[,] R, int N) Correlation(ItemData d, CorrelationMissingData missing) =>
        missing == CorrelationMissingData.Pairwise ? (Stats.PairwiseCorrelation(d.Columns), d.N) : d.ListwiseCorrelation();

    /// <summary>KMO of a given correlation (or covariance) matrix.</summary>
    public static KmoResult Kmo(LabeledMatrix correlation)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        return Kmo(Stats.CovToCor(correlation.ToArray()), correlation.RowNames, null, "the KMO analysis");
    }

    private static KmoResult Kmo(double[,] r, IReadOnlyList<string> names, int? n, string context)
    {
        int p = names.Count;
        Stats.PositiveDefiniteEigenvalues(r, names, context);
        var inv = Matrix<double>.Build.DenseOfArray(r).Inverse();
        var q = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
                q[i, j] = inv[i, j] / Math.Sqrt(inv[i, i] * inv[j, j]);
        double sr = 0, sq = 0;
        var msa = new double[p];
        for (int j = 0; j < p; j++)
        {
            double cr = 0, cq = 0;
            for (int i = 0; i < p; i++)
            {
                if (i == j) continue;
                cr += r[i, j] * r[i, j];
                cq += q[i, j] * q[i, j];
            }
            msa[j] = cr / (cr + cq);
            sr += cr; sq += cq;
        }
        return new KmoResult
        {
            Items = names.ToArray(),
            Overall = sr / (sr + sq),
            ItemAdequacy = msa,
            N = n,
            AntiImageCorrelation = new LabeledMatrix(names, q),
        };
    }

    /// <summary>Bartlett's test of the items' correlations: pairwise-complete with n = the rows of the data by default, as
    /// psych's <c>cortest.bartlett()</c> computes it from raw data, or the complete rows with n = their number.</summary>
    public static BartlettTestResult Bartlett(DataSet data, IReadOnlyList<string> items, CorrelationMissingData missing = CorrelationMissingData.Pairwise)
    {
        var d = ItemData.From(data, items, "Bartlett's test");
        var (r, n) = Correlation(d, missing);
        return Bartlett(r, d.Names, n);
    }

    /// <summary>Bartlett's test of a given correlation (or covariance) matrix from <paramref name="n"/> observations.</summary>
    public static BartlettTestResult Bartlett(LabeledMatrix correlation, int n)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        if (n < 2) throw new ReliabilityException($"Bartlett's test needs at least 2 observations (got {n}).");
        return Bartlett(Stats.CovToCor(correlation.ToArray()), correlation.RowNames, n);
    }

    private static BartlettTestResult Bartlett(double[,] r, IReadOnlyList<string> names, int n)
    {
        int p = names.Count;
        double logDet = Stats.PositiveDefiniteEigenvalues(r, names, "Bartlett's test").Sum(Math.Log);
        double chi = -logDet * (n - 1 - (2.0 * p + 5) / 6);
        int df = p * (p - 1) / 2;
        double pValue = chi <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2.0, chi / 2);
        return new BartlettTestResult(chi, df, pValue, n);
    }
}
