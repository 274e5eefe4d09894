namespace SemLib.Reliability;

/// <summary>Options of an exploratory factor analysis. The defaults reproduce <c>psych::fa()</c> for the chosen
/// extraction and rotation.</summary>
public sealed record EfaOptions
{
    /// <summary>Extraction method; maximum likelihood by default.</summary>
    public FactorExtraction Extraction { get; init; } = FactorExtraction.MaximumLikelihood;

    /// <summary>Rotation; oblimin by default (psych's default).</summary>
    public FactorRotation Rotation { get; init; } = FactorRotation.Oblimin;

    /// <summary>Promax power m (psych: 4).</summary>
    public double PromaxPower { get; init; } = 4;

    /// <summary>Oblimin gamma (0 = quartimin, psych's and GPArotation's default).</summary>
    public double ObliminGamma { get; init; }

    /// <summary>Kaiser-normalize rows before oblimin (GPArotation's <c>normalize = TRUE</c>). psych's <c>fa()</c>
    /// does not, so the default is false.</summary>
    public bool ObliminKaiserNormalization { get; init; }

    /// <summary>Missing-data handling for raw data; pairwise as psych by default.</summary>
    public CorrelationMissingData MissingData { get; init; } = CorrelationMissingData.Pairwise;

    /// <summary>Principal axis: stop when the sum of communalities changes by less than this (psych's
    /// <c>min.err = 0.001</c>).</summary>
    public double PrincipalAxisTolerance { get; init; } = 0.001;

    /// <summary>Principal axis: iteration limit (psych's <c>max.iter = 50</c>).</summary>
    public int PrincipalAxisMaxIterations { get; init; } = 50;
}
