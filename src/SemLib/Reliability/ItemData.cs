using SemLib.Data;

namespace SemLib.Reliability;

/// <summary>
/// The numeric columns of a set of items, checked: every item exists in the data, is numeric, has observed
/// values and is not constant. Messages name the scale (or analysis) and the item.
/// </summary>
internal sealed class ItemData
{
    private ItemData(string context, string[] names, double[][] columns)
    {
        Context = context;
        Names = names;
        Columns = columns;
    }

    public string Context { get; }
    public string[] Names { get; }
    /// <summary>Column-major values (NaN = missing). Shared with the data set: never write to them.</summary>
    public double[][] Columns { get; }
    public int P => Names.Length;
    public int N => Columns.Length == 0 ? 0 : Columns[0].Length;

    /// <param name="data">The data.</param>
    /// <param name="items">Item names.</param>
    /// <param name="context">E.g. "scale 'visual'" or "the factor analysis", used in messages.</param>
    /// <param name="minItems">Fewest items the analysis accepts.</param>
    public static ItemData From(DataSet data, IReadOnlyList<string> items, string context, int minItems = 2)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count < minItems)
            throw new ReliabilityException($"{Capital(context)} has {items.Count} item{(items.Count == 1 ? "" : "s")} ({MessageText.List(items)}); at least {minItems} are needed.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item)) throw new ReliabilityException($"{Capital(context)} has an item with an empty name.");
            if (!seen.Add(item)) throw new ReliabilityException($"{Capital(context)} lists the item {MessageText.Quote(item)} twice.");
            if (!data.Contains(item))
                throw new ReliabilityException($"{Capital(context)}: the item {MessageText.Quote(item)} is not a column of {data.Source} (columns are: {MessageText.List(data.Names)}).");
            var col = data[item];
            if (!col.IsNumeric)
                throw new ReliabilityException($"{Capital(context)}: the item {MessageText.Quote(item)} is not numeric ({data.Source}, row {col.FirstNonNumericRow}: {MessageText.Quote(col.FirstNonNumericValue)}).");
        }
        var columns = data.NumericColumns(items);
        for (int j = 0; j < items.Count; j++)
        {
            var c = columns[j];
            int n = 0;
            double first = double.NaN;
            bool constant = true;
            foreach (var v in c)
            {
                if (double.IsNaN(v)) continue;
                if (n == 0) first = v;
                else if (v != first) constant = false;
                n++;
            }
            if (n == 0) throw new ReliabilityException($"{Capital(context)}: the item {MessageText.Quote(items[j])} has no observed values.");
            if (constant) throw new ReliabilityException($"{Capital(context)}: the item {MessageText.Quote(items[j])} is constant (every observed value is {first}); it has no variance.");
        }
        return new ItemData(context, items.ToArray(), columns);
    }

    /// <summary>Indices of the rows where every item is observed.</summary>
    public int[] CompleteRows()
    {
        var rows = new List<int>();
        for (int i = 0; i < N; i++)
        {
            bool ok = true;
            for (int j = 0; j < P && ok; j++) ok = !double.IsNaN(Columns[j][i]);
            if (ok) rows.Add(i);
        }
        return rows.ToArray();
    }

    /// <summary>The correlation matrix of the complete rows (listwise deletion), from their sample moments
    /// (<see cref="GroupSample.Moments(IReadOnlyList{double[]}, int)"/>, as estimation computes them); throws when fewer than three rows are
    /// complete or an item is constant on those rows.</summary>
    public (double[,] R, int N) ListwiseCorrelation()
    {
        var rows = CompleteRows();
        if (rows.Length < 3)
            throw new ReliabilityException($"{Capital(Context)}: only {rows.Length} row{(rows.Length == 1 ? " has" : "s have")} every item ({MessageText.List(Names)}) observed; at least 3 are needed.");
        var (_, cov) = GroupSample.Moments(rows.Select(i => Columns.Select(c => c[i]).ToArray()).ToArray(), P);
        for (int j = 0; j < P; j++)
            if (!(cov[j * P + j] > 0))
                throw new ReliabilityException($"{Capital(Context)}: the item {MessageText.Quote(Names[j])} is constant on the {rows.Length} complete rows; it has no variance.");
        return (Stats.CovToCor(Stats.Square(cov, P)), rows.Length);
    }

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
