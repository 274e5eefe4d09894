namespace SemLib.Reliability;

/// <summary>The customary reliability and validity criteria that <see cref="ValidityAssessment"/> checks.</summary>
public enum ValidityCriterion
{
    /// <summary>Cronbach's alpha of a scale (Nunnally 1978: ≥ .70).</summary>
    Alpha,

    /// <summary>Corrected item–total correlation, psych's <c>r.drop</c> (Nunnally &amp; Bernstein 1994: ≥ .30).</summary>
    CorrectedItemTotalCorrelation,

    /// <summary>Overall KMO (Kaiser 1974: ≥ .60 mediocre, ≥ .70 middling).</summary>
    Kmo,

    /// <summary>Per-item measure of sampling adequacy (Kaiser 1974: below .50 unacceptable).</summary>
    ItemSamplingAdequacy,

    /// <summary>Standardized loading of an indicator on its factor (Hair et al. 2019: ≥ .50).</summary>
    StandardizedLoading,

    /// <summary>Composite reliability (Fornell &amp; Larcker 1981; Hair et al. 2019: ≥ .70).</summary>
    CompositeReliability,

    /// <summary>Average variance extracted (Fornell &amp; Larcker 1981: ≥ .50).</summary>
    AverageVarianceExtracted,

    /// <summary>Heterotrait–monotrait ratio of two constructs (Henseler, Ringle &amp; Sarstedt 2015: &lt; .85).</summary>
    Htmt,

    /// <summary>Fornell–Larcker criterion: √AVE above every correlation of that factor (Fornell &amp; Larcker 1981).</summary>
    FornellLarcker,
}
