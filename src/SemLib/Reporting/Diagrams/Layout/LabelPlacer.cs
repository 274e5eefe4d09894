namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// Places labels greedily, each at the best of a list of candidate positions: a coefficient along its arrow (by
/// arc length, nearest the preferred fraction first, then beside the arrow), an R² around its node. A candidate is
/// excluded when its box meets a node (grown by a margin, which also keeps arrowheads clear) or a label already
/// placed, and a coefficient's candidate is excluded when it is not clearly nearer its own arrow than any other (by
/// <see cref="OwnPathMargin"/>), so that no label can be read as another arrow's; among the rest, crossing other arrows
/// and distance from the preferred spot cost points.
/// </summary>
internal sealed class LabelPlacer(IReadOnlyList<PlacedNode> nodes, IReadOnlyList<(string Id, Polyline Line)> lines)
{
    /// <summary>Distance labels keep from nodes (which also keeps arrowheads visible).</summary>
    public const double NodeMargin = 5;

    /// <summary>How much nearer its own arrow than any other a coefficient's centre must be.</summary>
    public const double OwnPathMargin = 3;
    private readonly List<DiagramLabel> _placed = [];

    /// <summary>Labels that found no free candidate spot (they went to the nearest free place instead).</summary>
    public int Failures { get; private set; }

    public IReadOnlyList<DiagramLabel> Placed => _placed;

    /// <summary>The box a coefficient or R² label reserves: its text at the label font, with a little padding.</summary>
    public static (double Width, double Height) Box(string text, LayoutMetrics m) =>
        (TextMetrics.Width(text, m.LabelFont) + 4, TextMetrics.Height(m.LabelFont) + 1);

    /// <summary>Adds a label at a fixed place (a node's name inside its node).</summary>
    public void AddFixed(DiagramLabel label) => _placed.Add(label);

    public DiagramLabel PlaceOnEdge(string edgeId, string text, Polyline line, double preferred, LayoutMetrics m)
    {
        var (w, h) = Box(text, m);
        var candidates = new List<(DiagramPoint Center, double Cost)>();
        double[] steps = [0, 0.06, -0.06, 0.12, -0.12, 0.18, -0.18, 0.24, -0.24, 0.3, -0.3, 0.36, -0.36];
        foreach (double side in new[] { 0.0, 1, -1 })
            foreach (double step in steps)
                AddBeside(candidates, line, preferred + step, side, w, h, 40 * Math.Abs(step) + 30 * Math.Abs(side), 0.1);
        // When none of those is free, any spot along the arrow or a little further beside it, at a higher cost (so that
        // the layout is still retried with wider gaps).
        var more = new List<(DiagramPoint Center, double Cost)>();
        for (double t = 0.04; t <= 0.96; t += 0.02)
            foreach (double side in new[] { 0.0, 1, -1, 1.6, -1.6, 2.3, -2.3 })
                AddBeside(more, line, t, side, w, h, 40 * Math.Abs(t - preferred) + 30 * Math.Abs(side), 0.04);
        return Place(text, DiagramLabelKind.Coefficient, edgeId, w, h, m.LabelFont, candidates, candidates[0].Center,
            ownPath: c => IsOwn(edgeId, line, c), more: more);
    }

    /// <summary>A candidate at fraction <paramref name="t"/> of the arrow, <paramref name="side"/> box-widths beside it.</summary>
    private static void AddBeside(List<(DiagramPoint, double)> candidates, Polyline line, double t, double side, double w, double h, double cost, double margin)
    {
        if (t < margin || t > 1 - margin) return;
        var (p, tangent) = line.At(t);
        var normal = new DiagramPoint(-tangent.Y, tangent.X);
        // Beside the arrow: far enough along the normal that the box clears the line.
        double clear = (Math.Abs(normal.X) * w + Math.Abs(normal.Y) * h) / 2 + 2;
        candidates.Add((p + normal * (side * clear), cost));
    }

    /// <summary>True when <paramref name="c"/> is nearer the edge's own line than any other line, by <see cref="OwnPathMargin"/>.</summary>
    private bool IsOwn(string edgeId, Polyline own, DiagramPoint c)
    {
        double limit = own.DistanceTo(c) + OwnPathMargin;
        foreach (var (id, other) in lines)
            if (id != edgeId && other.Bounds.Inflate(limit).Contains(c) && other.DistanceTo(c) < limit) return false;
        return true;
    }

    public DiagramLabel PlaceNear(PlacedNode node, string text, LayoutMetrics m)
    {
        var (w, h) = Box(text, m);
        var b = node.Bounds;
        double gap = 3;
        var raw = new List<DiagramPoint>
        {
            new(b.Right - w / 2 + 8, b.Y - h / 2 - gap),
            new(b.Right - w / 2 + 8, b.Bottom + h / 2 + gap),
            new(b.Center.X, b.Y - h / 2 - gap),
            new(b.Center.X, b.Bottom + h / 2 + gap),
            new(b.Right + w / 2 + gap, b.Y - h / 2 + 4),
            new(b.Right + w / 2 + gap, b.Bottom + h / 2 - 4),
            new(b.X + w / 2 - 8, b.Y - h / 2 - gap),
            new(b.X + w / 2 - 8, b.Bottom + h / 2 + gap),
            new(b.X - w / 2 - gap, b.Y - h / 2 + 4),
            new(b.X - w / 2 - gap, b.Bottom + h / 2 - 4),
            new(b.Center.X, b.Y - 1.5 * h - gap),
            new(b.Center.X, b.Bottom + 1.5 * h + gap),
        };
        var candidates = raw.Select((p, i) => (p, 3.0 * i)).ToList();
        // An R² belongs to no arrow: one drawn across an arrow (the error term's, say) reads as that arrow's label.
        return Place(text, DiagramLabelKind.RSquare, node.Spec.Id, w, h, m.LabelFont, candidates, raw[0], nodeMargin: 1, crossCost: 100);
    }

    /// <summary>
    /// The first free spot on rings of growing radius around <paramref name="center"/> (16 directions a ring) that
    /// <paramref name="accept"/> accepts; without one, the first free spot.
    /// </summary>
    private DiagramPoint Spiral(DiagramPoint center, double w, double h, double nodeMargin, Func<DiagramPoint, bool>? accept)
    {
        double step = h / 2;
        DiagramPoint? firstFree = null;
        for (int ring = 1; ring < 400; ring++)
        {
            double r = ring * step;
            for (int k = 0; k < 16; k++)
            {
                double a = 2 * Math.PI * k / 16;
                var c = new DiagramPoint(center.X + r * Math.Cos(a), center.Y + r * Math.Sin(a));
                if (!IsFree(DiagramRect.Centered(c, w, h), nodeMargin)) continue;
                if (accept is null || accept(c)) return c;
                firstFree ??= c;
            }
        }
        return firstFree ?? center;
    }

    /// <summary>True when the box keeps <paramref name="nodeMargin"/> from every node and clear of every label placed.</summary>
    private bool IsFree(DiagramRect box, double nodeMargin) =>
        !nodes.Any(n => n.Bounds.Inflate(nodeMargin).Intersects(box)) && !_placed.Any(l => l.Bounds.Inflate(1).Intersects(box));

    private DiagramLabel Place(string text, DiagramLabelKind kind, string owner, double w, double h, double font,
        List<(DiagramPoint Center, double Cost)> candidates, DiagramPoint fallback, double nodeMargin = NodeMargin,
        Func<DiagramPoint, bool>? ownPath = null, List<(DiagramPoint Center, double Cost)>? more = null, double crossCost = 15)
    {
        DiagramPoint? Best(List<(DiagramPoint Center, double Cost)> list)
        {
            DiagramPoint? best = null;
            double bestScore = double.MaxValue;
            foreach (var (c, cost) in list)
            {
                var box = DiagramRect.Centered(c, w, h);
                if (!IsFree(box, nodeMargin) || (ownPath is not null && !ownPath(c))) continue;
                double score = cost;
                foreach (var (id, line) in lines)
                    if (id != owner && line.Intersects(box)) score += crossCost;
                if (score < bestScore) { bestScore = score; best = c; }
            }
            return best;
        }
        var best = Best(candidates);
        if (best is null)
        {
            // Counted, so the layout is retried with wider gaps; if it is the last try, the label still must not sit on
            // anything: the further spots along its arrow, else spiral outward from the preferred spot to the nearest
            // free place.
            Failures++;
            best = (more is null ? null : Best(more)) ?? Spiral(fallback, w, h, nodeMargin, ownPath);
        }
        var label = new DiagramLabel { Text = text, Kind = kind, Center = best.Value, FontSize = font, Width = w, Height = h, Owner = owner };
        _placed.Add(label);
        return label;
    }
}
