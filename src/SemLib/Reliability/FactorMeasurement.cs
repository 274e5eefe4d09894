namespace SemLib.Reliability;

/// <summary>
/// What semTools needs from a fitted CFA for one factor: its unstandardized loadings λ, the factor's variance ψ
/// (lavaan's <c>cov.lv</c>) and the observed covariance matrix S of (at least) its indicators. semTools uses
/// lavaan's sample covariance (<c>lavInspect(fit, "sampstat")</c>, divisor N under ML); give the same matrix to
/// reproduce its numbers.
/// </summary>
public sealed record FactorMeasurement
{
    /// <summary>Creates the input; every indicator must be a row and column of <paramref name="observedCovariance"/>.</summary>
    public FactorMeasurement(FactorLoadings loadings, double factorVariance, LabeledMatrix observedCovariance)
    {
        ArgumentNullException.ThrowIfNull(loadings);
        ArgumentNullException.ThrowIfNull(observedCovariance);
        if (!(factorVariance > 0))
            throw new ReliabilityException($"Factor {MessageText.Quote(loadings.Factor)}: the factor variance must be positive (got {factorVariance}).");
        foreach (var item in loadings.Items)
            if (!observedCovariance.RowNames.Contains(item, StringComparer.Ordinal) || !observedCovariance.ColumnNames.Contains(item, StringComparer.Ordinal))
                throw new ReliabilityException($"Factor {MessageText.Quote(loadings.Factor)}: the indicator {MessageText.Quote(item)} is not in the observed covariance matrix (variables are: {MessageText.List(observedCovariance.RowNames)}).");
        Loadings = loadings;
        FactorVariance = factorVariance;
        ObservedCovariance = observedCovariance;
    }

    /// <summary>Unstandardized loadings.</summary>
    public FactorLoadings Loadings { get; }

    /// <summary>The factor's variance ψ.</summary>
    public double FactorVariance { get; }

    /// <summary>The observed covariance matrix of the indicators.</summary>
    public LabeledMatrix ObservedCovariance { get; }
}
