using SemLib.Reporting.Diagrams.Layout;

namespace SemLib.Reporting.Diagrams;

/// <summary>A node of a laid-out path diagram: a variable or an error term, with its position and size.</summary>
internal sealed record DiagramNode
{
    /// <summary>Unique id: the variable's name, or <c>error:</c> followed by the variable's name for an error term.</summary>
    public required string Id { get; init; }

    /// <summary>The text shown in the node (the variable's name, or e.g. <c>e3</c>, <c>d1</c> for error terms).</summary>
    public required string Name { get; init; }

    /// <summary>Latent, observed or error term.</summary>
    public required DiagramNodeKind Kind { get; init; }

    /// <summary>The centre.</summary>
    public required DiagramPoint Center { get; init; }

    /// <summary>Width of the shape (the ellipse's or circle's diameter across).</summary>
    public required double Width { get; init; }

    /// <summary>Height of the shape.</summary>
    public required double Height { get; init; }

    /// <summary>The column of the causal order the node was placed in (0 = exogenous); indicators and error terms
    /// carry the layer of the variable they belong to.</summary>
    public int Layer { get; init; }

    /// <summary>The R² of the variable when the diagram shows it, else null.</summary>
    public double? RSquare { get; init; }

    /// <summary>Where the block this node belongs to keeps its indicators (for writers that mirror the layout).</summary>
    internal BlockSide BlockSide { get; init; }

    /// <summary>The bounding box of the shape.</summary>
    public DiagramRect Bounds => DiagramRect.Centered(Center, Width, Height);
}
