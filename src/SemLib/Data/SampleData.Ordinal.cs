using SemLib.Data.Ordinal;
using SemLib.Results;

namespace SemLib.Data;

internal sealed partial class SampleData
{
    /// <summary>
    /// Builds the sample of a model with ordered variables: per group the thresholds, polychoric/polyserial correlations
    /// and their Γ (<see cref="OrdinalStatistics"/>, lavaan's listwise default), carried in
    /// <see cref="GroupSample.Ordinal"/>; the group's covariance matrix is lavaan's sampstat cov (correlations of ordered
    /// variables, covariances of continuous ones) and its means are 0 for ordered variables. The rows behind the
    /// statistics are kept with the data's values, for resampling (SampleData.OrdinalRows.cs). With <paramref name="pairwise"/>, rows with
    /// missing cells are kept and each statistic uses the rows that have its variables (lavaan's missing = "pairwise").
    /// </summary>
    public static SampleData FromOrdinalData(DataSet data, IReadOnlyList<string> names, IReadOnlyCollection<string> ordered, string? groupColumn,
        bool pairwise = false)
    {
        var messages = new List<string>();
        var stats = OrdinalStatistics.Compute(data, names, ordered, groupColumn, messages, pairwise: pairwise);
        var groups = WithOrdinalRows(stats, data, names, groupColumn, pairwise); // SampleData.OrdinalRows.cs
        var warnings = messages.Select(m => new FitWarning(FitWarningKind.OrdinalData, m, [])).ToList();
        // The rows read per group before deletion (lavaan's "Total" beside "Used").
        var group = groupColumn is null ? null : data[groupColumn];
        var read = stats.Select(st => group is null ? data.RowCount : Enumerable.Range(0, data.RowCount).Count(r => group.TextAt(r) == st.Label)).ToList();
        return new SampleData(names, groups, false, warnings, read);
    }

    /// <summary>Per ordered variable its number of thresholds (observed categories − 1), read from the first group's statistics.</summary>
    public IReadOnlyDictionary<string, int> ThresholdCounts()
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var first = Groups[0].Ordinal;
        if (first is null) return result;
        for (int i = 0; i < first.Variables.Length; i++)
            if (first.IsOrdered[i]) result[first.Variables[i]] = first.Thresholds[i].Length;
        return result;
    }
}
