namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>Small plane-geometry helpers for the diagram layout.</summary>
internal static class Geometry
{
    /// <summary>True when segment ab passes through the interior of r.</summary>
    public static bool SegmentIntersectsRect(DiagramPoint a, DiagramPoint b, DiagramRect r)
    {
        // Liang–Barsky clipping against the open rectangle.
        double t0 = 0, t1 = 1, dx = b.X - a.X, dy = b.Y - a.Y;
        if (!Clip(-dx, a.X - r.X, ref t0, ref t1)) return false;
        if (!Clip(dx, r.Right - a.X, ref t0, ref t1)) return false;
        if (!Clip(-dy, a.Y - r.Y, ref t0, ref t1)) return false;
        if (!Clip(dy, r.Bottom - a.Y, ref t0, ref t1)) return false;
        return t1 - t0 > 1e-9;
    }

    private static bool Clip(double p, double q, ref double t0, ref double t1)
    {
        if (Math.Abs(p) < 1e-12) return q > 0;
        double t = q / p;
        if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; }
        else { if (t < t0) return false; if (t < t1) t1 = t; }
        return true;
    }

    /// <summary>True when the segments cross at a point interior to both.</summary>
    public static bool SegmentsCross(DiagramPoint a, DiagramPoint b, DiagramPoint c, DiagramPoint d)
    {
        double d1 = Cross(c, d, a), d2 = Cross(c, d, b), d3 = Cross(a, b, c), d4 = Cross(a, b, d);
        return ((d1 > 1e-9 && d2 < -1e-9) || (d1 < -1e-9 && d2 > 1e-9)) &&
               ((d3 > 1e-9 && d4 < -1e-9) || (d3 < -1e-9 && d4 > 1e-9));
    }

    private static double Cross(DiagramPoint o, DiagramPoint a, DiagramPoint b) =>
        (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);

    /// <summary>The point where the ray from the shape's centre towards <paramref name="toward"/> leaves the shape
    /// (rectangle, or ellipse for latent variables and error terms).</summary>
    public static DiagramPoint Boundary(DiagramNodeKind kind, DiagramPoint center, double width, double height, DiagramPoint toward)
    {
        var d = toward - center;
        if (d.Length < 1e-9) return center;
        double a = width / 2, b = height / 2;
        double k;
        if (kind == DiagramNodeKind.Observed)
            k = 1 / Math.Max(Math.Abs(d.X) / a, Math.Abs(d.Y) / b);
        else
            k = 1 / Math.Sqrt(d.X * d.X / (a * a) + d.Y * d.Y / (b * b));
        return center + d * k;
    }

    /// <summary>The distance from p to the segment ab.</summary>
    public static double DistanceToSegment(DiagramPoint p, DiagramPoint a, DiagramPoint b)
    {
        var d = b - a;
        double len2 = d.X * d.X + d.Y * d.Y;
        double t = len2 < 1e-18 ? 0 : Math.Clamp(((p.X - a.X) * d.X + (p.Y - a.Y) * d.Y) / len2, 0, 1);
        return p.DistanceTo(a + d * t);
    }

    /// <summary>A straight line as a one-segment Bézier path.</summary>
    public static DiagramPoint[] Line(DiagramPoint a, DiagramPoint b) =>
        [a, a + (b - a) * (1.0 / 3), a + (b - a) * (2.0 / 3), b];
}
