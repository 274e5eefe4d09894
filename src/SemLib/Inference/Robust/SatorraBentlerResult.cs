namespace SemLib.Inference;

/// <summary>
/// Satorra–Bentler robust standard errors and scaled test of an ML fit (lavaan's <c>estimator = "MLM"</c>), as
/// <see cref="SatorraBentler.Compute(Estimation.FittedModel)"/> gives them. Matrices are row-major. When the expected information cannot be
/// inverted the numbers are NaN and <see cref="Problem"/> says why.
/// </summary>
internal sealed record SatorraBentlerResult
{
    /// <summary>Robust covariance matrix of ζ (npar × npar), already divided by N.</summary>
    public required double[] CovarianceZeta { get; init; }

    /// <summary>Robust covariance matrix of θ, the free rows (K·Cov(ζ)·Kᵀ).</summary>
    public required double[] CovarianceTheta { get; init; }

    /// <summary>Robust standard error of each free row (θ order, <see cref="Model.LisrelModel.FreeRows"/>).</summary>
    public required double[] StandardErrors { get; init; }

    /// <summary>tr(UΓ) summed over the groups (lavaan's <c>trace.UGamma</c>).</summary>
    public required double TraceUGamma { get; init; }

    public required int Df { get; init; }

    /// <summary>The standard ML χ².</summary>
    public required double ChiSquare { get; init; }

    /// <summary>c = tr(UΓ)/df; NaN (lavaan's NA) when df = 0 or c &lt; 0.</summary>
    public required double ScalingFactor { get; init; }

    /// <summary>χ²/c; the standard χ² when c is not available (df = 0), as lavaan reports it.</summary>
    public required double ScaledChiSquare { get; init; }

    /// <summary>Why the numbers are NaN, or null.</summary>
    public string? Problem { get; init; }
}
