namespace SemLib.Reporting.Documents;

/// <summary>
/// A table with any columns and per-cell flags: the block every result (fit measures, estimates, reliability,
/// hypotheses, effects) is reported in.
/// <code>
/// var table = new ReportTable(["Hypothesis", ReportColumn.Numeric("β"), "Verdict"],
///     [["H1a", ".35***", "supported"], ["H1c", ReportCell.Flag(".08"), "not supported"]])
/// { Caption = "Hypotheses", FlagLegend = "not significant at .05" };
/// </code>
/// </summary>
public sealed record ReportTable : ReportBlock
{
    /// <summary>Creates a table; every row must have one cell per column.</summary>
    /// <exception cref="ArgumentException">A row has a different number of cells than there are columns.</exception>
    public ReportTable(IReadOnlyList<ReportColumn> columns, IEnumerable<IReadOnlyList<ReportCell>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        Columns = columns.ToArray();
        var list = new List<IReadOnlyList<ReportCell>>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row);
            if (row.Count != Columns.Count)
                throw new ArgumentException($"Row {list.Count + 1} has {row.Count} cells, but the table has {Columns.Count} columns ({string.Join(", ", Columns.Select(c => c.Header))}).", nameof(rows));
            list.Add(row.ToArray());
        }
        Rows = list;
    }

    /// <summary>The columns.</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>The rows, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<ReportCell>> Rows { get; }

    /// <summary>A caption above the table, or null.</summary>
    public string? Caption { get; init; }

    /// <summary>What a flag means in this table (e.g. "standardized loading below .50 (Hair et al. 2019)"); shown
    /// after the ⚠ marker below the table when some cell is flagged.</summary>
    public string FlagLegend { get; init; } = "misses the customary cut-off";

    /// <summary>Notes printed below the table (sources of cut-offs, abbreviations).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when some cell is flagged.</summary>
    public bool HasFlags => Rows.Any(r => r.Any(c => c.Flagged));
}
