using System.Globalization;
using SemLib.LinearAlgebra;
using SemLib.Results;

namespace SemLib.Data;

/// <summary>
/// The data a model is fitted to, reduced to what estimation needs: per group the sample moments of the
/// model's observed variables (in model order) and, for raw data, the complete rows. Building it checks the
/// data: every variable present and numeric, none constant or a copy of another, a positive-definite
/// covariance matrix.
/// </summary>
internal sealed partial class SampleData
{
    private SampleData(IReadOnlyList<string> names, GroupSample[] groups, bool fromCovariance, IReadOnlyList<FitWarning> warnings,
        IReadOnlyList<int>? rowsRead = null)
    {
        Names = names;
        Groups = groups;
        IsSummaryData = fromCovariance;
        Warnings = warnings;
        TotalN = groups.Sum(g => g.N);
        RowsRead = rowsRead;
    }

    public IReadOnlyList<string> Names { get; }
    public GroupSample[] Groups { get; }
    public int TotalN { get; }
    public bool IsSummaryData { get; }
    public bool HasRawData => !IsSummaryData;
    public IReadOnlyList<FitWarning> Warnings { get; }

    /// <summary>
    /// Per group, the rows of raw data read before listwise deletion (lavaan's <c>norig</c>, the "Total" column of
    /// its summary); null for summary data.
    /// </summary>
    public IReadOnlyList<int>? RowsRead { get; }

    /// <summary>
    /// Builds the sample from raw data: with listwise deletion on the model variables, or, for full-information ML
    /// (<paramref name="missing"/> ML or MLX), keeping the rows with missing cells (per group their missing-data
    /// patterns and the EM estimates of the unrestricted moments, <see cref="GroupSample.Patterns"/>). Under FIML,
    /// rows missing any of <paramref name="requiredVariables"/> (the exogenous covariates held fixed, as lavaan
    /// requires them under missing = "ml" with fixed.x) are dropped with a warning. With a cluster column each
    /// group's rows carry their cluster (<see cref="GroupSample.Clusters"/>).
    /// </summary>
    public static SampleData FromDataSet(DataSet data, IReadOnlyList<string> names, string? groupColumn = null, string? clusterColumn = null,
        MissingPolicy missing = MissingPolicy.Listwise, IReadOnlyCollection<string>? requiredVariables = null)
    {
        if (missing == MissingPolicy.Pairwise)
            throw new DataException("missing = pairwise is for ordered items (WLSMV); continuous variables are fitted with listwise deletion or full-information ML (missing = ml).");
        if (missing.IsFullInformation()) return FullInformation(data, names, groupColumn, clusterColumn, requiredVariables ?? []);
        var columns = data.NumericColumns(names);
        var (group, cluster) = GroupAndClusterColumns(data, groupColumn, clusterColumn);
        var clusterByGroup = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        int p = names.Count;
        var labels = new List<string>();
        var seenGroups = new List<string>();
        var rowsByGroup = new Dictionary<string, List<double[]>>(StringComparer.Ordinal);
        var read = new Dictionary<string, int>(StringComparer.Ordinal);
        int dropped = 0, droppedGroup = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            string label = "";
            if (group is not null)
            {
                var t = group.TextAt(i);
                if (t is null)
                {
                    droppedGroup++;
                    continue;
                }
                label = t;
                if (!seenGroups.Contains(label)) seenGroups.Add(label);
            }
            read[label] = read.GetValueOrDefault(label) + 1;
            var row = new double[p];
            bool complete = true;
            for (int j = 0; j < p; j++)
            {
                double v = columns[j][i];
                if (double.IsNaN(v))
                {
                    complete = false;
                    break;
                }
                row[j] = v;
            }
            if (!complete)
            {
                dropped++;
                continue;
            }
            if (!rowsByGroup.TryGetValue(label, out var bucket))
            {
                bucket = [];
                rowsByGroup[label] = bucket;
                labels.Add(label);
                clusterByGroup[label] = [];
            }
            bucket.Add(row);
            if (cluster is not null)
                clusterByGroup[label].Add(cluster.TextAt(i) ?? throw new DataException(
                    $"{data.Source}, row {i + 1}: the cluster variable {MessageText.Quote(clusterColumn)} is missing; every row used needs its cluster."));
        }

        var warnings = new List<FitWarning>();
        if (dropped > 0)
            warnings.Add(new(FitWarningKind.RowsDropped, $"{dropped} of {data.RowCount} rows were dropped because they have missing values on model variables (listwise deletion)."));
        if (droppedGroup > 0)
            warnings.Add(new(FitWarningKind.RowsDropped, $"{droppedGroup} rows were dropped because the group variable {MessageText.Quote(groupColumn)} is missing.", [groupColumn!]));

        foreach (var g in seenGroups.Where(g => !labels.Contains(g)))
            throw new DataException($"{data.Source}: group {MessageText.Quote(g)} of {MessageText.Quote(groupColumn)} has no row with values on all model variables; it cannot be analysed.");
        if (labels.Count == 0)
            throw new DataException($"{data.Source}: no row has values on all model variables ({MessageText.List(names)}); nothing is left after listwise deletion.");

        var groups = new GroupSample[labels.Count];
        for (int g = 0; g < labels.Count; g++)
        {
            var rows = rowsByGroup[labels[g]];
            string where = group is null ? data.Source : $"{data.Source}, group {MessageText.Quote(labels[g])}";
            if (rows.Count <= p)
                throw new DataException($"{where}: {rows.Count} complete rows are too few for {p} variables; the sample covariance matrix would be singular.");
            var (mean, cov) = GroupSample.Moments(rows, p);
            CheckColumns(where, names, rows, cov);
            CheckPositiveDefinite(where, names, cov, p);
            groups[g] = cluster is null
                ? new GroupSample(labels[g], rows.Count, cov, mean, rows.ToArray())
                : WithClusters(new GroupSample(labels[g], rows.Count, cov, mean, rows.ToArray()), clusterByGroup[labels[g]], clusterColumn!, where);
        }
        return new SampleData(names, groups, false, warnings, labels.Select(l => read[l]).ToArray());
    }

    /// <summary>The group and cluster columns named (null when not named); a name that is not a column is a <see cref="DataException"/>.</summary>
    private static (DataColumn? Group, DataColumn? Cluster) GroupAndClusterColumns(DataSet data, string? groupColumn, string? clusterColumn)
    {
        if (groupColumn is not null && !data.Contains(groupColumn))
            throw new DataException($"{data.Source}: the group variable {MessageText.Quote(groupColumn)} is not a column of the data.");
        if (clusterColumn is not null && !data.Contains(clusterColumn))
            throw new DataException($"{data.Source}: the cluster variable {MessageText.Quote(clusterColumn)} is not a column of the data; available: {MessageText.List(data.Names)}.");
        return (groupColumn is null ? null : data[groupColumn], clusterColumn is null ? null : data[clusterColumn]);
    }

    /// <summary>The FIML sample: rows with missing cells kept, per group their patterns and EM moments.</summary>
    private static SampleData FullInformation(DataSet data, IReadOnlyList<string> names, string? groupColumn, string? clusterColumn,
        IReadOnlyCollection<string> required)
    {
        var columns = data.NumericColumns(names);
        var (group, cluster) = GroupAndClusterColumns(data, groupColumn, clusterColumn);
        int p = names.Count;
        var requiredIndex = names.Select((n, j) => (n, j)).Where(x => required.Contains(x.n)).Select(x => x.j).ToArray();
        var labels = new List<string>();
        var rowsByGroup = new Dictionary<string, List<double[]>>(StringComparer.Ordinal);
        var fileRows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var read = new Dictionary<string, int>(StringComparer.Ordinal);
        int droppedGroup = 0, droppedCovariate = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            string label = "";
            if (group is not null)
            {
                var t = group.TextAt(i);
                if (t is null)
                {
                    droppedGroup++;
                    continue;
                }
                label = t;
            }
            if (!rowsByGroup.TryGetValue(label, out var bucket))
            {
                bucket = [];
                rowsByGroup[label] = bucket;
                fileRows[label] = [];
                labels.Add(label);
            }
            read[label] = read.GetValueOrDefault(label) + 1;
            var row = new double[p];
            for (int j = 0; j < p; j++) row[j] = columns[j][i];
            bool keep = true;
            foreach (int j in requiredIndex)
                if (double.IsNaN(row[j])) keep = false;
            if (!keep)
            {
                droppedCovariate++;
                continue;
            }
            bucket.Add(row);
            fileRows[label].Add(i);
        }

        var warnings = new List<FitWarning>();
        if (droppedGroup > 0)
            warnings.Add(new(FitWarningKind.RowsDropped, $"{droppedGroup} rows were dropped because the group variable {MessageText.Quote(groupColumn)} is missing.", [groupColumn!]));
        if (droppedCovariate > 0)
            warnings.Add(new(FitWarningKind.RowsDropped, $"{droppedCovariate} of {data.RowCount} rows were dropped because they miss an exogenous covariate ({MessageText.List(requiredIndex.Select(j => names[j]), quote: true)}) held fixed (fixed.x), as lavaan drops them under missing = ML; missing = MLX keeps them and treats the covariates as random.",
                requiredIndex.Select(j => names[j]).ToArray()));
        if (labels.Count == 0)
            throw new DataException($"{data.Source}: there are no rows to analyse.");

        var groups = new GroupSample[labels.Count];
        for (int g = 0; g < labels.Count; g++)
        {
            var rows = rowsByGroup[labels[g]];
            string where = group is null ? data.Source : $"{data.Source}, group {MessageText.Quote(labels[g])}";
            if (rows.Count == 0)
                throw new DataException($"{where}: every row misses an exogenous covariate held fixed ({MessageText.List(requiredIndex.Select(j => names[j]), quote: true)}); nothing is left to analyse.");
            // Rows missing every model variable carry no information: dropped, as lavaan drops them ("some cases are
            // empty and will be ignored"), so that the patterns' row indices are indices into the rows kept.
            var used = rows.Where(r => r.Any(v => !double.IsNaN(v))).ToArray();
            var usedFileRows = fileRows[labels[g]].Where((_, i) => !rows[i].All(double.IsNaN)).ToList();
            var empty = fileRows[labels[g]].Where((_, i) => rows[i].All(double.IsNaN)).ToList();
            if (used.Length == 0)
                throw new DataException($"{where}: every row misses every model variable ({MessageText.List(names)}); there is nothing to analyse.");
            if (empty.Count > 0)
                warnings.Add(new(FitWarningKind.RowsDropped, $"{where}: {MessageText.Count(empty.Count)} {(empty.Count == 1 ? "row misses" : "rows miss")} every model variable and {(empty.Count == 1 ? "was" : "were")} dropped (data row{(empty.Count == 1 ? "" : "s")} {MessageText.List(empty.Take(20).Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)))}{(empty.Count > 20 ? ", ..." : "")}); {MessageText.Count(used.Length)} rows are used."));
            MissingPatterns patterns;
            SaturatedMoments h1;
            try
            {
                patterns = MissingPatterns.Create(names, used);
                h1 = SaturatedMoments.Estimate(patterns);
            }
            catch (DataException e)
            {
                throw new DataException($"{where}: {e.Message}");
            }
            foreach (var w in h1.Warnings)
                warnings.Add(new(FitWarningKind.MissingData, group is null ? w : $"Group {MessageText.Quote(labels[g])}: {w}"));
            CheckPositiveDefinite($"{where} (the EM estimate of the unrestricted moments)", names, h1.Covariance, p);
            var sample = new GroupSample(labels[g], patterns.N, h1.Covariance, h1.Mean, used, patterns, h1);
            groups[g] = cluster is null
                ? sample
                : WithClusters(sample, usedFileRows.Select(i => cluster.TextAt(i) ?? throw new DataException(
                    $"{data.Source}, row {i + 1}: the cluster variable {MessageText.Quote(clusterColumn)} is missing; every row used needs its cluster.")).ToList(),
                    clusterColumn!, where);
        }
        return new SampleData(names, groups, false, warnings, labels.Select(l => read[l]).ToArray());
    }

    /// <summary>
    /// The group with each row's cluster index (in order of first appearance). One cluster, or a cluster per row, is
    /// refused: the first leaves no between-cluster variation to estimate from, the second is no clustering at all.
    /// </summary>
    private static GroupSample WithClusters(GroupSample sample, List<string> clusterLabels, string column, string where)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var clusters = new int[clusterLabels.Count];
        for (int i = 0; i < clusters.Length; i++)
        {
            if (!index.TryGetValue(clusterLabels[i], out int c))
            {
                c = order.Count;
                index[clusterLabels[i]] = c;
                order.Add(clusterLabels[i]);
            }
            clusters[i] = c;
        }
        if (order.Count < 2)
            throw new DataException($"{where}: all {clusters.Length} rows are in one cluster ({MessageText.Quote(order[0])}) of the cluster variable {MessageText.Quote(column)}; cluster-robust standard errors need at least two clusters.");
        if (order.Count == clusters.Length)
            throw new DataException($"{where}: each of the {clusters.Length} rows is a cluster of its own in the cluster variable {MessageText.Quote(column)} (an identifier?); clustering needs clusters of several rows. Drop the cluster option for independent rows.");
        return new GroupSample(sample.Label, sample.N, sample.Covariance, sample.Mean, sample.Rows, sample.Patterns, sample.H1)
        {
            Clusters = clusters,
            ClusterCount = order.Count,
            ClusterLabels = order,
        };
    }

    /// <summary>Builds the sample from a covariance matrix; ML's N-divisor matrix is cov·(N − 1)/N.</summary>
    public static SampleData FromCovariance(CovarianceData input, IReadOnlyList<string> names)
    {
        int p = names.Count;
        var idx = new int[p];
        for (int j = 0; j < p; j++)
        {
            idx[j] = -1;
            for (int k = 0; k < input.Names.Count; k++)
                if (input.Names[k] == names[j]) idx[j] = k;
            if (idx[j] < 0)
                throw new DataException($"The model variable {MessageText.Quote(names[j])} is not in the covariance matrix (it has: {MessageText.List(input.Names)}).");
        }
        var cov = new double[p * p];
        double scale = (input.N - 1) / (double)input.N;
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
                cov[a * p + b] = input.Covariance[idx[a], idx[b]] * scale;
        var mean = new double[p];
        if (input.Means is not null)
            for (int j = 0; j < p; j++) mean[j] = input.Means[idx[j]];
        for (int j = 0; j < p; j++)
            if (cov[j * p + j] <= 0)
                throw new DataException($"The covariance matrix gives variable {MessageText.Quote(names[j])} a variance of {cov[j * p + j].ToString("G4", CultureInfo.InvariantCulture)}; variances must be positive.");
        CheckPositiveDefinite("the covariance matrix", names, cov, p);
        return new SampleData(names, [new GroupSample("", input.N, cov, mean, null)], true, []);
    }

    private static void CheckColumns(string where, IReadOnlyList<string> names, List<double[]> rows, double[] cov)
    {
        int p = names.Count;
        for (int j = 0; j < p; j++)
        {
            // Constant relative to the column's own magnitude (its range within 1e-12 of its largest value), never an
            // absolute variance: a column in small units (values near 1e-7, or scaled by 1e±12) is not constant.
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var r in rows)
            {
                min = Math.Min(min, r[j]);
                max = Math.Max(max, r[j]);
            }
            if (rows.Count > 0 && max - min <= 1e-12 * Math.Max(Math.Abs(min), Math.Abs(max)))
                throw new DataException($"{where}: the variable {MessageText.Quote(names[j])} is constant (every used row has the value {rows[0][j].ToString("G6", CultureInfo.InvariantCulture)}); it carries no information and makes the covariance matrix singular.");
        }
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < a; b++)
            {
                bool same = true;
                foreach (var r in rows)
                {
                    if (r[a] != r[b])
                    {
                        same = false;
                        break;
                    }
                }
                if (same)
                    throw new DataException($"{where}: the variables {MessageText.Quote(names[b])} and {MessageText.Quote(names[a])} have identical values in every row (a duplicated column); the covariance matrix is singular.");
            }
        }
    }

    /// <summary>Cholesky factorisation with a relative tolerance; names the first variable that depends linearly on earlier ones.</summary>
    internal static void CheckPositiveDefinite(string where, IReadOnlyList<string> names, double[] cov, int p)
    {
        int j = Dense.CholeskyBreakdown((double[])cov.Clone(), p, 1e-10);
        if (j < 0) return;
        var earlier = MessageText.List(names.Take(j), quote: true);
        throw new DataException($"{where}: the sample covariance matrix is not positive definite: {MessageText.Quote(names[j])} is (almost) a linear combination of {(j == 0 ? "nothing" : earlier)}. Remove or combine the redundant variables.");
    }
}
