namespace SemLib.Resampling;

/// <summary>A bootstrapped effect (total, direct, total indirect or one specific indirect path).</summary>
/// <param name="From">The cause.</param>
/// <param name="To">The outcome.</param>
/// <param name="Kind">"total", "direct", "indirect" or "specific".</param>
/// <param name="Path">The path, e.g. <c>scale -> acq -> upg</c>.</param>
/// <param name="Estimate">The effect on the original data.</param>
/// <param name="StandardError">SD of the draws.</param>
/// <param name="CiLower">Lower bound of the requested interval.</param>
/// <param name="CiUpper">Upper bound.</param>
/// <param name="StdAll">The standardized effect on the original data.</param>
/// <param name="StdAllCiLower">Lower bound of its interval.</param>
/// <param name="StdAllCiUpper">Upper bound of its interval.</param>
public sealed record BootstrapEffect(string From, string To, string Kind, string Path, double Estimate, double? StandardError,
    double? CiLower, double? CiUpper, double? StdAll, double? StdAllCiLower, double? StdAllCiUpper)
{
    /// <summary>True when the interval excludes zero.</summary>
    public bool ExcludesZero => CiLower is double lo && CiUpper is double hi && (lo > 0 || hi < 0);
}
