namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// Places the items of each column vertically: in their order, at least their extents plus a gap apart, and as close
/// as possible to the mean height of their neighbours in the adjacent columns. Each column is solved exactly in the
/// least-squares sense (isotonic regression by pool-adjacent-violators after subtracting the cumulative separations),
/// sweeping the columns back and forth until the positions settle.
/// </summary>
internal static class VerticalPlacement
{
    public static void Run(Layering layering, LayoutMetrics m)
    {
        foreach (var layer in layering.Layers)
        {
            double y = 0;
            for (int i = 0; i < layer.Count; i++)
            {
                if (i > 0) y += Separation(layer[i - 1], layer[i], m);
                layer[i].Y = y;
            }
            double mid = layer.Count == 0 ? 0 : (layer[0].Y - layer[0].Up + layer[^1].Y + layer[^1].Down) / 2;
            foreach (var item in layer) item.Y -= mid;
        }
        for (int iter = 0; iter < 24; iter++)
        {
            var order = iter % 2 == 0 ? layering.Layers : Enumerable.Reverse(layering.Layers);
            foreach (var layer in order)
            {
                var desired = layer.Select(x =>
                {
                    var nb = x.Prev.Concat(x.Next).ToList();
                    return nb.Count == 0 ? x.Y : nb.Sum(n => Weight(x, n) * n.Y) / nb.Sum(n => Weight(x, n));
                }).ToArray();
                Solve(layer, desired, layer.Select(x => x.IsDummy ? DummyWeight : 1.0).ToArray(), m);
            }
        }
    }

    /// <summary>Long arrows get priority, so that they run straight and short ones bend (as in Brandes &amp; Köpf
    /// 2001): a mediation model draws as a triangle with the direct path as its base.</summary>
    private const double DummyWeight = 4;

    private static double Weight(LayoutItem a, LayoutItem b) => a.IsDummy || b.IsDummy ? DummyWeight : 1;

    private static double Separation(LayoutItem a, LayoutItem b, LayoutMetrics m) =>
        a.Down + b.Up + (a.IsDummy && b.IsDummy ? m.DummyGap : a.IsDummy || b.IsDummy ? m.DummyNodeGap : m.BlockGap);

    private static void Solve(List<LayoutItem> items, double[] desired, double[] weight, LayoutMetrics m)
    {
        int n = items.Count;
        if (n == 0) return;
        var offset = new double[n];
        for (int i = 1; i < n; i++) offset[i] = offset[i - 1] + Separation(items[i - 1], items[i], m);
        // Weighted pool adjacent violators on desired − offset (non-decreasing fit).
        var sums = new List<double>();
        var weights = new List<double>();
        var counts = new List<int>();
        for (int i = 0; i < n; i++)
        {
            sums.Add(weight[i] * (desired[i] - offset[i]));
            weights.Add(weight[i]);
            counts.Add(1);
            while (sums.Count > 1 && sums[^2] / weights[^2] > sums[^1] / weights[^1])
            {
                sums[^2] += sums[^1];
                weights[^2] += weights[^1];
                counts[^2] += counts[^1];
                sums.RemoveAt(sums.Count - 1);
                weights.RemoveAt(weights.Count - 1);
                counts.RemoveAt(counts.Count - 1);
            }
        }
        int k = 0;
        for (int b = 0; b < sums.Count; b++)
        {
            double z = sums[b] / weights[b];
            for (int j = 0; j < counts[b]; j++, k++) items[k].Y = z + offset[k];
        }
    }
}
