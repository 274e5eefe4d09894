namespace SemLib.Reliability;

/// <summary>
/// What semTools' <c>compRelSEM(fit, higher = "g")</c> needs for a second-order factor g: the unstandardized
/// loadings of the items on each first-order factor, the unstandardized loadings γ of the first-order factors on
/// g (lavaan's <c>beta</c>), g's variance φ and the observed covariance matrix of all the items.
/// </summary>
public sealed record HigherOrderMeasurement
{
    /// <summary>Creates the input; <paramref name="secondOrder"/>'s indicators must be the first-order factors.</summary>
    public HigherOrderMeasurement(FactorLoadings secondOrder, IReadOnlyList<FactorLoadings> firstOrder, double factorVariance, LabeledMatrix observedCovariance)
    {
        ArgumentNullException.ThrowIfNull(secondOrder);
        ArgumentNullException.ThrowIfNull(firstOrder);
        ArgumentNullException.ThrowIfNull(observedCovariance);
        if (!(factorVariance > 0))
            throw new ReliabilityException($"Factor {MessageText.Quote(secondOrder.Factor)}: the factor variance must be positive (got {factorVariance}).");
        foreach (var f in secondOrder.Items)
            if (!firstOrder.Any(l => l.Factor == f))
                throw new ReliabilityException($"Second-order factor {MessageText.Quote(secondOrder.Factor)}: no loadings were given for its first-order factor {MessageText.Quote(f)}.");
        foreach (var l in firstOrder)
            foreach (var item in l.Items)
                if (!observedCovariance.RowNames.Contains(item, StringComparer.Ordinal))
                    throw new ReliabilityException($"Factor {MessageText.Quote(l.Factor)}: the indicator {MessageText.Quote(item)} is not in the observed covariance matrix (variables are: {MessageText.List(observedCovariance.RowNames)}).");
        SecondOrder = secondOrder;
        FirstOrder = firstOrder.ToArray();
        FactorVariance = factorVariance;
        ObservedCovariance = observedCovariance;
    }

    /// <summary>Unstandardized loadings of the first-order factors on the second-order factor.</summary>
    public FactorLoadings SecondOrder { get; }

    /// <summary>Unstandardized loadings of the items on each first-order factor.</summary>
    public IReadOnlyList<FactorLoadings> FirstOrder { get; }

    /// <summary>The second-order factor's variance φ.</summary>
    public double FactorVariance { get; }

    /// <summary>The observed covariance matrix of the items.</summary>
    public LabeledMatrix ObservedCovariance { get; }
}
