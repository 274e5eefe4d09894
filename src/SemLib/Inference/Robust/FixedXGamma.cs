using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;

namespace SemLib.Inference;

/// <summary>
/// The distribution-free Γ of one group's sample moments when exogenous covariates x are held at their sample moments
/// (fixed.x, with conditional.x off: lavaan 0.6.14's default for ML). lavaan's definition: regress the other variables y on
/// x with an intercept (OLS); let Ŷ be the data with y replaced by its fitted values (x kept). Each row contributes
/// zᵢ = d(yᵢ) − d(ŷᵢ), d the moment contribution (x − x̄, vech((x − x̄)(x − x̄)ᵀ)) taken about each matrix's own column
/// means (<see cref="MomentCovariance.Contribution"/>), and Γ = (1/N) Σᵢ (zᵢ − z̄)(zᵢ − z̄)ᵀ. The moments of x alone get
/// zero rows and columns: their sampling variability does not enter, as they are not estimated.
/// Moment order as <see cref="MomentCovariance.MomentNames"/>.
/// </summary>
internal static class FixedXGamma
{
    /// <param name="rows">The group's complete rows, p values each in the model's variable order.</param>
    /// <param name="exogenous">Indices (0-based, in that order) of the fixed exogenous covariates; not empty.</param>
    /// <param name="meanStructure">Whether the means are moments.</param>
    public static Matrix<double> Compute(IReadOnlyList<double[]> rows, IReadOnlyList<int> exogenous, bool meanStructure)
    {
        int n = rows.Count;
        if (n == 0) throw new ArgumentException("Γ needs at least one row.", nameof(rows));
        int p = rows[0].Length, k = exogenous.Count;
        var isX = new bool[p];
        foreach (int i in exogenous) isX[i] = true;
        var yIndex = Enumerable.Range(0, p).Where(i => !isX[i]).ToArray();

        // OLS of y on [1, x]; a fitted row ŷ is x with y replaced by the fitted values.
        var design = Matrix<double>.Build.Dense(n, 1 + k, (r, c) => c == 0 ? 1 : rows[r][exogenous[c - 1]]);
        var y = Matrix<double>.Build.Dense(n, yIndex.Length, (r, c) => rows[r][yIndex[c]]);
        var fitted = design * design.QR().Solve(y);
        var hat = new double[p];
        void Hat(int r)
        {
            rows[r].CopyTo(hat, 0);
            for (int c = 0; c < yIndex.Length; c++) hat[yIndex[c]] = fitted[r, c];
        }

        var meanY = new double[p];
        var meanHat = new double[p];
        for (int r = 0; r < n; r++)
        {
            Hat(r);
            for (int i = 0; i < p; i++)
            {
                meanY[i] += rows[r][i] / n;
                meanHat[i] += hat[i] / n;
            }
        }
        var noCov = new double[p * p];
        int q = MomentCovariance.MomentCount(p, meanStructure);
        var d1 = new double[q];
        var d2 = new double[q];
        var sum = new double[q];
        var gamma = new double[q * q];
        for (int r = 0; r < n; r++)
        {
            Hat(r);
            MomentCovariance.Contribution(rows[r], meanY, noCov, meanStructure, d1);
            MomentCovariance.Contribution(hat, meanHat, noCov, meanStructure, d2);
            for (int a = 0; a < q; a++) d1[a] -= d2[a];
            MomentCovariance.AccumulateOuter(d1, gamma, sum, q);
        }
        MomentCovariance.FinishCentered(gamma, sum, n, q);
        return Matrix<double>.Build.Dense(q, q, gamma);
    }
}
