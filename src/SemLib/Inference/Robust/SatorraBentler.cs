using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.LinearAlgebra;

namespace SemLib.Inference;

/// <summary>
/// Satorra–Bentler robust inference for an ML fit to complete raw data, with lavaan 0.6.14's definitions
/// (<c>se = "robust.sem"</c>, <c>test = "satorra.bentler"</c>, <c>mimic = "lavaan"</c>). With f_g = N_g/N, Δ_g the
/// moment Jacobian (<see cref="MomentJacobian"/>), W_g the normal-theory weight at the implied moments
/// (<see cref="NormalTheoryWeight"/>) and Γ_g the distribution-free covariance of the sample moments (divisor N_g,
/// <see cref="MomentCovariance.Adf(GroupSample, bool)"/>; with exogenous covariates held fixed (fixed.x) lavaan's
/// conditional version, <see cref="FixedXGamma"/>, while their own moments keep zero rows in Δ):
/// <list type="bullet">
/// <item>E = Σ_g f_g Δ_gᵀW_gΔ_g, the expected information per observation;</item>
/// <item>Cov(ζ̂) = E⁻¹ [Σ_g f_g (W_gΔ_g)ᵀ Γ_g (W_gΔ_g)] E⁻¹ / N;</item>
/// <item>tr(UΓ) = Σ_g tr(U_g Γ_g)/f_g with U_g = f_gW_g − f_g²W_gΔ_g E⁻¹ Δ_gᵀW_g, i.e.
/// Σ_g [tr(W_gΓ_g) − f_g tr(W_gΔ_g E⁻¹ Δ_gᵀW_g Γ_g)];</item>
/// <item>c = tr(UΓ)/df and χ²_scaled = χ²/c.</item>
/// </list>
/// Without fixed covariates none of Γ, W, Δ is formed (<c>MatrixFree</c>: casewise scores and an O(N·p²) trace); with
/// them, or with a given Γ, the q×q matrices are (<c>Explicit</c>). E comes from <see cref="Objective.Information"/>.
/// Equality constraints are handled by working in ζ (θ = Kζ + c); for linear constraints this equals lavaan's
/// information bordered by the constraints' Jacobian. Fixtures: tests/SemLib.Tests/Reference/robust
/// (Reference/scripts/make-robust-cases.R).
/// </summary>
internal static class SatorraBentler
{
    /// <exception cref="SemLibException">The fit is not ML or has only summary statistics.</exception>
    public static SatorraBentlerResult Compute(FittedModel fitted) => Compute(fitted, null);

    /// <summary>
    /// As <see cref="Compute(FittedModel)"/> with Γ_g given by <paramref name="gamma"/> (0-based group → q×q matrix in
    /// lavaan's moment order) instead of the distribution-free Γ of the rows; null for the latter.
    /// </summary>
    public static SatorraBentlerResult Compute(FittedModel fitted, Func<int, Matrix<double>>? gamma)
    {
        if (!fitted.Sample.Estimator.IsMaximumLikelihood())
            throw new SemLibException($"Satorra–Bentler (MLM) statistics need an ML fit; this fit used {fitted.Sample.Estimator}.");
        var exogenous = fitted.Table.Roles.ObservedExogenous;
        var groups = fitted.Sample.Data.Groups;
        bool means = fitted.Table.MeanStructure;
        int r = fitted.Model.ZetaCount, nGroups = groups.Length;
        double n = fitted.Sample.TotalN;

        // Per group: the meat (W_gΔ_g)ᵀΓ_g(W_gΔ_g) and tr(W_gΓ_g); E from the objective (Σ_g f_g Δ_gᵀW_gΔ_g exactly).
        var meats = new Matrix<double>[nGroups];
        var traceWGamma = new double[nGroups];
        var f = new double[nGroups];
        for (int g = 0; g < nGroups; g++)
        {
            var sample = groups[g];
            if (gamma is null && sample.Rows is null)
                throw new SemLibException($"Satorra–Bentler (MLM) statistics need the raw data; group '{sample.Label}' has only summary statistics.");
            f[g] = sample.N / n;
            if (gamma is null && exogenous.Count == 0)
                (meats[g], traceWGamma[g]) = MatrixFree(fitted, g);
            else
                (meats[g], traceWGamma[g]) = Explicit(fitted, g, gamma?.Invoke(g));
        }
        var objective = fitted.NewObjective();
        objective.Evaluate(fitted.Zeta, []);
        var infoArray = new double[r * r];
        objective.Information(infoArray);
        var info = Matrix<double>.Build.DenseOfRowMajor(r, r, infoArray);

        double chisq = fitted.ChiSquare;
        int df = fitted.Df;
        var cholesky = TryCholesky(info);
        if (cholesky is null)
        {
            double[] Nan(int k) => Enumerable.Repeat(double.NaN, k).ToArray();
            int q = fitted.Model.ThetaCount;
            return new SatorraBentlerResult
            {
                CovarianceZeta = Nan(r * r), CovarianceTheta = Nan(q * q), StandardErrors = Nan(q),
                TraceUGamma = double.NaN, Df = df, ChiSquare = chisq, ScalingFactor = double.NaN, ScaledChiSquare = double.NaN,
                Problem = "The expected information matrix is singular: the model may not be identified.",
            };
        }
        var infoInv = cholesky.Solve(Matrix<double>.Build.DenseIdentity(r));

        var meat = Matrix<double>.Build.Dense(r, r);
        double trace = 0;
        for (int g = 0; g < nGroups; g++)
        {
            var m = meats[g]; // (WΔ)ᵀ Γ (WΔ)
            meat += f[g] * m;
            // tr(WΓ) − f tr(WΔ E⁻¹ ΔᵀW Γ) = tr(WΓ) − f tr(E⁻¹ m), the latter an elementwise sum (both symmetric).
            trace += traceWGamma[g] - f[g] * Dense.Dot(infoInv.ToRowMajorArray(), m.ToRowMajorArray());
        }
        var cov = infoInv * meat * infoInv / n;
        cov = (cov + cov.Transpose()) / 2;
        var covZeta = cov.ToRowMajorArray();
        var covTheta = fitted.Model.Constraints.CovarianceToTheta(covZeta);
        int qt = fitted.Model.ThetaCount;
        var se = Enumerable.Range(0, qt).Select(i => Math.Sqrt(Math.Max(0, covTheta[i * qt + i]))).ToArray();

        double c = df > 0 ? trace / df : double.NaN;
        if (c < 0) c = double.NaN;
        return new SatorraBentlerResult
        {
            CovarianceZeta = covZeta,
            CovarianceTheta = covTheta,
            StandardErrors = se,
            TraceUGamma = trace,
            Df = df,
            ChiSquare = chisq,
            ScalingFactor = c,
            ScaledChiSquare = df > 0 ? chisq / c : chisq,
        };
    }

    /// <summary>
    /// The meat and tr(WΓ) of one group from Δ, W and Γ as matrices (q×q, q the number of moments): with a given Γ, and
    /// with fixed exogenous covariates (lavaan's conditional Γ, <see cref="FixedXGamma"/>; their own moments have zero
    /// rows in Δ).
    /// </summary>
    private static (Matrix<double> Meat, double TraceWGamma) Explicit(FittedModel fitted, int g, Matrix<double>? gamma)
    {
        var sample = fitted.Sample.Data.Groups[g];
        var state = fitted.State(g);
        bool means = fitted.Table.MeanStructure;
        var exogenous = fitted.Table.Roles.ObservedExogenous;
        var delta = MomentJacobian.Compute(fitted, g);
        var weight = NormalTheoryWeight.Compute(state.Sigma, state.Model.P, means)
            ?? throw new SemLibException($"The model-implied covariance matrix of group '{sample.Label}' is not positive definite.");
        var weighted = weight * delta;
        gamma ??= exogenous.Count == 0
            ? MomentCovariance.Adf(sample, means)
            : FixedXGamma.Compute(sample.Rows!, exogenous.Select(state.Model.ObservedIndex).ToArray(), means);
        return (weighted.TransposeThisAndMultiply(gamma * weighted), Dense.Dot(weight.ToRowMajorArray(), gamma.ToRowMajorArray()));
    }

    /// <summary>
    /// The meat and tr(WΓ) of one group without forming Γ, W or Δ (no covariates held fixed): with dᵢ the contribution of
    /// row i about the sample moments (Γ = (1/N)Σ dᵢdᵢᵀ), W dᵢ is the moment derivative ½(uᵢuᵢᵀ − C) with
    /// uᵢ = Σ̂⁻¹(xᵢ − x̄) and C = Σ̂⁻¹SΣ̂⁻¹ (and uᵢ on the means), so ΔᵀW dᵢ is a casewise score of
    /// <see cref="CasewiseScores"/> and the meat is their cross-product over N; tr(WΓ) = (1/N)Σ dᵢᵀW dᵢ is
    /// <see cref="UnstructuredH1Trace"/> with the weight Σ̂. O(N·p²) instead of O(N·p⁴).
    /// </summary>
    private static (Matrix<double> Meat, double TraceWGamma) MatrixFree(FittedModel fitted, int g)
    {
        var sample = fitted.Sample.Data.Groups[g];
        var state = fitted.State(g);
        int p = sample.P, r = fitted.Model.ZetaCount;
        var cases = CaseMomentDerivatives.CentredSample(sample.Rows!, sample.Mean, sample.Covariance, state.Sigma)
            ?? throw new SemLibException($"The model-implied covariance matrix of group '{sample.Label}' is not positive definite.");
        var scores = CasewiseScores.Compute(state, cases, fitted.Model.Constraints);
        var meat = CasewiseScores.FirstOrder(scores, sample.N, r, null, 0);
        var (trace, _) = UnstructuredH1Trace.Compute(sample, [], fitted.Table.MeanStructure, null, 0, state.Sigma);
        return (Matrix<double>.Build.DenseOfRowMajor(r, r, meat), trace);
    }

    /// <summary>The Cholesky factorisation of E, or null when E is not numerically positive definite (a pivot below
    /// 1e-10 of its diagonal's scale).</summary>
    private static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? TryCholesky(Matrix<double> info)
    {
        try
        {
            var ch = info.Cholesky();
            for (int i = 0; i < info.RowCount; i++)
                if (!(ch.Factor[i, i] > 1e-10 * Math.Sqrt(Math.Max(1, info[i, i])))) return null;
            return ch;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
