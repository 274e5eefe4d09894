using System.Text;

namespace SemLib.Reporting.Documents;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as Markdown: headings, paragraphs, GitHub-flavoured pipe tables, bullet
/// lists and diagrams as images. Text is escaped (so that significance stars stay stars); a flagged cell is printed
/// bold with a ⚠ marker, and a table with flags is followed by a line explaining the marker.
/// </summary>
internal static class MarkdownRenderer
{
    /// <summary>Renders the document.</summary>
    public static string Render(ReportDocument document, MarkdownOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var o = options ?? MarkdownOptions.Default;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(document.Title)).Append("\n\n");
        if (document.Subtitle is not null) sb.Append('*').Append(Escape(document.Subtitle)).Append("*\n\n");
        int diagrams = 0;
        foreach (var section in document.Sections)
        {
            sb.Append("## ").Append(Escape(section.Heading)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        sb.Append(Escape(p.Text)).Append("\n\n");
                        break;
                    case ReportList l:
                        foreach (var item in l.Items) sb.Append("- ").Append(Escape(item)).Append('\n');
                        sb.Append('\n');
                        break;
                    case ReportTable t:
                        Table(sb, t);
                        break;
                    case ReportDiagram d:
                        Diagram(sb, d, ++diagrams, o);
                        break;
                }
            }
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static void Table(StringBuilder sb, ReportTable t)
    {
        if (t.Caption is not null) sb.Append("**").Append(Escape(t.Caption)).Append("**\n\n");
        sb.Append('|');
        foreach (var c in t.Columns) sb.Append(' ').Append(Cell(c.Header)).Append(" |");
        sb.Append("\n|");
        foreach (var c in t.Columns)
            sb.Append(c.Alignment switch { ColumnAlignment.Right => " ---: |", ColumnAlignment.Center => " :---: |", _ => " --- |" });
        sb.Append('\n');
        foreach (var row in t.Rows)
        {
            sb.Append('|');
            foreach (var cell in row)
            {
                string text = Cell(cell.Text);
                sb.Append(' ').Append(cell.Flagged ? $"**{text}** {ReportCell.FlagMark}" : text).Append(" |");
            }
            sb.Append('\n');
        }
        sb.Append('\n');
        if (t.HasFlags) sb.Append(ReportCell.FlagMark).Append(' ').Append(Escape(t.FlagLegend)).Append("\n\n");
        foreach (var note in t.Notes) sb.Append("*Note.* ").Append(Escape(note)).Append("\n\n");
    }

    private static void Diagram(StringBuilder sb, ReportDiagram d, int number, MarkdownOptions o)
    {
        // Escape already backslash-escapes brackets; the link destination has its blanks and parentheses encoded.
        string alt = Escape(d.Caption ?? d.Diagram.Title);
        string target = o.DiagramPath is { } path
            ? path(d, number).Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
                .Replace(")", "%29", StringComparison.Ordinal)
            : "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(d.Diagram.ToSvg("fig" + number)));
        sb.Append("![").Append(alt).Append("](").Append(target).Append(")\n\n");
        if (d.Caption is not null) sb.Append('*').Append(Escape(d.Caption)).Append("*\n\n");
    }

    /// <summary>Escapes a table cell: Markdown punctuation, pipes and line breaks.</summary>
    private static string Cell(string s) => Escape(s).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Backslash-escapes the ASCII punctuation that Markdown would read as markup.</summary>
    public static string Escape(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
