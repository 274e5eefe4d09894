namespace SemLib.CommonMethod;

/// <summary>
/// The common-method-bias checks of a measurement model (<see cref="MethodBias.Run(string, Data.DataSet, MethodBiasOptions?)"/>).
/// </summary>
/// <param name="Model">The measurement model's syntax, as given.</param>
/// <param name="Items">The observed indicators of the measurement model, in order of appearance.</param>
/// <param name="Traits">Its latent variables.</param>
/// <param name="Harman">Harman's single-factor test.</param>
/// <param name="Measurement">The measurement model's fit.</param>
/// <param name="CommonLatentFactor">The common latent factor model.</param>
/// <param name="Marker">The CFA marker technique; null without marker items.</param>
/// <param name="Verdicts">What each check shows and cannot show, one sentence or two each, with citations.</param>
/// <param name="Warnings">Warnings of the fits (prefixed by the model's name) and of the analysis.</param>
public sealed record MethodBiasResult(
    string Model,
    IReadOnlyList<string> Items,
    IReadOnlyList<string> Traits,
    HarmanTest Harman,
    ModelFitSummary Measurement,
    CommonLatentFactor CommonLatentFactor,
    MarkerTechnique? Marker,
    IReadOnlyList<string> Verdicts,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The significance level of the verdicts and of the choice between Method-C and Method-U.</summary>
    public double Alpha { get; init; } = 0.05;
}
