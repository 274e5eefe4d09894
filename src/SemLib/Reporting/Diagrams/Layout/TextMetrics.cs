namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// Text extents for the layout without a font engine. The advance widths are DejaVu Sans's (Bitstream Vera
/// metrics, per 1000 units of the em), the font that <c>sans-serif</c> resolves to on most Linux systems and one of
/// the widest common sans-serif faces, so Arial/Helvetica (Windows, macOS) text fits the reserved boxes too.
/// </summary>
internal static class TextMetrics
{
    // Advance widths of U+0020 … U+007E in DejaVu Sans (read from DejaVuSans.ttf's hmtx table, 2048 units/em, scaled to 1000).
    private static readonly int[] Ascii =
    [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
        636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
        634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ];

    /// <summary>Safety factor over the table (hinting and rounding in renderers).</summary>
    private const double Slack = 1.04;

    /// <summary>Line height as a multiple of the font size (DejaVu's ascent + descent is 1.164 em).</summary>
    public const double LineHeight = 1.2;

    /// <summary>The advance width of <paramref name="text"/> at <paramref name="fontSize"/>.</summary>
    public static double Width(string text, double fontSize)
    {
        double units = 0;
        foreach (char c in text)
            units += c is >= ' ' and <= '~' ? Ascii[c - ' '] : Other(c);
        return units / 1000 * fontSize * Slack;
    }

    /// <summary>The height of one line at <paramref name="fontSize"/>.</summary>
    public static double Height(double fontSize) => fontSize * LineHeight;

    /// <summary>The distance from the centre of a line box to its baseline, for vertically centred text.</summary>
    public static double BaselineOffset(double fontSize) => fontSize * 0.36;

    private static int Other(char c) => c switch
    {
        '²' => 401,
        '≥' or '≤' or '←' or '→' or '↔' or '−' => 838,
        '–' => 500,
        '—' => 1000,
        '·' => 318,
        _ => 700,
    };
}
