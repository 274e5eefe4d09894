namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>A point in diagram coordinates (SVG user units; y grows downwards).</summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate (downwards).</param>
internal readonly record struct DiagramPoint(double X, double Y)
{
    /// <summary>The vector sum.</summary>
    public static DiagramPoint operator +(DiagramPoint a, DiagramPoint b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>The vector difference.</summary>
    public static DiagramPoint operator -(DiagramPoint a, DiagramPoint b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Scales the point as a vector.</summary>
    public static DiagramPoint operator *(DiagramPoint a, double k) => new(a.X * k, a.Y * k);

    /// <summary>The Euclidean length of the point as a vector.</summary>
    public double Length => Math.Sqrt(X * X + Y * Y);

    /// <summary>The distance to another point.</summary>
    public double DistanceTo(DiagramPoint other) => (other - this).Length;
}
