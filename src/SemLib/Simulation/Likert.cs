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
                {
                    if (double.IsNaN(values[i])) continue;
                    int k = 1;
                    foreach (var t in thresholds)
                        if (values[i] > t) k++;
                    values[i] = k;
                }
            }
            result.Add(new(col.Name, values));
        }
        return DataSet.FromColumns(result, data.Source);
    }
}
