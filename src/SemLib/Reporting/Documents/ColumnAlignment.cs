namespace SemLib.Reporting.Documents;

/// <summary>Horizontal alignment of a table column.</summary>
public enum ColumnAlignment
{
    /// <summary>Left-aligned (text).</summary>
    Left,

    /// <summary>Right-aligned (numbers).</summary>
    Right,

    /// <summary>Centred.</summary>
    Center,
}
