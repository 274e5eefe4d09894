using SemLib.Data.Ordinal;

namespace SemLib.Data;

/// <summary>
/// Resampling hooks for a sample with ordered variables: the rows behind each group's statistics (for bootstrap draws)
/// and the statistics of a set of drawn rows (for bootstrap draws and Monte Carlo replications).
/// </summary>
internal sealed partial class SampleData
{
    /// <summary>
    /// The groups of <paramref name="stats"/> with their rows attached (<see cref="GroupSample.Rows"/>): the rows with a
    /// group value and complete on <paramref name="names"/> (with <paramref name="pairwise"/>: observing at least one of
    /// them, NaN in the missing cells), split by group as <see cref="OrdinalStatistics"/> splits them, holding the data's
    /// values (an ordered variable's category value, not its index). A group whose row count does not match its
    /// statistics keeps no rows (the bootstrap then says it cannot resample).
    /// </summary>
    private static GroupSample[] WithOrdinalRows(IReadOnlyList<OrdinalSampleStatistics> stats, DataSet data, IReadOnlyList<string> names,
        string? groupColumn, bool pairwise)
    {
        var columns = names.Select(v => data[v]).ToArray();
        var group = groupColumn is null ? null : data[groupColumn];
        var rowsOf = new Dictionary<string, List<double[]>>(StringComparer.Ordinal);
        for (int r = 0; r < data.RowCount; r++)
        {
            string? label = group is null ? "" : group.TextAt(r);
            if (label is null) continue;
            var row = new double[columns.Length];
            int observed = 0;
            for (int v = 0; v < columns.Length; v++)
            {
                row[v] = columns[v][r];
                if (!double.IsNaN(row[v])) observed++;
            }
            if (observed < columns.Length && !(pairwise && observed > 0)) continue;
            if (!rowsOf.TryGetValue(label, out var list)) rowsOf[label] = list = [];
            list.Add(row);
        }
        return stats.Select(st =>
        {
            var rows = rowsOf.TryGetValue(st.Label, out var list) && list.Count == st.RowCount ? list.ToArray() : null;
            return new GroupSample(st.Label, st.RowCount, st.Covariance, st.Means, rows) { Ordinal = st };
        }).ToArray();
    }

    /// <summary>
    /// The ordinal statistics (with Γ and the DWLS weights) of the rows <paramref name="rows"/>[<paramref name="indices"/>[k]]
    /// of one group, with the categories of <paramref name="template"/> (the full data's): each row holds the data's values
    /// in the template's variable order, NaN in a missing cell (pairwise rows; each statistic then uses the rows observing
    /// its variables, as <see cref="OrdinalMoments"/> does). Returns null with a reason when the drawn rows cannot be
    /// analysed: a category of an ordered variable absent from them (lavaan fails such a draw), a constant continuous
    /// variable, or another data error. Runs single-threaded: the callers run many draws in parallel.
    /// </summary>
    public static (OrdinalSampleStatistics? Statistics, string? Failure) OrdinalStatisticsOf(OrdinalSampleStatistics template,
        IReadOnlyList<double[]> rows, ReadOnlySpan<int> indices)
    {
        int p = template.Variables.Length;
        indices = WithAnyValue(rows, indices, p);
        int n = indices.Length;
        if (n < 2) return (null, "fewer than two rows have a value");
        var vars = new StatisticsVariable[p];
        for (int v = 0; v < p; v++)
        {
            string name = template.Variables[v];
            if (template.IsOrdered[v])
            {
                var categories = template.Categories[v];
                var codes = new int[n];
                var counts = new int[categories.Length];
                for (int k = 0; k < n; k++)
                {
                    double value = rows[indices[k]][v];
                    if (double.IsNaN(value))
                    {
                        codes[k] = -1;
                        continue;
                    }
                    int code = Array.BinarySearch(categories, value);
                    if (code < 0)
                        return (null, $"the ordered variable {MessageText.Quote(name)} has the value {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, which is not one of its categories");
                    codes[k] = code;
                    counts[code]++;
                }
                for (int a = 0; a < counts.Length; a++)
                    if (counts[a] == 0)
                        return (null, $"category {categories[a].ToString("R", System.Globalization.CultureInfo.InvariantCulture)} of the ordered variable {MessageText.Quote(name)} is absent");
                vars[v] = StatisticsVariable.Ordered(name, codes, categories);
            }
            else
            {
                var values = new double[n];
                for (int k = 0; k < n; k++) values[k] = rows[indices[k]][v];
                vars[v] = StatisticsVariable.Continuous(name, values);
            }
        }
        try
        {
            return (OrdinalMoments.Compute(template.Label, vars, withGamma: true, maxDegreeOfParallelism: 1), null);
        }
        catch (DataException e)
        {
            return (null, MessageText.OneLine(e.Message).TrimEnd('.'));
        }
    }

    /// <summary>The indices of the rows with at least one value (lavaan leaves empty rows out under pairwise deletion).</summary>
    private static ReadOnlySpan<int> WithAnyValue(IReadOnlyList<double[]> rows, ReadOnlySpan<int> indices, int p)
    {
        bool Empty(double[] row)
        {
            for (int v = 0; v < p; v++)
                if (!double.IsNaN(row[v])) return false;
            return true;
        }
        int empty = 0;
        foreach (int i in indices)
            if (Empty(rows[i])) empty++;
        if (empty == 0) return indices;
        var kept = new int[indices.Length - empty];
        int k = 0;
        foreach (int i in indices)
            if (!Empty(rows[i])) kept[k++] = i;
        return kept;
    }

    /// <summary>
    /// A sample of the same variables whose groups carry the given ordinal statistics (a bootstrap draw's or a
    /// replication's), with the labels of this sample's groups and no rows.
    /// </summary>
    public SampleData WithOrdinalStatistics(IReadOnlyList<OrdinalSampleStatistics> stats)
    {
        if (stats.Count != Groups.Length) throw new ArgumentException("One set of statistics per group is needed.", nameof(stats));
        var groups = stats.Select(st => new GroupSample(st.Label, st.RowCount, st.Covariance, st.Means, null) { Ordinal = st }).ToArray();
        return new SampleData(Names, groups, false, []);
    }
}
