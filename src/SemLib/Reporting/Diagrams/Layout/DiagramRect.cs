namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>An axis-aligned rectangle in diagram coordinates: the bounding box of a node or a label.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width (≥ 0).</param>
/// <param name="Height">Height (≥ 0).</param>
internal readonly record struct DiagramRect(double X, double Y, double Width, double Height)
{
    /// <summary>The rectangle of the given size centred on a point.</summary>
    public static DiagramRect Centered(DiagramPoint center, double width, double height) =>
        new(center.X - width / 2, center.Y - height / 2, width, height);

    /// <summary>Right edge.</summary>
    public double Right => X + Width;

    /// <summary>Bottom edge.</summary>
    public double Bottom => Y + Height;

    /// <summary>The centre.</summary>
    public DiagramPoint Center => new(X + Width / 2, Y + Height / 2);

    /// <summary>True when the interiors of the two rectangles intersect (touching edges do not count).</summary>
    public bool Intersects(DiagramRect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>True when the point lies inside or on the edge.</summary>
    public bool Contains(DiagramPoint p) => p.X >= X && p.X <= Right && p.Y >= Y && p.Y <= Bottom;

    /// <summary>The rectangle grown by <paramref name="margin"/> on every side.</summary>
    public DiagramRect Inflate(double margin) => new(X - margin, Y - margin, Width + 2 * margin, Height + 2 * margin);

    /// <summary>The smallest rectangle containing both.</summary>
    public DiagramRect Union(DiagramRect other)
    {
        double x = Math.Min(X, other.X), y = Math.Min(Y, other.Y);
        return new DiagramRect(x, y, Math.Max(Right, other.Right) - x, Math.Max(Bottom, other.Bottom) - y);
    }
}
