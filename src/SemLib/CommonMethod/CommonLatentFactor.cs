namespace SemLib.CommonMethod;

/// <summary>
/// The common latent factor (unmeasured latent method factor; Podsakoff et al. 2003, Table 4): the measurement model
/// plus a method factor that loads on every item with one common, equality-constrained loading, with its variance
/// fixed at 1 and its covariances with every trait fixed at 0.
/// </summary>
/// <param name="Model">The lavaan syntax of the model that was fitted.</param>
/// <param name="Fit">Its fit.</param>
/// <param name="VsMeasurement">The measurement model tested against it (Δdf = 1).</param>
/// <param name="MethodLoading">The common (unstandardized) method loading; null when the model did not converge.</param>
/// <param name="MethodVarianceShare">
/// The mean over items of the squared completely standardized (std.all) method loading: the average share of an
/// item's variance the method factor accounts for. Null when the model did not converge.
/// </param>
public sealed record CommonLatentFactor(string Model, ModelFitSummary Fit, NestedModelTest VsMeasurement, double? MethodLoading,
    double? MethodVarianceShare);
