namespace SemLib.Reliability;

/// <summary>How missing values are handled when a correlation matrix is computed from raw data.</summary>
public enum CorrelationMissingData
{
    /// <summary>Pairwise-complete correlations (R's <c>cor(use = "pairwise")</c>), psych's default for
    /// <c>fa()</c>; n is then the number of rows of the data, as in psych.</summary>
    Pairwise,

    /// <summary>Only the rows in which every item is observed; n is their number.</summary>
    Listwise,
}
