namespace SemLib.Data;

/// <summary>
/// The sample moments of one group, over the model's observed variables in model order: the covariance
/// matrix with divisor N (maximum likelihood's), the means and, when raw data were given, the complete rows.
/// </summary>
internal sealed class GroupSample
{
    public GroupSample(string label, int n, double[] covariance, double[] mean, double[][]? rows)
    {
        Label = label;
        N = n;
        Covariance = covariance;
        Mean = mean;
        Rows = rows;
        P = mean.Length;
    }

    /// <summary>The group's label ("" with one group).</summary>
    public string Label { get; }

    /// <summary>Observations used.</summary>
    public int N { get; }

    /// <summary>Number of observed variables.</summary>
    public int P { get; }

    /// <summary>Covariance matrix, row-major p×p, divisor N.</summary>
    public double[] Covariance { get; }

    /// <summary>Sample means.</summary>
    public double[] Mean { get; }

    /// <summary>Complete rows (n × p) in model variable order, or null for summary data.</summary>
    public double[][]? Rows { get; }

    /// <summary>Computes mean and N-divisor covariance of complete rows.</summary>
    public static (double[] Mean, double[] Cov) Moments(IReadOnlyList<double[]> rows, int p)
    {
        int n = rows.Count;
        var mean = new double[p];
        foreach (var r in rows)
            for (int j = 0; j < p; j++) mean[j] += r[j];
        for (int j = 0; j < p; j++) mean[j] /= n;
        var cov = new double[p * p];
        var d = new double[p];
        foreach (var r in rows)
        {
            for (int j = 0; j < p; j++) d[j] = r[j] - mean[j];
            for (int a = 0; a < p; a++)
            {
                double da = d[a];
                int off = a * p;
                for (int b = 0; b <= a; b++) cov[off + b] += da * d[b];
            }
        }
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double v = cov[a * p + b] / n;
                cov[a * p + b] = v;
                cov[b * p + a] = v;
            }
        }
        return (mean, cov);
    }
}
