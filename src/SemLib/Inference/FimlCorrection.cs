using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.LinearAlgebra;

namespace SemLib.Inference;

/// <summary>
/// lavaan 0.6.14's "robust" RMSEA and CFI after full-information ML (its FIML-C, version V6 for the standard test;
/// Zhang &amp; Savalei 2023, "New computations for RMSEA and CFI following FIML and TS estimation with missing data",
/// Psychological Methods). The model is judged by the complete-data ML statistic against the EM (h1) moments,
/// T₃ = Σ_g 2 N_g F_ML(Σ̂_g, μ̂_g; S_g^EM, x̄_g^EM) at the FIML estimates, and the scaling
/// ĉ = k/df with k = Σ_g tr(W_c,g W_m,g⁻¹) − tr(E_m⁻¹ E_c), where W_m,g is the observed information of the incomplete
/// rows at the EM moments (<see cref="MissingDataInformation"/>), W_c,g the complete-data (normal-theory) information
/// at the same moments, and E_· = Σ_g (N_g/N) Δ_gᵀ W_·,g Δ_g with Δ_g the moments' Jacobian at the estimates. The
/// baseline (independence) model gets the same with its own estimates and Jacobian.
/// </summary>
internal static class FimlCorrection
{
    /// <summary>T₃ and ĉ of the model and of the baseline; NaN where they cannot be computed.</summary>
    public sealed record Result(double X2, double CHat, double X2Null, double CHatNull);

    /// <summary>
    /// The corrected statistics of <paramref name="fit"/> and its fitted <paramref name="baseline"/>: lavaan's version V6
    /// after the standard test, V3 after a scaled one (<paramref name="scaled"/>, MLR), whose k is
    /// tr(U W_m⁻¹ W_c W_m⁻¹ U Γ) with Γ_g = W_m,g⁻¹ J_g W_m,g⁻¹/f_g (J the first-order h1 information of the incomplete rows,
    /// <see cref="IncompleteH1Parts"/>) and U = W_m − W_mΔE_m⁻¹ΔᵀW_m, all block-diagonal over groups with the weights
    /// f_g. With Q = W_m⁻¹ − ΔE_m⁻¹Δᵀ this is tr(W_c Q J Q), computed as
    /// Σ_g tr(K_g W_m,g⁻¹) − 2 tr(E_m⁻¹ Σ_g f_g Δ_gᵀK_gΔ_g) + tr(E_m⁻¹E_c E_m⁻¹E_J), K_g = J_g W_m,g⁻¹ W_c,g, so that only
    /// the data-only K_g is a product of moment-sized matrices.
    /// </summary>
    public static Result Compute(FittedModel fit, FittedModel baseline, bool scaled = false)
    {
        var nan = new Result(double.NaN, double.NaN, double.NaN, double.NaN);
        var sample = fit.Sample;
        int groups = sample.Groups.Length;
        var wc = new double[groups][];
        // The information E of the estimates: lavaan takes it from the fit's information type with the unstructured
        // (EM) h1 information, observed or expected.
        bool expected = fit.Options.InformationInEffect == InformationType.Expected;
        var we = new double[groups][];
        var jm = scaled ? new double[groups][] : null;
        var k = scaled ? new double[groups][] : null;
        double traceData = 0;
        var exogenous = fit.Table.Roles.ObservedExogenous;
        for (int g = 0; g < groups; g++)
        {
            var m = sample.Groups[g];
            var data = sample.Data.Groups[g];
            var exoIndex = exogenous.Select(fit.Model.Groups[g].ObservedIndex).ToArray();
            var parts = IncompleteH1Parts.Get(data, exoIndex);
            var complete = parts?.Complete;
            if (parts is null || complete is null) return nan;
            int size = parts.Size;
            var exp = parts.Observed;
            if (expected)
            {
                exp = MissingDataInformation.Expected(m.Patterns!, m.Mean, m.S)?.AsColumnMajorArray();
                if (exp is null) return nan;
                // Under fixed.x lavaan zeroes the rows and columns of the exogenous covariates' own moments.
                for (int i = 0; i < size; i++)
                    if (parts.ExogenousMoment[i])
                        for (int j = 0; j < size; j++) exp[i * size + j] = exp[j * size + i] = 0;
            }
            wc[g] = complete;
            we[g] = exp;
            if (scaled)
            {
                var j = parts.FirstOrder;
                if (j is null) return nan;
                var jw = new double[size * size];
                var kg = new double[size * size];
                Dense.Multiply(j, parts.ObservedInverse, jw, size, size, size);
                Dense.Multiply(jw, complete, kg, size, size, size);
                traceData += Dense.Dot(kg, parts.ObservedInverse); // tr(K W_m⁻¹), W_m⁻¹ symmetric
                jm![g] = j;
                k![g] = kg;
            }
            else traceData += Dense.Dot(complete, parts.ObservedInverse); // tr(W_c W_m⁻¹), both symmetric
        }
        var (x2, c) = Statistic(fit, we, wc, traceData, jm, k);
        var (x2b, cb) = Statistic(baseline, we, wc, traceData, jm, k);
        return new Result(x2, c, x2b, cb);
    }

    private static int MomentCount(int p) => p + p * (p + 1) / 2;

    private static (double X2, double CHat) Statistic(FittedModel fit, double[][] we, double[][] wc, double traceData, double[][]? jm, double[][]? km)
    {
        var sample = fit.Sample;
        int r = fit.Model.ZetaCount;
        var em = new double[r * r];
        var ec = new double[r * r];
        var ej = jm is null ? null : new double[r * r];
        var ek = jm is null ? null : new double[r * r];
        double x2 = 0;
        for (int g = 0; g < sample.Groups.Length; g++)
        {
            var state = fit.State(g);
            var m = sample.Groups[g];
            double f = MaximumLikelihood(state.Sigma, state.Mu, m);
            if (!double.IsFinite(f)) return (double.NaN, double.NaN);
            x2 += 2 * m.N * f;
            var delta = MomentJacobian.ToZeta(MomentJacobian.Theta(state, fit.Model.ThetaCount), fit.Model.Constraints);
            int size = MomentCount(m.P);
            // Δ is sparse (a loading moves the moments of one variable, a residual variance one moment): ΔᵀWΔ from
            // its non-zero entries, column by column of WΔ (W symmetric, so its rows are its columns).
            var nonzero = Enumerable.Range(0, r).Select(c => Enumerable.Range(0, size).Where(t => delta[t, c] != 0).Select(t => (t, delta[t, c])).ToArray()).ToArray();
            var column = new double[size];
            var pairs = jm is null ? new[] { (we[g], em), (wc[g], ec) } : new[] { (we[g], em), (wc[g], ec), (jm[g], ej!), (km![g], ek!) };
            // (K is not symmetric: this gives (ΔᵀKΔ)ᵀ, whose trace against the symmetric E⁻¹ is the same.)
            foreach (var (w, target) in pairs)
            {
                for (int c2 = 0; c2 < r; c2++)
                {
                    Array.Clear(column);
                    foreach (var (t, v) in nonzero[c2]) Dense.Axpy(v, w.AsSpan(t * size, size), column);
                    for (int c1 = 0; c1 < r; c1++)
                    {
                        double sum = 0;
                        foreach (var (t, v) in nonzero[c1]) sum += v * column[t];
                        target[c1 * r + c2] += m.Weight * sum;
                    }
                }
            }
        }
        double df = fit.Df;
        if (!(df > 0)) return (x2, double.NaN);
        var inverse = new double[r * r];
        if (!Dense.InvertSpd(em, inverse, new double[2 * r * r], r, out _)) return (x2, double.NaN);
        if (ej is null)
        {
            double k6 = traceData - Dense.Dot(inverse, ec);
            return (x2, k6 / df);
        }
        var a1 = new double[r * r];
        var a2 = new double[r * r];
        Dense.Multiply(inverse, ec, a1, r, r, r);
        Dense.Multiply(inverse, ej, a2, r, r, r);
        double t3 = 0;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++) t3 += a1[i * r + j] * a2[j * r + i];
        double k3 = traceData - 2 * Dense.Dot(inverse, ek!) + t3;
        return (x2, k3 / df);
    }

    /// <summary>The complete-data ML discrepancy ½[log|Σ| + tr(SΣ⁻¹) − log|S| − p + (x̄ − μ)ᵀΣ⁻¹(x̄ − μ)] against the EM moments.</summary>
    private static double MaximumLikelihood(double[] sigma, double[] mu, EstimationSample.Moments m)
    {
        int p = m.P;
        var w = new double[p * p];
        if (!Dense.InvertSpd(sigma, w, new double[2 * p * p], p, out double logDet)) return double.NaN;
        double quad = 0;
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) quad += (m.Mean[i] - mu[i]) * w[i * p + j] * (m.Mean[j] - mu[j]);
        return 0.5 * (logDet + Dense.Dot(m.S, w) - m.LogDetS - p + quad);
    }

    /// <summary>Whether lavaan applies the ĉ forms of the incremental indices (both scalings known and neither exactly 1).</summary>
    private static bool Scaled(double df, double c, double cb) => df > 0 && double.IsFinite(c) && double.IsFinite(cb) && c != 1 && cb != 1;

    public static double Cfi(double x2, double df, double x2b, double dfb, double c, double cb)
    {
        if (!double.IsFinite(x2) || !double.IsFinite(x2b) || double.IsNaN(c) || double.IsNaN(cb)) return double.NaN;
        if (!Scaled(df, c, cb)) return FitIndices.Cfi(x2, df, x2b, dfb);
        double t1 = Math.Max(x2 - c * df, 0);
        double t2 = Math.Max(Math.Max(x2 - c * df, x2b - cb * dfb), 0);
        return Math.Abs(t1) < 1.5e-8 && Math.Abs(t2) < 1.5e-8 ? 1 : 1 - t1 / t2;
    }

    public static double Tli(double x2, double df, double x2b, double dfb, double c, double cb)
    {
        if (!double.IsFinite(x2) || !double.IsFinite(x2b) || double.IsNaN(c) || double.IsNaN(cb)) return double.NaN;
        if (!Scaled(df, c, cb)) return FitIndices.Tli(x2, df, x2b, dfb);
        double t1 = (x2 - c * df) * dfb, t2 = (x2b - cb * dfb) * df;
        if (df > 0 && Math.Abs(t2) > 0) return 1 - t1 / t2;
        return !double.IsFinite(t1) || !double.IsFinite(t2) ? double.NaN : 1;
    }

    public static double Rni(double x2, double df, double x2b, double dfb, double c, double cb)
    {
        if (!double.IsFinite(x2) || !double.IsFinite(x2b) || double.IsNaN(c) || double.IsNaN(cb)) return double.NaN;
        if (!Scaled(df, c, cb)) return FitIndices.Rni(x2, df, x2b, dfb);
        double t1 = x2 - c * df, t2 = x2b - cb * dfb;
        return Math.Abs(t2) < 1.5e-8 || !double.IsFinite(t1) || !double.IsFinite(t2) ? double.NaN : 1 - t1 / t2;
    }

    /// <summary>√max(T/(N·df) − ĉ/N, 0)·√G.</summary>
    public static double Rmsea(double x2, double df, double n, int groups, double c) =>
        !double.IsFinite(x2) || double.IsNaN(c) ? double.NaN : df > 0 ? Math.Sqrt(Math.Max(x2 / n / df - c / n, 0)) * Math.Sqrt(groups) : 0;

    /// <summary>lavaan's interval from the scaled statistic T/ĉ: the noncentrality bounds λ give √(ĉλ/(N·df))·√G.</summary>
    public static (double Lower, double Upper) RmseaInterval(double x2Scaled, double df, double n, int groups, double c, double level)
    {
        if (!double.IsFinite(x2Scaled) || !double.IsFinite(df) || !double.IsFinite(c)) return (double.NaN, double.NaN);
        double upperPerc = 1 - (1 - level) / 2, lowerPerc = (1 - level) / 2;
        double LowerFn(double lambda) => NoncentralChiSquare.Cdf(x2Scaled, df, lambda) - upperPerc;
        double UpperFn(double lambda) => NoncentralChiSquare.Cdf(x2Scaled, df, lambda) - lowerPerc;
        double g = groups > 1 ? Math.Sqrt(groups) : 1;
        double lower = df < 1 || LowerFn(0) < 0 ? 0 : Math.Sqrt(c * NoncentralChiSquare.FindRoot(LowerFn, 0, x2Scaled) / (n * df)) * g;
        double bound = Math.Max(n, x2Scaled * 4);
        double upper = df < 1 || UpperFn(bound) > 0 || UpperFn(0) < 0 ? 0 : Math.Sqrt(c * NoncentralChiSquare.FindRoot(UpperFn, 0, bound) / (n * df)) * g;
        return (lower, upper);
    }

    /// <summary>P of close fit from the scaled statistic, noncentrality N·df·h0²/(ĉ·G).</summary>
    public static double CloseFit(double x2Scaled, double df, double n, int groups, double c, double h0) =>
        df > 0 && double.IsFinite(x2Scaled) && double.IsFinite(c) ? 1 - NoncentralChiSquare.Cdf(x2Scaled, df, n * df / c * h0 * h0 / groups) : double.NaN;

    /// <summary>P of not-close fit from the scaled statistic.</summary>
    public static double NotCloseFit(double x2Scaled, double df, double n, int groups, double c, double h0) =>
        df > 0 && double.IsFinite(x2Scaled) && double.IsFinite(c) ? NoncentralChiSquare.Cdf(x2Scaled, df, n * df / c * h0 * h0 / groups) : double.NaN;
}
