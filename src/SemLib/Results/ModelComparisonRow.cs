namespace SemLib.Results;

/// <summary>
/// One model in a nested-model comparison, with the difference test against the model before it. When every model has a
/// scaled test (MLM, MLR, ML with a robust test) the difference is lavaan's scaled one (<see cref="Method"/>
/// "satorra.bentler.2001"; "satorra.2000" for WLSMV and ULSMV fits of ordered items): <see cref="ChiSquareDifference"/> is
/// then the scaled difference, the standard one is in <see cref="StandardChiSquareDifference"/> and there is no RMSEA of
/// the difference, as lavTestLRT prints it.
/// </summary>
/// <param name="Name">The name given to the model.</param>
/// <param name="Df">Degrees of freedom.</param>
/// <param name="Aic">AIC (ML only).</param>
/// <param name="Bic">BIC (ML only).</param>
/// <param name="ChiSquare">The model χ².</param>
/// <param name="ChiSquareDifference">χ² minus the previous (less restricted) model's χ² — scaled with robust tests; null for the first.</param>
/// <param name="RmseaDifference">RMSEA of the difference test (lavaan's lavTestLRT column); null for the first.</param>
/// <param name="DfDifference">Difference in df; null for the first.</param>
/// <param name="PValue">p-value of the χ² difference; null for the first.</param>
public sealed record ModelComparisonRow(string Name, int Df, double? Aic, double? Bic, double ChiSquare,
    double? ChiSquareDifference, double? RmseaDifference, int? DfDifference, double? PValue)
{
    /// <summary>How the difference was tested: "standard" (χ² difference), "satorra.bentler.2001" (scaled difference) or
    /// "satorra.2000" (scaled-and-shifted difference of WLSMV/ULSMV fits).</summary>
    public string Method { get; init; } = "standard";

    /// <summary>The unscaled difference of the standard χ² statistics (equal to <see cref="ChiSquareDifference"/> for the standard method); null for the first.</summary>
    public double? StandardChiSquareDifference { get; init; }

    /// <summary>The scaling factor of the difference, c_d = (df₀c₀ − df₁c₁)/(df₀ − df₁) (Satorra &amp; Bentler 2001); null for the standard method and the first row.</summary>
    public double? DifferenceScalingFactor { get; init; }

    /// <summary>The scale a of a "satorra.2000" difference a·Δχ² + b (lavTestLRT's attribute "scale"); null otherwise and for the first row.</summary>
    public double? DifferenceScale { get; init; }

    /// <summary>The shift b of a "satorra.2000" difference a·Δχ² + b (lavTestLRT's attribute "shift"); null otherwise and for the first row.</summary>
    public double? DifferenceShift { get; init; }
}
