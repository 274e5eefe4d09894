using SemLib.Data;

namespace SemLib.Simulation;

/// <summary>Cuts continuous scores into ordered categories 1…K at K − 1 thresholds, as survey responses.</summary>
public static class Likert
{
    /// <summary>
    /// Replaces each named column (all columns when none are named) by its category: 1 + the number of
    /// thresholds below the value. Thresholds must be increasing; missing values stay missing.
    /// </summary>
    public static DataSet Cut(DataSet data, IReadOnlyList<double> thresholds, IEnumerable<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(thresholds);
        for (int i = 1; i < thresholds.Count; i++)
            if (!(thresholds[i] > thresholds[i - 1]))
                throw new ArgumentException("Thresholds must be strictly increasing.", nameof(thresholds));
        var selected = new HashSet<string>(columns ?? data.Names, StringComparer.Ordinal);
        foreach (var c in selected)
            if (!data.Contains(c)) throw new DataException($"{data.Source}: there is no column named '{c}' to cut into categories.");
        var result = new List<KeyValuePair<string, double[]>>();
        foreach (var col in data.Columns)
        {
            var values = col.Values.ToArray();
            if (selected.Contains(col.Name))
            {
                for (int i = 0; i < values.Length; i++)
                    if (!double.IsNaN(values[i])) values[i] = Category(values[i], thresholds);
            }
            result.Add(new(col.Name, values));
        }
        return DataSet.FromColumns(result, data.Source);
    }

    /// <summary>Replaces every value of the rows by its category (simulated rows, which have no missing values).</summary>
    internal static void Cut(double[][] rows, IReadOnlyList<double> thresholds)
    {
        foreach (var row in rows)
            for (int j = 0; j < row.Length; j++) row[j] = Category(row[j], thresholds);
    }

    /// <summary>The category of a score: 1 + the number of thresholds below it.</summary>
    private static int Category(double value, IReadOnlyList<double> thresholds)
    {
        int k = 1;
        for (int i = 0; i < thresholds.Count; i++)
            if (value > thresholds[i]) k++;
        return k;
    }
}
