namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// Builds the block of a structural variable: its node at the anchor, its observed indicators stacked in a column
/// to the left or right of it, or in a row above or below it, and error terms on the far side of each member.
/// </summary>
internal static class BlockBuilder
{
    public static (double Width, double Height) Size(SpecNode n, LayoutMetrics m)
    {
        switch (n.Kind)
        {
            case DiagramNodeKind.Latent:
                return (Math.Max(m.LatentMinWidth, 1.1 * TextMetrics.Width(n.Text, m.NameFont) + 18), m.LatentHeight);
            case DiagramNodeKind.Error:
                double d = Math.Max(m.ErrorDiameter, TextMetrics.Width(n.Text, m.ErrorFont) + 8);
                return (d, d);
            default:
                return (Math.Max(m.ObservedMinWidth, TextMetrics.Width(n.Text, m.NameFont) + 16), m.ObservedHeight);
        }
    }

    /// <summary>Chooses the side of each factor's indicators: left in the first column, right in the last, above or
    /// below in the middle columns (upper half of a column above, lower half below; a lone factor alternates by column).</summary>
    public static void ChooseSides(Layering layering, DiagramSpec spec)
    {
        int count = layering.Layers.Count;
        var owners = spec.Nodes.Where(n => n.Owner is not null).Select(n => n.Owner!).ToHashSet(StringComparer.Ordinal);
        foreach (var layer in layering.Layers)
        {
            var withIndicators = layer.Where(i => !i.IsDummy && owners.Contains(i.Node!.Id)).ToList();
            for (int k = 0; k < withIndicators.Count; k++)
            {
                var item = withIndicators[k];
                if (item.Layer == 0) item.Side = BlockSide.Left;
                else if (item.Layer == count - 1) item.Side = BlockSide.Right;
                else
                {
                    double rank = withIndicators.Count == 1 ? (item.Layer % 2 == 1 ? 0 : 1) : (double)k / (withIndicators.Count - 1);
                    item.Side = rank < 0.5 || (rank == 0.5 && item.Layer % 2 == 1) ? BlockSide.Top : BlockSide.Bottom;
                }
            }
        }
        // A first- or last-column factor whose indicators share residual covariances with the indicators of a factor
        // drawn with a row above (below) gets a row above (below) too, so that the arcs join row to row (e.g. the
        // same items measured twice).
        var sideOf = layering.Layers.SelectMany(l => l).Where(i => !i.IsDummy).ToDictionary(i => i.Node!.Id, i => i, StringComparer.Ordinal);
        // An indicator's owner, also reached through its error term (residual covariances join error terms when drawn).
        var ownerOf = spec.Nodes.Where(n => n.Owner is not null).ToDictionary(n => n.Id, n => n.Owner!, StringComparer.Ordinal);
        foreach (var err in spec.Nodes.Where(n => n.ErrorOf is not null && ownerOf.ContainsKey(n.ErrorOf)))
            ownerOf[err.Id] = ownerOf[err.ErrorOf!];
        foreach (var item in sideOf.Values.Where(i => i.Side is BlockSide.Left or BlockSide.Right))
        {
            var partners = spec.Edges.Where(e => e.Kind == DiagramEdgeKind.Covariance && ownerOf.ContainsKey(e.From) && ownerOf.ContainsKey(e.To))
                .Select(e => ownerOf[e.From] == item.Node!.Id ? ownerOf[e.To] : ownerOf[e.To] == item.Node!.Id ? ownerOf[e.From] : null)
                .Where(o => o is not null && o != item.Node!.Id).Select(o => sideOf[o!].Side).ToList();
            int top = partners.Count(s => s == BlockSide.Top), bottom = partners.Count(s => s == BlockSide.Bottom);
            if (top > 0 || bottom > 0) item.Side = top >= bottom ? BlockSide.Top : BlockSide.Bottom;
        }
    }

    public static void Build(LayoutItem item, DiagramSpec spec, LayoutMetrics m)
    {
        item.Members.Clear();
        if (item.IsDummy)
        {
            item.Up = item.Down = m.DummyHalfHeight;
            item.Left = item.Right = 0;
            return;
        }
        var node = item.Node!;
        var (w, h) = Size(node, m);
        item.Members.Add((node, new DiagramPoint(0, 0), w, h));
        var indicators = spec.Nodes.Where(n => n.Owner == node.Id && n.Kind != DiagramNodeKind.Error).OrderBy(n => n.Order).ToList();
        var sizes = indicators.Select(i => Size(i, m)).ToList();
        switch (item.Side)
        {
            case BlockSide.Left or BlockSide.Right:
            {
                double sign = item.Side == BlockSide.Left ? -1 : 1;
                double maxW = sizes.Max(s => s.Width);
                double total = indicators.Count * m.ObservedHeight + (indicators.Count - 1) * m.StackGap;
                double gap = Math.Max(m.IndicatorGap, 0.45 * total - 30);
                double x = sign * (w / 2 + gap + maxW / 2);
                for (int i = 0; i < indicators.Count; i++)
                {
                    double y = -total / 2 + m.ObservedHeight / 2 + i * (m.ObservedHeight + m.StackGap);
                    item.Members.Add((indicators[i], new DiagramPoint(x, y), sizes[i].Width, sizes[i].Height));
                    AddError(item, spec, m, indicators[i], new DiagramPoint(x + sign * (maxW / 2 + m.ErrorGap), y), new DiagramPoint(sign, 0));
                }
                break;
            }
            case BlockSide.Top or BlockSide.Bottom:
            {
                double sign = item.Side == BlockSide.Top ? -1 : 1;
                double total = sizes.Sum(s => s.Width) + (indicators.Count - 1) * m.RowGap;
                double y = sign * (h / 2 + m.IndicatorGapVertical + m.ObservedHeight / 2);
                double x = -total / 2;
                for (int i = 0; i < indicators.Count; i++)
                {
                    var c = new DiagramPoint(x + sizes[i].Width / 2, y);
                    item.Members.Add((indicators[i], c, sizes[i].Width, sizes[i].Height));
                    AddError(item, spec, m, indicators[i], new DiagramPoint(c.X, y + sign * (m.ObservedHeight / 2 + m.ErrorGap)), new DiagramPoint(0, sign));
                    x += sizes[i].Width + m.RowGap;
                }
                break;
            }
        }
        // The variable's own disturbance: below when its indicators are above, otherwise above.
        double dsign = item.Side == BlockSide.Top ? 1 : -1;
        AddError(item, spec, m, node, new DiagramPoint(0, dsign * (h / 2 + m.ErrorGap)), new DiagramPoint(0, dsign));

        item.Up = item.Members.Max(x => -(x.Offset.Y - x.Height / 2));
        item.Down = item.Members.Max(x => x.Offset.Y + x.Height / 2);
        item.Left = item.Members.Max(x => -(x.Offset.X - x.Width / 2));
        item.Right = item.Members.Max(x => x.Offset.X + x.Width / 2);
    }

    /// <summary>Adds the error term of <paramref name="of"/> (if the spec has one) just beyond <paramref name="edge"/>
    /// in direction <paramref name="dir"/>.</summary>
    private static void AddError(LayoutItem item, DiagramSpec spec, LayoutMetrics m, SpecNode of, DiagramPoint edge, DiagramPoint dir)
    {
        var err = spec.Nodes.FirstOrDefault(n => n.ErrorOf == of.Id);
        if (err is null) return;
        var (w, h) = Size(err, m);
        item.Members.Add((err, edge + dir * (w / 2), w, h));
    }
}
