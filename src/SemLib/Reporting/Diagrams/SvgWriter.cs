using System.Text;
using SemLib.Reporting.Diagrams.Layout;

namespace SemLib.Reporting.Diagrams;

/// <summary>
/// Writes a <see cref="PathDiagram"/> as SVG 1.1. Hand-written: the allowed dependencies have no SVG library, and
/// the output is a few element types. Arrowheads are two markers (end and start, the start one drawn reversed, since
/// SVG 1.1 has no <c>auto-start-reverse</c>); coefficient and R² labels sit on a white box so that they stay legible
/// where they cross an arrow.
/// </summary>
internal static class SvgWriter
{
    private const string Ink = "#222222";
    private const string Soft = "#555555";

    public static string Write(PathDiagram d, string idPrefix, bool xmlDeclaration)
    {
        string id = Xml.IdPrefix(idPrefix);
        var sb = new StringBuilder();
        if (xmlDeclaration) sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{Xml.N(d.Width)}\" height=\"{Xml.N(d.Height)}\" ")
          .Append($"viewBox=\"0 0 {Xml.N(d.Width)} {Xml.N(d.Height)}\" font-family=\"sans-serif\" role=\"img\">\n");
        sb.Append($"  <title>{Xml.Escape(d.Title)}</title>\n");
        sb.Append("  <desc>Drawn by SemLib. Ellipses are latent variables, rectangles observed variables, circles error terms; ")
          .Append("one-headed arrows are loadings and regressions, curved two-headed arrows covariances.</desc>\n");
        sb.Append("  <defs>\n");
        foreach (var (name, color) in new[] { ("", Ink), ("-soft", Soft) })
        {
            sb.Append($"    <marker id=\"{id}-end{name}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\">")
              .Append($"<path d=\"M0,1 L10,5 L0,9 z\" fill=\"{color}\"/></marker>\n");
            sb.Append($"    <marker id=\"{id}-start{name}\" viewBox=\"0 0 10 10\" refX=\"0\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\">")
              .Append($"<path d=\"M10,1 L0,5 L10,9 z\" fill=\"{color}\"/></marker>\n");
        }
        sb.Append("  </defs>\n");
        sb.Append($"  <rect x=\"0\" y=\"0\" width=\"{Xml.N(d.Width)}\" height=\"{Xml.N(d.Height)}\" fill=\"#ffffff\"/>\n");

        sb.Append("  <g id=\"" + id + "-edges\" fill=\"none\">\n");
        foreach (var e in d.Edges)
        {
            bool soft = e.Kind is DiagramEdgeKind.Covariance or DiagramEdgeKind.Error;
            string color = soft ? Soft : Ink, suffix = soft ? "-soft" : "";
            double width = e.Kind == DiagramEdgeKind.Regression ? 1.6 : 1.1;
            sb.Append($"    <path class=\"{Kind(e.Kind)}\" d=\"{PathData(e.Path)}\" stroke=\"{color}\" stroke-width=\"{Xml.N(width)}\"");
            if (e.Dashed) sb.Append(" stroke-dasharray=\"5,3\"");
            sb.Append($" marker-end=\"url(#{id}-end{suffix})\"");
            if (e.TwoHeaded) sb.Append($" marker-start=\"url(#{id}-start{suffix})\"");
            sb.Append($"><title>{Xml.Escape(e.Id + (e.Text.Length > 0 ? " = " + e.Text : ""))}</title></path>\n");
        }
        sb.Append("  </g>\n");

        sb.Append("  <g id=\"" + id + "-nodes\" stroke=\"" + Ink + "\" stroke-width=\"1.3\">\n");
        foreach (var n in d.Nodes)
        {
            var c = n.Center;
            switch (n.Kind)
            {
                case DiagramNodeKind.Observed:
                    sb.Append($"    <rect class=\"observed\" x=\"{Xml.N(c.X - n.Width / 2)}\" y=\"{Xml.N(c.Y - n.Height / 2)}\" width=\"{Xml.N(n.Width)}\" height=\"{Xml.N(n.Height)}\" fill=\"#f4f6fa\"/>\n");
                    break;
                case DiagramNodeKind.Latent:
                    sb.Append($"    <ellipse class=\"latent\" cx=\"{Xml.N(c.X)}\" cy=\"{Xml.N(c.Y)}\" rx=\"{Xml.N(n.Width / 2)}\" ry=\"{Xml.N(n.Height / 2)}\" fill=\"#e8f0fb\"/>\n");
                    break;
                default:
                    sb.Append($"    <ellipse class=\"error\" cx=\"{Xml.N(c.X)}\" cy=\"{Xml.N(c.Y)}\" rx=\"{Xml.N(n.Width / 2)}\" ry=\"{Xml.N(n.Height / 2)}\" fill=\"#ffffff\" stroke-width=\"0.9\"/>\n");
                    break;
            }
        }
        sb.Append("  </g>\n");

        sb.Append("  <g id=\"" + id + "-labels\" text-anchor=\"middle\" fill=\"" + Ink + "\">\n");
        foreach (var l in d.Labels)
        {
            var b = l.Bounds;
            if (l.Kind is DiagramLabelKind.Coefficient or DiagramLabelKind.RSquare)
                sb.Append($"    <rect x=\"{Xml.N(b.X)}\" y=\"{Xml.N(b.Y)}\" width=\"{Xml.N(b.Width)}\" height=\"{Xml.N(b.Height)}\" fill=\"#ffffff\" fill-opacity=\"0.92\"/>\n");
            string cls = l.Kind switch
            {
                DiagramLabelKind.NodeName => "name",
                DiagramLabelKind.Coefficient => "coefficient",
                DiagramLabelKind.RSquare => "rsquare",
                _ => "legend",
            };
            string extra = l.Kind switch
            {
                DiagramLabelKind.RSquare => " fill=\"#1f4e9a\" font-style=\"italic\"",
                DiagramLabelKind.Legend => " fill=\"" + Soft + "\"",
                _ => "",
            };
            double x = l.Kind == DiagramLabelKind.Legend ? b.X : l.Center.X;
            string anchor = l.Kind == DiagramLabelKind.Legend ? " text-anchor=\"start\"" : "";
            sb.Append($"    <text class=\"{cls}\" x=\"{Xml.N(x)}\" y=\"{Xml.N(l.Center.Y + TextMetrics.BaselineOffset(l.FontSize))}\" font-size=\"{Xml.N(l.FontSize)}\"{anchor}{extra}>{Xml.Escape(l.Text)}</text>\n");
        }
        sb.Append("  </g>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string Kind(DiagramEdgeKind k) => k switch
    {
        DiagramEdgeKind.Loading => "loading",
        DiagramEdgeKind.Regression => "regression",
        DiagramEdgeKind.Covariance => "covariance",
        _ => "error-path",
    };

    private static string PathData(IReadOnlyList<DiagramPoint> p)
    {
        var sb = new StringBuilder();
        sb.Append('M').Append(Xml.N(p[0].X)).Append(',').Append(Xml.N(p[0].Y));
        for (int i = 1; i + 2 < p.Count; i += 3)
        {
            var (a, c1, c2, b) = (p[i - 1], p[i], p[i + 1], p[i + 2]);
            if (Polyline.IsStraight(a, c1, c2, b)) sb.Append(" L").Append(Xml.N(b.X)).Append(',').Append(Xml.N(b.Y));
            else sb.Append(" C").Append(Xml.N(c1.X)).Append(',').Append(Xml.N(c1.Y)).Append(' ')
                   .Append(Xml.N(c2.X)).Append(',').Append(Xml.N(c2.Y)).Append(' ')
                   .Append(Xml.N(b.X)).Append(',').Append(Xml.N(b.Y));
        }
        return sb.ToString();
    }
}
