namespace SemLib.Data.Ordinal;

/// <summary>
/// Entry point from a <see cref="DataSet"/>: codes the ordered variables (categories from the data, over all groups),
/// keeps the rows complete on the variables (and the group column) — lavaan's listwise default for WLSMV — splits them
/// by group in order of first appearance and computes each group's <see cref="OrdinalSampleStatistics"/>.
/// </summary>
internal static class OrdinalStatistics
{
    /// <summary>Computes the per-group statistics.</summary>
    /// <param name="data">The data.</param>
    /// <param name="variables">The variables in the order wanted (lavaan: order of appearance in the model).</param>
    /// <param name="ordered">Which of them are ordered; the others are continuous.</param>
    /// <param name="groupColumn">The grouping column, or null.</param>
    /// <param name="warnings">Receives the coding warnings (more than 15 categories) and each group's warnings.</param>
    /// <param name="withGamma">Whether to compute Γ and the DWLS weights.</param>
    /// <param name="maxDegreeOfParallelism">−1: all cores.</param>
    public static IReadOnlyList<OrdinalSampleStatistics> Compute(DataSet data, IReadOnlyList<string> variables,
        IReadOnlyCollection<string> ordered, string? groupColumn, ICollection<string> warnings, bool withGamma = true,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (variables.Count == 0) throw new ArgumentException("No variables were given.", nameof(variables));
        foreach (var o in ordered)
            if (!variables.Contains(o)) throw new DataException($"{data.Source}: the ordered variable {MessageText.Quote(o)} is not among the model's variables.");
        var columns = variables.Select(v => data[v]).ToArray();
        var group = groupColumn is null ? null : data[groupColumn];
        foreach (var col in columns)
            if (!ordered.Contains(col.Name) && !col.IsNumeric)
                throw new DataException($"{data.Source}: the continuous variable {MessageText.Quote(col.Name)} has a value that is not a number in row {col.FirstNonNumericRow} ({MessageText.Quote(col.FirstNonNumericValue ?? "")}).");

        var keep = new List<int>();
        for (int r = 0; r < data.RowCount; r++)
        {
            bool complete = group is null || group.TextAt(r) is not null;
            for (int v = 0; v < columns.Length && complete; v++)
                if (double.IsNaN(columns[v][r]) && (columns[v].IsNumeric || columns[v].TextAt(r) is null)) complete = false;
            if (complete) keep.Add(r);
        }
        if (keep.Count == 0) throw new DataException($"{data.Source}: no row is complete on the variables {MessageText.List(variables)}.");

        var coded = new OrdinalColumn?[columns.Length];
        for (int v = 0; v < columns.Length; v++)
        {
            if (!ordered.Contains(columns[v].Name)) continue;
            if (!columns[v].IsNumeric)
                throw new DataException($"{data.Source}: the ordered variable {MessageText.Quote(columns[v].Name)} has a value that is not a number in row {columns[v].FirstNonNumericRow} ({MessageText.Quote(columns[v].FirstNonNumericValue ?? "")}); ordered variables need integer category codes.");
            var values = keep.Select(r => columns[v][r]).ToArray();
            try
            {
                coded[v] = OrdinalColumn.Code(columns[v].Name, values, data.Source, warnings);
            }
            catch (DataException) when (FirstBadRow(values) is int k)
            {
                // Re-word with the row number of the data, not of the complete rows.
                throw new DataException($"{data.Source}: the ordered variable {MessageText.Quote(columns[v].Name)} has the value {values[k].ToString("R", System.Globalization.CultureInfo.InvariantCulture)} in row {keep[k] + 1}; ordered variables need integer category codes.");
            }
        }

        var labels = new List<string>();
        var rowsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int k = 0; k < keep.Count; k++)
        {
            string label = group?.TextAt(keep[k]) ?? "";
            if (!rowsOf.TryGetValue(label, out var list))
            {
                rowsOf[label] = list = [];
                labels.Add(label);
            }
            list.Add(k);
        }

        var result = new List<OrdinalSampleStatistics>();
        foreach (var label in labels)
        {
            var rows = rowsOf[label];
            var vars = new StatisticsVariable[columns.Length];
            for (int v = 0; v < columns.Length; v++)
            {
                if (coded[v] is { } oc) vars[v] = StatisticsVariable.Ordered(oc.Name, rows.Select(k => oc.Codes[k]).ToArray(), oc.Categories);
                else vars[v] = StatisticsVariable.Continuous(columns[v].Name, rows.Select(k => columns[v][keep[k]]).ToArray());
            }
            var stats = OrdinalMoments.Compute(label, vars, withGamma, maxDegreeOfParallelism);
            foreach (var w in stats.Warnings) warnings.Add(w);
            result.Add(stats);
        }
        return result;
    }

    private static int? FirstBadRow(double[] values)
    {
        for (int k = 0; k < values.Length; k++)
            if (!double.IsNaN(values[k]) && (double.IsInfinity(values[k]) || values[k] != Math.Round(values[k]))) return k;
        return null;
    }
}
