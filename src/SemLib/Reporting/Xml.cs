using System.Globalization;
using System.Text;

namespace SemLib.Reporting;

/// <summary>Escaping and number formatting for the XML (SVG, XHTML) writers.</summary>
internal static class Xml
{
    /// <summary>Escapes text for element content and attribute values, dropping characters XML 1.0 cannot hold (control characters, lone surrogates).</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sb.Append(c).Append(s[++i]);
                    else if (c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A coordinate with at most two decimals.</summary>
    public static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Validates an id prefix (it becomes part of XML ids and url() references).</summary>
    public static string IdPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"The id prefix '{prefix}' must start with a letter and hold only letters, digits, '-' and '_'.", nameof(prefix));
        return prefix;
    }
}
