using SemLib.Reporting.Diagrams.Layout;

namespace SemLib.Reporting.Diagrams;

/// <summary>
/// Lays a <see cref="DiagramSpec"/> out left to right in causal order (see <see cref="Layering"/>,
/// <see cref="BlockBuilder"/>, <see cref="VerticalPlacement"/>, <see cref="EdgeRouter"/>, <see cref="LabelPlacer"/>).
/// When some label finds no free place, the whole layout is repeated with wider gaps, up to a limit.
/// </summary>
internal static class DiagramLayout
{
    private static readonly double[] Spacings = [1.0, 1.2, 1.45, 1.75, 2.1, 2.5, 3.0, 3.6];

    public static PathDiagram Run(DiagramSpec spec, DiagramOptions options)
    {
        // The columns, their order and the side of each block's indicators do not depend on the spacing; every
        // attempt rebuilds the blocks and their heights, which do.
        var layering = Layering.Build(spec);
        BlockBuilder.ChooseSides(layering, spec);
        PathDiagram? diagram = null;
        foreach (double s in Spacings)
        {
            (diagram, int failures) = Attempt(spec, layering, options, new LayoutMetrics(s));
            if (failures == 0) break;
        }
        return diagram!;
    }

    private static (PathDiagram, int Failures) Attempt(DiagramSpec spec, Layering layering, DiagramOptions options, LayoutMetrics m)
    {
        foreach (var item in layering.Layers.SelectMany(l => l)) BlockBuilder.Build(item, spec, m);
        VerticalPlacement.Run(layering, m);

        var columns = new List<(double X, double Left, double Right)>();
        double x = 0;
        for (int l = 0; l < layering.Layers.Count; l++)
        {
            var layer = layering.Layers[l];
            double left = layer.Select(i => i.Left).DefaultIfEmpty(0).Max(), right = layer.Select(i => i.Right).DefaultIfEmpty(0).Max();
            if (l > 0)
            {
                int crossing = layering.Layers[l - 1].Sum(i => i.Next.Count);
                x += columns[l - 1].Right - columns[l - 1].X + m.ColumnGap(crossing) + left;
            }
            else x = left;
            columns.Add((x, x - left, x + right));
        }

        var placed = new Dictionary<string, PlacedNode>(StringComparer.Ordinal);
        foreach (var layer in layering.Layers)
            foreach (var item in layer.Where(i => !i.IsDummy))
                foreach (var (node, off, w, h) in item.Members)
                    placed[node.Id] = new PlacedNode(node, new DiagramPoint(columns[item.Layer].X + off.X, item.Y + off.Y), w, h, item.Layer,
                        item.Side);
        PlaceStragglers(spec, placed, m);

        var paths = new EdgeRouter(placed, layering, columns, m).Route(spec.Edges);
        var lines = spec.Edges.Select(e => (e.Id, new Polyline(paths[e]))).ToList();
        var placer = new LabelPlacer(placed.Values.ToList(), lines);
        foreach (var n in placed.Values)
            placer.AddFixed(new DiagramLabel
            {
                Text = n.Spec.Text,
                Kind = DiagramLabelKind.NodeName,
                Center = n.Center,
                FontSize = n.Spec.Kind == DiagramNodeKind.Error ? m.ErrorFont : m.NameFont,
                Width = TextMetrics.Width(n.Spec.Text, n.Spec.Kind == DiagramNodeKind.Error ? m.ErrorFont : m.NameFont),
                Height = TextMetrics.Height(n.Spec.Kind == DiagramNodeKind.Error ? m.ErrorFont : m.NameFont),
                Owner = n.Spec.Id,
            });
        foreach (var n in spec.Nodes.Where(n => n.RSquare is not null))
            placer.PlaceNear(placed[n.Id], "R² = " + Numbers.Bounded(n.RSquare, options.Decimals), m);
        var edgeLabels = new Dictionary<SpecEdge, DiagramLabel>();
        foreach (var (e, line) in spec.Edges.Zip(lines.Select(l => l.Item2)).Where(x => x.First.Text.Length > 0)
                     .OrderBy(x => x.First.Kind switch { DiagramEdgeKind.Loading => 0, DiagramEdgeKind.Regression => 1, _ => 2 }))
        {
            double preferred = e.Kind == DiagramEdgeKind.Loading && placed[e.To].Spec.Owner == e.From ? 0.62 : 0.5;
            edgeLabels[e] = placer.PlaceOnEdge(e.Id, e.Text, line, preferred, m);
        }

        var labels = placer.Placed.ToList();
        var bounds = placed.Values.Select(n => n.Bounds).Concat(labels.Select(l => l.Bounds)).Concat(lines.Select(l => l.Item2.Bounds))
            .Aggregate((a, b) => a.Union(b));
        if (options.ShowLegend)
        {
            string legend = Legend(spec, options);
            double w = TextMetrics.Width(legend, m.LegendFont), h = TextMetrics.Height(m.LegendFont);
            var legendLabel = new DiagramLabel
            {
                Text = legend, Kind = DiagramLabelKind.Legend, FontSize = m.LegendFont, Width = w, Height = h,
                Center = new DiagramPoint(bounds.X + w / 2, bounds.Bottom + 14 + h / 2),
            };
            labels.Add(legendLabel);
            bounds = bounds.Union(legendLabel.Bounds);
        }

        var shift = new DiagramPoint(m.Margin - bounds.X, m.Margin - bounds.Y);
        DiagramPoint S(DiagramPoint p) => p + shift;
        DiagramLabel SL(DiagramLabel l) => l with { Center = S(l.Center) };
        var nodes = spec.Nodes.Select(n => placed[n.Id]).Select(p => new DiagramNode
        {
            Id = p.Spec.Id, Name = p.Spec.Text, Kind = p.Spec.Kind, Center = S(p.Center), Width = p.Width, Height = p.Height,
            Layer = p.Layer, RSquare = p.Spec.RSquare, BlockSide = p.Side,
        }).ToList();
        var edges = spec.Edges.Select(e => new DiagramEdge
        {
            Id = e.Id, From = e.From, To = e.To, Kind = e.Kind, Value = e.Value, PValue = e.PValue, Free = e.Free, Text = e.Text,
            Dashed = e.Dashed, Path = paths[e].Select(S).ToArray(), Label = edgeLabels.TryGetValue(e, out var l) ? SL(l) : null,
        }).ToList();
        var diagram = new PathDiagram
        {
            Title = spec.Title,
            Width = Math.Ceiling(bounds.Width + 2 * m.Margin),
            Height = Math.Ceiling(bounds.Height + 2 * m.Margin),
            Nodes = nodes,
            Edges = edges,
            Labels = labels.Select(SL).ToList(),
            Options = options,
        };
        return (diagram, placer.Failures);
    }

    /// <summary>Puts any node no block holds (which should not happen) in a row below the drawing.</summary>
    private static void PlaceStragglers(DiagramSpec spec, Dictionary<string, PlacedNode> placed, LayoutMetrics m)
    {
        var missing = spec.Nodes.Where(n => !placed.ContainsKey(n.Id)).ToList();
        if (missing.Count == 0) return;
        double y = placed.Values.Select(p => p.Bounds.Bottom).DefaultIfEmpty(0).Max() + 60, x = 0;
        foreach (var n in missing)
        {
            var (w, h) = BlockBuilder.Size(n, m);
            placed[n.Id] = new PlacedNode(n, new DiagramPoint(x + w / 2, y), w, h, 0, BlockSide.None);
            x += w + 30;
        }
    }

    private static string Legend(DiagramSpec spec, DiagramOptions o)
    {
        var parts = new List<string> { (o.Standardized ? "Standardized" : "Unstandardized") + " estimates", Significance.Legend(o.SignificanceLevels) };
        if (spec.HasDashed) parts.Add("dashed: p ≥ " + Significance.Level(o.DashLevel));
        if (spec.HasRSquare) parts.Add("R²: variance explained");
        return string.Join("; ", parts) + ".";
    }
}
