using System.Text;
using SemLib.Reporting.Diagrams.Layout;

namespace SemLib.Reporting.Diagrams;

/// <summary>
/// Writes a <see cref="PathDiagram"/> as Graphviz DOT. The structure is the diagram's: the same nodes, arrows and
/// labels, each structural column as a <c>rank=same</c> group so that Graphviz keeps the causal order; loadings of
/// indicators drawn left of their factor are written indicator → factor with <c>dir=back</c> so that they rank to the
/// left, as in the SVG.
/// </summary>
internal static class DotWriter
{
    public static string Write(PathDiagram d)
    {
        var sb = new StringBuilder();
        sb.Append("digraph ").Append(Id(d.Title)).Append(" {\n");
        sb.Append("  graph [rankdir=LR, splines=true, nodesep=0.25, ranksep=0.9, fontname=\"Helvetica\"];\n");
        sb.Append("  node [fontname=\"Helvetica\", fontsize=11, style=filled, fillcolor=\"#f4f6fa\"];\n");
        sb.Append("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
        foreach (var n in d.Nodes)
        {
            string shape = n.Kind switch { DiagramNodeKind.Latent => "ellipse", DiagramNodeKind.Observed => "box", _ => "circle" };
            sb.Append("  ").Append(Id(n.Id)).Append(" [shape=").Append(shape).Append(", label=").Append(Id(n.Name));
            if (n.Kind == DiagramNodeKind.Latent) sb.Append(", fillcolor=\"#e8f0fb\"");
            if (n.Kind == DiagramNodeKind.Error) sb.Append(", fillcolor=white, width=0.3, fixedsize=true, fontsize=9");
            if (n.RSquare is not null)
                sb.Append(", xlabel=").Append(Id("R² = " + Numbers.Bounded(n.RSquare, d.Options.Decimals)));
            sb.Append("];\n");
        }
        var structural = d.Nodes.Where(n => n.Kind != DiagramNodeKind.Error && !IsIndicator(d, n.Id)).GroupBy(n => n.Layer).OrderBy(g => g.Key);
        foreach (var g in structural)
            if (g.Count() > 1)
                sb.Append("  { rank=same; ").Append(string.Join(" ", g.Select(n => Id(n.Id) + ";"))).Append(" }\n");
        foreach (var e in d.Edges)
        {
            var attrs = new List<string>();
            if (e.Text.Length > 0) attrs.Add("label=" + Id(e.Text));
            if (e.Dashed) attrs.Add("style=dashed");
            string from = e.From, to = e.To;
            switch (e.Kind)
            {
                case DiagramEdgeKind.Covariance:
                    attrs.Add("dir=both");
                    attrs.Add("constraint=false");
                    attrs.Add("color=\"#555555\"");
                    break;
                case DiagramEdgeKind.Loading when d.Node(e.To).BlockSide == BlockSide.Left && d.Node(e.To).Center.X < d.Node(e.From).Center.X:
                    (from, to) = (to, from);
                    attrs.Add("dir=back");
                    break;
                case DiagramEdgeKind.Error:
                    attrs.Add("color=\"#555555\"");
                    break;
            }
            sb.Append("  ").Append(Id(from)).Append(" -> ").Append(Id(to));
            if (attrs.Count > 0) sb.Append(" [").Append(string.Join(", ", attrs)).Append(']');
            sb.Append(";\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static bool IsIndicator(PathDiagram d, string id) =>
        d.Edges.Any(e => e.Kind == DiagramEdgeKind.Loading && e.To == id && d.Node(id).Kind == DiagramNodeKind.Observed);

    /// <summary>A DOT double-quoted id: backslashes and quotes escaped, line breaks as <c>\n</c>.</summary>
    public static string Id(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
