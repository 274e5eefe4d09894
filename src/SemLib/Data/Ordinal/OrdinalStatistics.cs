using System.Globalization;

namespace SemLib.Data.Ordinal;

/// <summary>
/// Entry point from a <see cref="DataSet"/>: codes the ordered variables (categories from the data, over all groups),
/// keeps the rows — complete on the variables, lavaan's listwise default for WLSMV, or with
/// <c>pairwise</c> every row observing at least one of them, lavaan's <c>missing = "pairwise"</c> — and a group value,
/// splits them by group in order of first appearance and computes each group's <see cref="OrdinalSampleStatistics"/>.
/// </summary>
internal static class OrdinalStatistics
{
    /// <summary>Computes the per-group statistics.</summary>
    /// <param name="data">The data.</param>
    /// <param name="variables">The variables in the order wanted (lavaan: order of appearance in the model).</param>
    /// <param name="ordered">Which of them are ordered; the others are continuous.</param>
    /// <param name="groupColumn">The grouping column, or null.</param>
    /// <param name="warnings">Receives the coding warnings (more than 15 categories), rows left out (no group value; with
    /// pairwise no value at all), groups with fewer rows than variables, and each group's warnings.</param>
    /// <param name="withGamma">Whether to compute Γ and the DWLS weights.</param>
    /// <param name="maxDegreeOfParallelism">−1: all cores.</param>
    /// <param name="pairwise">
    /// lavaan's <c>missing = "pairwise"</c>: rows with missing cells are kept (rows missing every variable are left out
    /// with a warning, as lavaan does); each univariate statistic uses the variable's available values, each correlation
    /// the rows observing both variables, and Γ counts a missing score as zero (see <see cref="OrdinalMoments"/>).
    /// False: only complete rows (listwise). Rows missing the group value are left out either way.
    /// </param>
    public static IReadOnlyList<OrdinalSampleStatistics> Compute(DataSet data, IReadOnlyList<string> variables,
        IReadOnlyCollection<string> ordered, string? groupColumn, ICollection<string> warnings, bool withGamma = true,
        int maxDegreeOfParallelism = -1, bool pairwise = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (variables.Count == 0) throw new ArgumentException("No variables were given.", nameof(variables));
        foreach (var o in ordered)
            if (!variables.Contains(o)) throw new DataException($"{data.Source}: the ordered variable {MessageText.Quote(o)} is not among the model's variables.");
        var columns = variables.Select(v => data[v]).ToArray();
        var group = groupColumn is null ? null : data[groupColumn];
        foreach (var col in columns)
        {
            if (col.IsNumeric) continue;
            string kind = ordered.Contains(col.Name) ? "ordered" : "continuous";
            string need = ordered.Contains(col.Name) ? "; ordered variables need integer category codes" : "";
            throw new DataException($"{data.Source}: the {kind} variable {MessageText.Quote(col.Name)} has a value that is not a number in row {col.FirstNonNumericRow}, column {ColumnNumber(data, col)} ({MessageText.Quote(col.FirstNonNumericValue ?? "")}){need}.");
        }

        var keep = new List<int>();
        var empty = new List<int>();
        var noGroup = new List<int>();
        for (int r = 0; r < data.RowCount; r++)
        {
            if (group is not null && group.TextAt(r) is null)
            {
                noGroup.Add(r);
                continue;
            }
            int observed = 0;
            for (int v = 0; v < columns.Length; v++)
                if (!double.IsNaN(columns[v][r])) observed++;
            if (observed == columns.Length || (pairwise && observed > 0)) keep.Add(r);
            else if (pairwise) empty.Add(r);
        }
        if (keep.Count == 0)
            throw new DataException(pairwise
                ? $"{data.Source}: no row has a value on the variables {MessageText.List(variables)}."
                : $"{data.Source}: no row is complete on the variables {MessageText.List(variables)}.");
        // lavaan warns too: "group variable 'g' contains missing values", "some cases are empty and will be ignored".
        if (noGroup.Count > 0)
            warnings.Add($"{data.Source}: {Rows(noGroup.Count)} without a value of the group column {MessageText.Quote(groupColumn)} {(noGroup.Count == 1 ? "is" : "are")} left out (row{(noGroup.Count == 1 ? "" : "s")} {MessageText.List(noGroup.Select(r => (r + 1).ToString(CultureInfo.InvariantCulture)))}).");
        if (empty.Count > 0)
            warnings.Add($"{data.Source}: {Rows(empty.Count)} with no value on any of the variables {(empty.Count == 1 ? "is" : "are")} left out (row{(empty.Count == 1 ? "" : "s")} {MessageText.List(empty.Select(r => (r + 1).ToString(CultureInfo.InvariantCulture)))}).");

        var coded = new OrdinalColumn?[columns.Length];
        for (int v = 0; v < columns.Length; v++)
        {
            if (!ordered.Contains(columns[v].Name)) continue;
            var values = keep.Select(r => columns[v][r]).ToArray();
            try
            {
                coded[v] = OrdinalColumn.Code(columns[v].Name, values, data.Source, warnings);
            }
            catch (DataException) when (FirstBadRow(values) is int k)
            {
                // Re-word with the row number of the data, not of the kept rows.
                throw new DataException($"{data.Source}: the ordered variable {MessageText.Quote(columns[v].Name)} has the value {values[k].ToString("R", CultureInfo.InvariantCulture)} in row {keep[k] + 1}, column {ColumnNumber(data, columns[v])}; ordered variables need integer category codes.");
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
            string where = label.Length == 0 ? "" : $" in group {MessageText.Quote(label)}";
            // lavaan: "data contains only a single observation" (error), "small number of observations (nobs < nvar)" (warning).
            if (rows.Count < 2)
                throw new DataException($"{data.Source}: there is only one usable row{where} (data row {keep[rows[0]] + 1}); the ordinal sample statistics need at least two.");
            if (rows.Count < columns.Length)
                warnings.Add($"{data.Source}: only {Rows(rows.Count)}{where} for {columns.Length} variables; the statistics (and Gamma) rest on very few rows.");
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

    private static string Rows(int n) => n == 1 ? "1 row" : $"{n} rows";

    private static int ColumnNumber(DataSet data, DataColumn column)
    {
        for (int c = 0; c < data.Columns.Count; c++)
            if (ReferenceEquals(data.Columns[c], column)) return c + 1;
        return -1;
    }

    private static int? FirstBadRow(double[] values)
    {
        for (int k = 0; k < values.Length; k++)
            if (!double.IsNaN(values[k]) && (double.IsInfinity(values[k]) || values[k] != Math.Round(values[k]) || Math.Abs(values[k]) > int.MaxValue)) return k;
        return null;
    }
}
