using System.Globalization;

namespace SemLib.Data;

/// <summary>
/// Summary data instead of raw data: a covariance matrix (and optionally means) with its sample size. As in
/// lavaan, the matrix is taken to be the usual unbiased estimate (divisor N − 1); maximum likelihood rescales
/// it by (N − 1)/N.
/// </summary>
public sealed record CovarianceData
{
    /// <summary>Creates summary data; the matrix must be square, symmetric and match the names.</summary>
    public CovarianceData(IReadOnlyList<string> names, double[,] covariance, int n, IReadOnlyList<double>? means = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(covariance);
        int p = names.Count;
        if (covariance.GetLength(0) != p || covariance.GetLength(1) != p)
            throw new DataException($"The covariance matrix is {covariance.GetLength(0)}×{covariance.GetLength(1)} but {p} variable names were given.");
        if (n < 2) throw new DataException($"The sample size must be at least 2 (got {n}).");
        if (means is not null && means.Count != p) throw new DataException($"{means.Count} means were given for {p} variables.");
        if (names.Distinct(StringComparer.Ordinal).Count() != p) throw new DataException("The covariance matrix names a variable twice.");
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double a = covariance[i, j], b = covariance[j, i];
                if (!double.IsFinite(a))
                    throw new DataException($"The covariance matrix has a value that is not a number at row {MessageText.Quote(names[i])}, column {MessageText.Quote(names[j])}.");
                if (Math.Abs(a - b) > 1e-8 * Math.Max(1, Math.Abs(a)))
                    throw new DataException($"The covariance matrix is not symmetric: [{MessageText.Quote(names[i])},{MessageText.Quote(names[j])}] = {a} but [{MessageText.Quote(names[j])},{MessageText.Quote(names[i])}] = {b}.");
            }
        }
        Names = names.ToArray();
        Covariance = (double[,])covariance.Clone();
        N = n;
        Means = means?.ToArray();
    }

    /// <summary>Variable names, in the matrix's order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The covariance matrix (divisor N − 1).</summary>
    public double[,] Covariance { get; }

    /// <summary>The number of observations.</summary>
    public int N { get; }

    /// <summary>The means, when known.</summary>
    public IReadOnlyList<double>? Means { get; }

    /// <summary>
    /// Reads a covariance matrix from CSV: a header row of variable names and then one row per variable
    /// holding the full symmetric matrix. A first column of row names is allowed (its header cell may be empty).
    /// </summary>
    public static CovarianceData ReadCsv(string path, int n) => ReadCsv(path, n, null);

    /// <summary>Reads a covariance matrix from CSV (see <see cref="ReadCsv(string, int)"/>) in the given encoding
    /// (null: UTF-8); a byte-order mark, when there is one, still decides.</summary>
    public static CovarianceData ReadCsv(string path, int n, System.Text.Encoding? encoding)
    {
        var data = DataSet.ReadCsvFile(path, unnamedFirstColumn: true, encoding);
        var cols = data.Columns.ToList();
        if (cols.Count > 0 && (cols[0].Name.Length == 0 || (cols.Count == data.RowCount + 1 && !cols[0].IsNumeric))) cols.RemoveAt(0);
        int p = cols.Count;
        if (data.RowCount != p)
            throw new DataException($"{data.Source}: a covariance matrix needs as many rows as columns; found {data.RowCount} rows and {p} columns.");
        var m = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            if (!cols[j].IsNumeric)
                throw new DataException($"{data.Source}: row {cols[j].FirstNonNumericRow}, column {MessageText.Quote(cols[j].Name)}: {MessageText.Quote(cols[j].FirstNonNumericValue)} is not a number.");
            for (int i = 0; i < p; i++)
            {
                double v = cols[j][i];
                if (double.IsNaN(v)) throw new DataException($"{data.Source}: row {i + 1}, column {MessageText.Quote(cols[j].Name)} is empty; a covariance matrix must be complete.");
                m[i, j] = v;
            }
        }
        return new CovarianceData(cols.Select(c => c.Name).ToList(), m, n);
    }

    /// <summary>Formats the matrix as CSV in the layout <see cref="ReadCsv(string, int)"/> reads.</summary>
    public string ToCsv()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(string.Join(",", Names));
        for (int i = 0; i < Names.Count; i++)
            sb.AppendLine(string.Join(",", Enumerable.Range(0, Names.Count).Select(j => Covariance[i, j].ToString("R", CultureInfo.InvariantCulture))));
        return sb.ToString();
    }
}
