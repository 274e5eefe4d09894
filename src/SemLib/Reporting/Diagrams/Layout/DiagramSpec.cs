using SemLib.Syntax;
using SemLib.Reporting.Documents;
namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// What a path diagram draws, before layout: the variables (with the factor each observed indicator belongs to),
/// the relations with their coefficient labels, and the error terms. Derived from a fit's estimates of one group.
/// </summary>
internal sealed class DiagramSpec
{
    public required List<SpecNode> Nodes { get; init; }
    public required List<SpecEdge> Edges { get; init; }
    public required string Title { get; init; }
    public required bool HasDashed { get; init; }
    public required bool HasRSquare { get; init; }

    public SpecNode Node(string id) => Nodes.First(n => n.Id == id);

    public static DiagramSpec From(SemFit fit, DiagramOptions o)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (o.Group < 1 || o.Group > fit.Table.GroupCount)
            throw new ArgumentOutOfRangeException(nameof(o), $"The diagram asks for group {o.Group}, but the model has {fit.Table.GroupCount} group(s).");
        var roles = fit.Table.Roles;
        // A loading or regression fixed at zero (a growth model's slope on its first occasion) says there is no path:
        // path diagrams draw none (AMOS's convention), unless asked to. Intercepts, thresholds (x | t1) and the scale
        // factors of ordered items (x ~*~ x) are not paths: the diagram leaves them out.
        var rows = fit.Parameters.Where(p => p.Group == o.Group && p.Op is ModelOperator.MeasuredBy or ModelOperator.Regression or ModelOperator.Covariance
            && (o.ShowFixedZeroPaths || p.Op == ModelOperator.Covariance || p.Free != false || p.Estimate != 0)).ToList();
        var nodes = new List<SpecNode>();
        var byId = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        void Add(string name)
        {
            if (byId.ContainsKey(name)) return;
            var n = new SpecNode { Id = name, Text = name, Kind = roles.IsLatent(name) ? DiagramNodeKind.Latent : DiagramNodeKind.Observed, Order = nodes.Count };
            nodes.Add(n);
            byId[name] = n;
        }
        foreach (var r in rows)
        {
            if (r.Op == ModelOperator.Covariance && r.Lhs == r.Rhs) continue;
            if (r.Op == ModelOperator.Regression) { Add(r.Rhs); Add(r.Lhs); }
            else { Add(r.Lhs); Add(r.Rhs); }
        }
        foreach (var v in roles.Latent.Concat(roles.Observed)) Add(v);

        var edges = new List<SpecEdge>();
        bool dashed = false;
        foreach (var r in rows)
        {
            if (r.Op == ModelOperator.Covariance && !SemReportSections.IsCovariance(r)) continue;
            var kind = r.Op switch { ModelOperator.MeasuredBy => DiagramEdgeKind.Loading, ModelOperator.Regression => DiagramEdgeKind.Regression, _ => DiagramEdgeKind.Covariance };
            double? value = o.Standardized ? r.StdAll ?? r.Estimate : r.Estimate;
            bool isDashed = o.DashNonSignificant && kind != DiagramEdgeKind.Loading && r.PValue is double p && p >= o.DashLevel;
            dashed |= isDashed;
            edges.Add(new SpecEdge
            {
                Id = r.Name,
                From = r.Op == ModelOperator.Regression ? r.Rhs : r.Lhs,
                To = r.Op == ModelOperator.Regression ? r.Lhs : r.Rhs,
                Kind = kind,
                Value = value,
                PValue = r.PValue,
                Free = r.Free == true,
                Text = Format(value, o) + Significance.Stars(r.PValue, o.SignificanceLevels),
                Dashed = isDashed,
            });
        }

        foreach (var e in edges.Where(e => e.Kind == DiagramEdgeKind.Loading))
        {
            var target = byId[e.To];
            if (target.Kind == DiagramNodeKind.Observed && target.Owner is null) target.Owner = e.From;
        }

        bool hasR2 = false;
        if (o.ShowRSquare && fit.RSquareByGroup.Count >= o.Group)
        {
            var r2 = fit.RSquareByGroup[o.Group - 1];
            foreach (var n in nodes)
                if (r2.TryGetValue(n.Id, out double v) && (n.Owner is null || o.ShowIndicatorRSquare))
                {
                    n.RSquare = v;
                    hasR2 = true;
                }
        }

        if (o.ShowErrorTerms) AddErrorTerms(nodes, edges);
        string of = fit.Table.GroupCount > 1 ? $" of {SemReportSections.GroupName(fit, o.Group)}" : "";
        string title = o.Title ?? $"Path diagram{of} ({(o.Standardized ? "standardized" : "unstandardized")} estimates): " +
            $"{nodes.Count(n => n.Kind == DiagramNodeKind.Latent)} latent and {nodes.Count(n => n.Kind == DiagramNodeKind.Observed)} observed variables";
        return new DiagramSpec { Nodes = nodes, Edges = edges, Title = title, HasDashed = dashed, HasRSquare = hasR2 };
    }

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

    private static string Format(double? value, DiagramOptions o) =>
        o.Standardized ? Numbers.Bounded(value, o.Decimals) : Numbers.Fixed(value, o.Decimals);
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
