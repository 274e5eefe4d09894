namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>A node's position during layout.</summary>
internal sealed record PlacedNode(SpecNode Spec, DiagramPoint Center, double Width, double Height, int Layer, BlockSide Side)
{
    public DiagramRect Bounds => DiagramRect.Centered(Center, Width, Height);

    public DiagramPoint BoundaryToward(DiagramPoint p) => Geometry.Boundary(Spec.Kind, Center, Width, Height, p);

    /// <summary>The point of the left (sign −1) or right (+1) side of the shape at height <paramref name="y"/>.</summary>
    public DiagramPoint SideAt(double y, int sign)
    {
        double dy = Math.Clamp(y - Center.Y, -Height / 2 + 1, Height / 2 - 1);
        double half = Spec.Kind == DiagramNodeKind.Observed ? Width / 2
            : Width / 2 * Math.Sqrt(Math.Max(0, 1 - dy * dy / (Height * Height / 4)));
        return new DiagramPoint(Center.X + sign * half, Center.Y + dy);
    }

    /// <summary>The middle of the side of an indicator that faces its factor.</summary>
    public DiagramPoint InnerPort => Side switch
    {
        BlockSide.Left => new DiagramPoint(Center.X + Width / 2, Center.Y),
        BlockSide.Right => new DiagramPoint(Center.X - Width / 2, Center.Y),
        BlockSide.Top => new DiagramPoint(Center.X, Center.Y + Height / 2),
        BlockSide.Bottom => new DiagramPoint(Center.X, Center.Y - Height / 2),
        _ => Center,
    };
}
