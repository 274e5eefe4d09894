namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// Draws the arrows: loadings straight from a factor to the inner side of each indicator; arrows between structural
/// variables of adjacent columns straight when nothing is in the way, otherwise (and for arrows spanning several
/// columns) through their bend points as horizontal runs across columns joined by S-curves in the gaps between
/// columns, where no node stands; covariances (and any other arrow) as curves chosen among candidates bulging to
/// either side by increasing amounts, scored by the nodes they would cross (excluded) and the arrows they cross.
/// </summary>
internal sealed class EdgeRouter(Dictionary<string, PlacedNode> nodes, Layering layering, IReadOnlyList<(double X, double Left, double Right)> columns, LayoutMetrics metrics)
{
    private readonly List<Polyline> _routed = [];

    /// <summary>The middles of the curves routed so far with a label, where their labels will go first.</summary>
    private readonly List<(DiagramPoint Spot, double Radius)> _labelSpots = [];

    /// <summary>Where the arrows routed so far meet each node.</summary>
    private readonly Dictionary<string, List<DiagramPoint>> _ends = new(StringComparer.Ordinal);

    /// <summary>Two arrows meeting a node closer than this would share an arrowhead.</summary>
    private const double EndGap = 8;

    private List<DiagramPoint> Ends(string node)
    {
        if (!_ends.TryGetValue(node, out var list)) _ends[node] = list = [];
        return list;
    }

    /// <summary>
    /// Where a curve towards <paramref name="control"/> leaves the node: on the ray towards it, or, when another arrow
    /// already meets the node there, on the nearest ray turned by steps of 10° whose point keeps <see cref="EndGap"/>
    /// from every other arrow's end (so several covariances of one variable do not start on one arrowhead).
    /// </summary>
    private DiagramPoint Attach(PlacedNode p, DiagramPoint control)
    {
        var taken = Ends(p.Spec.Id);
        var v = control - p.Center;
        for (int k = 0; k <= 8; k++)
            foreach (int sign in k == 0 ? new[] { 1 } : [1, -1])
            {
                double angle = sign * k * Math.PI / 18;
                var r = new DiagramPoint(v.X * Math.Cos(angle) - v.Y * Math.Sin(angle), v.X * Math.Sin(angle) + v.Y * Math.Cos(angle));
                var point = p.BoundaryToward(p.Center + r);
                if (taken.All(t => t.DistanceTo(point) >= EndGap)) return point;
            }
        return p.BoundaryToward(control);
    }

    /// <summary>Arrows closer than this over a stretch read as one, and leave no room between them for a label.</summary>
    private const double CloseRun = 14;

    public Dictionary<SpecEdge, DiagramPoint[]> Route(IReadOnlyList<SpecEdge> edges)
    {
        var paths = new Dictionary<SpecEdge, DiagramPoint[]>();
        void Keep(SpecEdge e, DiagramPoint[] p)
        {
            paths[e] = p;
            _routed.Add(new Polyline(p));
            Ends(e.From).Add(p[0]);
            Ends(e.To).Add(p[^1]);
        }

        foreach (var e in edges.Where(e => e.Kind == DiagramEdgeKind.Error))
        {
            var (a, b) = (nodes[e.From], nodes[e.To]);
            Keep(e, Geometry.Line(a.BoundaryToward(b.Center), b.BoundaryToward(a.Center)));
        }
        foreach (var e in edges.Where(e => e.Kind == DiagramEdgeKind.Loading && nodes[e.To].Spec.Owner == e.From))
        {
            var (a, b) = (nodes[e.From], nodes[e.To]);
            var port = b.InnerPort;
            Keep(e, Geometry.Line(a.BoundaryToward(port), port));
        }
        // Cross-loadings (and growth models' loadings on the slope) straight when nothing is in the way: a loading reads
        // as a straight arrow, and crossing the factor's other arrows costs less than a long detour.
        foreach (var e in edges.Where(e => e.Kind == DiagramEdgeKind.Loading && nodes[e.To].Spec.Owner is string owner && owner != e.From))
        {
            var (a, b) = (nodes[e.From], nodes[e.To]);
            var line = Geometry.Line(a.BoundaryToward(b.Center), b.BoundaryToward(a.Center));
            if (NodeHits(new Polyline(line), a, b, 2) == 0) Keep(e, line);
        }
        var channel = new List<SpecEdge>();
        // Reciprocal paths (a non-recursive model's x ~ y and y ~ x) would be one straight line: they take the channel,
        // whose ports keep them apart.
        var pairs = edges.Where(layering.Chains.ContainsKey).GroupBy(e => string.CompareOrdinal(e.From, e.To) < 0 ? (e.From, e.To) : (e.To, e.From))
            .Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        foreach (var e in edges.Where(layering.Chains.ContainsKey))
        {
            var (chain, _) = layering.Chains[e];
            if (chain.Count == 2 && !pairs.Contains(e))
            {
                var (a, b) = (nodes[e.From], nodes[e.To]);
                var line = Geometry.Line(a.BoundaryToward(b.Center), b.BoundaryToward(a.Center));
                if (NodeHits(new Polyline(line), a, b, 2) == 0) { Keep(e, line); continue; }
            }
            channel.Add(e);
        }
        var ports = Ports(channel);
        foreach (var e in channel)
        {
            var p = Channel(e, ports);
            if (NodeHits(new Polyline(p), nodes[e.From], nodes[e.To], 1) > 0) p = Free(e, allowStraight: true);
            Keep(e, p);
        }
        var rest = edges.Where(e => !paths.ContainsKey(e))
            .OrderBy(e => e.Kind == DiagramEdgeKind.Covariance ? 1 : 0)
            .ThenBy(e => nodes[e.From].Center.DistanceTo(nodes[e.To].Center)).ToList();
        foreach (var e in rest) Keep(e, Free(e, allowStraight: e.Kind != DiagramEdgeKind.Covariance));
        return paths;
    }

    private int NodeHits(Polyline line, PlacedNode a, PlacedNode b, double inflate)
    {
        int n = 0;
        foreach (var node in nodes.Values)
            if (!ReferenceEquals(node, a) && !ReferenceEquals(node, b) && line.Intersects(node.Bounds.Inflate(inflate))) n++;
        return n;
    }

    /// <summary>Vertical offsets of the ends of channel-routed arrows on each node side, spread so that arrows
    /// leaving or entering the same side do not run on top of each other.</summary>
    private Dictionary<(SpecEdge, bool), double> Ports(List<SpecEdge> channel)
    {
        var ends = new List<(string Node, bool Out, SpecEdge Edge, double OtherY)>();
        foreach (var e in channel)
        {
            var (chain, _) = layering.Chains[e];
            ends.Add((chain[0].Node!.Id, true, e, chain[1].Y));
            ends.Add((chain[^1].Node!.Id, false, e, chain[^2].Y));
        }
        var offsets = new Dictionary<(SpecEdge, bool), double>();
        foreach (var g in ends.GroupBy(x => (x.Node, x.Out)))
        {
            var list = g.OrderBy(x => x.OtherY).ToList();
            double limit = nodes[g.Key.Node].Height / 2 - 5;
            double step = list.Count > 1 ? Math.Min(10, 2 * limit / (list.Count - 1)) : 0;
            for (int i = 0; i < list.Count; i++)
                offsets[(list[i].Edge, list[i].Out)] = Math.Clamp((i - (list.Count - 1) / 2.0) * step, -limit, limit);
        }
        return offsets;
    }

    private DiagramPoint[] Channel(SpecEdge e, Dictionary<(SpecEdge, bool), double> ports)
    {
        var (chain, reversed) = layering.Chains[e];
        var first = nodes[chain[0].Node!.Id];
        var last = nodes[chain[^1].Node!.Id];
        var pts = new List<DiagramPoint>();
        double y = first.Center.Y + ports[(e, true)];
        var start = first.SideAt(y, +1);
        pts.Add(start);
        double x = start.X;
        void LineTo(DiagramPoint p) { var l = Geometry.Line(pts[^1], p); pts.AddRange(l.Skip(1)); }
        void CurveTo(DiagramPoint p)
        {
            var a = pts[^1];
            double dx = (p.X - a.X) / 2;
            pts.Add(new DiagramPoint(a.X + dx, a.Y));
            pts.Add(new DiagramPoint(p.X - dx, p.Y));
            pts.Add(p);
        }
        if (columns[chain[0].Layer].Right > x + 0.5) { x = columns[chain[0].Layer].Right; LineTo(new DiagramPoint(x, y)); }
        for (int i = 1; i < chain.Count; i++)
        {
            var item = chain[i];
            var col = columns[item.Layer];
            if (item.IsDummy)
            {
                CurveTo(new DiagramPoint(col.Left, item.Y));
                LineTo(new DiagramPoint(col.Right, item.Y));
            }
            else
            {
                double ty = last.Center.Y + ports[(e, false)];
                var end = last.SideAt(ty, -1);
                double xl = Math.Min(col.Left, end.X);
                CurveTo(new DiagramPoint(xl, ty));
                if (end.X > xl + 0.5) LineTo(end);
            }
        }
        var path = pts.ToArray();
        if (reversed) Array.Reverse(path);
        return path;
    }

    /// <summary>The best of a straight line (when allowed) and curves bulging to either side.</summary>
    private DiagramPoint[] Free(SpecEdge e, bool allowStraight)
    {
        var (a, b) = (nodes[e.From], nodes[e.To]);
        var v = b.Center - a.Center;
        double d = Math.Max(v.Length, 1);
        var u = v * (1 / d);
        var n = new DiagramPoint(-u.Y, u.X);
        var candidates = new List<(DiagramPoint[] Path, double Penalty)>();
        if (allowStraight) candidates.Add((Geometry.Line(a.BoundaryToward(b.Center), b.BoundaryToward(a.Center)), 0));
        // The apex of a curve lies the larger half-extent of the two shapes (across the line) plus a bulge beyond the line.
        double ext = Math.Max(Extent(a, n), Extent(b, n));
        double[] bulges = [12, 22, 34, 50, 0.3 * d + 40, 0.6 * d + 80, d + 140, 1.5 * d + 220];
        for (int k = 0; k < bulges.Length; k++)
            foreach (int s in new[] { 1, -1 })
            {
                var dir = n * s;
                double apex = ext + bulges[k];
                double control = (8 * apex - 2 * ext) / 6;
                var c1 = a.Center + dir * control + u * (0.06 * d);
                var c2 = b.Center + dir * control - u * (0.06 * d);
                double penalty = 8 + 4 * k + Disfavoured(a, dir) + Disfavoured(b, dir);
                candidates.Add(([Attach(a, c1), c1, c2, Attach(b, c2)], penalty));
            }
        DiagramPoint[]? best = null;
        double bestScore = double.MaxValue;
        foreach (var (path, penalty) in candidates)
        {
            var line = new Polyline(path);
            double score = 1000 * NodeHits(line, a, b, 3) + 25 * _routed.Sum(r => line.Crossings(r)) + 0.04 * line.Length + penalty
                // Running alongside another arrow makes the two read as one (and their labels as each other's).
                + 400 * _routed.Sum(r => line.NearShare(r, CloseRun, 18));
            if (e.Text.Length > 0 && !RoomForLabel(line, e.Text)) score += 1500;
            // Passing by the middle of a curve routed before would leave its label no place of its own.
            foreach (var (spot, radius) in _labelSpots)
                if (line.Bounds.Inflate(radius).Contains(spot) && line.DistanceTo(spot) < radius) score += 200;
            if (score < bestScore) { bestScore = score; best = path; }
        }
        if (e.Text.Length > 0)
        {
            var (w, h) = LabelPlacer.Box(e.Text, metrics);
            _labelSpots.Add((new Polyline(best!).At(0.5).Point, Math.Max(w, h) / 2 + LabelPlacer.OwnPathMargin + 2));
        }
        return best!;
    }

    /// <summary>True when the label fits on the middle part of the curve without touching a node (the label placer's
    /// first test), so that a curve squeezed between shapes is not chosen over one with room for its coefficient.</summary>
    private bool RoomForLabel(Polyline line, string text)
    {
        var (w, h) = LabelPlacer.Box(text, metrics);
        foreach (double t in new[] { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 })
        {
            var p = line.At(t).Point;
            var box = DiagramRect.Centered(p, w, h);
            if (nodes.Values.Any(n => n.Bounds.Inflate(LabelPlacer.NodeMargin).Intersects(box))) continue;
            // The label on the curve must also read as this curve's: no arrow routed before runs through it or nearby.
            if (_routed.Any(r => r.Bounds.Inflate(h).Contains(p) && r.DistanceTo(p) < h / 2 + LabelPlacer.OwnPathMargin)) continue;
            return true;
        }
        return false;
    }

    private static double Extent(PlacedNode p, DiagramPoint n) => Math.Abs(n.X) * p.Width / 2 + Math.Abs(n.Y) * p.Height / 2;

    /// <summary>A cost for bulging towards the side where a factor's indicators are (or, for an indicator or its error
    /// term, towards its factor): covariance arcs read best on the free side.</summary>
    private double Disfavoured(PlacedNode p, DiagramPoint dir)
    {
        var self = p.Spec.ErrorOf is string of ? nodes[of] : p;
        if (p.Spec.Kind == DiagramNodeKind.Error && self.Spec.Owner is null) return 0;
        var toward = (self.Spec.Owner is null ? self.Side : Opposite(self.Side)) switch
        {
            BlockSide.Left => new DiagramPoint(-1, 0),
            BlockSide.Right => new DiagramPoint(1, 0),
            BlockSide.Top => new DiagramPoint(0, -1),
            BlockSide.Bottom => new DiagramPoint(0, 1),
            _ => new DiagramPoint(0, 0),
        };
        return toward.X * dir.X + toward.Y * dir.Y > 0.3 ? 12 : 0;
    }

    private static BlockSide Opposite(BlockSide s) => s switch
    {
        BlockSide.Left => BlockSide.Right,
        BlockSide.Right => BlockSide.Left,
        BlockSide.Top => BlockSide.Bottom,
        BlockSide.Bottom => BlockSide.Top,
        _ => BlockSide.None,
    };
}
