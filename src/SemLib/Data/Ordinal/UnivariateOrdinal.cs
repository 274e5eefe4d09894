namespace SemLib.Data.Ordinal;

/// <summary>
/// Step one of the two-step estimator for an ordered variable (lavaan's <c>lav_uvord_fit</c> without covariates): the
/// probit thresholds τₖ = Φ⁻¹(proportion of rows in categories 0..k), k = 0..K−2 — the maximum-likelihood estimate —
/// and the casewise scores of the univariate log-likelihood, which depend on the row's category only.
/// </summary>
internal sealed class UnivariateOrdinal
{
    private UnivariateOrdinal(int[] counts, double[] thresholds, double[][] scores)
    {
        Counts = counts;
        Thresholds = thresholds;
        Scores = scores;
    }

    /// <summary>Rows per category (K values).</summary>
    public int[] Counts { get; }

    /// <summary>τ₀..τ_{K−2}.</summary>
    public double[] Thresholds { get; }

    /// <summary>
    /// Scores[a][k] = ∂ log P(y = a) / ∂τₖ for a row in category a: φ(τₐ)/πₐ for k = a, −φ(τₐ₋₁)/πₐ for k = a − 1, zero
    /// otherwise, with πₐ = Φ(τₐ) − Φ(τₐ₋₁) (τ₋₁ = −∞, τ_{K−1} = ∞).
    /// </summary>
    public double[][] Scores { get; }

    /// <summary>Number of thresholds K − 1.</summary>
    public int ThresholdCount => Thresholds.Length;

    /// <summary>Fits the thresholds of a coded variable over the given rows' codes (0..K−1; −1, missing, is skipped).</summary>
    public static UnivariateOrdinal Fit(ReadOnlySpan<int> codes, int categoryCount)
    {
        var counts = new int[categoryCount];
        int n = 0;
        foreach (int c in codes)
            if (c >= 0) { counts[c]++; n++; }
        var th = new double[categoryCount - 1];
        long cumulative = 0;
        for (int k = 0; k < th.Length; k++)
        {
            cumulative += counts[k];
            th[k] = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (double)cumulative / n);
        }
        var scores = new double[categoryCount][];
        for (int a = 0; a < categoryCount; a++)
        {
            double upper = a < th.Length ? th[a] : double.PositiveInfinity;
            double lower = a > 0 ? th[a - 1] : double.NegativeInfinity;
            double pi = BivariateNormal.Phi(upper) - BivariateNormal.Phi(lower);
            var s = new double[th.Length];
            if (a < th.Length) s[a] = BivariateNormal.Density(upper) / pi;
            if (a > 0) s[a - 1] = -BivariateNormal.Density(lower) / pi;
            scores[a] = s;
        }
        return new UnivariateOrdinal(counts, th, scores);
    }
}
