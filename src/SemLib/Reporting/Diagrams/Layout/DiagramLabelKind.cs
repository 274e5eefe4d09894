namespace SemLib.Reporting.Diagrams.Layout;

/// <summary>What a text label of a path diagram shows.</summary>
internal enum DiagramLabelKind
{
    /// <summary>The name of a variable (or error term), inside its node.</summary>
    NodeName,

    /// <summary>A coefficient on an arrow, with significance stars.</summary>
    Coefficient,

    /// <summary>The R² of an endogenous variable, beside its node.</summary>
    RSquare,

    /// <summary>The legend below the diagram.</summary>
    Legend,
}
