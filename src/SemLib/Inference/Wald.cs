using MathNet.Numerics.Distributions;

namespace SemLib.Inference;

/// <summary>
/// Normal-theory inference for an estimate with a standard error, as lavaan's <c>parameterEstimates()</c>:
/// z = estimate / SE, its two-sided p-value 2·(1 − Φ(|z|)), and the interval estimate ± z₁₋α/₂·SE.
/// </summary>
internal readonly record struct Wald(double? Z, double? PValue, double? CiLower, double? CiUpper)
{
    /// <summary>z₁₋α/₂ for a two-sided interval at the confidence level (α = 1 − level).</summary>
    public static double CriticalValue(double confidenceLevel) => CriticalValueAt(1 - confidenceLevel);

    /// <summary>
    /// z₁₋α/₂ for a two-sided test at significance level α. Taken from α itself, not from 1 − α as a confidence level:
    /// 1 − (1 − α) is not always α in floating point.
    /// </summary>
    public static double CriticalValueAt(double alpha) => Normal.InvCDF(0, 1, 1 - alpha / 2);

    /// <summary>
    /// z and p need a positive SE; an SE of 0 (a quantity that no free parameter moves) gives the interval
    /// [estimate, estimate]; without an SE everything is missing.
    /// </summary>
    public static Wald Of(double estimate, double? se, double criticalValue)
    {
        if (se is not double s) return default;
        if (!(s > 0)) return new Wald(null, null, estimate, estimate);
        double z = estimate / s;
        return new Wald(z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))), estimate - criticalValue * s, estimate + criticalValue * s);
    }

    /// <summary>The delta-method variance gᵀ·Cov·g of a function with gradient g, for a dense q×q covariance matrix.</summary>
    public static double DeltaVariance(ReadOnlySpan<double> gradient, double[] covariance, int q)
    {
        double v = 0;
        for (int a = 0; a < q; a++)
        {
            if (gradient[a] == 0) continue;
            for (int b = 0; b < q; b++) v += gradient[a] * covariance[a * q + b] * gradient[b];
        }
        return v;
    }
}
