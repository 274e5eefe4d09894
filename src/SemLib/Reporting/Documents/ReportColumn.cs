namespace SemLib.Reporting.Documents;

/// <summary>A column of a <see cref="ReportTable"/>: its header and alignment.</summary>
/// <param name="Header">The header text.</param>
/// <param name="Alignment">How the column's cells are aligned.</param>
public sealed record ReportColumn(string Header, ColumnAlignment Alignment = ColumnAlignment.Left)
{
    /// <summary>A right-aligned (numeric) column.</summary>
    public static ReportColumn Numeric(string header) => new(header, ColumnAlignment.Right);

    /// <summary>A left-aligned column with the given header.</summary>
    public static implicit operator ReportColumn(string header) => new(header);
}
