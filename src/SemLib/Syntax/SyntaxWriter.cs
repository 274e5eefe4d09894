using System.Text;

namespace SemLib.Syntax;

/// <summary>Writes a parsed model back as lavaan syntax, one statement per line.</summary>
public static class SyntaxWriter
{
    /// <summary>The model as lavaan syntax that parses back to an equal model.</summary>
    public static string ToSyntax(this ParsedModel model)
    {
        var sb = new StringBuilder();
        foreach (var s in model.Statements) sb.AppendLine(Write(s));
        return sb.ToString();
    }

    /// <summary>One statement as lavaan syntax.</summary>
    public static string Write(ModelStatement s) => s.Operator switch
    {
        ModelOperator.Defined => $"{s.Lhs[0]} := {s.Right}",
        ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater => $"{s.Left} {s.Operator.ToLavaan()} {s.Right}",
        ModelOperator.Intercept => $"{string.Join(" + ", s.Lhs)} ~ {string.Join(" + ", s.Terms.Select(t => Modifiers(t.Modifiers) + "1"))}",
        _ => $"{string.Join(" + ", s.Lhs)} {s.Operator.ToLavaan()} {string.Join(" + ", s.Terms.Select(t => Modifiers(t.Modifiers) + t.Name))}",
    };

    private static string Modifiers(TermModifiers m)
    {
        var parts = new List<string>();
        if (m.Fixed is not null) parts.Add(Vector(m.Fixed.Select(Number)));
        if (m.Start is not null) parts.Add("start(" + string.Join(",", m.Start.Select(Number)) + ")");
        if (m.Labels is not null && m.LabelsFromEqual)
            parts.Add("equal(" + (m.Labels.Count == 1 ? Quoted(m.Labels[0]) : "c(" + string.Join(",", m.Labels.Select(l => l.Length == 0 ? "NA" : Quoted(l))) + ")") + ")");
        else if (m.Labels is not null)
            parts.Add(m.Labels.Count == 1 ? Label(m.Labels[0]) : "c(" + string.Join(",", m.Labels.Select(l => l.Length == 0 ? "NA" : Label(l))) + ")");
        return string.Concat(parts.Select(p => p + "*"));
    }

    /// <summary>A label as written: bare when it reads back as the same name, quoted otherwise ("NA", "1", "a b", "").</summary>
    private static string Label(string label) =>
        IsName(label) ? label : label.Contains('"') ? "'" + label + "'" : "\"" + label + "\"";

    private static string Quoted(string label) => label.Contains('"') ? "'" + label + "'" : "\"" + label + "\"";

    /// <summary>True when the lexer reads the text as one identifier (and not as the NA modifier).</summary>
    private static bool IsName(string s)
    {
        if (s.Length == 0 || s == "NA" || s.Contains('\uFFFD', StringComparison.Ordinal)) return false;
        return SyntaxLexer.IsNameStart(s[0], s.Length > 1 ? s[1] : '\0') && s.All(SyntaxLexer.IsNamePart);
    }

    private static string Vector(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 1 ? list[0] : "c(" + string.Join(",", list) + ")";
    }

    private static string Number(double v) => double.IsNaN(v) ? "NA" : Expression.FormatNumber(v);
}
