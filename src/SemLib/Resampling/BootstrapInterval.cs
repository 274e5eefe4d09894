namespace SemLib.Resampling;

/// <summary>Which bootstrap confidence interval is reported.</summary>
public enum BootstrapInterval
{
    /// <summary>Percentile interval: the α/2 and 1 − α/2 quantiles of the draws (lavaan's default).</summary>
    Percentile,
    /// <summary>Bias-corrected percentile interval (Efron 1981), as AMOS reports.</summary>
    BiasCorrected,
    /// <summary>Bias-corrected and accelerated interval (Efron 1987), acceleration from the jackknife.</summary>
    BiasCorrectedAccelerated,
}
