namespace SemLib.Reliability;

/// <summary>
/// What categorical omega (<see cref="OrdinalReliability.CategoricalOmega"/>) needs from a CFA with ordered
/// indicators fitted by WLSMV, for one factor: the unstandardized loadings λ, the factor variance ψ (lavaan's
/// <c>cov.lv</c>), each indicator's thresholds τ, the indicators' latent-response correlation matrix used in the
/// denominator and, under the theta parameterization, the scaling factors Δ. semTools::compRelSEM 0.5.6 takes the
/// correlation matrix from <c>lavInspect(fit, "sampstat")</c> by default (<c>obs.var = TRUE</c>: the polychoric
/// correlations) and from <c>lavInspect(fit, "fitted")</c> with <c>obs.var = FALSE</c> (model-implied); it takes
/// cov2cor of the matrix, so a covariance matrix may be given too.
/// </summary>
public sealed record CategoricalMeasurement
{
    /// <summary>Creates the input and checks it: one threshold list per indicator, each finite and increasing; every
    /// indicator a row and column of <paramref name="latentCorrelation"/>; ψ &gt; 0; scales positive.</summary>
    /// <param name="loadings">Unstandardized loadings of the factor on its ordered indicators.</param>
    /// <param name="factorVariance">The factor's variance ψ.</param>
    /// <param name="thresholds">Each indicator's thresholds, in the order of <see cref="FactorLoadings.Items"/>.</param>
    /// <param name="latentCorrelation">Polychoric (semTools' default) or model-implied correlations of (at least) the indicators.</param>
    /// <param name="scales">lavaan's <c>delta</c> scaling factors per indicator (null: all 1, the delta parameterization of a single group).</param>
    public CategoricalMeasurement(FactorLoadings loadings, double factorVariance, IReadOnlyList<IReadOnlyList<double>> thresholds,
        LabeledMatrix latentCorrelation, IReadOnlyList<double>? scales = null)
    {
        ArgumentNullException.ThrowIfNull(loadings);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(latentCorrelation);
        string factor = MessageText.Quote(loadings.Factor);
        if (!(factorVariance > 0) || double.IsInfinity(factorVariance))
            throw new ReliabilityException($"Factor {factor}: the factor variance must be a positive number (got {factorVariance}).");
        if (thresholds.Count != loadings.Items.Count)
            throw new ReliabilityException($"Factor {factor}: {thresholds.Count} threshold lists were given for {loadings.Items.Count} indicators ({MessageText.List(loadings.Items)}).");
        for (int i = 0; i < thresholds.Count; i++)
        {
            string item = MessageText.Quote(loadings.Items[i]);
            var t = thresholds[i] ?? throw new ReliabilityException($"Factor {factor}: the indicator {item} has no thresholds.");
            if (t.Count == 0) throw new ReliabilityException($"Factor {factor}: the indicator {item} has no thresholds (an ordered indicator has at least two categories, so at least one threshold).");
            for (int c = 0; c < t.Count; c++)
            {
                if (!double.IsFinite(t[c])) throw new ReliabilityException($"Factor {factor}: threshold {c + 1} of the indicator {item} is not a finite number.");
                if (c > 0 && !(t[c] > t[c - 1])) throw new ReliabilityException($"Factor {factor}: the thresholds of the indicator {item} are not increasing (threshold {c} is {t[c - 1]}, threshold {c + 1} is {t[c]}).");
            }
            if (!latentCorrelation.RowNames.Contains(loadings.Items[i], StringComparer.Ordinal) || !latentCorrelation.ColumnNames.Contains(loadings.Items[i], StringComparer.Ordinal))
                throw new ReliabilityException($"Factor {factor}: the indicator {item} is not in the latent-response correlation matrix (variables are: {MessageText.List(latentCorrelation.RowNames)}).");
            if (!(latentCorrelation[loadings.Items[i], loadings.Items[i]] > 0))
                throw new ReliabilityException($"Factor {factor}: the latent-response variance of the indicator {item} is not positive.");
        }
        if (scales is not null)
        {
            if (scales.Count != loadings.Items.Count)
                throw new ReliabilityException($"Factor {factor}: {scales.Count} scaling factors were given for {loadings.Items.Count} indicators.");
            for (int i = 0; i < scales.Count; i++)
                if (!(scales[i] > 0) || double.IsInfinity(scales[i]))
                    throw new ReliabilityException($"Factor {factor}: the scaling factor of the indicator {MessageText.Quote(loadings.Items[i])} must be a positive number (got {scales[i]}).");
        }
        Loadings = loadings;
        FactorVariance = factorVariance;
        Thresholds = thresholds.Select(t => (IReadOnlyList<double>)t.ToArray()).ToArray();
        LatentCorrelation = latentCorrelation;
        Scales = (scales ?? Enumerable.Repeat(1.0, loadings.Items.Count)).ToArray();
    }

    /// <summary>Unstandardized loadings.</summary>
    public FactorLoadings Loadings { get; }

    /// <summary>The factor's variance ψ.</summary>
    public double FactorVariance { get; }

    /// <summary>Each indicator's thresholds, in indicator order.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Thresholds { get; }

    /// <summary>The latent-response correlation (or covariance) matrix of the denominator.</summary>
    public LabeledMatrix LatentCorrelation { get; }

    /// <summary>Scaling factors Δ per indicator (1 under the delta parameterization).</summary>
    public IReadOnlyList<double> Scales { get; }
}
