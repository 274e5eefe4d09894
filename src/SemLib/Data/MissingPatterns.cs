namespace SemLib.Data;

/// <summary>
/// The missing-data patterns of one group's raw rows (NaN = missing): the distinct sets of observed variables, the
/// rows and sufficient statistics of each (<see cref="MissingPattern"/>), and the coverage matrix. Rows missing every
/// variable carry no information and are dropped, as lavaan drops them ("some cases are empty and will be ignored");
/// <see cref="EmptyRows"/> says which. Patterns are ordered as lavaan orders them (<c>lavInspect(fit, "patterns")</c>):
/// most rows first, ties by <see cref="MissingPattern.Key"/> as text. Nothing depends on the order of the rows
/// except <see cref="MissingPattern.Rows"/>.
/// </summary>
internal sealed class MissingPatterns
{
    private MissingPatterns(IReadOnlyList<string> names, int rowCount, int[] emptyRows, MissingPattern[] patterns, double[] coverage)
    {
        Names = names;
        RowCount = rowCount;
        EmptyRows = emptyRows;
        Patterns = patterns;
        Coverage = coverage;
        N = rowCount - emptyRows.Length;
        MaxObserved = patterns.Max(pt => pt.ObservedIndices.Length);
    }

    /// <summary>The variables, in the order of the rows' values.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of variables (p).</summary>
    public int P => Names.Count;

    /// <summary>Number of rows given, empty ones included.</summary>
    public int RowCount { get; }

    /// <summary>Number of rows used: those observing at least one variable (lavaan's <c>nobs</c>).</summary>
    public int N { get; }

    /// <summary>Rows missing every variable, dropped: zero-based indices into the rows given, ascending.</summary>
    public IReadOnlyList<int> EmptyRows { get; }

    /// <summary>
    /// What a fit should tell the user about the rows: how many were dropped for missing every variable, and which
    /// (row numbers counted from 1, as lavaan lists them). Empty when none were.
    /// </summary>
    public IReadOnlyList<string> Warnings => EmptyRows.Count == 0 ? [] :
    [
        EmptyRows.Count == 1
            ? $"1 row is missing every variable and was dropped (row {EmptyRows[0] + 1}); {MessageText.Count(N)} rows are used."
            : $"{MessageText.Count(EmptyRows.Count)} rows are missing every variable and were dropped (rows {MessageText.List(EmptyRows.Select(i => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))}); {MessageText.Count(N)} rows are used.",
    ];

    /// <summary>The patterns, in lavaan's order (see the type's remarks).</summary>
    public IReadOnlyList<MissingPattern> Patterns { get; }

    /// <summary>Number of distinct patterns.</summary>
    public int PatternCount => Patterns.Count;

    /// <summary>The largest number of variables any pattern observes (sizes scratch buffers).</summary>
    public int MaxObserved { get; }

    /// <summary>True when every row used observes every variable (one pattern, the complete one).</summary>
    public bool IsComplete => Patterns.Count == 1 && Patterns[0].MissingIndices.Length == 0;

    /// <summary>
    /// Coverage, row-major p×p: the proportion of the <see cref="N"/> rows used that observe both variable i and
    /// variable j (the diagonal: variable i), as lavaan's <c>lavInspect(fit, "coverage")</c>.
    /// </summary>
    public double[] Coverage { get; }

    /// <summary>The patterns of the named numeric columns of <paramref name="data"/>.</summary>
    public static MissingPatterns FromDataSet(DataSet data, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = data.NumericColumns(names);
        var rows = new double[data.RowCount][];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = new double[names.Count];
            for (int j = 0; j < row.Length; j++) row[j] = columns[j][i];
            rows[i] = row;
        }
        return Create(names, rows);
    }

    /// <summary>
    /// The patterns of <paramref name="rows"/> (each p values in <paramref name="names"/> order, NaN = missing).
    /// Throws <see cref="DataException"/> when there are no rows, a value is infinite, or a variable is missing in
    /// every row (naming it).
    /// </summary>
    public static MissingPatterns Create(IReadOnlyList<string> names, IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rows);
        int p = names.Count;
        if (p == 0) throw new ArgumentException("At least one variable is needed.", nameof(names));
        if (rows.Count == 0) throw new DataException($"There are no rows of data for the variables {MessageText.List(names)}.");

        var observedCount = new int[p];
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var empty = new List<int>();
        var key = new char[p];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Length != p)
                throw new ArgumentException($"Row {i + 1} has {row.Length} values; there are {p} variables.", nameof(rows));
            int q = 0;
            for (int j = 0; j < p; j++)
            {
                double v = row[j];
                if (double.IsInfinity(v))
                    throw new DataException($"Row {i + 1}, variable {MessageText.Quote(names[j])}: the value is infinite.");
                bool obs = !double.IsNaN(v);
                key[j] = obs ? '1' : '0';
                if (obs)
                {
                    q++;
                    observedCount[j]++;
                }
            }
            if (q == 0)
            {
                empty.Add(i);
                continue;
            }
            var k = new string(key);
            if (!byKey.TryGetValue(k, out var list)) byKey[k] = list = [];
            list.Add(i);
        }

        if (empty.Count == rows.Count)
            throw new DataException($"All {MessageText.Count(rows.Count)} rows are missing every variable ({MessageText.List(names)}); there is nothing to analyse.");
        var never = Enumerable.Range(0, p).Where(j => observedCount[j] == 0).Select(j => names[j]).ToList();
        if (never.Count > 0)
            throw new DataException(never.Count == 1
                ? $"Variable {MessageText.Quote(never[0])} is missing in every row ({MessageText.Count(rows.Count)} rows); it cannot be analysed. Drop it from the model or supply its values."
                : $"Variables {MessageText.List(never, quote: true)} are missing in every row ({MessageText.Count(rows.Count)} rows); they cannot be analysed. Drop them from the model or supply their values.");

        var patterns = byKey.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => Build(kv.Key, kv.Value, rows)).ToArray();
        int n = rows.Count - empty.Count;
        var coverage = new double[p * p];
        foreach (var pt in patterns)
        {
            foreach (int a in pt.ObservedIndices)
                foreach (int b in pt.ObservedIndices) coverage[a * p + b] += pt.Count;
        }
        for (int c = 0; c < coverage.Length; c++) coverage[c] /= n;
        return new MissingPatterns(names.ToArray(), rows.Count, [.. empty], patterns, coverage);
    }

    private static MissingPattern Build(string key, List<int> rowIndices, IReadOnlyList<double[]> rows)
    {
        var observed = key.Select(c => c == '1').ToArray();
        var obs = Enumerable.Range(0, observed.Length).Where(j => observed[j]).ToArray();
        var compact = rowIndices.Select(i => obs.Select(j => rows[i][j]).ToArray()).ToArray();
        var (mean, cov) = GroupSample.Moments(compact, obs.Length);
        return new MissingPattern(observed, [.. rowIndices], mean, cov);
    }
}
