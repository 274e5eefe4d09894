namespace SemLib.Reliability;

/// <summary>
/// Ordinal alpha of one scale (Zumbo, Gadermann &amp; Zeisser 2007, "Ordinal versions of coefficients alpha and theta
/// for Likert rating scales", Journal of Modern Applied Statistical Methods 6, 21–29; Gadermann, Guhn &amp; Zumbo 2012):
/// Cronbach's alpha of the items' polychoric correlation matrix R, k/(k − 1) · (1 − k / 1′R1), as
/// <c>psych::alpha(psych::polychoric(x)$rho)</c> (psych 2.2.9) computes it. It estimates the reliability of the sum
/// of the continuous latent responses behind the items, not of the observed sum score; see
/// <see cref="OrdinalReliability.Alpha(SemLib.Data.DataSet, ScaleDefinition)"/> for how the polychoric matrix is
/// computed. Warnings (empty cells corrected, a smoothed matrix) are entries of <see cref="Warnings"/>.
/// </summary>
public sealed record OrdinalAlpha
{
    /// <summary>The scale's name.</summary>
    public required string Scale { get; init; }

    /// <summary>The items, in the order given.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>The reverse-keyed items (rescored as min + max − x before the polychoric correlations).</summary>
    public required IReadOnlyList<string> ReverseKeyed { get; init; }

    /// <summary>Rows of the data (missing values are handled pairwise, as psych does).</summary>
    public required int Rows { get; init; }

    /// <summary>Ordinal alpha: k/(k − 1) · (1 − k / 1′R1), R the polychoric correlation matrix (psych's
    /// <c>raw_alpha</c> = <c>std.alpha</c> of <c>alpha(rho)</c>).</summary>
    public required double Alpha { get; init; }

    /// <summary>Mean polychoric correlation (1′R1 − k) / (k(k − 1)) (psych's <c>average_r</c>).</summary>
    public required double AverageCorrelation { get; init; }

    /// <summary>The polychoric correlation matrix (psych's <c>rho</c>).</summary>
    public required LabeledMatrix Polychoric { get; init; }

    /// <summary>Each item's thresholds from its own observed values, in item order, one per category boundary of the
    /// scale's common code range (psych's <c>tau</c>); −∞ or +∞ where an end category is unused.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Thresholds { get; init; }

    /// <summary>True when the thresholds were global (psych's <c>global = TRUE</c>, every item reaching the same
    /// highest code); false when psych's rule switched to each pair's own thresholds.</summary>
    public required bool GlobalThresholds { get; init; }

    /// <summary>True when the polychoric matrix was not positive definite and was smoothed (psych's <c>cor.smooth</c>).</summary>
    public required bool Smoothed { get; init; }

    /// <summary>Warnings about the result, each naming the scale.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
