using SemLib.Specification;

namespace SemLib.CommonMethod;

/// <summary>Options of <see cref="MethodBias.Run(string, Data.DataSet, MethodBiasOptions?)"/>.</summary>
public sealed record MethodBiasOptions
{
    /// <summary>The default: lavaan's defaults for every fit, no marker items.</summary>
    public static readonly MethodBiasOptions Default = new();

    /// <summary>
    /// Options of the measurement, one-factor and common-latent-factor fits (estimator, missing data, std.lv, ...).
    /// The marker-technique models use them with <see cref="ModelOptions.StdLv"/> set.
    /// </summary>
    public ModelOptions Fit { get; init; } = ModelOptions.Default;

    /// <summary>
    /// Marker items: columns of the data, not in the model, theoretically unrelated to the traits (at least two).
    /// Empty: no marker technique.
    /// </summary>
    public IReadOnlyList<string> Markers { get; init; } = [];

    /// <summary>Significance level of the verdicts and of the choice between Method-C and Method-U (default .05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Most fits run at once (default: the number of processors); the results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
