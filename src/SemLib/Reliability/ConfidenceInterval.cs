namespace SemLib.Reliability;

/// <summary>A two-sided confidence interval.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Coverage, e.g. 0.95.</param>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>True when the value lies within the bounds.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
