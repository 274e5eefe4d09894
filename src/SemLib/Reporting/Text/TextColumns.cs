namespace SemLib.Reporting.Text;

/// <summary>The tables of the plain-text reports (<see cref="ReliabilityText"/>, <see cref="MonteCarloText"/>, and the
/// modification indices of <c>semlib fit --modindices</c>).</summary>
internal static class TextColumns
{
    /// <summary>Columns separated by two blanks, each as wide as its widest cell; the first <paramref name="leftColumns"/>
    /// left-justified, the rest right-justified.</summary>
    public static IEnumerable<string> Layout(IReadOnlyList<string[]> rows, int leftColumns)
    {
        int columns = rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var r in rows)
            yield return string.Join("  ", r.Select((cell, c) => c < leftColumns ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c])));
    }

    /// <summary>A number with three decimals, as psych and lavaan print it (scientific beyond ±1e9); NA when it does not exist.</summary>
    public static string F(double? v) => v is double x && double.IsFinite(x) ? Numbers.Decimals(x) : "NA";
}
