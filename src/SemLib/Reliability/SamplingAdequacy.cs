using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;

namespace SemLib.Reliability;

/// <summary>
/// Whether a set of items is suitable for factor analysis: the KMO measure of sampling adequacy
/// (<see cref="Kmo(DataSet, IReadOnlyList{string})"/>) and Bartlett's test of sphericity
/// (<see cref="Bartlett(DataSet, IReadOnlyList{string})"/>). From raw data both use the rows in which every
/// item is observed (listwise deletion), unlike psych's pairwise default, so that R is a proper correlation
/// matrix of one sample of known size.
/// </summary>
public static class SamplingAdequacy
{
    /// <summary>KMO on the complete rows of the items. Throws <see cref="ReliabilityException"/> naming the items when
    /// the correlation matrix is singular (psych then falls back silently; SemLib does not guess).</summary>
    public static KmoResult Kmo(DataSet data, IReadOnlyList<string> items)
    {
        var d = ItemData.From(data, items, "the KMO analysis");
        var (r, n) = d.ListwiseCorrelation();
        return Kmo(r, d.Names, n, "the KMO analysis");
    }

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

    /// <summary>Bartlett's test on the complete rows of the items (n = their number).</summary>
    public static BartlettTestResult Bartlett(DataSet data, IReadOnlyList<string> items)
    {
        var d = ItemData.From(data, items, "Bartlett's test");
        var (r, n) = d.ListwiseCorrelation();
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
