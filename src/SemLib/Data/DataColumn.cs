namespace SemLib.Data;

/// <summary>
/// One column of a <see cref="DataSet"/>: numeric values with <see cref="double.NaN"/> for missing, plus
/// the original text when some cell was not a number (such a column can still group the data).
/// </summary>
public sealed class DataColumn
{
    private readonly double[] _values;
    private readonly string?[]? _text;

    internal DataColumn(string name, double[] values, string?[]? text, int firstBadRow, string? firstBadValue)
    {
        Name = name;
        _values = values;
        _text = text;
        FirstNonNumericRow = firstBadRow;
        FirstNonNumericValue = firstBadValue;
        // A cell is missing when it has no value and no text; the text array, when there is one, holds every present cell.
        int missing = 0;
        for (int i = 0; i < values.Length; i++)
            if (double.IsNaN(values[i]) && (text is null || text[i] is null)) missing++;
        MissingCount = missing;
    }

    /// <summary>The column's name from the header row.</summary>
    public string Name { get; }

    /// <summary>Number of rows.</summary>
    public int Length => _values.Length;

    /// <summary>The values; a missing or non-numeric cell is <see cref="double.NaN"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value of row <paramref name="row"/> (0-based).</summary>
    public double this[int row] => _values[row];

    /// <summary>True when every present cell is a number.</summary>
    public bool IsNumeric => FirstNonNumericRow < 0;

    /// <summary>1-based data row of the first cell that is not a number, or -1.</summary>
    public int FirstNonNumericRow { get; }

    /// <summary>The text of that first non-numeric cell, or null.</summary>
    public string? FirstNonNumericValue { get; }

    /// <summary>Number of missing cells (empty or NA).</summary>
    public int MissingCount { get; }

    /// <summary>The cell as text (numbers formatted invariantly); null when missing. Used for grouping.</summary>
    public string? TextAt(int row)
    {
        if (_text is not null && _text[row] is { } t) return t;
        double v = _values[row];
        return double.IsNaN(v) ? null : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal double[] RawValues => _values;
}
