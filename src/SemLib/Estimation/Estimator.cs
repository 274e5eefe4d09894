namespace SemLib.Estimation;

/// <summary>
/// The estimator, as lavaan names it. MLM and MLR minimise the ML discrepancy and differ from ML in their standard
/// errors and test statistic (lavaan's defaults for each: see <see cref="Specification.ModelOptions.StandardErrors"/>
/// and <see cref="Specification.ModelOptions.Test"/>).
/// </summary>
public enum Estimator
{
    /// <summary>Maximum likelihood under multivariate normality (the default).</summary>
    ML,
    /// <summary>Generalized least squares with the sample covariance matrix as weight.</summary>
    GLS,
    /// <summary>Unweighted least squares.</summary>
    ULS,
    /// <summary>ML estimates with Satorra–Bentler robust standard errors and scaled test (complete data only).</summary>
    MLM,
    /// <summary>ML estimates with Huber–White sandwich standard errors and the Yuan–Bentler (Mplus variant) scaled test.</summary>
    MLR,
    /// <summary>Diagonally weighted least squares on thresholds and polychoric correlations (ordered items), with standard errors and test from the weight.</summary>
    DWLS,
    /// <summary>Weighted least squares with the full inverse of Γ as weight (Browne's ADF; for ordered items Muthén's 1984 WLS).</summary>
    WLS,
    /// <summary>DWLS estimates with robust standard errors and the mean- and variance-adjusted (scaled-shifted) test: lavaan's default for ordered items.</summary>
    WLSMV,
    /// <summary>Unweighted least squares estimates with robust standard errors and the scaled-shifted test (ordered items).</summary>
    ULSMV,
}

/// <summary>Which information matrix standard errors are computed from.</summary>
public enum InformationType
{
    /// <summary>The expected (Fisher) information at the estimates (lavaan's default for complete data).</summary>
    Expected,
    /// <summary>The observed information: the Hessian of the fit function at the estimates.</summary>
    Observed,
}

/// <summary>How standard errors are computed (lavaan's <c>se</c>).</summary>
public enum StandardErrorType
{
    /// <summary>From the inverted information matrix (lavaan's <c>"standard"</c>).</summary>
    Standard,
    /// <summary>The Satorra–Bentler sandwich with the asymptotic covariance of the sample moments (lavaan's <c>"robust.sem"</c>).</summary>
    RobustSem,
    /// <summary>The Huber–White sandwich from casewise scores (lavaan's <c>"robust.huber.white"</c>), cluster-robust with a cluster column.</summary>
    RobustHuberWhite,
    /// <summary>No standard errors (lavaan's <c>"none"</c>).</summary>
    None,
    /// <summary>
    /// lavaan's <c>"robust"</c>: <see cref="RobustSem"/> with complete data (whatever the estimator, as lavaan 0.6.14 maps
    /// it; the information is then the expected one), <see cref="RobustHuberWhite"/> with FIML.
    /// </summary>
    Robust,
}

/// <summary>Which model test statistics are computed besides the standard one (lavaan's <c>test</c>).</summary>
public enum TestType
{
    /// <summary>The standard χ² only.</summary>
    Standard,
    /// <summary>Satorra–Bentler mean-adjusted (scaled) χ² (lavaan's <c>"satorra.bentler"</c>).</summary>
    SatorraBentler,
    /// <summary>Yuan–Bentler scaled χ², the Mplus variant (lavaan's <c>"yuan.bentler.mplus"</c>, MLR's default).</summary>
    YuanBentlerMplus,
    /// <summary>Yuan–Bentler scaled χ² (lavaan's <c>"yuan.bentler"</c>).</summary>
    YuanBentler,
    /// <summary>Mean- and variance-adjusted, scaled-and-shifted χ² (lavaan's <c>"scaled.shifted"</c>).</summary>
    ScaledShifted,
}

/// <summary>What lavaan's estimator names mean.</summary>
public static class EstimatorFacts
{
    /// <summary>Whether the estimator minimises the ML discrepancy (ML, MLM, MLR).</summary>
    public static bool IsMaximumLikelihood(this Estimator estimator) =>
        estimator is Estimator.ML or Estimator.MLM or Estimator.MLR;

    /// <summary>lavaan's default standard errors for the estimator.</summary>
    public static StandardErrorType DefaultStandardErrors(this Estimator estimator) => estimator switch
    {
        Estimator.MLM or Estimator.WLSMV or Estimator.ULSMV => StandardErrorType.RobustSem,
        Estimator.MLR => StandardErrorType.RobustHuberWhite,
        _ => StandardErrorType.Standard,
    };

    /// <summary>lavaan's default test for the estimator.</summary>
    public static TestType DefaultTest(this Estimator estimator) => estimator switch
    {
        Estimator.MLM => TestType.SatorraBentler,
        Estimator.MLR => TestType.YuanBentlerMplus,
        Estimator.WLSMV or Estimator.ULSMV => TestType.ScaledShifted,
        _ => TestType.Standard,
    };

    /// <summary>
    /// Whether the estimator is a least-squares fit to the statistics of <c>lavInspect(fit, "wls.obs")</c> — thresholds,
    /// polychoric/polyserial correlations — as lavaan fits ordered items: DWLS, WLS, WLSMV, ULSMV (ULS with ordered items).
    /// </summary>
    public static bool IsCategorical(this Estimator estimator) =>
        estimator is Estimator.DWLS or Estimator.WLS or Estimator.WLSMV or Estimator.ULSMV;
}
