using System.Globalization;
using System.Xml.Linq;
using SemLib.Reporting.Diagrams.Layout;

namespace SemLib.Tests.Reporting;

/// <summary>Reads back what an SVG path diagram draws: shapes, texts with boxes from the layout's metrics, and arrows.</summary>
internal sealed class SvgInspector
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public SvgInspector(string svg)
    {
        Document = XDocument.Parse(svg);
        Root = Document.Root!;
        Ellipses = Root.Descendants(Svg + "ellipse").Select(e => (Class: (string?)e.Attribute("class") ?? "",
            Box: new DiagramRect(D(e, "cx") - D(e, "rx"), D(e, "cy") - D(e, "ry"), 2 * D(e, "rx"), 2 * D(e, "ry")))).ToList();
        Rects = Root.Descendants(Svg + "rect").Where(e => (string?)e.Attribute("class") == "observed")
            .Select(e => new DiagramRect(D(e, "x"), D(e, "y"), D(e, "width"), D(e, "height"))).ToList();
        Texts = Root.Descendants(Svg + "text").Select(t =>
        {
            double size = D(t, "font-size"), x = D(t, "x"), y = D(t, "y");
            string text = t.Value;
            double w = TextMetrics.Width(text, size), h = TextMetrics.Height(size);
            bool start = (string?)t.Attribute("text-anchor") == "start";
            double top = y - TextMetrics.BaselineOffset(size) - h / 2;
            return new SvgText((string?)t.Attribute("class") ?? "", text, new DiagramRect(start ? x : x - w / 2, top, w, h));
        }).ToList();
        Paths = Root.Descendants(Svg + "path").Where(p => p.Parent?.Name == Svg + "g")
            .Select(p => new SvgPath((string?)p.Element(Svg + "title") ?? "", (string?)p.Attribute("class") ?? "",
                p.Attribute("marker-start") is not null, p.Attribute("marker-end") is not null, (string)p.Attribute("d")!)).ToList();
    }

    public XDocument Document { get; }
    public XElement Root { get; }
    public List<(string Class, DiagramRect Box)> Ellipses { get; }
    public List<DiagramRect> Rects { get; }
    public List<SvgText> Texts { get; }
    public List<SvgPath> Paths { get; }

    public static double D(XElement e, string attribute) =>
        double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    public sealed record SvgText(string Class, string Text, DiagramRect Box);

    public sealed record SvgPath(string Title, string Class, bool StartMarker, bool EndMarker, string Data)
    {
        /// <summary>The first and last point of the path data.</summary>
        public (DiagramPoint Start, DiagramPoint End) Ends()
        {
            var nums = Data.Split([' ', ',', 'M', 'L', 'C'], StringSplitOptions.RemoveEmptyEntries)
                .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            return (new DiagramPoint(nums[0], nums[1]), new DiagramPoint(nums[^2], nums[^1]));
        }
    }
}
