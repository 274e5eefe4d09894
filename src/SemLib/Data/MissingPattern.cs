namespace SemLib.Data;

/// <summary>
/// One missing-data pattern of a group: which variables its rows observe, which rows those are, and the sufficient
/// statistics of the observed variables over those rows — the count n, the mean vector m and the covariance S with
/// divisor n. With them the normal log-likelihood of all the pattern's rows is one term,
/// −n/2 [q log 2π + log|Σ_oo| + tr(Σ_oo⁻¹ S) + (m − μ_o)ᵀ Σ_oo⁻¹ (m − μ_o)], q = the number observed
/// (Little &amp; Rubin, 2002, Statistical Analysis with Missing Data, §6.2), so FIML visits patterns, not rows.
/// </summary>
internal sealed class MissingPattern
{
    internal MissingPattern(bool[] observed, int[] rows, double[] mean, double[] covariance)
    {
        Observed = observed;
        Rows = rows;
        Mean = mean;
        Covariance = covariance;
        var obs = new List<int>();
        var mis = new List<int>();
        for (int j = 0; j < observed.Length; j++) (observed[j] ? obs : mis).Add(j);
        ObservedIndices = [.. obs];
        MissingIndices = [.. mis];
        Key = string.Concat(observed.Select(o => o ? '1' : '0'));
    }

    /// <summary>For each variable (in the group's variable order), whether this pattern's rows observe it.</summary>
    public bool[] Observed { get; }

    /// <summary>The observed variables' indices, ascending (q of them, at least one).</summary>
    public int[] ObservedIndices { get; }

    /// <summary>The missing variables' indices, ascending (empty for the complete pattern).</summary>
    public int[] MissingIndices { get; }

    /// <summary>The pattern as lavaan writes it: one character per variable, '1' observed, '0' missing.</summary>
    public string Key { get; }

    /// <summary>The rows with this pattern: zero-based indices into the rows given, ascending.</summary>
    public int[] Rows { get; }

    /// <summary>Number of rows with this pattern (n).</summary>
    public int Count => Rows.Length;

    /// <summary>Mean of the observed variables over the pattern's rows (q values, in <see cref="ObservedIndices"/> order).</summary>
    public double[] Mean { get; }

    /// <summary>Covariance of the observed variables over the pattern's rows, row-major q×q, divisor n (all zero when n = 1).</summary>
    public double[] Covariance { get; }
}
