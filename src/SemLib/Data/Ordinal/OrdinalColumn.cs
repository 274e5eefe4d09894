using System.Globalization;

namespace SemLib.Data.Ordinal;

/// <summary>
/// One ordered variable coded as lavaan codes it: its categories are the sorted distinct values observed in the data
/// (integers; gaps allowed), and each row holds the 0-based index of its category, so codes 2, 4, 7, 8, 10 become
/// 0..4 (lavaan's 1..K). −1 marks a missing cell.
/// </summary>
internal sealed class OrdinalColumn
{
    /// <summary>More categories than this draws a warning: the variable is probably continuous.</summary>
    public const int ManyCategories = 15;

    private OrdinalColumn(string name, double[] categories, int[] codes)
    {
        Name = name;
        Categories = categories;
        Codes = codes;
    }

    /// <summary>The variable's name.</summary>
    public string Name { get; }

    /// <summary>The observed category values, ascending (K of them).</summary>
    public double[] Categories { get; }

    /// <summary>Per row the category index 0..K−1, or −1 when the cell is missing.</summary>
    public int[] Codes { get; }

    /// <summary>Number of categories K.</summary>
    public int CategoryCount => Categories.Length;

    /// <summary>
    /// Codes a data column. A non-numeric or non-integer value is a <see cref="DataException"/> naming the column and
    /// the (1-based) row; so is a column with fewer than two observed categories. More than
    /// <see cref="ManyCategories"/> categories adds a warning to <paramref name="warnings"/>.
    /// </summary>
    /// <param name="column">The data column (NaN = missing).</param>
    /// <param name="source">Where the data came from, for messages.</param>
    /// <param name="warnings">Receives the warnings.</param>
    public static OrdinalColumn Code(DataColumn column, string source, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!column.IsNumeric)
            throw new DataException($"{source}: the ordered variable {MessageText.Quote(column.Name)} has a value that is not a number in row {column.FirstNonNumericRow} ({MessageText.Quote(column.FirstNonNumericValue ?? "")}); ordered variables need integer category codes.");
        return Code(column.Name, column.Values, source, warnings);
    }

    /// <summary>Codes the values of one variable (NaN = missing); see <see cref="Code(DataColumn, string, ICollection{string})"/>.</summary>
    public static OrdinalColumn Code(string name, ReadOnlySpan<double> values, string source, ICollection<string> warnings)
    {
        var distinct = new SortedSet<double>();
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v) || v != Math.Round(v) || Math.Abs(v) > int.MaxValue)
                throw new DataException($"{source}: the ordered variable {MessageText.Quote(name)} has the value {v.ToString("R", CultureInfo.InvariantCulture)} in row {i + 1}; ordered variables need integer category codes.");
            distinct.Add(v);
        }
        if (distinct.Count < 2)
            throw new DataException(distinct.Count == 0
                ? $"{source}: the ordered variable {MessageText.Quote(name)} has no observed values."
                : $"{source}: the ordered variable {MessageText.Quote(name)} has a single observed category ({distinct.Min.ToString("R", CultureInfo.InvariantCulture)}); an ordered variable needs at least two.");
        if (distinct.Count > ManyCategories)
            warnings.Add($"The ordered variable {MessageText.Quote(name)} has {distinct.Count} categories (more than {ManyCategories}); it is probably continuous.");
        var categories = distinct.ToArray();
        var codes = new int[values.Length];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = double.IsNaN(values[i]) ? -1 : Array.BinarySearch(categories, values[i]);
        return new OrdinalColumn(name, categories, codes);
    }
}
