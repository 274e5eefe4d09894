using SemLib.Data;
using SemLib.Estimation;

namespace SemLib.Tests.Support;

/// <summary>Data sets for tests: the copied reference data, and data constructed to have given moments.</summary>
public static class TestData
{
    /// <summary>Holzinger &amp; Swineford (1939), as in the shared lavaan reference (hs-cfa/data.csv).</summary>
    public static DataSet HolzingerSwineford() =>
        DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv"));

    /// <summary>Bollen's (1989) political democracy data (poldem-sem/data.csv).</summary>
    public static DataSet PoliticalDemocracy() =>
        DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "poldem-sem", "data.csv"));

    /// <summary>
    /// Rows whose sample covariance (with the estimator's divisor) and means equal the fitted model's implied
    /// moments exactly: the data's own rows whitened by their Cholesky factor and recoloured by the target's.
    /// </summary>
    internal static DataSet WithMoments(DataSet data, SemFit fit, Estimator estimator)
    {
        var implied = fit.Implied();
        var names = implied.Names;
        int p = names.Count;
        var cols = data.NumericColumns(names);
        int n = data.RowCount;
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, p, (i, j) => cols[j][i]);
        var mean = x.ColumnSums() / n;
        var centered = x - MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, p, (i, j) => mean[j]);
        var s = centered.TransposeThisAndMultiply(centered) / n;
        double scale = estimator == Estimator.ML ? 1.0 : (n - 1.0) / n;
        var target = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p, (i, j) => implied.Covariance[i, j] * scale);
        var ls = s.Cholesky().Factor;
        var lt = target.Cholesky().Factor;
        var y = centered * ls.Transpose().Inverse() * lt.Transpose();
        var mu = implied.Means;
        var result = new List<KeyValuePair<string, double[]>>();
        for (int j = 0; j < p; j++)
        {
            double m = mu is null ? mean[j] : mu[j];
            result.Add(new(names[j], Enumerable.Range(0, n).Select(i => y[i, j] + m).ToArray()));
        }
        return DataSet.FromColumns(result);
    }
}
