namespace SemLib.Results;

/// <summary>What a <see cref="FitWarning"/> is about, for programs that act on some warnings and not others.</summary>
public enum FitWarningKind
{
    /// <summary>Anything not listed below.</summary>
    Other,
    /// <summary>The optimizer did not converge from any set of start values; the estimates should not be interpreted.</summary>
    NotConverged,
    /// <summary>Other start values reached a different optimum (a worse fit, or a lower one with estimates that diverge), so the reported solution may be local.</summary>
    LocalOptimum,
    /// <summary>The fit function converged but the estimates drift along a flat direction (empirical under-identification); <see cref="FitWarning.Variables"/> names the drifting parameters.</summary>
    EmpiricalUnderidentification,
    /// <summary>The information matrix is singular or nearly so (the model may not be identified); no standard errors. <see cref="FitWarning.Variables"/> names the parameters involved.</summary>
    SingularInformation,
    /// <summary>A variance estimate is negative (a Heywood case); <see cref="FitWarning.Variables"/> names the variable.</summary>
    HeywoodCase,
    /// <summary>The model-implied covariance matrix of the latent variables or of the residuals is not positive definite; <see cref="FitWarning.Variables"/> lists the matrix's variables.</summary>
    NotPositiveDefinite,
    /// <summary>A defined (<c>:=</c>) parameter has no finite value or derivative at the estimates; <see cref="FitWarning.Variables"/> names it.</summary>
    UndefinedDefinedParameter,
    /// <summary>Rows of the data were left out (listwise deletion, a missing group value).</summary>
    RowsDropped,
    /// <summary>The model as written does something that may not be intended (a label shared across groups, a parameter written twice, labelled parameters fixed to different values); <see cref="FitWarning.Variables"/> names the parameters.</summary>
    ModelSpecification,
    /// <summary>The estimates hold inequality constraints whose active set did not settle.</summary>
    InequalityConstraints,
    /// <summary>The treatment of missing data (EM for the unrestricted moments, missing-data patterns).</summary>
    MissingData,
    /// <summary>Robust standard errors or the scaled test are unreliable or could not be computed (fewer clusters than parameters, a singular matrix in the sandwich).</summary>
    RobustInference,
    /// <summary>The statistics of ordered items: empty cells in a bivariate table, an item with many categories, a polychoric correlation near ±1 or whose search did not converge.</summary>
    OrdinalData,
}
