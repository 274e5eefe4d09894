namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// What a path diagram draws, before layout: the variables (with the factor each observed indicator belongs to),
/// the relations with their coefficient labels, and the error terms: a graph with typed nodes and edges that the layout
/// engine places, knowing nothing of the model it comes from (the path diagram derives it from a fit's estimates).
/// </summary>
internal sealed class DiagramSpec
{
    public required List<SpecNode> Nodes { get; init; }
    public required List<SpecEdge> Edges { get; init; }
    public required string Title { get; init; }
    public required bool HasDashed { get; init; }
    public required bool HasRSquare { get; init; }

    public SpecNode Node(string id) => Nodes.First(n => n.Id == id);

    internal static void AddErrorTerms(List<SpecNode> nodes, List<SpecEdge> edges)
    {
        var dependent = edges.Where(e => e.Kind is DiagramEdgeKind.Regression or DiagramEdgeKind.Loading).Select(e => e.To).ToHashSet(StringComparer.Ordinal);
        int ei = 0, di = 0;
        foreach (var n in nodes.ToList())
        {
            if (n.Kind == DiagramNodeKind.Error || !dependent.Contains(n.Id)) continue;
            bool indicator = n.Owner is not null;
            var err = new SpecNode
            {
                Id = "error:" + n.Id,
                Text = indicator ? "e" + ++ei : "d" + ++di,
                Kind = DiagramNodeKind.Error,
                Order = nodes.Count,
                ErrorOf = n.Id,
            };
            nodes.Add(err);
            edges.Add(new SpecEdge { Id = err.Id, From = err.Id, To = n.Id, Kind = DiagramEdgeKind.Error, Text = "" });
        }
        // With error terms drawn, a covariance of two variables that both have one is a covariance of their residuals
        // and joins the error terms (as AMOS draws it), which also keeps the arc clear of the indicators.
        var errorOf = nodes.Where(n => n.ErrorOf is not null).ToDictionary(n => n.ErrorOf!, n => n.Id, StringComparer.Ordinal);
        for (int i = 0; i < edges.Count; i++)
        {
            var e = edges[i];
            if (e.Kind == DiagramEdgeKind.Covariance && errorOf.TryGetValue(e.From, out var ef) && errorOf.TryGetValue(e.To, out var et))
                edges[i] = e.Between(ef, et);
        }
    }
}

/// <summary>A variable or error term of a <see cref="DiagramSpec"/>.</summary>
internal sealed class SpecNode
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required DiagramNodeKind Kind { get; init; }
    public required int Order { get; init; }
    /// <summary>For an observed indicator, the (first) factor it loads on.</summary>
    public string? Owner { get; set; }
    /// <summary>For an error term, the variable it belongs to.</summary>
    public string? ErrorOf { get; init; }
    public double? RSquare { get; set; }
}

/// <summary>A relation of a <see cref="DiagramSpec"/>.</summary>
internal sealed class SpecEdge
{
    public required string Id { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required DiagramEdgeKind Kind { get; init; }
    public double? Value { get; init; }
    public double? PValue { get; init; }
    public bool Free { get; init; }
    public required string Text { get; init; }
    public bool Dashed { get; init; }

    /// <summary>The same relation drawn between other nodes.</summary>
    public SpecEdge Between(string from, string to) => new()
    {
        Id = Id, From = from, To = to, Kind = Kind, Value = Value, PValue = PValue, Free = Free, Text = Text, Dashed = Dashed,
    };
}
