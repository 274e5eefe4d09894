namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// Assigns the structural variables (latent variables and observed variables that are not indicators) to columns
/// in causal order and orders each column — the first two steps of Sugiyama, Tagawa &amp; Toda's (1981) layered
/// drawing. Arrows between structural variables (regressions and loadings of second-order factors) point from a
/// lower to a higher column; cycles of a non-recursive model are broken by reversing the back edges of a depth-first
/// search; an arrow spanning several columns gets a bend point (dummy) in each column it crosses; columns are
/// ordered by repeated barycentre sweeps, keeping the order with the fewest crossings.
/// </summary>
internal sealed class Layering
{
    public required List<List<LayoutItem>> Layers { get; init; }

    /// <summary>For each structural edge, the items from its source to its target in column order (reversed edges
    /// run from target to source), and whether it was reversed.</summary>
    public required Dictionary<SpecEdge, (List<LayoutItem> Chain, bool Reversed)> Chains { get; init; }

    public required Dictionary<string, LayoutItem> ItemOf { get; init; }

    public static bool IsStructural(SpecNode n) => n.Kind != DiagramNodeKind.Error && n.Owner is null;

    public static Layering Build(DiagramSpec spec)
    {
        var nodes = spec.Nodes.Where(IsStructural).OrderBy(n => n.Order).ToList();
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var edges = spec.Edges.Where(e => e.Kind is DiagramEdgeKind.Regression or DiagramEdgeKind.Loading && ids.Contains(e.From) && ids.Contains(e.To) && e.From != e.To).ToList();
        var reversed = BackEdges(nodes, edges);
        var layer = LongestPath(nodes, edges, reversed);

        int count = layer.Count == 0 ? 1 : layer.Values.Max() + 1;
        var layers = Enumerable.Range(0, count).Select(_ => new List<LayoutItem>()).ToList();
        var itemOf = new Dictionary<string, LayoutItem>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            var item = new LayoutItem { Node = n, Layer = layer[n.Id] };
            layers[item.Layer].Add(item);
            itemOf[n.Id] = item;
        }
        var chains = new Dictionary<SpecEdge, (List<LayoutItem>, bool)>();
        foreach (var e in edges)
        {
            bool rev = reversed.Contains(e);
            var (a, b) = rev ? (itemOf[e.To], itemOf[e.From]) : (itemOf[e.From], itemOf[e.To]);
            var chain = new List<LayoutItem> { a };
            for (int l = a.Layer + 1; l < b.Layer; l++)
            {
                var d = new LayoutItem { Layer = l };
                layers[l].Add(d);
                chain.Add(d);
            }
            chain.Add(b);
            for (int i = 1; i < chain.Count; i++)
            {
                chain[i - 1].Next.Add(chain[i]);
                chain[i].Prev.Add(chain[i - 1]);
            }
            chains[e] = (chain, rev);
        }
        var result = new Layering { Layers = layers, Chains = chains, ItemOf = itemOf };
        result.Order();
        return result;
    }

    private static HashSet<SpecEdge> BackEdges(List<SpecNode> nodes, List<SpecEdge> edges)
    {
        var back = new HashSet<SpecEdge>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(string v)
        {
            state[v] = 1;
            foreach (var e in edges.Where(e => e.From == v))
            {
                state.TryGetValue(e.To, out int s);
                if (s == 1) back.Add(e);
                else if (s == 0) Visit(e.To);
            }
            state[v] = 2;
        }
        foreach (var n in nodes)
            if (!state.ContainsKey(n.Id)) Visit(n.Id);
        return back;
    }

    private static Dictionary<string, int> LongestPath(List<SpecNode> nodes, List<SpecEdge> edges, HashSet<SpecEdge> reversed)
    {
        var dag = edges.Select(e => reversed.Contains(e) ? (From: e.To, To: e.From) : (From: e.From, To: e.To)).ToList();
        var layer = nodes.ToDictionary(n => n.Id, _ => 0, StringComparer.Ordinal);
        // Relax |V| times: the DAG's longest paths have fewer than |V| edges.
        for (int round = 0; round < nodes.Count; round++)
        {
            bool changed = false;
            foreach (var (from, to) in dag)
                if (layer[to] < layer[from] + 1) { layer[to] = layer[from] + 1; changed = true; }
            if (!changed) break;
        }
        return layer;
    }

    private void Order()
    {
        void Reindex(List<LayoutItem> l) { for (int i = 0; i < l.Count; i++) l[i].Index = i; }
        foreach (var l in Layers) Reindex(l);
        var best = Layers.Select(l => l.ToList()).ToList();
        int bestCrossings = Crossings();
        for (int iter = 0; iter < 8 && bestCrossings > 0; iter++)
        {
            bool down = iter % 2 == 0;
            var range = down ? Enumerable.Range(1, Layers.Count - 1) : Enumerable.Range(0, Layers.Count - 1).Reverse();
            foreach (int li in range)
            {
                var layer = Layers[li];
                var keys = layer.ToDictionary(x => x, x =>
                {
                    var nb = down ? x.Prev : x.Next;
                    return nb.Count == 0 ? x.Index : nb.Average(n => (double)n.Index);
                });
                var sorted = layer.OrderBy(x => keys[x]).ThenBy(x => x.Index).ToList();
                layer.Clear();
                layer.AddRange(sorted);
                Reindex(layer);
            }
            int c = Crossings();
            if (c < bestCrossings)
            {
                bestCrossings = c;
                best = Layers.Select(l => l.ToList()).ToList();
            }
        }
        for (int i = 0; i < Layers.Count; i++)
        {
            Layers[i].Clear();
            Layers[i].AddRange(best[i]);
            Reindex(Layers[i]);
        }
    }

    private int Crossings()
    {
        int n = 0;
        foreach (var layer in Layers)
        {
            var segs = layer.SelectMany(a => a.Next.Select(b => (a.Index, b.Index))).ToList();
            for (int i = 0; i < segs.Count; i++)
                for (int j = i + 1; j < segs.Count; j++)
                    if ((segs[i].Item1 - segs[j].Item1) * (segs[i].Item2 - segs[j].Item2) < 0) n++;
        }
        return n;
    }
}
