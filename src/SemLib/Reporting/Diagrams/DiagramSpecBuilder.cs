using SemLib.Reporting.Diagrams.Layout;
using SemLib.Syntax;

namespace SemLib.Reporting.Diagrams;

/// <summary>
/// Derives the <see cref="DiagramSpec"/> of a fit's estimates of one group: which variables and relations a path
/// diagram draws, their coefficient labels and significance stars, the R² values and the error terms.
/// </summary>
internal static class DiagramSpecBuilder
{
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
            if (r.Op == ModelOperator.Covariance && !ReportedEstimates.IsCovariance(r)) continue;
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

        if (o.ShowErrorTerms) DiagramSpec.AddErrorTerms(nodes, edges);
        string of = fit.Table.GroupCount > 1 ? $" of {ReportedEstimates.GroupName(fit, o.Group)}" : "";
        string title = o.Title ?? $"Path diagram{of} ({(o.Standardized ? "standardized" : "unstandardized")} estimates): " +
            $"{nodes.Count(n => n.Kind == DiagramNodeKind.Latent)} latent and {nodes.Count(n => n.Kind == DiagramNodeKind.Observed)} observed variables";
        return new DiagramSpec { Nodes = nodes, Edges = edges, Title = title, HasDashed = dashed, HasRSquare = hasR2 };
    }

    private static string Format(double? value, DiagramOptions o) =>
        o.Standardized ? Numbers.Bounded(value, o.Decimals) : Numbers.Fixed(value, o.Decimals);
}
