namespace SemLib.Estimation;

/// <summary>The discrepancy function minimised to fit the model.</summary>
public enum Estimator
{
    /// <summary>Maximum likelihood under multivariate normality (the default).</summary>
    ML,
    /// <summary>Generalized least squares with the sample covariance matrix as weight.</summary>
    GLS,
    /// <summary>Unweighted least squares.</summary>
    ULS,
}

/// <summary>Which information matrix standard errors are computed from.</summary>
public enum InformationType
{
    /// <summary>The expected (Fisher) information at the estimates (lavaan's default).</summary>
    Expected,
    /// <summary>The observed information: the Hessian of the fit function at the estimates.</summary>
    Observed,
}
