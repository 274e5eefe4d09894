using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Results;

namespace SemLib.Inference;

/// <summary>
/// Raw and standardized residual matrices, as lavaan 0.6.14's <c>resid(fit, type = "raw" | "standardized")</c>.
/// <para>
/// Raw: S − Σ̂ (S with divisor N) and x̄ − μ̂. Standardized: each raw residual over the square root of its asymptotic
/// variance, the diagonal of ACOV_g = Q_g (Γ_NT(S_g)/N_g) Q_gᵀ with Q_g = I − (N_g/N)·Δ_g A⁻¹ Δ_gᵀ W_g, where W_g is the
/// normal-theory weight at Σ̂_g (<see cref="NormalTheoryWeight"/>), A = Σ_g (N_g/N) Δ_gᵀ W_g Δ_g the expected information
/// per observation and Γ_NT(S_g) the normal-theory covariance of the sample moments (<see cref="MomentCovariance"/>) —
/// the definition of lavaan's <c>lav_residuals_acov</c> with <c>z.type = "standardized"</c>. When W_g = W(S_g) this is
/// Γ_NT/N_g − Δ_g vcov(θ̂) Δ_gᵀ. Residuals whose variance is not positive (the saturated variances of a CFA, whose
/// residuals are zero) are 0 when the residual is zero to rounding, otherwise NaN, where lavaan gives ~0 or NA.
/// </para>
/// Fixtures: tests/SemLib.Tests/Reference/residuals (Reference/scripts/make-residual-cases.R).
/// </summary>
internal static class ResidualMatrixCalculator
{
    public static IReadOnlyList<ResidualMatrices> Compute(SemFit fit, ResidualType type)
    {
        var fitted = fit.Fitted;
        if (type == ResidualType.Standardized && fitted.Options.Estimator != Estimator.ML)
            throw new InvalidOperationException($"Standardized residuals are defined for ML only (as in lavaan); this model was fitted with {fitted.Options.Estimator}.");
        int groups = fitted.Sample.Groups.Length;
        bool ms = fitted.Table.MeanStructure;
        var labels = fit.GroupLabels;
        var raw = new (double[] Cov, double[]? Mean)[groups];
        for (int g = 0; g < groups; g++)
        {
            var m = fitted.Sample.Groups[g];
            var st = fitted.State(g);
            int p = m.P;
            var cov = new double[p * p];
            for (int i = 0; i < p * p; i++) cov[i] = m.S[i] - st.Sigma[i];
            raw[g] = (cov, ms ? Enumerable.Range(0, p).Select(i => m.Mean[i] - st.Mu[i]).ToArray() : null);
        }
        var z = type == ResidualType.Standardized ? Standardize(fitted, raw) : raw;
        return Enumerable.Range(0, groups)
            .Select(g => new ResidualMatrices(type, g + 1, groups > 1 ? labels[g] : "", fitted.State(g).Model.Observed, z[g].Cov, z[g].Mean))
            .ToList();
    }

    private static (double[] Cov, double[]? Mean)[] Standardize(FittedModel fitted, (double[] Cov, double[]? Mean)[] raw)
    {
        int groups = raw.Length;
        bool ms = fitted.Table.MeanStructure;
        var deltas = MomentJacobian.Compute(fitted);
        var weights = new Matrix<double>?[groups];
        Matrix<double>? info = null;
        for (int g = 0; g < groups; g++)
        {
            var m = fitted.Sample.Groups[g];
            weights[g] = NormalTheoryWeight.Compute(fitted.State(g).Sigma, m.P, ms);
            if (weights[g] is null) { info = null; break; }
            var term = deltas[g].TransposeThisAndMultiply(weights[g]!).Multiply(deltas[g]).Multiply(m.Weight);
            info = info is null ? term : info + term;
        }
        Matrix<double>? infoInv = info is null ? null : PseudoInverse(info);
        var result = new (double[] Cov, double[]? Mean)[groups];
        for (int g = 0; g < groups; g++)
        {
            var m = fitted.Sample.Groups[g];
            int p = m.P, offset = ms ? p : 0;
            var cov = new double[p * p];
            var mean = ms ? new double[p] : null;
            if (infoInv is null)
            {
                Array.Fill(cov, double.NaN);
                if (mean is not null) Array.Fill(mean, double.NaN);
                result[g] = (cov, mean);
                continue;
            }
            var acovObs = MomentCovariance.NormalTheory(m.S, p, ms).Divide(m.N);
            var q = Matrix<double>.Build.DenseIdentity(acovObs.RowCount)
                - deltas[g].Multiply(infoInv).TransposeAndMultiply(deltas[g]).Multiply(m.Weight).Multiply(weights[g]!);
            var acov = q.Multiply(acovObs).TransposeAndMultiply(q);
            for (int j = 0; j < p; j++)
                for (int i = j; i < p; i++)
                {
                    int k = offset + MomentCovariance.VechIndex(p, i, j);
                    double v = Ratio(raw[g].Cov[i * p + j], acov[k, k], acovObs[k, k]);
                    cov[i * p + j] = cov[j * p + i] = v;
                }
            if (mean is not null)
                for (int i = 0; i < p; i++) mean[i] = Ratio(raw[g].Mean![i], acov[i, i], acovObs[i, i]);
            result[g] = (cov, mean);
        }
        return result;
    }

    /// <summary>
    /// residual / √variance. A variance that is zero to rounding (within 1e-10 of the sample moment's own variance, either
    /// sign) has no standard error: the ratio is 0 when the residual is negligible too (below 1e-3 of the sample
    /// moment's standard error: the fitted value reproduces the sample moment to the optimizer's precision), else NaN;
    /// a clearly negative variance is NaN, as lavaan gives NA.
    /// </summary>
    private static double Ratio(double residual, double variance, double observedVariance)
    {
        const double relative = 1e-10;
        if (!(variance > relative * observedVariance))
            return Math.Abs(residual) <= 1e-3 * Math.Sqrt(observedVariance) && variance > -relative * observedVariance ? 0 : double.NaN;
        return residual / Math.Sqrt(variance);
    }

    private static Matrix<double> PseudoInverse(Matrix<double> a)
    {
        try { return a.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(a.RowCount)); }
        catch (ArgumentException) { return a.PseudoInverse(); }
    }
}
