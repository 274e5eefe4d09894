namespace SemLib.Reliability;

/// <summary>
/// The Fornell–Larcker (1981) discriminant-validity table: √AVE on the diagonal and the latent correlations off
/// it. A factor passes when its √AVE exceeds the absolute value of every correlation it has with another factor.
/// </summary>
public sealed record FornellLarckerTable
{
    /// <summary>The factors, in order.</summary>
    public required IReadOnlyList<string> Factors { get; init; }

    /// <summary>√AVE on the diagonal, latent correlations elsewhere.</summary>
    public required LabeledMatrix Matrix { get; init; }

    /// <summary>√AVE per factor.</summary>
    public required IReadOnlyList<double> SqrtAve { get; init; }

    /// <summary>Per factor, the largest absolute correlation with another factor.</summary>
    public required IReadOnlyList<double> MaxCorrelation { get; init; }

    /// <summary>Per factor, the other factor it correlates with most strongly.</summary>
    public required IReadOnlyList<string> MostCorrelatedWith { get; init; }

    /// <summary>Per factor, whether √AVE exceeds <see cref="MaxCorrelation"/>.</summary>
    public required IReadOnlyList<bool> Passed { get; init; }

    /// <summary>True when every factor passes.</summary>
    public bool AllPassed => Passed.All(p => p);
}
