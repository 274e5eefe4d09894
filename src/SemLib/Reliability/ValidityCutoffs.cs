namespace SemLib.Reliability;

/// <summary>
/// Thresholds of the customary reliability and validity criteria. Each default is the usual published cut-off;
/// override any with <c>with { … }</c> (e.g. <c>Kmo = 0.70</c> for Kaiser's "middling", or <c>Htmt = 0.90</c> for
/// conceptually similar constructs).
/// </summary>
public sealed record ValidityCutoffs
{
    /// <summary>Minimum Cronbach's alpha: .70 (Nunnally 1978).</summary>
    public double Alpha { get; init; } = 0.70;

    /// <summary>Minimum corrected item–total correlation (r.drop): .30 (Nunnally &amp; Bernstein 1994).</summary>
    public double CorrectedItemTotalCorrelation { get; init; } = 0.30;

    /// <summary>Minimum overall KMO: .60 (Kaiser 1974, "mediocre"); .70 ("middling") is often preferred.</summary>
    public double Kmo { get; init; } = 0.60;

    /// <summary>Minimum per-item MSA: .50 (Kaiser 1974; below is "unacceptable").</summary>
    public double ItemSamplingAdequacy { get; init; } = 0.50;

    /// <summary>Minimum standardized loading: .50 (Hair, Black, Babin &amp; Anderson 2019).</summary>
    public double StandardizedLoading { get; init; } = 0.50;

    /// <summary>Minimum composite reliability: .70 (Fornell &amp; Larcker 1981; Hair et al. 2019).</summary>
    public double CompositeReliability { get; init; } = 0.70;

    /// <summary>Minimum average variance extracted: .50 (Fornell &amp; Larcker 1981).</summary>
    public double AverageVarianceExtracted { get; init; } = 0.50;

    /// <summary>HTMT must stay below this: .85 (Henseler, Ringle &amp; Sarstedt 2015; .90 for conceptually similar
    /// constructs).</summary>
    public double Htmt { get; init; } = 0.85;

    /// <summary>The customary citation of each criterion's cut-off.</summary>
    public static string CitationOf(ValidityCriterion criterion) => criterion switch
    {
        ValidityCriterion.Alpha => "Nunnally 1978",
        ValidityCriterion.CorrectedItemTotalCorrelation => "Nunnally & Bernstein 1994",
        ValidityCriterion.Kmo => "Kaiser 1974",
        ValidityCriterion.ItemSamplingAdequacy => "Kaiser 1974",
        ValidityCriterion.StandardizedLoading => "Hair et al. 2019",
        ValidityCriterion.CompositeReliability => "Fornell & Larcker 1981; Hair et al. 2019",
        ValidityCriterion.AverageVarianceExtracted => "Fornell & Larcker 1981",
        ValidityCriterion.Htmt => "Henseler, Ringle & Sarstedt 2015",
        ValidityCriterion.FornellLarcker => "Fornell & Larcker 1981",
        _ => "",
    };
}
