namespace SemLib.Reliability;

/// <summary>
/// Bartlett's (1950, 1951) test of sphericity, that the population correlation matrix is an identity, as
/// <c>psych::cortest.bartlett()</c>: χ² = −ln|R| · (n − 1 − (2p + 5)/6) on p(p − 1)/2 degrees of freedom.
/// </summary>
/// <param name="ChiSquare">The χ² statistic.</param>
/// <param name="DegreesOfFreedom">p(p − 1)/2.</param>
/// <param name="PValue">Upper-tail χ² probability.</param>
/// <param name="N">The number of observations used.</param>
public sealed record BartlettTestResult(double ChiSquare, int DegreesOfFreedom, double PValue, int N);
