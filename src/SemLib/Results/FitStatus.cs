namespace SemLib.Results;

/// <summary>How the estimation ended.</summary>
public enum FitStatus
{
    /// <summary>The optimizer converged and the solution is admissible.</summary>
    Converged,
    /// <summary>The optimizer converged but some variance is negative or a covariance matrix is not positive definite (a Heywood case).</summary>
    ConvergedInadmissible,
    /// <summary>
    /// The optimizer stopped where the information matrix is singular: the model may not be identified (or not
    /// empirically so at these estimates), so standard errors are not reported; a warning names the parameters
    /// involved. Not a clean convergence.
    /// </summary>
    ConvergedSingular,
    /// <summary>The optimizer did not converge; the estimates are the last iterate.</summary>
    NotConverged,
}
