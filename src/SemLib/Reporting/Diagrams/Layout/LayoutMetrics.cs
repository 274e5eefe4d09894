namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>
/// Sizes and gaps of the layout; <see cref="Spacing"/> scales the gaps when labels do not fit. No text is smaller than
/// <see cref="MinimumFont"/>: a large model gets a larger canvas, never smaller type (HTML reports show diagrams at their
/// own size).
/// </summary>
internal sealed record LayoutMetrics(double Spacing)
{
    /// <summary>The smallest font size of any text in a diagram.</summary>
    public const double MinimumFont = 10;

    public double NameFont => 12;
    public double ErrorFont => 10;
    public double LabelFont => 10;
    public double LegendFont => 10;
    public double ObservedHeight => 26;
    public double ObservedMinWidth => 40;
    public double LatentHeight => 42;
    public double LatentMinWidth => 66;
    public double ErrorDiameter => 24;

    /// <summary>Horizontal distance between a factor and its indicator column (left/right blocks).</summary>
    public double IndicatorGap => 92 * Spacing;

    /// <summary>Vertical distance between a factor and its indicator row (top/bottom blocks).</summary>
    public double IndicatorGapVertical => 64 * Spacing;

    /// <summary>Gap between stacked indicators.</summary>
    public double StackGap => 10 * Math.Sqrt(Spacing);

    /// <summary>Gap between indicators in a row.</summary>
    public double RowGap => 14 * Spacing;

    /// <summary>Distance from an indicator to its error term.</summary>
    public double ErrorGap => 22;

    /// <summary>Gap between blocks stacked in one column.</summary>
    public double BlockGap => 28 * Spacing;

    /// <summary>Gap between two bend points of long arrows.</summary>
    public double DummyGap => 12 * Spacing;

    /// <summary>Gap between a bend point and a variable's block (wide enough to read the arrows as separate).</summary>
    public double DummyNodeGap => 26 * Spacing;

    /// <summary>Half the height reserved for a bend point of a long arrow.</summary>
    public double DummyHalfHeight => 8;

    /// <summary>Gap between columns with <paramref name="edges"/> arrows crossing it.</summary>
    public double ColumnGap(int edges) => Math.Min(100 + 16 * edges, 320) * Spacing;

    /// <summary>Blank margin around the drawing.</summary>
    public double Margin => 16;
}
