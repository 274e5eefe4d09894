using System.Globalization;
using System.Text;
using CsvHelper;

namespace SemLib.Data;

/// <summary>
/// A rectangular data set: named columns of numbers, <see cref="double.NaN"/> for a missing value. Read it
/// from CSV with <see cref="ReadCsv(string)"/> (header row; an empty cell or <c>NA</c> is missing) or build it
/// from arrays with <see cref="FromColumns"/>.
/// </summary>
public sealed class DataSet
{
    private readonly DataColumn[] _columns;
    private readonly Dictionary<string, int> _index;

    private DataSet(DataColumn[] columns, string source)
    {
        _columns = columns;
        Source = source;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++)
        {
            if (!_index.TryAdd(columns[i].Name, i))
                throw new DataException($"{source}: the column name {MessageText.Quote(columns[i].Name)} appears twice in the header (columns {_index[columns[i].Name] + 1} and {i + 1}).");
        }
        RowCount = columns.Length == 0 ? 0 : columns[0].Length;
    }

    /// <summary>Where the data came from (a file name, or "data"), used in messages.</summary>
    public string Source { get; }

    /// <summary>Number of rows (observations).</summary>
    public int RowCount { get; }

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Names => _columns.Select(c => c.Name).ToList();

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<DataColumn> Columns => _columns;

    /// <summary>True when a column of that name exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The column of that name; <see cref="DataException"/> naming it when there is none.</summary>
    public DataColumn this[string name] =>
        _index.TryGetValue(name, out int i) ? _columns[i]
            : throw new DataException($"{Source}: there is no column named {MessageText.Quote(name)} (columns are: {MessageText.List(_columns.Select(c => c.Name))}).");

    /// <summary>Builds a data set from named arrays (NaN = missing). The arrays are copied.</summary>
    public static DataSet FromColumns(IEnumerable<KeyValuePair<string, double[]>> columns, string source = "data")
    {
        var cols = columns.Select(kv => new DataColumn(kv.Key, (double[])kv.Value.Clone(), null, -1, null)).ToArray();
        if (cols.Select(c => c.Length).Distinct().Count() > 1)
            throw new DataException($"{source}: columns have different lengths ({MessageText.List(cols.Select(c => $"{MessageText.Truncate(c.Name)}: {c.Length}"))}).");
        return new DataSet(cols, source);
    }

    /// <summary>Builds a data set from a row-major matrix (rows = observations) and column names.</summary>
    public static DataSet FromMatrix(IReadOnlyList<string> names, double[,] values, string source = "data")
    {
        if (names.Count != values.GetLength(1))
            throw new ArgumentException($"{names.Count} names were given for {values.GetLength(1)} columns.", nameof(names));
        var cols = new KeyValuePair<string, double[]>[names.Count];
        for (int j = 0; j < names.Count; j++)
        {
            var col = new double[values.GetLength(0)];
            for (int i = 0; i < col.Length; i++) col[i] = values[i, j];
            cols[j] = new(names[j], col);
        }
        return FromColumns(cols, source);
    }

    /// <summary>
    /// Reads a CSV file with a header row. Empty cells and <c>NA</c> are missing. The file is UTF-8 (a byte-order
    /// mark for UTF-8, UTF-16 or UTF-32 is honoured); a file that is not valid UTF-8 is a <see cref="DataException"/>
    /// saying where and what it probably is (GBK/GB18030, Latin-1): read it with <see cref="ReadCsv(string, Encoding)"/>.
    /// </summary>
    public static DataSet ReadCsv(string path) => ReadCsvFile(path, unnamedFirstColumn: false);

    /// <summary>
    /// Reads a CSV file in the given encoding, e.g. <c>CodePagesEncodingProvider.Instance.GetEncoding("GB18030")</c>
    /// for a Chinese export (null: UTF-8, as <see cref="ReadCsv(string)"/>); a byte-order mark, when there is one, still decides.
    /// </summary>
    public static DataSet ReadCsv(string path, Encoding? encoding) => ReadCsvFile(path, unnamedFirstColumn: false, encoding);

    /// <summary>Reads a CSV file; with <paramref name="unnamedFirstColumn"/> the first header cell may be empty (R's row names).</summary>
    internal static DataSet ReadCsvFile(string path, bool unnamedFirstColumn, Encoding? encoding = null)
    {
        if (!File.Exists(path)) throw new DataException($"The data file '{path}' does not exist.");
        string source = Path.GetFileName(path);
        try
        {
            using var reader = TextFile.Open(path, encoding);
            return ReadCsv(reader, source, unnamedFirstColumn);
        }
        catch (Exception e) when (e is not DataException && TextFile.IsDecodingFailure(e))
        {
            throw new DataException($"{source} {TextFile.NotUtf8(path)}", e);
        }
    }

    /// <summary>Reads CSV text with a header row from a reader; <paramref name="source"/> names it in messages.
    /// The separator (comma, semicolon or tab) is detected from the header.</summary>
    public static DataSet ReadCsv(TextReader reader, string source = "data") => ReadCsv(reader, source, unnamedFirstColumn: false);

    private static DataSet ReadCsv(TextReader reader, string source, bool unnamedFirstColumn)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        using var csv = CsvReader.Create(reader, options, true);
        csv.ReadHeader();
        var names = csv.Headers?.Select(h => h.Trim()).ToArray() ?? [];
        if (names.Length == 0 || (names.Length == 1 && names[0].Length == 0))
            throw new DataException($"{source}: the file is empty; expected a header row with the variable names.");
        for (int j = 0; j < names.Length; j++)
            if (names[j].Length == 0 && !(j == 0 && unnamedFirstColumn))
                throw new DataException($"{source}: column {j + 1} of the header row has no name.");

        var cells = new List<string[]>();
        while (csv.Read())
        {
            int row = cells.Count + 1;
            if (csv.FieldCount != names.Length)
                throw new DataException($"{source}: row {row} (line {csv.LineNumber}) has {csv.FieldCount} cells but the header names {names.Length} columns.");
            var record = new string[names.Length];
            for (int j = 0; j < record.Length; j++) record[j] = csv.GetString(j);
            cells.Add(record);
        }

        var columns = new DataColumn[names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            var values = new double[cells.Count];
            string?[]? text = null;
            int badRow = -1;
            string? badValue = null;
            for (int i = 0; i < cells.Count; i++)
            {
                string cell = cells[i][j].Trim();
                if (cell.Length == 0 || cell == "NA")
                {
                    values[i] = double.NaN;
                    continue;
                }
                if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
                {
                    values[i] = v;
                    continue;
                }
                values[i] = double.NaN;
                text ??= new string?[cells.Count];
                text[i] = cell;
                if (badRow < 0)
                {
                    badRow = i + 1;
                    badValue = cell;
                }
            }
            if (text is not null)
            {
                for (int i = 0; i < cells.Count; i++)
                {
                    string cell = cells[i][j].Trim();
                    if (text[i] is null && cell.Length > 0 && cell != "NA") text[i] = cell;
                }
            }
            columns[j] = new DataColumn(names[j], values, text, badRow, badValue);
        }
        return new DataSet(columns, source);
    }

    /// <summary>A data set with only the rows for which <paramref name="keep"/> is true.</summary>
    public DataSet WhereRows(Func<int, bool> keep)
    {
        var rows = Enumerable.Range(0, RowCount).Where(keep).ToArray();
        return SelectRows(rows);
    }

    /// <summary>A data set with the given rows (0-based, repeats allowed) in that order.</summary>
    public DataSet SelectRows(IReadOnlyList<int> rows)
    {
        var cols = new DataColumn[_columns.Length];
        for (int j = 0; j < cols.Length; j++)
        {
            var src = _columns[j];
            var values = new double[rows.Count];
            string?[]? text = src.IsNumeric ? null : new string?[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                values[i] = src[rows[i]];
                if (text is not null) text[i] = src.TextAt(rows[i]);
            }
            cols[j] = new DataColumn(src.Name, values, text, src.FirstNonNumericRow, src.FirstNonNumericValue);
        }
        return new DataSet(cols, Source);
    }

    /// <summary>Writes the data set as CSV (header row, invariant culture, empty cell for missing).</summary>
    public void WriteCsv(TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true);
        csv.WriteHeader(_columns.Select(c => c.Name).ToArray());
        var record = new string[_columns.Length];
        for (int i = 0; i < RowCount; i++)
        {
            for (int j = 0; j < _columns.Length; j++) record[j] = _columns[j].TextAt(i) ?? "";
            csv.WriteRecord(record);
        }
        csv.Flush();
    }

    /// <summary>
    /// The values of the named numeric columns as an array of rows, checking that each column exists and
    /// holds numbers; <see cref="DataException"/> names the first offending column and row.
    /// </summary>
    public double[][] NumericColumns(IReadOnlyList<string> names)
    {
        var result = new double[names.Count][];
        for (int j = 0; j < names.Count; j++)
        {
            if (!_index.TryGetValue(names[j], out int idx))
                throw new DataException($"{Source}: the model variable {MessageText.Quote(names[j])} is not a column of the data (columns are: {MessageText.List(_columns.Select(c => c.Name))}).");
            var col = _columns[idx];
            if (!col.IsNumeric)
                throw new DataException($"{Source}: row {col.FirstNonNumericRow}, column {MessageText.Quote(col.Name)}: {MessageText.Quote(col.FirstNonNumericValue)} is not a number.");
            result[j] = col.RawValues;
        }
        return result;
    }
}
