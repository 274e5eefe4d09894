using SemLib.Inference;
using SemLib.Resampling;
using SemLib.Results;

namespace SemLib.Reporting;

/// <summary>
/// The parameter rows of a fit with the bootstrap's standard errors in place of the information-based ones, as
/// lavaan's <c>parameterEstimates()</c> reports them after <c>se = "bootstrap"</c>: se = SD of the draws,
/// z = est / se, the p-value from the standard normal, and the bootstrap interval of the chosen type. Fixed rows
/// (fixed.x covariates included, as in lavaan) keep se 0, no z or p, and the estimate as both interval bounds.
/// </summary>
internal static class BootstrapColumns
{
    public static IReadOnlyList<ParameterEstimate> Apply(SemFit fit, BootstrapResult boot)
    {
        if (boot.Parameters.Count != fit.Parameters.Count)
            throw new ArgumentException($"The bootstrap result has {boot.Parameters.Count} parameter rows but the fit {fit.Parameters.Count}: it belongs to another fit.", nameof(boot));
        var rows = new List<ParameterEstimate>(fit.Parameters.Count);
        for (int i = 0; i < fit.Parameters.Count; i++)
        {
            var p = fit.Parameters[i];
            var b = boot.Parameters[i];
            if (b.Lhs != p.Lhs || b.Op != p.Op || b.Rhs != p.Rhs || b.Group != p.Group)
                throw new ArgumentException($"Row {i + 1} of the bootstrap result is {b.Name} but the fit's is {p.Name}: it belongs to another fit.", nameof(boot));
            if (p.Free == false)
            {
                rows.Add(p);
                continue;
            }
            double? se = b.StandardError is double s && double.IsFinite(s) ? s : null;
            // z and p as parameterEstimates() gives them with se = "bootstrap"; the interval is the bootstrap one.
            var wald = Wald.Of(p.Estimate, se, criticalValue: double.NaN);
            rows.Add(p with { StandardError = se, Z = wald.Z, PValue = wald.PValue, CiLower = b.CiLower, CiUpper = b.CiUpper });
        }
        return rows;
    }

    /// <summary>lavaan's <c>boot.ci.type</c> names: perc, bc, bca.</summary>
    public static string IntervalName(BootstrapInterval interval) => interval switch
    {
        BootstrapInterval.Percentile => "perc",
        BootstrapInterval.BiasCorrected => "bc",
        BootstrapInterval.BiasCorrectedAccelerated => "bca",
        _ => interval.ToString(),
    };

    /// <summary>The interval in words, for text output.</summary>
    public static string IntervalTitle(BootstrapInterval interval) => interval switch
    {
        BootstrapInterval.Percentile => "Percentile",
        BootstrapInterval.BiasCorrected => "Bias-corrected",
        BootstrapInterval.BiasCorrectedAccelerated => "BCa",
        _ => interval.ToString(),
    };
}
