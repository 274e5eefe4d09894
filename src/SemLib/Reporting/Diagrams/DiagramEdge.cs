using SemLib.Reporting.Diagrams.Layout;

namespace SemLib.Reporting.Diagrams;

/// <summary>
/// An arrow of a laid-out path diagram. The geometry is a chain of cubic Bézier segments:
/// <see cref="Path"/> holds the start point followed by three points (two control points and the end) per segment.
/// A one-headed arrow points at <see cref="To"/>; a covariance has heads at both ends.
/// </summary>
internal sealed record DiagramEdge
{
    /// <summary>Unique id, e.g. <c>acq~scale</c>, <c>visual=~x1</c>, <c>x1~~x4</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The node id the arrow starts at (the predictor, the factor, one side of a covariance). With
    /// <see cref="DiagramOptions.ShowErrorTerms"/>, a covariance of two variables that both have an error term is a
    /// covariance of their residuals and joins the error terms (ids <c>error:</c> + variable).</summary>
    public required string From { get; init; }

    /// <summary>The node id the arrow points at.</summary>
    public required string To { get; init; }

    /// <summary>The relation drawn.</summary>
    public required DiagramEdgeKind Kind { get; init; }

    /// <summary>The coefficient shown (standardized or not, as the options asked); null for error paths.</summary>
    public double? Value { get; init; }

    /// <summary>The p-value of the parameter; null for fixed parameters.</summary>
    public double? PValue { get; init; }

    /// <summary>True when the parameter is estimated, false when fixed.</summary>
    public bool Free { get; init; }

    /// <summary>The coefficient label with significance stars, e.g. <c>.45***</c>; empty for error paths.</summary>
    public string Text { get; init; } = "";

    /// <summary>True when the arrow is drawn dashed (a free parameter that is not significant at the largest level).</summary>
    public bool Dashed { get; init; }

    /// <summary>Start point, then (control 1, control 2, end) per cubic segment.</summary>
    public required IReadOnlyList<DiagramPoint> Path { get; init; }

    /// <summary>The placed coefficient label; null when the edge has no text.</summary>
    public DiagramLabel? Label { get; init; }

    /// <summary>True for covariances, drawn with a head at each end.</summary>
    public bool TwoHeaded => Kind == DiagramEdgeKind.Covariance;
}
