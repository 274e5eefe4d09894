using SemLib.Results;

namespace SemLib.Reliability;

/// <summary>Everything a reliability and validity chapter reports, from <see cref="ReliabilityStudy.Run"/>.</summary>
public sealed record ReliabilityStudyResult
{
    /// <summary>Item and scale analysis per scale.</summary>
    public required IReadOnlyList<ScaleReliability> Scales { get; init; }
    /// <summary>The scale definitions analysed.</summary>
    public required IReadOnlyList<ScaleDefinition> ScaleDefinitions { get; init; }
    /// <summary>Rows with every item present (KMO, Bartlett, HTMT, CFA use these).</summary>
    public required int CompleteRows { get; init; }
    /// <summary>KMO over all items.</summary>
    public required KmoResult Kmo { get; init; }
    /// <summary>Bartlett's test over all items.</summary>
    public required BartlettTestResult Bartlett { get; init; }
    /// <summary>The CFA model syntax (one factor per scale).</summary>
    public required string CfaModel { get; init; }
    /// <summary>The fitted CFA, when it was run.</summary>
    public SemFit? Cfa { get; init; }
    /// <summary>Composite reliability per factor (Fornell &amp; Larcker 1981, from standardized loadings).</summary>
    public required IReadOnlyDictionary<string, double> CompositeReliability { get; init; }
    /// <summary>Average variance extracted per factor (mean squared standardized loading).</summary>
    public required IReadOnlyDictionary<string, double> AverageVarianceExtracted { get; init; }
    /// <summary>McDonald's omega per factor, semTools' compRelSEM definition (observed sum-score variance). With
    /// <see cref="ReliabilityStudyOptions.Ordinal"/> it is the omega of the latent responses, (Σλ)²ψ / 1′R1 with R the
    /// polychoric matrix (compRelSEM with <c>ord.scale = FALSE</c>); see <see cref="CategoricalOmega"/>.</summary>
    public required IReadOnlyDictionary<string, double> Omega { get; init; }
    /// <summary>semTools' AVE per factor.</summary>
    public required IReadOnlyDictionary<string, double> AverageVarianceExtractedSemTools { get; init; }
    /// <summary>Ordinal alpha per scale (Zumbo, Gadermann &amp; Zeisser 2007; psych's definition), when
    /// <see cref="ReliabilityStudyOptions.Ordinal"/> was set; empty otherwise.</summary>
    public IReadOnlyList<OrdinalAlpha> OrdinalAlpha { get; init; } = [];
    /// <summary>Categorical omega per factor (Green &amp; Yang 2009; semTools' compRelSEM default for ordered
    /// indicators, polychoric correlations in the denominator), when the CFA was fitted with ordered items; empty
    /// otherwise, and without the factors where it is not defined (a Heywood case, then a warning says so).</summary>
    public IReadOnlyDictionary<string, double> CategoricalOmega { get; init; } = new Dictionary<string, double>();
    /// <summary>Standardized loadings per factor.</summary>
    public required IReadOnlyList<FactorLoadings> StandardizedLoadings { get; init; }
    /// <summary>Correlations of the CFA's factors.</summary>
    public LabeledMatrix? LatentCorrelations { get; init; }
    /// <summary>√AVE against the factor correlations.</summary>
    public FornellLarckerTable? FornellLarcker { get; init; }
    /// <summary>HTMT ratios (semTools' htmt), when there are two or more scales.</summary>
    public HtmtResult? Htmt { get; init; }
    /// <summary>The exploratory factor analyses asked for.</summary>
    public required IReadOnlyList<EfaResult> Efa { get; init; }
    /// <summary>Every criterion checked, and which scale fails which.</summary>
    public required ValidityReport Verdicts { get; init; }
    /// <summary>Warnings from the item analyses and the CFA.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
