using SemLib.Data;

namespace SemLib.Simulation;

/// <summary>
/// Deletes cells of a data set to simulate item nonresponse, the two mechanisms under which FIML is unbiased:
/// missing completely at random (each cell with the same probability) and missing at random (a row's chance of a
/// missing answer rises with its values on variables that stay observed — in a survey, say, firms that rate one
/// scale low skip more items of the others). Deterministic for a seed; no row loses every selected value.
/// </summary>
public static class Missingness
{
    /// <summary>
    /// Each cell of the named columns (all columns when none are named) becomes missing with probability
    /// <paramref name="proportion"/>, independently (MCAR).
    /// </summary>
    public static DataSet CompletelyAtRandom(DataSet data, double proportion, int seed, IEnumerable<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var targets = Targets(data, columns, proportion);
        var chance = Enumerable.Repeat(proportion, data.RowCount).ToArray();
        return Delete(data, targets, chance, seed);
    }

    /// <summary>
    /// Missing at random: the cells of <paramref name="columns"/> become missing with a probability that grows
    /// linearly with the row's rank on the mean of the (standardized) <paramref name="drivers"/>, from 0 for the
    /// lowest-ranked row to 2·<paramref name="proportion"/> for the highest, so about <paramref name="proportion"/>
    /// of the cells go missing. The drivers are never deleted (they must not be among the columns).
    /// </summary>
    public static DataSet AtRandom(DataSet data, double proportion, int seed, IEnumerable<string> columns, IEnumerable<string> drivers)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(drivers);
        if (proportion > 0.5)
            throw new ArgumentOutOfRangeException(nameof(proportion), proportion, "Missing at random doubles the proportion for the highest-ranked rows, so it must be at most 0.5.");
        var targets = Targets(data, columns, proportion);
        var driverNames = drivers.ToList();
        if (driverNames.Count == 0) throw new ArgumentException("Name at least one driver column.", nameof(drivers));
        foreach (var d in driverNames)
        {
            if (!data.Contains(d)) throw new DataException($"{data.Source}: there is no column named {MessageText.Quote(d)} to drive the missingness.");
            if (targets.Contains(d)) throw new ArgumentException($"The driver {MessageText.Quote(d)} is also a column to delete from; a driver must stay observed.", nameof(drivers));
            if (data[d].MissingCount > 0) throw new DataException($"{data.Source}: the driver column {MessageText.Quote(d)} has missing values; drivers must be complete.");
        }
        int n = data.RowCount;
        var score = new double[n];
        foreach (var d in driverNames)
        {
            var v = data[d].Values;
            double mean = 0, ss = 0;
            for (int i = 0; i < n; i++) mean += v[i];
            mean /= n;
            for (int i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
            double sd = Math.Sqrt(ss / Math.Max(1, n - 1));
            for (int i = 0; i < n; i++) score[i] += sd > 0 ? (v[i] - mean) / sd : 0;
        }
        // Ties share their mean rank, so equal driver values get equal chances whatever the row order.
        var order = Enumerable.Range(0, n).OrderBy(i => score[i]).ToArray();
        var chance = new double[n];
        for (int k = 0; k < n;)
        {
            int end = k;
            while (end + 1 < n && score[order[end + 1]] == score[order[k]]) end++;
            double rank = (k + end) / 2.0 + 0.5; // mean of the 0-based ranks, plus ½
            for (int j = k; j <= end; j++) chance[order[j]] = 2 * proportion * rank / n;
            k = end + 1;
        }
        return Delete(data, targets, chance, seed);
    }

    private static HashSet<string> Targets(DataSet data, IEnumerable<string>? columns, double proportion)
    {
        if (!(proportion >= 0 && proportion < 1))
            throw new ArgumentOutOfRangeException(nameof(proportion), proportion, "The proportion of missing cells must be in [0, 1).");
        var targets = new HashSet<string>(columns ?? data.Names, StringComparer.Ordinal);
        foreach (var c in targets)
            if (!data.Contains(c)) throw new DataException($"{data.Source}: there is no column named {MessageText.Quote(c)} to delete values from.");
        return targets;
    }

    private static DataSet Delete(DataSet data, HashSet<string> targets, double[] chance, int seed)
    {
        var rng = new Random(seed);
        int n = data.RowCount;
        var columns = data.Columns.Select(c => (c.Name, Values: c.Values.ToArray(), Target: targets.Contains(c.Name))).ToList();
        var selected = columns.Where(c => c.Target).ToList();
        for (int i = 0; i < n; i++)
        {
            // One uniform per selected cell in a fixed order, so the result depends only on the seed and the data.
            var deleted = new List<int>();
            for (int j = 0; j < selected.Count; j++)
                if (rng.NextDouble() < chance[i] && !double.IsNaN(selected[j].Values[i])) deleted.Add(j);
            int observed = selected.Count(c => !double.IsNaN(c.Values[i]));
            if (deleted.Count > 0 && deleted.Count >= observed) deleted.RemoveAt(deleted.Count - 1); // keep one answer in the row
            foreach (int j in deleted) selected[j].Values[i] = double.NaN;
        }
        return DataSet.FromColumns(columns.Select(c => new KeyValuePair<string, double[]>(c.Name, c.Values)), data.Source);
    }
}
