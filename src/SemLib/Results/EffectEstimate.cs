namespace SemLib.Results;

/// <summary>One effect of a decomposition: its estimate with delta-method inference and its standardized value.</summary>
/// <param name="Kind">"total", "direct", "indirect" (total indirect) or "specific" (one indirect path).</param>
/// <param name="Path">The variables along the path, e.g. <c>ties -> acq -> upg</c>; for totals the two ends.</param>
/// <param name="Estimate">The unstandardized effect.</param>
/// <param name="StandardError">Delta-method standard error (null when the parameter covariance is unavailable).</param>
/// <param name="Z">Estimate / SE.</param>
/// <param name="PValue">Two-sided p-value of z.</param>
/// <param name="CiLower">Lower bound of the normal-theory confidence interval.</param>
/// <param name="CiUpper">Upper bound.</param>
/// <param name="StdAll">The effect in standard-deviation units of both variables (std.all).</param>
public sealed record EffectEstimate(string Kind, string Path, double Estimate, double? StandardError, double? Z, double? PValue,
    double? CiLower, double? CiUpper, double? StdAll);
