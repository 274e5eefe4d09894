namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// An edge's geometry flattened into a polyline (for collision tests and for placing labels by arc length),
/// built from the cubic Bézier chain of an edge's path.
/// </summary>
internal sealed class Polyline
{
    private const int SamplesPerSegment = 16;
    private readonly DiagramPoint[] _points;
    private readonly double[] _cumulative;

    public Polyline(IReadOnlyList<DiagramPoint> bezierPath)
    {
        var pts = new List<DiagramPoint> { bezierPath[0] };
        for (int s = 1; s + 2 < bezierPath.Count; s += 3)
        {
            var (p0, c1, c2, p3) = (bezierPath[s - 1], bezierPath[s], bezierPath[s + 1], bezierPath[s + 2]);
            bool straight = IsStraight(p0, c1, c2, p3);
            int n = straight ? 1 : SamplesPerSegment;
            for (int i = 1; i <= n; i++) pts.Add(Bezier(p0, c1, c2, p3, (double)i / n));
        }
        _points = pts.ToArray();
        _cumulative = new double[_points.Length];
        for (int i = 1; i < _points.Length; i++) _cumulative[i] = _cumulative[i - 1] + _points[i].DistanceTo(_points[i - 1]);
        double minX = _points.Min(p => p.X), minY = _points.Min(p => p.Y);
        Bounds = new DiagramRect(minX, minY, _points.Max(p => p.X) - minX, _points.Max(p => p.Y) - minY);
    }

    public IReadOnlyList<DiagramPoint> Points => _points;

    public double Length => _cumulative[^1];

    public DiagramRect Bounds { get; }

    /// <summary>The point at a fraction of the arc length, with the unit tangent there.</summary>
    public (DiagramPoint Point, DiagramPoint Tangent) At(double fraction)
    {
        double target = Math.Clamp(fraction, 0, 1) * Length;
        int i = 1;
        while (i < _points.Length - 1 && _cumulative[i] < target) i++;
        var a = _points[i - 1];
        var b = _points[i];
        double seg = _cumulative[i] - _cumulative[i - 1];
        double u = seg > 0 ? (target - _cumulative[i - 1]) / seg : 0;
        var d = b - a;
        double len = d.Length;
        return (a + d * u, len > 0 ? d * (1 / len) : new DiagramPoint(1, 0));
    }

    /// <summary>True when some segment of the polyline passes through the rectangle's interior.</summary>
    public bool Intersects(DiagramRect r)
    {
        if (!Bounds.Inflate(0.5).Intersects(r)) return false;
        for (int i = 1; i < _points.Length; i++)
            if (Geometry.SegmentIntersectsRect(_points[i - 1], _points[i], r)) return true;
        return false;
    }

    /// <summary>The number of times the two polylines cross (proper crossings of segments).</summary>
    public int Crossings(Polyline other)
    {
        if (!Bounds.Inflate(1).Intersects(other.Bounds.Inflate(1))) return 0;
        int n = 0;
        for (int i = 1; i < _points.Length; i++)
            for (int j = 1; j < other._points.Length; j++)
                if (Geometry.SegmentsCross(_points[i - 1], _points[i], other._points[j - 1], other._points[j])) n++;
        return n;
    }

    /// <summary>The distance from a point to the nearest point of the polyline.</summary>
    public double DistanceTo(DiagramPoint p)
    {
        double best = double.MaxValue;
        for (int i = 1; i < _points.Length; i++) best = Math.Min(best, Geometry.DistanceToSegment(p, _points[i - 1], _points[i]));
        return _points.Length == 1 ? p.DistanceTo(_points[0]) : best;
    }

    /// <summary>
    /// The share of this polyline's length (sampled every few units, leaving out <paramref name="ends"/> units at each
    /// end, where arrows meeting at a node are close by necessity) that runs within <paramref name="within"/> of
    /// <paramref name="other"/>: how much two arrows would read as one.
    /// </summary>
    public double NearShare(Polyline other, double within, double ends)
    {
        if (!Bounds.Inflate(within).Intersects(other.Bounds)) return 0;
        double inner = Length - 2 * ends;
        if (inner <= 0) return 0;
        int samples = Math.Max(4, (int)(inner / 4)), near = 0;
        for (int i = 0; i <= samples; i++)
            if (other.DistanceTo(At((ends + inner * i / samples) / Length).Point) < within) near++;
        return (double)near / (samples + 1);
    }

    public static DiagramPoint Bezier(DiagramPoint p0, DiagramPoint c1, DiagramPoint c2, DiagramPoint p3, double t)
    {
        double u = 1 - t;
        return p0 * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + p3 * (t * t * t);
    }

    /// <summary>True when the cubic segment's control points lie on its chord (a straight line written as a curve).</summary>
    public static bool IsStraight(DiagramPoint p0, DiagramPoint c1, DiagramPoint c2, DiagramPoint p3)
    {
        var d = p3 - p0;
        double len = d.Length;
        if (len < 1e-9) return false;
        double Off(DiagramPoint c) => Math.Abs((c.X - p0.X) * d.Y - (c.Y - p0.Y) * d.X) / len;
        return Off(c1) < 0.01 && Off(c2) < 0.01;
    }
}
