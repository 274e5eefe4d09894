namespace SemLib.CommonMethod;

/// <summary>
/// The CFA marker technique (Williams, Hartman &amp; Cavazotte 2010, Organizational Research Methods 13(3), 477–514).
/// Every model is fitted with factor variances fixed at 1 (std.lv), so the trait covariances are correlations.
/// <list type="number">
/// <item>CFA: the traits and a marker factor M measured by the marker items, all factors correlated.</item>
/// <item>Baseline: M's loadings and its items' residual variances fixed at their CFA values, M uncorrelated with the traits.</item>
/// <item>Method-C: the baseline plus M loading on every substantive indicator with one common loading.</item>
/// <item>Method-U: the baseline plus M loading on every substantive indicator with free loadings.</item>
/// <item>Method-R: the accepted method model (Method-U when it fits significantly better than Method-C at .05,
/// otherwise Method-C) with the trait correlations fixed at their baseline values.</item>
/// </list>
/// Baseline vs Method-C tests for marker-related method variance, Method-C vs Method-U whether it is equal across
/// items, and the accepted model vs Method-R whether it biases the trait correlations.
/// </summary>
/// <param name="Markers">The marker items.</param>
/// <param name="MarkerLoadings">M's loadings in the CFA (fixed at these in the later models).</param>
/// <param name="MarkerResidualVariances">The marker items' residual variances in the CFA (likewise fixed).</param>
/// <param name="Cfa">The CFA model's fit.</param>
/// <param name="Baseline">The baseline model's fit.</param>
/// <param name="MethodC">Method-C's fit.</param>
/// <param name="MethodU">Method-U's fit.</param>
/// <param name="MethodR">Method-R's fit.</param>
/// <param name="MethodCLoading">Method-C's common (unstandardized) method loading.</param>
/// <param name="BaselineVsMethodC">Baseline tested against Method-C.</param>
/// <param name="MethodCVsMethodU">Method-C tested against Method-U.</param>
/// <param name="AcceptedIsMethodU">Whether Method-U was accepted (else Method-C).</param>
/// <param name="AcceptedVsMethodR">Method-R tested against the accepted model.</param>
/// <param name="Reliability">The reliability decomposition of each trait, from the accepted model.</param>
public sealed record MarkerTechnique(
    IReadOnlyList<string> Markers,
    IReadOnlyDictionary<string, double> MarkerLoadings,
    IReadOnlyDictionary<string, double> MarkerResidualVariances,
    ModelFitSummary Cfa,
    ModelFitSummary Baseline,
    ModelFitSummary MethodC,
    ModelFitSummary MethodU,
    ModelFitSummary MethodR,
    double? MethodCLoading,
    NestedModelTest BaselineVsMethodC,
    NestedModelTest MethodCVsMethodU,
    bool AcceptedIsMethodU,
    NestedModelTest AcceptedVsMethodR,
    IReadOnlyList<MarkerReliability> Reliability)
{
    /// <summary>"method_u" or "method_c": the accepted method model, by the JSON name.</summary>
    public string Accepted => AcceptedIsMethodU ? "method_u" : "method_c";
}
