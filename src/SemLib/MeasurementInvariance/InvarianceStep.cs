namespace SemLib.MeasurementInvariance;

/// <summary>
/// The steps of a measurement-invariance sequence, each adding lavaan <c>group.equal</c> constraints to the one
/// before (Meredith 1993; Vandenberg &amp; Lance 2000).
/// </summary>
public enum InvarianceStep
{
    /// <summary>The same model in every group, every parameter free (no group.equal).</summary>
    Configural,
    /// <summary>Weak (metric) invariance: equal loadings.</summary>
    Metric,
    /// <summary>Strong (scalar) invariance: equal loadings and intercepts (thresholds for ordinal items, once those exist).</summary>
    Scalar,
    /// <summary>Strict invariance: equal loadings, intercepts and residual variances.</summary>
    Strict,
}
