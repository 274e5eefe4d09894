namespace SemLib.Reliability;

/// <summary>
/// Reliability and convergent/discriminant validity of latent constructs from the estimates of a fitted CFA
/// (pure functions: the CFA itself is fitted elsewhere and its estimates passed in).
/// </summary>
public static class ConstructReliability
{
    /// <summary>
    /// Composite (construct) reliability from standardized loadings λ (Fornell &amp; Larcker 1981; Raykov 1997's
    /// ρ for uncorrelated errors): CR = (Σλ)² / ((Σλ)² + Σ(1 − λ²)). For a second-order factor pass the
    /// standardized loadings of the first-order factors on it.
    /// </summary>
    public static double CompositeReliability(FactorLoadings standardized)
    {
        ArgumentNullException.ThrowIfNull(standardized);
        double s = standardized.Loadings.Sum(), e = standardized.Loadings.Sum(l => 1 - l * l);
        return s * s / (s * s + e);
    }

    /// <summary>
    /// Average variance extracted from standardized loadings λ (Fornell &amp; Larcker 1981): AVE = mean(λ²). For a
    /// second-order factor pass the standardized loadings of the first-order factors on it.
    /// </summary>
    public static double AverageVarianceExtracted(FactorLoadings standardized)
    {
        ArgumentNullException.ThrowIfNull(standardized);
        return standardized.Loadings.Average(l => l * l);
    }

    /// <summary>
    /// Coefficient omega as <c>semTools::compRelSEM()</c> 0.5.6 computes it by default (Bentler 2009; McDonald 1999),
    /// with the observed variance of the sum score in the denominator:
    /// ω = (Σλ)²·ψ / 1′S1, λ the unstandardized loadings, ψ the factor variance and S the observed covariance
    /// matrix of the factor's indicators.
    /// </summary>
    public static double Omega(FactorMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        double s = measurement.Loadings.Loadings.Sum();
        return s * s * measurement.FactorVariance / SumOf(measurement.ObservedCovariance, measurement.Loadings.Items);
    }

    /// <summary>
    /// Average variance extracted as <c>semTools::AVE()</c> 0.5.6 defines it: the factor's share of the total
    /// observed variance of its indicators, Σλ²·ψ / Σ diag(S) (λ unstandardized, ψ the factor variance, S the
    /// observed covariance matrix). It equals <see cref="AverageVarianceExtracted"/> only when the model reproduces
    /// the observed variances. semTools leaves the value out (NA) for a factor with a cross-loading indicator;
    /// this function cannot see cross-loadings and computes it regardless.
    /// </summary>
    public static double AverageVarianceExtractedObserved(FactorMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        double common = measurement.Loadings.Loadings.Sum(l => l * l) * measurement.FactorVariance;
        double total = measurement.Loadings.Items.Sum(i => measurement.ObservedCovariance[i, i]);
        return common / total;
    }

    /// <summary>
    /// Omega of a second-order factor g as <c>semTools::compRelSEM(fit, higher = "g")</c>: the variance of the sum
    /// of all items due to g over the observed variance of that sum,
    /// ω = φ·(Σⱼ γⱼ Σᵢ λᵢⱼ)² / 1′S1, with λᵢⱼ the loading of item i on first-order factor j, γⱼ the loading of
    /// factor j on g, φ the variance of g (all unstandardized) and S the items' observed covariance matrix.
    /// </summary>
    public static double OmegaHigherOrder(HigherOrderMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        double total = 0;
        var items = new List<string>();
        for (int j = 0; j < measurement.SecondOrder.Items.Count; j++)
        {
            var first = measurement.FirstOrder.First(l => l.Factor == measurement.SecondOrder.Items[j]);
            total += measurement.SecondOrder.Loadings[j] * first.Loadings.Sum();
            items.AddRange(first.Items);
        }
        return measurement.FactorVariance * total * total / SumOf(measurement.ObservedCovariance, items.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The Fornell–Larcker (1981) table from each factor's AVE and the latent correlation matrix: √AVE on the
    /// diagonal; a factor passes when √AVE exceeds its largest absolute correlation with another factor.
    /// </summary>
    /// <param name="ave">AVE per factor (e.g. from <see cref="AverageVarianceExtracted"/>).</param>
    /// <param name="latentCorrelations">The factor correlation matrix of the CFA; it must name every factor in
    /// <paramref name="ave"/>.</param>
    public static FornellLarckerTable FornellLarcker(IReadOnlyDictionary<string, double> ave, LabeledMatrix latentCorrelations)
    {
        ArgumentNullException.ThrowIfNull(ave);
        ArgumentNullException.ThrowIfNull(latentCorrelations);
        var factors = latentCorrelations.RowNames.Where(ave.ContainsKey).ToArray();
        foreach (var f in ave.Keys)
            if (!latentCorrelations.RowNames.Contains(f, StringComparer.Ordinal))
                throw new ReliabilityException($"Fornell–Larcker: the factor {MessageText.Quote(f)} is not in the latent correlation matrix (factors are: {MessageText.List(latentCorrelations.RowNames)}).");
        if (factors.Length < 2) throw new ReliabilityException("Fornell–Larcker needs at least two factors.");
        foreach (var f in factors)
            if (!(ave[f] >= 0)) throw new ReliabilityException($"Fornell–Larcker: the AVE of factor {MessageText.Quote(f)} is {ave[f]}; it must be a number ≥ 0.");
        int k = factors.Length;
        var m = new double[k, k];
        var sqrtAve = new double[k];
        var max = new double[k];
        var with = new string[k];
        var passed = new bool[k];
        for (int i = 0; i < k; i++)
        {
            sqrtAve[i] = Math.Sqrt(ave[factors[i]]);
            with[i] = "";
            for (int j = 0; j < k; j++)
            {
                double r = latentCorrelations[factors[i], factors[j]];
                m[i, j] = i == j ? sqrtAve[i] : r;
                if (i != j && Math.Abs(r) >= max[i]) { max[i] = Math.Abs(r); with[i] = factors[j]; }
            }
            passed[i] = sqrtAve[i] > max[i];
        }
        return new FornellLarckerTable
        {
            Factors = factors,
            Matrix = new LabeledMatrix(factors, m),
            SqrtAve = sqrtAve,
            MaxCorrelation = max,
            MostCorrelatedWith = with,
            Passed = passed,
        };
    }

    private static double SumOf(LabeledMatrix s, IReadOnlyList<string> items)
    {
        double total = 0;
        foreach (var a in items)
            foreach (var b in items) total += s[a, b];
        return total;
    }
}
