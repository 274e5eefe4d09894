namespace SemLib.Data.Ordinal;

/// <summary>
/// The sample statistics of one group of rows with ordered (and possibly continuous) variables, as lavaan 0.6.14
/// computes them for WLSMV/DWLS/WLS (<c>lavInspect(fit, "sampstat")</c>, <c>"wls.obs"</c>, <c>"gamma"</c>,
/// <c>"wls.v"</c>): thresholds, means and variances of the continuous variables, polychoric/polyserial/Pearson
/// correlations, and the asymptotic covariance matrix Γ of the statistics with the DWLS weights 1/diag(Γ).
/// <para>
/// Order of the statistics (lavaan's): for each variable in order, its thresholds τ₁..τ_{K−1} (a continuous variable
/// has one slot holding −mean); then the variances of the continuous variables in order; then the off-diagonal lower
/// triangle of the covariance matrix taken column by column, (2,1), (3,1), …, (p,1), (3,2), … — correlations between
/// ordered variables, the polyserial correlation times the standard deviation, the covariance between two continuous
/// variables.
/// </para>
/// </summary>
internal sealed class OrdinalSampleStatistics
{
    internal OrdinalSampleStatistics(string label, int rowCount, string[] variables, bool[] ordered, double[][] categories,
        double[][] thresholds, double[] means, double[] variances, double[] correlation, double[] observations,
        string[] names, int[] thresholdStart, double[]? gamma, IReadOnlyList<(string, string)> emptyCellPairs, IReadOnlyList<string> warnings)
    {
        Label = label;
        RowCount = rowCount;
        Variables = variables;
        IsOrdered = ordered;
        Categories = categories;
        Thresholds = thresholds;
        Means = means;
        Variances = variances;
        Correlation = correlation;
        Observations = observations;
        Names = names;
        ThresholdStart = thresholdStart;
        Gamma = gamma;
        EmptyCellPairs = emptyCellPairs;
        Warnings = warnings;
        int p = variables.Length;
        Covariance = new double[p * p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
                Covariance[i * p + j] = correlation[i * p + j] * Math.Sqrt(variances[i] * variances[j]);
        if (gamma is not null)
        {
            int m = observations.Length;
            DwlsWeights = new double[m];
            for (int k = 0; k < m; k++) DwlsWeights[k] = 1 / gamma[k * m + k];
        }
    }

    /// <summary>The group's label ("" with one group).</summary>
    public string Label { get; }

    /// <summary>Number of rows N: complete on the variables, or with missing = "pairwise" observing at least one (lavaan's nobs).</summary>
    public int RowCount { get; }

    /// <summary>The variables in order.</summary>
    public string[] Variables { get; }

    /// <summary>Per variable: true when ordered.</summary>
    public bool[] IsOrdered { get; }

    /// <summary>Per ordered variable its category values ascending (over all groups); empty for a continuous one.</summary>
    public double[][] Categories { get; }

    /// <summary>Per ordered variable its thresholds; empty for a continuous one.</summary>
    public double[][] Thresholds { get; }

    /// <summary>Means (0 for an ordered variable).</summary>
    public double[] Means { get; }

    /// <summary>Variances, divisor N (1 for an ordered variable).</summary>
    public double[] Variances { get; }

    /// <summary>The correlation matrix, p×p row-major: polychoric, polyserial or Pearson by the pair's kinds.</summary>
    public double[] Correlation { get; }

    /// <summary>The covariance matrix, p×p row-major (lavaan's sampstat cov): the correlations scaled by the standard deviations.</summary>
    public double[] Covariance { get; }

    /// <summary>The statistics in lavaan's order (<c>lavInspect(fit, "wls.obs")</c>).</summary>
    public double[] Observations { get; }

    /// <summary>Their names as lavaan labels them: "x|t1", "x~1" (a continuous variable's slot), "x~~x", "x~~y".</summary>
    public string[] Names { get; }

    /// <summary>Per variable the position of its first threshold (or mean) slot in <see cref="Observations"/>.</summary>
    public int[] ThresholdStart { get; }

    /// <summary>Γ (lavaan's NACOV, <c>lavInspect(fit, "gamma")</c>), m×m row-major, m = <see cref="Observations"/>.Length; null when not computed.</summary>
    public double[]? Gamma { get; }

    /// <summary>The DWLS weights 1/diag(Γ) (lavaan's WLS.VD, the diagonal of <c>lavInspect(fit, "wls.v")</c>); null without Γ.</summary>
    public double[]? DwlsWeights { get; }

    /// <summary>Pairs of ordered variables whose bivariate table has an empty cell (lavaan's zero.cell.tables).</summary>
    public IReadOnlyList<(string, string)> EmptyCellPairs { get; }

    /// <summary>Warnings: a correlation near ±1, a search that did not converge, a 2×2 table with two empty cells.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Number of statistics m.</summary>
    public int Count => Observations.Length;

    /// <summary>Number of threshold slots (continuous variables count one each).</summary>
    public int ThresholdSlotCount => ThresholdStart.Length == 0 ? 0 : ThresholdStart[^1] + (IsOrdered[^1] ? Thresholds[^1].Length : 1);

    /// <summary>Position in <see cref="Observations"/> of the correlation/covariance of variables i ≠ j.</summary>
    public int PairIndex(int i, int j)
    {
        int p = Variables.Length;
        if (i == j) throw new ArgumentException("A pair needs two different variables.");
        if (i < j) (i, j) = (j, i);
        int numeric = IsOrdered.Count(o => !o);
        // Columns 0..j−1 of the strict lower triangle hold (p−1) + … + (p−j) entries.
        return ThresholdSlotCount + numeric + j * (p - 1) - j * (j - 1) / 2 + (i - j - 1);
    }
}
