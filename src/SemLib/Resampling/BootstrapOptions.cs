namespace SemLib.Resampling;

/// <summary>Settings of a nonparametric bootstrap.</summary>
public sealed record BootstrapOptions
{
    /// <summary>Number of bootstrap draws (default 1000; AMOS users often ask for 2000).</summary>
    public int Draws { get; init; } = 1000;

    /// <summary>Seed: the same seed gives the same draws and results, whatever the number of threads.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Confidence level of the intervals (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The interval reported in <see cref="BootstrapEstimate.CiLower"/>/<see cref="BootstrapEstimate.CiUpper"/>.</summary>
    public BootstrapInterval Interval { get; init; } = BootstrapInterval.Percentile;

    /// <summary>Threads to use (default: all cores).</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Also compute the Bollen–Stine bootstrap p-value of the model χ² (as many draws again).</summary>
    public bool BollenStine { get; init; }

    /// <summary>Effects (from, to) whose total, direct, indirect and specific values are bootstrapped too.</summary>
    public IReadOnlyList<(string From, string To)> Effects { get; init; } = [];

    /// <summary>Receives the number of completed draws as they finish.</summary>
    public IProgress<int>? Progress { get; init; }
}
