namespace SemLib.Results;

/// <summary>How the estimation ended.</summary>
public enum FitStatus
{
    /// <summary>The optimizer converged and the solution is admissible.</summary>
    Converged,
    /// <summary>The optimizer converged but some variance is negative or a covariance matrix is not positive definite (a Heywood case).</summary>
    ConvergedInadmissible,
    /// <summary>The optimizer did not converge; the estimates are the last iterate.</summary>
    NotConverged,
}
