using SemLib.Resampling;

namespace SemLib.Reporting.Text;

/// <summary>The "Effects" section of a bootstrapped summary (SemLib's; lavaan has no such section).</summary>
public static partial class TextSummary
{
    /// <summary>
    /// One block per requested effect ("from -> to:"), one line per kind (total, direct, indirect, each specific
    /// path) with the estimate, bootstrap SE and interval, and the std.all value with its interval; laid out like
    /// lavaan's estimate tables (three decimals, columns at least 8 wide, right-justified).
    /// </summary>
    private static void BootstrapEffects(Lines text, BootstrapResult boot)
    {
        string[] headers = ["Estimate", "Std.Err", "ci.lower", "ci.upper", "Std.all", "Std.lower", "Std.upper"];
        var rows = new List<(string First, string[]? Cells)>();
        foreach (var block in boot.Effects.GroupBy(e => (e.From, e.To)))
        {
            rows.Add(($"  {block.Key.From} -> {block.Key.To}:", null));
            foreach (var e in block)
                rows.Add(($"    {e.Kind,-9} {e.Path}",
                    [Num(e.Estimate), Num(e.StandardError), Num(e.CiLower), Num(e.CiUpper), Num(e.StdAll), Num(e.StdAllCiLower), Num(e.StdAllCiUpper)]));
        }
        var widths = headers.Select((h, c) => Math.Max(Math.Max(8, h.Length), rows.Where(r => r.Cells is not null).Max(r => r.Cells![c].Length))).ToArray();
        string title = $"Effects ({BootstrapColumns.IntervalTitle(boot.Options.Interval).ToLowerInvariant()} bootstrap intervals, "
            + $"{(boot.Options.ConfidenceLevel * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%)";
        text.Add(title + ":");
        int w0 = rows.Max(r => r.First.Length);
        text.Add("".PadRight(w0) + string.Concat(headers.Select((h, c) => " " + h.PadLeft(widths[c]))));
        foreach (var (first, cells) in rows)
            text.Add(first.PadRight(w0) + (cells is null ? "" : string.Concat(cells.Select((v, c) => " " + v.PadLeft(widths[c])))));
    }
}
