namespace SemLib.Reliability;

/// <summary>
/// An exploratory factor solution with <c>psych::fa()</c>'s conventions: after rotation each factor's sign makes
/// its loadings sum to a positive number, and factors are ordered by decreasing variance accounted for (SS
/// loadings; for oblique rotations diag(ΦΛ′Λ)). Factor names are psych's (e.g. <c>ML1</c>, <c>PA2</c>), numbered
/// in extraction order, so they may appear out of numeric order after sorting, as in psych.
/// </summary>
public sealed record EfaResult
{
    /// <summary>The items analysed.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>The factor names, in column order.</summary>
    public required IReadOnlyList<string> FactorNames { get; init; }

    /// <summary>Extraction method.</summary>
    public required FactorExtraction Extraction { get; init; }

    /// <summary>Rotation.</summary>
    public required FactorRotation Rotation { get; init; }

    /// <summary>Rotated loadings (the pattern matrix for oblique rotations), items × factors.</summary>
    public required LabeledMatrix Loadings { get; init; }

    /// <summary>Structure matrix ΛΦ (equal to <see cref="Loadings"/> for orthogonal solutions).</summary>
    public required LabeledMatrix Structure { get; init; }

    /// <summary>Factor correlations Φ for oblique rotations (promax, oblimin); null for orthogonal ones.</summary>
    public required LabeledMatrix? FactorCorrelations { get; init; }

    /// <summary>Communalities h² (row sums of squared unrotated loadings; psych's <c>communality</c>).</summary>
    public required IReadOnlyList<double> Communalities { get; init; }

    /// <summary>Uniquenesses 1 − h² (psych's <c>uniquenesses</c>).</summary>
    public required IReadOnlyList<double> Uniquenesses { get; init; }

    /// <summary>Eigenvalues of the correlation matrix, decreasing (psych's <c>e.values</c>; a scree plot's points).</summary>
    public required IReadOnlyList<double> Eigenvalues { get; init; }

    /// <summary>Variance accounted for by each factor (psych's <c>SS loadings</c>).</summary>
    public required IReadOnlyList<double> SsLoadings { get; init; }

    /// <summary>SS loadings over the number of items (psych's <c>Proportion Var</c>).</summary>
    public required IReadOnlyList<double> ProportionVariance { get; init; }

    /// <summary>Running sum of <see cref="ProportionVariance"/> (psych's <c>Cumulative Var</c>).</summary>
    public required IReadOnlyList<double> CumulativeVariance { get; init; }

    /// <summary>SS loadings over their total (psych's <c>Proportion Explained</c>).</summary>
    public required IReadOnlyList<double> ProportionExplained { get; init; }

    /// <summary>The correlation matrix analysed.</summary>
    public required LabeledMatrix Correlation { get; init; }

    /// <summary>Likelihood-ratio fit (see <see cref="EfaFit"/>).</summary>
    public required EfaFit Fit { get; init; }

    /// <summary>Iterations of the extraction (principal axis) or of the optimiser (ML, minres).</summary>
    public required int Iterations { get; init; }

    /// <summary>Warnings: Heywood cases, iteration limits reached, rotation not converged.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Number of factors.</summary>
    public int FactorCount => FactorNames.Count;
}
