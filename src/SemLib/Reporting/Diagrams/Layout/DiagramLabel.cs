namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// A text label of a laid-out path diagram. <see cref="Bounds"/> is the box the layout reserves for it (the text's
/// extent from the layout's font metrics plus padding); the layout keeps the boxes of all labels apart.
/// </summary>
internal sealed record DiagramLabel
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>What the label shows.</summary>
    public required DiagramLabelKind Kind { get; init; }

    /// <summary>The centre of the text box.</summary>
    public required DiagramPoint Center { get; init; }

    /// <summary>Font size in user units.</summary>
    public required double FontSize { get; init; }

    /// <summary>Width of the reserved box.</summary>
    public required double Width { get; init; }

    /// <summary>Height of the reserved box.</summary>
    public required double Height { get; init; }

    /// <summary>The node id or edge id the label belongs to (empty for the legend).</summary>
    public string Owner { get; init; } = "";

    /// <summary>The reserved box.</summary>
    public DiagramRect Bounds => DiagramRect.Centered(Center, Width, Height);
}
