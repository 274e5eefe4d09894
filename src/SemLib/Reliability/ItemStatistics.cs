namespace SemLib.Reliability;

/// <summary>
/// Statistics of one item of a scale, as <c>psych::alpha()</c> reports them in <c>item.stats</c> and
/// <c>alpha.drop</c>, plus skewness and kurtosis (<c>psych::describe</c>, <c>type = 3</c>). A reverse-keyed item
/// is described after rescoring. Moments use each item's observed values; correlations among items are
/// pairwise-complete (see <see cref="ItemAnalysis"/>).
/// </summary>
public sealed record ItemStatistics
{
    /// <summary>The item's name.</summary>
    public required string Item { get; init; }

    /// <summary>True when the item was reverse-keyed (rescored as min + max − x).</summary>
    public required bool Reversed { get; init; }

    /// <summary>Number of observed values (psych's <c>n</c>).</summary>
    public required int N { get; init; }

    /// <summary>Mean of the (rescored) item.</summary>
    public required double Mean { get; init; }

    /// <summary>Standard deviation (divisor n − 1).</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Skewness, psych's default <c>type = 3</c> (Joanes &amp; Gill 1998 b₁): Σ(x − x̄)³ / (n·s³), s the
    /// n − 1 standard deviation.</summary>
    public required double Skewness { get; init; }

    /// <summary>Excess kurtosis, psych's default <c>type = 3</c> (Joanes &amp; Gill 1998 b₂): Σ(x − x̄)⁴ / (n·s⁴) − 3.</summary>
    public required double Kurtosis { get; init; }

    /// <summary>Correlation of the item with the scale score, the item included (psych's <c>raw.r</c>): Pearson
    /// correlation with the row mean of the observed items, pairwise-complete.</summary>
    public required double ItemTotalCorrelation { get; init; }

    /// <summary>Item–total correlation from the standardized items (psych's <c>std.r</c>): column sum of R over
    /// √(ΣR).</summary>
    public required double StandardizedItemTotalCorrelation { get; init; }

    /// <summary>Item–total correlation corrected for item overlap and reliability (psych's <c>r.cor</c>): as
    /// <see cref="StandardizedItemTotalCorrelation"/> with the item's squared multiple correlation in place of 1 on
    /// the diagonal of R (Revelle, psych).</summary>
    public required double OverlapCorrectedItemTotalCorrelation { get; init; }

    /// <summary>Corrected item–total (item–rest) correlation (psych's <c>r.drop</c>): correlation of the item with
    /// the sum of the other items, from the covariance matrix: (Σⱼ≠ᵢ Cᵢⱼ) / √(Cᵢᵢ · Σⱼ,ₖ≠ᵢ Cⱼₖ).</summary>
    public required double CorrectedItemTotalCorrelation { get; init; }

    /// <summary>Raw alpha of the scale without this item (psych's <c>alpha.drop$raw_alpha</c>).</summary>
    public required double AlphaIfDeleted { get; init; }

    /// <summary>Standardized alpha without this item.</summary>
    public required double StandardizedAlphaIfDeleted { get; init; }

    /// <summary>Guttman's lambda-6 without this item.</summary>
    public required double LambdaSixIfDeleted { get; init; }

    /// <summary>Average inter-item correlation without this item.</summary>
    public required double AverageCorrelationIfDeleted { get; init; }
}
