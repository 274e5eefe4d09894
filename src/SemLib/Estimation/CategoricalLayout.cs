using SemLib.Data.Ordinal;
using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

/// <summary>
/// Where each statistic of a group's <see cref="OrdinalSampleStatistics.Observations"/> sits, precomputed so that the
/// categorical discrepancy evaluates without searching or allocating, and the weight of the least-squares fit to
/// them: 1/diag(Γ) (DWLS, WLSMV), Γ⁻¹ (WLS) or the identity (ULSMV), lavaan's <c>WLS.V</c>.
/// </summary>
internal sealed class CategoricalLayout
{
    public CategoricalLayout(OrdinalSampleStatistics stats, Estimator estimator)
    {
        Statistics = stats;
        int p = stats.Variables.Length;
        P = p;
        Count = stats.Count;
        Ordered = stats.IsOrdered;
        ThresholdSlot = stats.ThresholdStart;
        VarianceSlot = new int[p];
        int next = stats.ThresholdSlotCount;
        for (int i = 0; i < p; i++) VarianceSlot[i] = Ordered[i] ? -1 : next++;
        PairSlot = new int[p * p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
                PairSlot[i * p + j] = i == j ? -1 : stats.PairIndex(i, j);
        Weight = new double[Count];
        switch (estimator)
        {
            case Estimator.ULSMV:
                Array.Fill(Weight, 1.0);
                break;
            case Estimator.WLS:
                {
                    var gamma = stats.Gamma ?? throw new InvalidOperationException("WLS needs Γ.");
                    FullWeight = new double[Count * Count];
                    if (!Dense.InvertSpd(gamma, FullWeight, new double[2 * Count * Count], Count, out _))
                        throw new SemLibException("Estimator WLS needs the inverse of the asymptotic covariance matrix Γ of the thresholds and correlations, and Γ is singular here (too few rows for the number of statistics, or empty categories); use WLSMV (diagonal weights).");
                    for (int k = 0; k < Count; k++) Weight[k] = FullWeight[k * Count + k];
                    break;
                }
            default:
                {
                    var w = stats.DwlsWeights ?? throw new InvalidOperationException("DWLS needs Γ.");
                    Array.Copy(w, Weight, Count);
                    break;
                }
        }
    }

    public OrdinalSampleStatistics Statistics { get; }

    /// <summary>Number of observed variables.</summary>
    public int P { get; }

    /// <summary>Number of statistics.</summary>
    public int Count { get; }

    /// <summary>Per variable: ordered or continuous.</summary>
    public bool[] Ordered { get; }

    /// <summary>Per variable its first threshold slot (its mean slot when continuous).</summary>
    public int[] ThresholdSlot { get; }

    /// <summary>Per continuous variable its variance slot (−1 for an ordered one).</summary>
    public int[] VarianceSlot { get; }

    /// <summary>p×p: the slot of the correlation/covariance of i ≠ j (−1 on the diagonal).</summary>
    public int[] PairSlot { get; }

    /// <summary>The diagonal of the weight (all of it for DWLS and ULSMV).</summary>
    public double[] Weight { get; }

    /// <summary>WLS only: the full weight Γ⁻¹, m×m row-major; null for a diagonal weight.</summary>
    public double[]? FullWeight { get; }

    /// <summary>The sample statistics s.</summary>
    public double[] Observations => Statistics.Observations;
}
