using System.Globalization;
using System.Text;

namespace SemLib.Reliability;

/// <summary>
/// An immutable matrix of numbers with named rows and columns (a correlation matrix, a loading matrix, an HTMT
/// table). Index it by position, <c>m[i, j]</c>, or by name, <c>m["x1", "x2"]</c>.
/// </summary>
public sealed class LabeledMatrix : IEquatable<LabeledMatrix>
{
    private readonly double[,] _values;
    private readonly Dictionary<string, int> _rowIndex;
    private readonly Dictionary<string, int> _columnIndex;

    /// <summary>Creates a matrix; the values are copied. Names must match the dimensions and be unique.</summary>
    public LabeledMatrix(IReadOnlyList<string> rowNames, IReadOnlyList<string> columnNames, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(rowNames);
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) != rowNames.Count || values.GetLength(1) != columnNames.Count)
            throw new ArgumentException($"The matrix is {values.GetLength(0)}×{values.GetLength(1)} but {rowNames.Count} row and {columnNames.Count} column names were given.", nameof(values));
        RowNames = rowNames.ToArray();
        ColumnNames = columnNames.ToArray();
        _values = (double[,])values.Clone();
        _rowIndex = Index(RowNames, "row");
        _columnIndex = Index(ColumnNames, "column");
    }

    /// <summary>Creates a square matrix whose rows and columns carry the same names.</summary>
    public LabeledMatrix(IReadOnlyList<string> names, double[,] values) : this(names, names, values) { }

    /// <summary>Names of the rows.</summary>
    public IReadOnlyList<string> RowNames { get; }

    /// <summary>Names of the columns.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _values.GetLength(0);

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _values.GetLength(1);

    /// <summary>The value at row <paramref name="row"/> and column <paramref name="column"/> (0-based).</summary>
    public double this[int row, int column] => _values[row, column];

    /// <summary>The value at the named row and column; <see cref="KeyNotFoundException"/> naming it when absent.</summary>
    public double this[string row, string column] => _values[RowIndex(row), ColumnIndex(column)];

    /// <summary>Position of the named row.</summary>
    public int RowIndex(string name) => _rowIndex.TryGetValue(name, out int i) ? i
        : throw new KeyNotFoundException($"The matrix has no row named {MessageText.Quote(name)} (rows are: {MessageText.List(RowNames)}).");

    /// <summary>Position of the named column.</summary>
    public int ColumnIndex(string name) => _columnIndex.TryGetValue(name, out int j) ? j
        : throw new KeyNotFoundException($"The matrix has no column named {MessageText.Quote(name)} (columns are: {MessageText.List(ColumnNames)}).");

    /// <summary>One row as a new array.</summary>
    public double[] Row(int row) => Enumerable.Range(0, ColumnCount).Select(j => _values[row, j]).ToArray();

    /// <summary>One column as a new array.</summary>
    public double[] Column(int column) => Enumerable.Range(0, RowCount).Select(i => _values[i, column]).ToArray();

    /// <summary>A copy of the values.</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>The sub-matrix of the named rows and columns, in the order given.</summary>
    public LabeledMatrix Select(IReadOnlyList<string> rows, IReadOnlyList<string> columns)
    {
        var v = new double[rows.Count, columns.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            int r = RowIndex(rows[i]);
            for (int j = 0; j < columns.Count; j++) v[i, j] = _values[r, ColumnIndex(columns[j])];
        }
        return new LabeledMatrix(rows, columns, v);
    }

    /// <summary>The square sub-matrix of the named rows and columns.</summary>
    public LabeledMatrix Select(IReadOnlyList<string> names) => Select(names, names);

    /// <summary>True when both matrices have the same names and exactly the same values.</summary>
    public bool Equals(LabeledMatrix? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (!RowNames.SequenceEqual(other.RowNames) || !ColumnNames.SequenceEqual(other.ColumnNames)) return false;
        for (int i = 0; i < RowCount; i++)
            for (int j = 0; j < ColumnCount; j++)
                if (!_values[i, j].Equals(other._values[i, j])) return false;
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LabeledMatrix);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RowCount, ColumnCount, RowNames.Count > 0 ? RowNames[0] : "", RowCount > 0 && ColumnCount > 0 ? _values[0, 0] : 0);

    /// <summary>A plain-text table with three decimals.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        int w = Math.Max(8, RowNames.Select(n => n.Length).DefaultIfEmpty(0).Max() + 1);
        sb.Append(new string(' ', w));
        foreach (var c in ColumnNames) sb.Append(c.PadLeft(Math.Max(8, c.Length + 1)));
        sb.AppendLine();
        for (int i = 0; i < RowCount; i++)
        {
            sb.Append(RowNames[i].PadRight(w));
            for (int j = 0; j < ColumnCount; j++)
                sb.Append(_values[i, j].ToString("F3", CultureInfo.InvariantCulture).PadLeft(Math.Max(8, ColumnNames[j].Length + 1)));
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> names, string what)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
            if (!d.TryAdd(names[i], i)) throw new ArgumentException($"The {what} name {MessageText.Quote(names[i])} appears twice.");
        return d;
    }
}
