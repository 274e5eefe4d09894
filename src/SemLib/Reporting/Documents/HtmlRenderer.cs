using System.Text;

namespace SemLib.Reporting.Documents;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML5 file: inline CSS, diagrams as inline SVG, no
/// scripts, fonts, images or links to other files. The markup is also well-formed XML (XHTML namespace, void elements
/// self-closed, all text escaped), so XML tools can read it. A flagged cell has the class <c>flag</c>, a shaded
/// background and a ⚠ marker; a table with flags is followed by a legend explaining the marker.
/// </summary>
internal static class HtmlRenderer
{
    private const string Css = """
        body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1d2330; margin: 0; background: #ffffff; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 1.7em; margin: 0.2em 0 0.1em; }
        h2 { font-size: 1.25em; margin-top: 1.8em; padding-bottom: 0.2em; border-bottom: 1px solid #d5dbe5; }
        p.subtitle { color: #5a6475; margin-top: 0; }
        nav ol { columns: 2; color: #5a6475; }
        nav a { color: #1f4e9a; text-decoration: none; }
        table { border-collapse: collapse; margin: 0.8em 0 0.4em; font-size: 0.92em; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; white-space: nowrap; }
        th, td { padding: 3px 10px; border-bottom: 1px solid #e3e7ee; vertical-align: top; }
        thead th { border-bottom: 2px solid #8a94a6; text-align: left; }
        .r { text-align: right; font-variant-numeric: tabular-nums; }
        .c { text-align: center; }
        td.flag { background: #fde8e4; color: #8c1d0e; font-weight: 600; }
        .flag-mark { color: #c0392b; font-weight: 700; margin-right: 0.25em; }
        p.legend, p.note { font-size: 0.85em; color: #5a6475; margin: 0.2em 0; }
        figure { margin: 1em 0; overflow-x: auto; }
        /* Diagrams keep their size (their text is 10 px and more); a wide one scrolls in its figure rather than shrinking. */
        figure svg { max-width: none; height: auto; }
        figcaption { font-size: 0.9em; color: #5a6475; margin-top: 0.3em; }
        ul.list li { margin: 0.2em 0; }
        """;

    /// <summary>Renders the document.</summary>
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n");
        sb.Append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n");
        sb.Append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        sb.Append("<meta name=\"generator\" content=\"SemLib\"/>\n");
        sb.Append("<title>").Append(Xml.Escape(document.Title)).Append("</title>\n");
        sb.Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<h1>").Append(Xml.Escape(document.Title)).Append("</h1>\n");
        if (document.Subtitle is not null) sb.Append("<p class=\"subtitle\">").Append(Xml.Escape(document.Subtitle)).Append("</p>\n");
        if (document.Sections.Count > 2)
        {
            sb.Append("<nav><ol>\n");
            for (int i = 0; i < document.Sections.Count; i++)
                sb.Append($"<li><a href=\"#section-{i + 1}\">").Append(Xml.Escape(document.Sections[i].Heading)).Append("</a></li>\n");
            sb.Append("</ol></nav>\n");
        }
        int diagrams = 0;
        for (int i = 0; i < document.Sections.Count; i++)
        {
            var section = document.Sections[i];
            sb.Append($"<section id=\"section-{i + 1}\">\n<h2>").Append(Xml.Escape(section.Heading)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        sb.Append("<p>").Append(Xml.Escape(p.Text)).Append("</p>\n");
                        break;
                    case ReportList l:
                        sb.Append("<ul class=\"list\">\n");
                        foreach (var item in l.Items) sb.Append("<li>").Append(Xml.Escape(item)).Append("</li>\n");
                        sb.Append("</ul>\n");
                        break;
                    case ReportTable t:
                        Table(sb, t);
                        break;
                    case ReportDiagram d:
                        sb.Append("<figure>\n").Append(d.Diagram.ToSvg("fig" + ++diagrams, xmlDeclaration: false));
                        if (d.Caption is not null) sb.Append("<figcaption>").Append(Xml.Escape(d.Caption)).Append("</figcaption>\n");
                        sb.Append("</figure>\n");
                        break;
                }
            }
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, ReportTable t)
    {
        sb.Append("<table>\n");
        if (t.Caption is not null) sb.Append("<caption>").Append(Xml.Escape(t.Caption)).Append("</caption>\n");
        sb.Append("<thead><tr>");
        foreach (var c in t.Columns) sb.Append("<th").Append(Align(c.Alignment, "")).Append('>').Append(Xml.Escape(c.Header)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.Rows.Count; r++)
        {
            sb.Append("<tr>");
            for (int j = 0; j < t.Columns.Count; j++)
            {
                var cell = t.Rows[r][j];
                sb.Append("<td").Append(Align(t.Columns[j].Alignment, cell.Flagged ? "flag" : ""));
                if (cell.Flagged && cell.Note is not null) sb.Append(" title=\"").Append(Xml.Escape(cell.Note)).Append('"');
                sb.Append('>');
                if (cell.Flagged) sb.Append("<span class=\"flag-mark\">").Append(ReportCell.FlagMark).Append("</span>");
                sb.Append(Xml.Escape(cell.Text)).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (t.HasFlags)
            sb.Append("<p class=\"legend\"><span class=\"flag-mark\">").Append(ReportCell.FlagMark).Append("</span>").Append(Xml.Escape(t.FlagLegend)).Append("</p>\n");
        foreach (var note in t.Notes) sb.Append("<p class=\"note\"><em>Note.</em> ").Append(Xml.Escape(note)).Append("</p>\n");
    }

    private static string Align(ColumnAlignment a, string extra)
    {
        string cls = a switch { ColumnAlignment.Right => "r", ColumnAlignment.Center => "c", _ => "" };
        cls = string.Join(' ', new[] { cls, extra }.Where(s => s.Length > 0));
        return cls.Length == 0 ? "" : $" class=\"{cls}\"";
    }
}
