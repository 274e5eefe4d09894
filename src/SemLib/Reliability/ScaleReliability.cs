namespace SemLib.Reliability;

/// <summary>
/// Reliability of one scale with <c>psych::alpha()</c>'s conventions (see <see cref="ItemAnalysis"/> for how
/// missing values are handled). A statistical problem, such as items that correlate negatively with the scale or a
/// negative average covariance, is a <see cref="Warnings"/> entry, never an exception.
/// </summary>
public sealed record ScaleReliability
{
    /// <summary>The scale's name.</summary>
    public required string Scale { get; init; }

    /// <summary>The items, in the order given.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>The reverse-keyed items (rescored before analysis).</summary>
    public required IReadOnlyList<string> ReverseKeyed { get; init; }

    /// <summary>Number of rows of the data (psych's <c>nsub</c>, used for the Feldt interval), including rows in
    /// which some or all of the scale's items are missing.</summary>
    public required int Rows { get; init; }

    /// <summary>Cronbach's (1951) alpha from the covariance matrix C of k items:
    /// α = k/(k − 1) · (1 − tr C / ΣC) (psych's <c>raw_alpha</c>).</summary>
    public required double Alpha { get; init; }

    /// <summary>Standardized alpha from the correlation matrix R: k/(k − 1) · (1 − k / ΣR) (psych's <c>std.alpha</c>).</summary>
    public required double StandardizedAlpha { get; init; }

    /// <summary>Guttman's (1945) lambda-6 with squared multiple correlations as the error-free part of each item:
    /// 1 − Σ(1 − smcᵢ) / ΣR (psych's <c>G6(smc)</c>).</summary>
    public required double LambdaSix { get; init; }

    /// <summary>Mean inter-item correlation (ΣR − k) / (k(k − 1)) (psych's <c>average_r</c>).</summary>
    public required double AverageCorrelation { get; init; }

    /// <summary>Median of the inter-item correlations (psych's <c>median_r</c>).</summary>
    public required double MedianCorrelation { get; init; }

    /// <summary>Signal-to-noise ratio k·r̄ / (1 − r̄) (psych's <c>S/N</c>; Cronbach &amp; Gleser 1964).</summary>
    public required double SignalToNoise { get; init; }

    /// <summary>Mean of the scale score, the score of a row being the mean of its observed (rescored) items (psych's
    /// <c>mean</c> with <c>cumulative = FALSE</c>).</summary>
    public required double Mean { get; init; }

    /// <summary>Standard deviation of that scale score (divisor n − 1).</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Feldt's (1965; Feldt, Woodruff &amp; Salih 1987) interval for alpha, as psych's <c>alpha.ci</c>:
    /// 1 − (1 − α)·F(1 − p/2; n − 1, (n − 1)(k − 1)) to 1 − (1 − α)·F(p/2; …), n = <see cref="Rows"/>.</summary>
    public required ConfidenceInterval FeldtInterval { get; init; }

    /// <summary>Per-item statistics, in item order.</summary>
    public required IReadOnlyList<ItemStatistics> ItemStatistics { get; init; }

    /// <summary>The pairwise-complete covariance matrix of the (rescored) items.</summary>
    public required LabeledMatrix Covariance { get; init; }

    /// <summary>The correlation matrix derived from <see cref="Covariance"/> (R's <c>cov2cor</c>).</summary>
    public required LabeledMatrix Correlation { get; init; }

    /// <summary>Items that psych would flag as probably needing reversal: negative loading on the first principal
    /// component of the (rescored) items' correlations, the component signed so that its loadings sum to a
    /// positive number.</summary>
    public required IReadOnlyList<string> NegativelyCorrelatedItems { get; init; }

    /// <summary>Warnings about the result, each naming the scale and the items concerned.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Statistics of the named item.</summary>
    public ItemStatistics Item(string name) => ItemStatistics.FirstOrDefault(s => s.Item == name)
        ?? throw new KeyNotFoundException($"Scale {MessageText.Quote(Scale)} has no item named {MessageText.Quote(name)} (items are: {MessageText.List(Items)}).");
}
