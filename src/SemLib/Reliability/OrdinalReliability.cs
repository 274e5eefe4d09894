using System.Globalization;
using SemLib.Data;
using SemLib.Data.Ordinal;

namespace SemLib.Reliability;

/// <summary>
/// Reliability of scales of ordered (Likert) items: ordinal alpha from the polychoric correlations (psych's
/// definition) and categorical omega from a CFA with ordered indicators (semTools' definition).
/// </summary>
public static class OrdinalReliability
{
    /// <summary>
    /// Ordinal alpha of one scale (Zumbo, Gadermann &amp; Zeisser 2007) as psych 2.2.9 computes it:
    /// <c>psych::alpha(psych::polychoric(x)$rho)</c> with psych's defaults. Reverse-keyed items are rescored as
    /// min + max − x first (as <see cref="ItemAnalysis"/> does). The polychoric matrix follows psych, not lavaan:
    /// missing values pairwise, each item's thresholds from all its observed values and held fixed for every pair
    /// (<c>global = TRUE</c>), except when the items do not all reach the same highest code, where psych estimates
    /// each pair's thresholds from its own table with 0.5 in each empty cell (<c>correct = 0.5</c>); a matrix that is
    /// not positive definite is smoothed (<c>cor.smooth</c>). Details in the remarks of the implementation.
    /// </summary>
    /// <exception cref="ReliabilityException">The scale has fewer than two items; an item is not a numeric column of
    /// the data, has no observed value, is constant (a single category), has a code that is not an integer; the codes span more than
    /// 8 categories (psych's <c>max.cat</c>); or two items are never observed together. The message names the scale
    /// and the item.</exception>
    public static OrdinalAlpha Alpha(DataSet data, ScaleDefinition scale)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scale);
        string context = $"scale {MessageText.Quote(scale.Name)}";
        var items = ItemData.From(data, scale.Items, context); // names a missing, non-numeric, empty or constant (single-category) item
        foreach (var rev in scale.ReverseKeyed)
            if (!scale.Items.Contains(rev, StringComparer.Ordinal))
                throw new ReliabilityException($"Scale {MessageText.Quote(scale.Name)}: the reverse-keyed item {MessageText.Quote(rev)} is not one of its items ({MessageText.List(scale.Items)}).");
        if (scale.ResponseMinimum.HasValue != scale.ResponseMaximum.HasValue)
            throw new ReliabilityException($"Scale {MessageText.Quote(scale.Name)}: give both the response minimum and maximum, or neither.");

        var x = ItemAnalysis.Rescore(items, scale);
        var poly = PsychPolychoric.Compute(items.Names, x, ItemData.Capital(context));
        int k = items.P;
        double sum = 0;
        foreach (var v in poly.Rho) sum += v;
        double alpha = k / (k - 1.0) * (1 - k / sum);

        var warnings = new List<string>();
        if (poly.CorrectedPairs > 0)
            warnings.Add($"Scale {MessageText.Quote(scale.Name)}: the items do not all reach the same highest category, so each pair's thresholds came from its own table (psych's global = FALSE), "
                + $"and {poly.CorrectedPairs} pair{(poly.CorrectedPairs == 1 ? "" : "s")} had empty cells set to {PsychPolychoric.Correction.ToString(CultureInfo.InvariantCulture)} (psych's correction for continuity).");
        if (poly.Smoothed)
            warnings.Add($"Scale {MessageText.Quote(scale.Name)}: the polychoric correlation matrix was not positive definite and was smoothed (psych's cor.smooth) before ordinal alpha was computed.");
        return new OrdinalAlpha
        {
            Scale = scale.Name,
            Items = items.Names,
            ReverseKeyed = scale.ReverseKeyed,
            Rows = items.N,
            Alpha = alpha,
            AverageCorrelation = (sum - k) / (k * (k - 1.0)),
            Polychoric = new LabeledMatrix(items.Names, poly.Rho),
            Thresholds = poly.Thresholds.Select(t => (IReadOnlyList<double>)t).ToArray(),
            GlobalThresholds = poly.Global,
            Smoothed = poly.Smoothed,
            Warnings = warnings,
        };
    }

    /// <summary>Ordinal alpha of several scales of the same data, in order.</summary>
    public static IReadOnlyList<OrdinalAlpha> Alpha(DataSet data, IEnumerable<ScaleDefinition> scales)
    {
        ArgumentNullException.ThrowIfNull(scales);
        return scales.Select(s => Alpha(data, s)).ToList();
    }

    /// <summary>
    /// Categorical omega (Green &amp; Yang 2009, "Reliability of summed item scores using structural equation modeling:
    /// an alternative to coefficient alpha", Psychometrika 74, 155–167, eq. 21) as <c>semTools::compRelSEM()</c>
    /// 0.5.6 computes it for a factor with ordered indicators: the reliability of the observed sum score of the items
    /// (coded 0, 1, …), the variance of that sum explained by the factor over its total variance,
    /// ω = Σⱼ Σⱼ′ [Σ_c Σ_c′ Φ₂(τⱼ꜀, τⱼ′꜀′; λⱼλⱼ′ψ) − Σ_c Φ(τⱼ꜀) Σ_c′ Φ(τⱼ′꜀′)] /
    ///     Σⱼ Σⱼ′ [Σ_c Σ_c′ Φ₂(τⱼ꜀, τⱼ′꜀′; ρⱼⱼ′) − Σ_c Φ(τⱼ꜀) Σ_c′ Φ(τⱼ′꜀′)],
    /// over all pairs of indicators j, j′ (j = j′ included, where the denominator's ρⱼⱼ = 1), with Φ₂(·, ·; r) the
    /// bivariate normal CDF, τ the thresholds, λ the loadings, ψ the factor variance and ρ the latent-response
    /// correlations (cov2cor of <see cref="CategoricalMeasurement.LatentCorrelation"/>). Under the theta
    /// parameterization semTools first multiplies each indicator's τ by its scaling factor Δⱼ and λⱼλⱼ′ψ by ΔⱼΔⱼ′.
    /// </summary>
    /// <exception cref="ReliabilityException">An indicator's common variance λ²ψΔ² exceeds 1, or a model
    /// correlation λⱼλⱼ′ψΔⱼΔⱼ′ lies outside [−1, 1] (a Heywood case: the bivariate normal is not defined), or a
    /// latent-response correlation lies outside [−1, 1]; the message names the factor and indicators.</exception>
    public static double CategoricalOmega(CategoricalMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var items = measurement.Loadings.Items;
        var lambda = measurement.Loadings.Loadings;
        var s = measurement.Scales;
        int p = items.Count;
        string factor = MessageText.Quote(measurement.Loadings.Factor);
        var tau = new double[p][];
        var marginal = new double[p];
        for (int j = 0; j < p; j++)
        {
            tau[j] = measurement.Thresholds[j].Select(t => t * s[j]).ToArray();
            marginal[j] = tau[j].Sum(BivariateNormal.Phi);
        }
        double numerator = 0, denominator = 0;
        for (int j = 0; j < p; j++)
        {
            for (int jj = 0; jj < p; jj++)
            {
                double common = lambda[j] * lambda[jj] * measurement.FactorVariance * s[j] * s[jj];
                if (!(Math.Abs(common) <= 1))
                    throw new ReliabilityException(j == jj
                        ? $"Factor {factor}: the common variance of the indicator {MessageText.Quote(items[j])} (λ²ψ = {common.ToString("G6", CultureInfo.InvariantCulture)}) exceeds its latent-response variance 1 (a Heywood case); categorical omega is not defined."
                        : $"Factor {factor}: the model correlation of the indicators {MessageText.Quote(items[j])} and {MessageText.Quote(items[jj])} (λλ′ψ = {common.ToString("G6", CultureInfo.InvariantCulture)}) lies outside [-1, 1] (a Heywood case); categorical omega is not defined.");
                double rho = measurement.LatentCorrelation[items[j], items[jj]]
                    / Math.Sqrt(measurement.LatentCorrelation[items[j], items[j]] * measurement.LatentCorrelation[items[jj], items[jj]]);
                if (!(Math.Abs(rho) <= 1 + 1e-12))
                    throw new ReliabilityException($"Factor {factor}: the latent-response correlation of the indicators {MessageText.Quote(items[j])} and {MessageText.Quote(items[jj])} ({rho.ToString("G6", CultureInfo.InvariantCulture)}) lies outside [-1, 1].");
                rho = Math.Clamp(rho, -1, 1);
                double product = marginal[j] * marginal[jj];
                numerator += Sum(tau[j], tau[jj], common) - product;
                denominator += Sum(tau[j], tau[jj], rho) - product;
            }
        }
        return numerator / denominator;
    }

    /// <summary>Σ_c Σ_c′ Φ₂(a_c, b_c′; r).</summary>
    private static double Sum(double[] a, double[] b, double r)
    {
        var e = new BivariateNormal.Evaluator(r);
        double sum = 0;
        foreach (var x in a)
            foreach (var y in b) sum += e.Cdf(x, y);
        return sum;
    }
}
