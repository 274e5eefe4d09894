namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>What a node of a path diagram stands for, which decides its shape.</summary>
internal enum DiagramNodeKind
{
    /// <summary>A latent variable, drawn as an ellipse.</summary>
    Latent,

    /// <summary>An observed variable, drawn as a rectangle.</summary>
    Observed,

    /// <summary>An error term (residual of an indicator, disturbance of an endogenous variable), drawn as a small circle.</summary>
    Error,
}
