namespace SemLib.Reporting.Diagrams;

/// <summary>
/// What a <see cref="PathDiagram"/> shows. The defaults draw what a journal figure usually shows: standardized
/// coefficients (lavaan's <c>std.all</c>) with significance stars, R² of the endogenous variables, no error terms.
/// Change any with <c>with { … }</c>.
/// </summary>
public sealed record DiagramOptions
{
    /// <summary>The defaults.</summary>
    public static DiagramOptions Default { get; } = new();

    /// <summary>Show completely standardized coefficients (<c>std.all</c>); false shows the raw estimates.</summary>
    public bool Standardized { get; init; } = true;

    /// <summary>Draw error terms: a small circle per indicator (<c>e1</c>, <c>e2</c>, …) and per endogenous
    /// variable (<c>d1</c>, …) with an arrow to it.</summary>
    public bool ShowErrorTerms { get; init; }

    /// <summary>
    /// Draw loadings and regressions fixed at zero (a growth model's slope on its first occasion, say). Off by default:
    /// a path fixed at zero is an absent path, and path diagrams (AMOS's among them) draw none.
    /// </summary>
    public bool ShowFixedZeroPaths { get; init; }

    /// <summary>Show the R² of endogenous latent variables and of dependent observed variables beside the node.</summary>
    public bool ShowRSquare { get; init; } = true;

    /// <summary>Also show the R² of every observed indicator (off by default: it crowds large models).</summary>
    public bool ShowIndicatorRSquare { get; init; }

    /// <summary>Significance levels for the stars, one star per level the p-value is below (default .05, .01, .001:
    /// <c>*</c> p &lt; .05, <c>**</c> p &lt; .01, <c>***</c> p &lt; .001). Fixed parameters get no stars.</summary>
    public IReadOnlyList<double> SignificanceLevels { get; init; } = Significance.DefaultLevels;

    /// <summary>Decimals of the coefficients (default 2).</summary>
    public int Decimals { get; init; } = 2;

    /// <summary>Draw free regression paths and covariances that are not significant at the largest level dashed.</summary>
    public bool DashNonSignificant { get; init; } = true;

    /// <summary>The level a dashed path is not significant at: the largest of <see cref="SignificanceLevels"/> (.05 without levels).</summary>
    internal double DashLevel => SignificanceLevels.DefaultIfEmpty(0.05).Max();

    /// <summary>Write a one-line legend (stars, dashes, R²) below the diagram.</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>The group to draw (1-based) in a multi-group model.</summary>
    public int Group { get; init; } = 1;

    /// <summary>The diagram's title (the SVG <c>title</c> and the DOT graph name); null for a generated one.</summary>
    public string? Title { get; init; }
}
