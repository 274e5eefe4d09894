namespace SemLib.Data;

/// <summary>
/// The sample moments of one group, over the model's observed variables in model order: the covariance
/// matrix with divisor N (maximum likelihood's), the means and, when raw data were given, the rows; under
/// full-information ML the moments are the EM estimates and the rows keep their missing cells.
/// </summary>
internal sealed class GroupSample
{
    public GroupSample(string label, int n, double[] covariance, double[] mean, double[][]? rows,
        MissingPatterns? patterns = null, SaturatedMoments? h1 = null)
    {
        Patterns = patterns;
        H1 = h1;
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

    /// <summary>
    /// The rows used (n × p) in model variable order, or null for summary data: complete rows, except under
    /// full-information ML, where missing cells are NaN (rows missing every variable are not among them).
    /// </summary>
    public double[][]? Rows { get; }

    /// <summary>Under full-information ML: the rows' missing-data patterns with their sufficient statistics; null otherwise.</summary>
    public MissingPatterns? Patterns { get; }

    /// <summary>
    /// Under full-information ML: the EM estimates of the unrestricted (h1) moments and the h1 log-likelihood; null
    /// otherwise. <see cref="Covariance"/> and <see cref="Mean"/> are then these estimates (lavaan's
    /// <c>sampstat.h1</c>, the "sample" moments of start values, residuals and SRMR).
    /// </summary>
    public SaturatedMoments? H1 { get; }

    /// <summary>
    /// The cluster (primary sampling unit) of each row, 0-based in order of first appearance within the group, when the
    /// fit names a cluster column (<see cref="Specification.ModelOptions.Cluster"/>); null otherwise.
    /// </summary>
    public int[]? Clusters { get; init; }

    /// <summary>With ordered variables: the group's thresholds, polychoric/polyserial correlations and Γ; null otherwise.</summary>
    public Ordinal.OrdinalSampleStatistics? Ordinal { get; init; }

    /// <summary>Number of distinct clusters among the rows (0 without a cluster column).</summary>
    public int ClusterCount { get; init; }

    /// <summary>The cluster labels in the order of <see cref="Clusters"/>' indices (empty without a cluster column).</summary>
    public IReadOnlyList<string> ClusterLabels { get; init; } = [];

    /// <summary>Computes mean and N-divisor covariance of complete rows.</summary>
    public static (double[] Mean, double[] Cov) Moments(IReadOnlyList<double[]> rows, int p)
    {
        var indices = new int[rows.Count];
        for (int i = 0; i < indices.Length; i++) indices[i] = i;
        var mean = new double[p];
        var cov = new double[p * p];
        Moments(rows, indices, mean, cov, new double[p]);
        return (mean, cov);
    }

    /// <summary>
    /// Mean and N-divisor covariance (row-major p×p, p = <paramref name="mean"/>.Length) of the rows
    /// <paramref name="rows"/>[<paramref name="indices"/>[k]], an index appearing as often as it is drawn. Writes into
    /// the caller's buffers and allocates nothing; <paramref name="deviation"/> is p doubles of scratch space.
    /// </summary>
    public static void Moments(IReadOnlyList<double[]> rows, ReadOnlySpan<int> indices, Span<double> mean, Span<double> cov, Span<double> deviation)
    {
        int p = mean.Length;
        int n = indices.Length;
        mean.Clear();
        cov[..(p * p)].Clear();
        foreach (int r in indices)
        {
            var row = rows[r];
            for (int j = 0; j < p; j++) mean[j] += row[j];
        }
        for (int j = 0; j < p; j++) mean[j] /= n;
        var d = deviation[..p];
        foreach (int r in indices)
        {
            var row = rows[r];
            for (int j = 0; j < p; j++) d[j] = row[j] - mean[j];
            for (int a = 0; a < p; a++)
            {
                double da = d[a];
                var ca = cov.Slice(a * p, a + 1);
                for (int b = 0; b <= a; b++) ca[b] += da * d[b];
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
    }
}
