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
/// With fixed covariates (fixed.x) their own moments (means, covariances among them) get zero rows and columns in W_g
/// and in the observed moments' ACOV, which becomes the inverse of W(S_g) over the other moments — as lavaan's h1
/// information does — and their standardized residuals are 0. Under GLS, W_g is the normal-theory weight at S_g, as
/// lavaan's GLS information. ULS has none: lavaan stops, and so does this. With information = "observed", lavaan's observed h1
/// information (<see cref="ObservedH1Information"/>) takes the place of W_g in A and Q_g.
/// </para>
/// Fixtures: tests/SemLib.Tests/Reference/residuals (Reference/scripts/make-residual-cases.R).
/// </summary>
internal static class ResidualMatrixCalculator
{
    public static IReadOnlyList<ResidualMatrices> Compute(SemFit fit, ResidualType type)
    {
        var fitted = fit.Fitted;
        if (type == ResidualType.Standardized && fitted.Sample.Categorical)
            throw new InvalidOperationException($"Standardized residuals of ordered items (lavaan's, from the asymptotic covariance of the polychoric residuals) are not computed by SemLib yet; the raw residuals are available ({fitted.Options.Estimator}).");
        if (type == ResidualType.Standardized && fitted.Options.Estimator == Estimator.ULS)
            throw new InvalidOperationException("Standardized residuals are not defined for ULS (lavaan 0.6.14 cannot compute them either: its h1 information cannot be inverted); fit with ML or GLS.");
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
        bool observed = fitted.Options.Information == InformationType.Observed;
        for (int g = 0; g < groups; g++)
        {
            var m = fitted.Sample.Groups[g];
            var st = fitted.State(g);
            weights[g] = m.Patterns is { } patterns ? FullInformationH1(fitted, patterns, st.Mu, st.Sigma)
                : fitted.Options.Estimator == Estimator.GLS ? NormalTheoryWeight.Compute(m.S, m.P, ms)
                : observed ? ObservedH1Information(m.S, m.Mean, st.Sigma, ms ? st.Mu.ToArray() : m.Mean, m.P, ms)
                : NormalTheoryWeight.Compute(st.Sigma, m.P, ms);
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
            var fixedMoment = FixedMoments(fitted, g);
            var acovObs = m.Patterns is { } pats
                ? InverseOverFree(FullInformationH1(fitted, pats, m.Mean, m.S), fixedMoment, m.N)
                : ObservedAcov(m.S, p, ms, fixedMoment, m.N);
            var a1 = weights[g]!.Clone();
            foreach (int k in fixedMoment)
            {
                a1.ClearRow(k);
                a1.ClearColumn(k);
            }
            var q = Matrix<double>.Build.DenseIdentity(acovObs.RowCount)
                - deltas[g].Multiply(infoInv).TransposeAndMultiply(deltas[g]).Multiply(m.Weight).Multiply(a1);
            var acov = q.Multiply(acovObs).TransposeAndMultiply(q);
            // The fixed covariates' own moments are reproduced exactly (Σ̂ = S there): their residuals are 0, as lavaan prints.
            double Z(double residual, int k) => fixedMoment.Contains(k) ? 0 : Ratio(residual, acov[k, k], acovObs[k, k]);
            for (int j = 0; j < p; j++)
                for (int i = j; i < p; i++)
                {
                    double v = Z(raw[g].Cov[i * p + j], offset + MomentCovariance.VechIndex(p, i, j));
                    cov[i * p + j] = cov[j * p + i] = v;
                }
            if (mean is not null)
                for (int i = 0; i < p; i++) mean[i] = Z(raw[g].Mean![i], i);
            result[g] = (cov, mean);
        }
        return result;
    }

    /// <summary>
    /// The observed information of the saturated (h1) model per observation at the implied moments, lavaan's
    /// structured observed h1 information (its residuals use it in place of W_g when information = "observed"):
    /// with d = x̄ − μ̂ and W̃ = S + d dᵀ, the means' block Σ̂⁻¹, the cross block D_pᵀ((Σ̂⁻¹d) ⊗ Σ̂⁻¹) and the
    /// covariances' block ½ D_pᵀ(Σ̂⁻¹ ⊗ Σ̂⁻¹(2W̃ − Σ̂)Σ̂⁻¹)D_p — W_g when S = Σ̂ and x̄ = μ̂. Null when Σ̂ is not positive
    /// definite.
    /// </summary>
    private static Matrix<double>? ObservedH1Information(double[] s, double[] mean, double[] sigma, double[] mu, int p, bool ms)
    {
        var inv = new double[p * p];
        if (!LinearAlgebra.Dense.InvertSpd(sigma, inv, new double[2 * p * p], p, out _)) return null;
        var si = Matrix<double>.Build.Dense(p, p, (i, j) => inv[i * p + j]);
        var d = Vector<double>.Build.Dense(p, i => mean[i] - mu[i]);
        var wTilde = Matrix<double>.Build.Dense(p, p, (i, j) => s[i * p + j] + d[i] * d[j]);
        var sig = Matrix<double>.Build.Dense(p, p, (i, j) => sigma[i * p + j]);
        var aaa = si * (2 * wTilde - sig) * si;
        var u = si * d;
        int offset = ms ? p : 0, q = MomentCovariance.MomentCount(p, ms);
        var h = Matrix<double>.Build.Dense(q, q);
        // The positions (row, column) of Σ that the vech moment (i, j) stands for: both, off the diagonal.
        static (int R, int C)[] Cells(int i, int j) => i == j ? [(i, i)] : [(i, j), (j, i)];
        for (int j = 0; j < p; j++)
            for (int i = j; i < p; i++)
            {
                int a = offset + MomentCovariance.VechIndex(p, i, j);
                var ca = Cells(i, j);
                for (int l = 0; l < p; l++)
                    for (int k = l; k < p; k++)
                    {
                        double v = 0;
                        // (A ⊗ B) at vec positions c1·p + r1, c2·p + r2 is A[c1, c2]·B[r1, r2].
                        foreach (var (r1, c1) in ca)
                            foreach (var (r2, c2) in Cells(k, l)) v += si[c1, c2] * aaa[r1, r2];
                        h[a, offset + MomentCovariance.VechIndex(p, k, l)] = 0.5 * v;
                    }
                if (ms)
                    for (int m = 0; m < p; m++)
                    {
                        double v = 0;
                        // ((Σ⁻¹d) ⊗ Σ⁻¹) at vec position c·p + r, column m is u[c]·Σ⁻¹[r, m].
                        foreach (var (r, c) in ca) v += u[c] * si[r, m];
                        h[a, m] = h[m, a] = v;
                    }
            }
        for (int i = 0; i < offset; i++)
            for (int j = 0; j < offset; j++) h[i, j] = si[i, j];
        return h;
    }

    /// <summary>
    /// Full-information ML: lavaan's h1 information of the incomplete rows at (μ, Σ), observed or expected as the fit's
    /// information (<see cref="MissingDataInformation"/>) — at the implied moments it is the "structured" weight of the
    /// residuals' Q_g and A, at the EM moments the "unstructured" one whose inverse over N_g is the observed moments' ACOV.
    /// </summary>
    private static Matrix<double>? FullInformationH1(FittedModel fitted, Data.MissingPatterns patterns, double[] mu, double[] sigma) =>
        fitted.Options.InformationInEffect == InformationType.Observed
            ? MissingDataInformation.Observed(patterns, mu, sigma)
            : MissingDataInformation.Expected(patterns, mu, sigma);

    /// <summary>The inverse of an h1 information over the moments that are not fixed, divided by n; zero rows and columns for the fixed ones.</summary>
    private static Matrix<double> InverseOverFree(Matrix<double>? information, HashSet<int> fixedMoment, int n)
    {
        var w = information ?? throw new InvalidOperationException("The EM estimate of the covariance matrix is not positive definite.");
        var keep = Enumerable.Range(0, w.RowCount).Where(k => !fixedMoment.Contains(k)).ToArray();
        var sub = Matrix<double>.Build.Dense(keep.Length, keep.Length, (a, b) => w[keep[a], keep[b]]);
        var inv = PseudoInverse(sub).Divide(n);
        var result = Matrix<double>.Build.Dense(w.RowCount, w.RowCount);
        for (int a = 0; a < keep.Length; a++)
            for (int b = 0; b < keep.Length; b++) result[keep[a], keep[b]] = inv[a, b];
        return result;
    }

    /// <summary>
    /// The moments of fixed exogenous covariates (fixed.x): the means and the covariances among them. lavaan gives them
    /// zero rows and columns in the h1 information, so they drop out of both W_g and the observed moments' ACOV.
    /// </summary>
    private static HashSet<int> FixedMoments(FittedModel fitted, int group)
    {
        var model = fitted.State(group).Model;
        var x = fitted.Table.Roles.ObservedExogenous.Select(model.ObservedIndex).ToArray();
        int p = model.P, offset = fitted.Table.MeanStructure ? p : 0;
        var set = new HashSet<int>();
        foreach (int i in x)
        {
            if (offset > 0) set.Add(i);
            foreach (int j in x) set.Add(offset + MomentCovariance.VechIndex(p, i, j));
        }
        return set;
    }

    /// <summary>
    /// The ACOV of the sample moments under normal theory, lavaan's unstructured h1 ACOV: Γ_NT(S)/N_g, or with fixed
    /// covariates the inverse of W(S) over the other moments (the covariates' moments held fixed), zero elsewhere.
    /// </summary>
    private static Matrix<double> ObservedAcov(double[] s, int p, bool ms, HashSet<int> fixedMoment, int n)
    {
        if (fixedMoment.Count == 0) return MomentCovariance.NormalTheory(s, p, ms).Divide(n);
        return InverseOverFree(NormalTheoryWeight.Compute(s, p, ms)
            ?? throw new InvalidOperationException("The sample covariance matrix is not positive definite."), fixedMoment, n);
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
