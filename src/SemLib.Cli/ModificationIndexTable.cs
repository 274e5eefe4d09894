using System.Globalization;
using SemLib.Results;
using SemLib.Syntax;
using Spectre.Console;
using SemLib.Reporting.Text;

namespace SemLib.Cli;

/// <summary>
/// The modification indices of --modindices in text output, as a Spectre.Console table (plain ASCII, no colour,
/// a fixed width so the output does not depend on the terminal). Columns are lavaan's <c>modindices()</c>'s.
/// </summary>
internal static class ModificationIndexTable
{
    public static string Render(SemFit fit, double minimumValue = 0)
    {
        var indices = fit.ModificationIndices(minimumValue);
        var sb = new StringWriter(CultureInfo.InvariantCulture);
        sb.WriteLine();
        sb.WriteLine("Modification Indices:");
        sb.WriteLine();
        if (indices.Count == 0)
        {
            sb.WriteLine(minimumValue > 0 && fit.ModificationIndices().Count > 0
                ? $"  (none above {TextColumns.F(minimumValue)}: --min-mi)"
                : "  (none: no fixed parameter could be freed)");
            return sb.ToString();
        }
        bool groups = fit.NObs.Count > 1;
        var table = new Table().Border(TableBorder.Ascii2);
        table.AddColumn("lhs").AddColumn("op").AddColumn("rhs");
        if (groups) table.AddColumn(new TableColumn("group").RightAligned());
        foreach (var name in new[] { "mi", "epc", "sepc.lv", "sepc.all" }) table.AddColumn(new TableColumn(name).RightAligned());
        foreach (var m in indices)
        {
            var cells = new List<string> { m.Lhs, m.Op.ToLavaan(), m.Rhs };
            if (groups) cells.Add(m.Group.ToString(CultureInfo.InvariantCulture));
            cells.AddRange([TextColumns.F(m.Mi), TextColumns.F(m.Epc), TextColumns.F(m.SepcLv), TextColumns.F(m.SepcAll)]);
            table.AddRow(cells.Select(c => new Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(sb),
        });
        console.Profile.Width = 120;
        console.Write(table);
        return sb.ToString();
    }
}
