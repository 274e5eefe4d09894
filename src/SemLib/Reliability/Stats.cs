using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;

namespace SemLib.Reliability;

/// <summary>Moments and matrix helpers shared by the reliability module (R's conventions: divisor n − 1).</summary>
internal static class Stats
{
    public static double Mean(double[] x)
    {
        double s = 0; int n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) { s += v; n++; }
        return n == 0 ? double.NaN : s / n;
    }

    public static int Count(double[] x) => x.Count(v => !double.IsNaN(v));

    /// <summary>Standard deviation with divisor n − 1 over the observed values (R's <c>sd(na.rm = TRUE)</c>).</summary>
    public static double Sd(double[] x)
    {
        double m = Mean(x), s = 0; int n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) { s += (v - m) * (v - m); n++; }
        return n < 2 ? double.NaN : Math.Sqrt(s / (n - 1));
    }

    /// <summary>Skewness, psych's <c>type = 3</c> (Joanes &amp; Gill 1998, b1): Σ(x − x̄)³ / (n·s³) with s the
    /// n − 1 standard deviation.</summary>
    public static double Skew(double[] x)
    {
        double m = Mean(x), sd = Sd(x), s = 0; int n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) { s += Math.Pow(v - m, 3); n++; }
        return s / (n * sd * sd * sd);
    }

    /// <summary>Excess kurtosis, psych's <c>type = 3</c> (Joanes &amp; Gill 1998, b2): Σ(x − x̄)⁴ / (n·s⁴) − 3.</summary>
    public static double Kurtosis(double[] x)
    {
        double m = Mean(x), sd = Sd(x), s = 0; int n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) { s += Math.Pow(v - m, 4); n++; }
        return s / (n * sd * sd * sd * sd) - 3;
    }

    /// <summary>A row-major p×p matrix (the layout of <see cref="GroupSample"/>'s moments) as a 2-D array.</summary>
    public static double[,] Square(double[] rowMajor, int p)
    {
        var m = new double[p, p];
        Buffer.BlockCopy(rowMajor, 0, m, 0, p * p * sizeof(double));
        return m;
    }

    /// <summary>
    /// R's <c>cov(x, use = "pairwise")</c>: each entry from the rows where both variables are observed, with
    /// the means of those rows; NaN where fewer than two rows are shared.
    /// </summary>
    public static double[,] PairwiseCovariance(double[][] cols) => Pairwise(cols, correlation: false);

    /// <summary>R's <c>cor(x, use = "pairwise")</c>: each entry a Pearson correlation on the rows both observed.</summary>
    public static double[,] PairwiseCorrelation(double[][] cols) => Pairwise(cols, correlation: true);

    private static double[,] Pairwise(double[][] cols, bool correlation)
    {
        int p = cols.Length, n = cols[0].Length;
        var s = new double[p, p];
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
            {
                double ma = 0, mb = 0; int k = 0;
                for (int i = 0; i < n; i++)
                {
                    double x = cols[a][i], y = cols[b][i];
                    if (double.IsNaN(x) || double.IsNaN(y)) continue;
                    ma += x; mb += y; k++;
                }
                if (k < 2) { s[a, b] = s[b, a] = double.NaN; continue; }
                ma /= k; mb /= k;
                double sab = 0, saa = 0, sbb = 0;
                for (int i = 0; i < n; i++)
                {
                    double x = cols[a][i], y = cols[b][i];
                    if (double.IsNaN(x) || double.IsNaN(y)) continue;
                    sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb);
                }
                double v = correlation ? (a == b ? 1.0 : sab / Math.Sqrt(saa * sbb)) : sab / (k - 1);
                s[a, b] = s[b, a] = v;
            }
        return s;
    }

    /// <summary>R's <c>cov2cor</c>.</summary>
    public static double[,] CovToCor(double[,] c)
    {
        int p = c.GetLength(0);
        var r = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
                r[i, j] = i == j ? 1.0 : c[i, j] / Math.Sqrt(c[i, i] * c[j, j]);
        return r;
    }

    /// <summary>
    /// Squared multiple correlations 1 − 1/diag(R⁻¹) as psych's <c>smc()</c>: the Moore–Penrose inverse (so a
    /// singular R still gives values) and the result clamped to [0, 1].
    /// </summary>
    public static double[] Smc(double[,] r)
    {
        var m = Matrix<double>.Build.DenseOfArray(r);
        var inv = m.PseudoInverse();
        var smc = new double[r.GetLength(0)];
        for (int i = 0; i < smc.Length; i++) smc[i] = Math.Clamp(1 - 1 / inv[i, i], 0, 1);
        return smc;
    }

    /// <summary>
    /// The eigenvalues, in decreasing order, of a correlation matrix that must be positive definite; when it is
    /// singular, a <see cref="ReliabilityException"/> naming the items involved in the (near) linear dependency:
    /// the items with the largest weights in the eigenvector of the smallest eigenvalue.
    /// </summary>
    public static double[] PositiveDefiniteEigenvalues(double[,] r, IReadOnlyList<string> names, string context)
    {
        var (values, vectors) = EigenDescending(Matrix<double>.Build.DenseOfArray(r));
        double min = values[^1], max = values[0];
        if (!(min > 1e-12 * Math.Max(1, max)))
        {
            var v = vectors.Column(values.Length - 1);
            var involved = Enumerable.Range(0, names.Count).Where(i => Math.Abs(v[i]) > 0.1).Select(i => names[i]);
            throw new ReliabilityException($"{ItemData.Capital(context)}: the correlation matrix of the items is singular or not positive definite (smallest eigenvalue {min:G3}); these items are (nearly) linearly dependent: {MessageText.List(involved)}.");
        }
        return values;
    }

    /// <summary>Eigenvalues of a symmetric matrix in decreasing order.</summary>
    public static double[] EigenvaluesDescending(double[,] a) => EigenDescending(Matrix<double>.Build.DenseOfArray(a)).Values;

    /// <summary>Eigen decomposition of a symmetric matrix, eigenvalues in decreasing order with matching vectors.</summary>
    public static (double[] Values, Matrix<double> Vectors) EigenDescending(Matrix<double> a)
    {
        var evd = a.Evd(Symmetricity.Symmetric);
        int p = a.RowCount;
        var values = new double[p];
        var vectors = Matrix<double>.Build.Dense(p, p);
        for (int k = 0; k < p; k++)
        {
            values[k] = evd.EigenValues[p - 1 - k].Real;
            vectors.SetColumn(k, evd.EigenVectors.Column(p - 1 - k));
        }
        return (values, vectors);
    }
}
