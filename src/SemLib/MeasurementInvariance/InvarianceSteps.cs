namespace SemLib.MeasurementInvariance;

/// <summary>Names and constraints of the steps.</summary>
public static class InvarianceSteps
{
    /// <summary>All four steps in order.</summary>
    public static readonly IReadOnlyList<InvarianceStep> All = [InvarianceStep.Configural, InvarianceStep.Metric, InvarianceStep.Scalar, InvarianceStep.Strict];

    /// <summary>The lower-case name used in JSON and on the command line.</summary>
    public static string Name(this InvarianceStep step) => step.ToString().ToLowerInvariant();

    /// <summary>Reads a step name (configural, metric, scalar, strict; also weak and strong), or null.</summary>
    public static InvarianceStep? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "configural" => InvarianceStep.Configural,
        "metric" or "weak" or "loadings" => InvarianceStep.Metric,
        "scalar" or "strong" or "intercepts" => InvarianceStep.Scalar,
        "strict" or "residuals" => InvarianceStep.Strict,
        _ => null,
    };

    /// <summary>
    /// The group.equal keywords of a step (cumulative, as semTools' measEq and the usual practice); with ordinal items
    /// (a model whose table has thresholds) the scalar step equates thresholds instead of intercepts.
    /// </summary>
    public static IReadOnlyList<string> GroupEqual(this InvarianceStep step, bool ordinal = false) => step switch
    {
        InvarianceStep.Configural => [],
        InvarianceStep.Metric => ["loadings"],
        InvarianceStep.Scalar => ["loadings", ordinal ? "thresholds" : "intercepts"],
        _ => ["loadings", ordinal ? "thresholds" : "intercepts", "residuals"],
    };
}
