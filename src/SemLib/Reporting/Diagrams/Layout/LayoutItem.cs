namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>Where a factor's indicators sit relative to it.</summary>
internal enum BlockSide { None, Left, Right, Top, Bottom }

/// <summary>
/// One entry of a layout column: a structural variable with everything attached to it (its indicators and error
/// terms, positioned relative to the variable's centre, the block's anchor), or a bend point of an arrow that spans
/// several columns (a dummy, <see cref="Node"/> null).
/// </summary>
internal sealed class LayoutItem
{
    public SpecNode? Node { get; init; }
    public int Layer { get; init; }
    public int Index { get; set; }
    public double Y { get; set; }
    public double Up { get; set; }
    public double Down { get; set; }
    public double Left { get; set; }
    public double Right { get; set; }
    public BlockSide Side { get; set; }
    public List<LayoutItem> Prev { get; } = [];
    public List<LayoutItem> Next { get; } = [];

    /// <summary>The block's members (including the variable itself at offset 0) with offsets from the anchor.</summary>
    public List<(SpecNode Node, DiagramPoint Offset, double Width, double Height)> Members { get; } = [];

    public bool IsDummy => Node is null;
}
