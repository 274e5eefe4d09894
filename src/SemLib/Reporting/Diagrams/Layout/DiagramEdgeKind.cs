namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>The relation an arrow of a path diagram draws.</summary>
internal enum DiagramEdgeKind
{
    /// <summary>A factor loading (<c>=~</c>), one-headed from the factor to its indicator.</summary>
    Loading,

    /// <summary>A regression (<c>~</c>), one-headed from the predictor to the dependent variable.</summary>
    Regression,

    /// <summary>A covariance (<c>~~</c>) of two variables or of their residuals, a curved two-headed arrow.</summary>
    Covariance,

    /// <summary>The path from an error term to its variable (drawn when the diagram shows error terms).</summary>
    Error,
}
