namespace SemLib.Reliability;

/// <summary>
/// Likelihood-ratio fit of an exploratory factor solution as psych's <c>fa.stats</c>: the ML discrepancy of the
/// model matrix M (ΛΦΛ′ with unit diagonal) from R, F = tr(M⁻¹R) − ln|M⁻¹R| − p, and Bartlett's (1950) corrected
/// χ² = F·(n − 1 − (2p + 5)/6 − 2m/3) on ((p − m)² − (p + m))/2 degrees of freedom. It is reported for every
/// extraction method, as psych does, but is a likelihood-ratio test only for maximum likelihood.
/// </summary>
/// <param name="Objective">The discrepancy F (psych's <c>objective</c>).</param>
/// <param name="ChiSquare">The corrected χ² (psych's <c>STATISTIC</c>), floored at 0.</param>
/// <param name="DegreesOfFreedom">((p − m)² − (p + m))/2 (psych's <c>dof</c>).</param>
/// <param name="PValue">Upper-tail probability; NaN when there are no degrees of freedom.</param>
/// <param name="N">Observations used for the χ².</param>
public sealed record EfaFit(double Objective, double ChiSquare, int DegreesOfFreedom, double PValue, int N);
