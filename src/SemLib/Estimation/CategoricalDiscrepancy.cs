using SemLib.Model;

namespace SemLib.Estimation;

/// <summary>
/// The least-squares discrepancy of lavaan's estimators for ordered items (DWLS, WLSMV, WLS, ULSMV):
/// F = ½ (N − 1)/N (s − σ(θ))ᵀ W (s − σ(θ)), lavaan 0.6.14's fit function (so χ² = 2·N·F = (N − 1)·eᵀWe and the
/// gradient, which modification indices read, is lavaan's), s the thresholds, means, variances and
/// polychoric/polyserial correlations of <see cref="CategoricalLayout"/>, W its weight. The implied statistics
/// (Muthén 1984; lavaan's delta and theta parameterizations) with Σ, μ the LISREL moments and D = Δ (delta) or
/// D = diag(Σ)^−½ for ordered variables (theta), 1 for continuous ones:
/// <list type="bullet">
/// <item>thresholds of an ordered variable: D_i (τ_ik − μ_i); a continuous variable's slot: −μ_i;</item>
/// <item>variance of a continuous variable: Σ_ii;</item>
/// <item>pair i ≠ j: D_i D_j Σ_ij (a correlation between ordered variables).</item>
/// </list>
/// The gradient goes back to Σ and μ (∂F/∂Σ in <see cref="LossWorkspace.G"/>, ∂F/∂μ in <see cref="LossWorkspace.GMu"/>)
/// and to the thresholds and scale factors (<see cref="LossWorkspace.GTau"/>, <see cref="LossWorkspace.GDelta"/>).
/// Muthén, B. (1984). Psychometrika 49, 115–132; Muthén, du Toit &amp; Spisic (1997), robust inference with DWLS.
/// </summary>
internal sealed class CategoricalDiscrepancy : Discrepancy
{
    public static readonly CategoricalDiscrepancy DiagonalWeighted = new(Estimator.DWLS);
    public static readonly CategoricalDiscrepancy Weighted = new(Estimator.WLS);
    public static readonly CategoricalDiscrepancy Robust = new(Estimator.WLSMV);
    public static readonly CategoricalDiscrepancy Unweighted = new(Estimator.ULSMV);

    private CategoricalDiscrepancy(Estimator estimator) => Estimator = estimator;

    public static new CategoricalDiscrepancy For(Estimator estimator) => estimator switch
    {
        Estimator.DWLS => DiagonalWeighted,
        Estimator.WLS => Weighted,
        Estimator.WLSMV => Robust,
        Estimator.ULSMV => Unweighted,
        _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "not an estimator for ordered items"),
    };

    public override Estimator Estimator { get; }

    /// <summary>χ² = 2·N·F (the (N − 1)/N is inside F, as in lavaan's fit function).</summary>
    public override bool UnbiasedCovariance => false;

    /// <summary>Standard errors and RMSEA divide by N − 1 per group (N − G in all), as lavaan.</summary>
    public override int InferenceCount(int n) => n - 1;

    /// <summary>ULSMV's standard statistic has no known reference distribution (as ULS), so no p-value.</summary>
    public override bool ChiSquareReference => Estimator != Estimator.ULSMV;

    /// <summary>Not used: the information is Δᵀ W Δ (Inference/Categorical).</summary>
    public override double[]? InformationWeight(LossWorkspace w) => null;

    /// <summary>The implied statistics σ(θ) of the group at the workspace's state, into <paramref name="implied"/>.</summary>
    public static void Implied(GroupState state, CategoricalLayout layout, Span<double> implied, Span<double> scale)
    {
        var model = state.Model;
        int p = layout.P;
        var sigma = state.Sigma;
        var mu = state.Mu;
        Scales(state, layout, scale);
        for (int i = 0; i < p; i++)
        {
            int slot = layout.ThresholdSlot[i];
            if (layout.Ordered[i])
            {
                int t0 = model.ThresholdStart[i], count = model.ThresholdCount[i];
                for (int k = 0; k < count; k++) implied[slot + k] = scale[i] * (state.Tau[t0 + k] - mu[i]);
            }
            else
            {
                implied[slot] = -mu[i];
                implied[layout.VarianceSlot[i]] = sigma[i * p + i];
            }
        }
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++)
                implied[layout.PairSlot[i * p + j]] = scale[i] * scale[j] * sigma[i * p + j];
    }

    public override double Evaluate(LossWorkspace w, bool gradient)
    {
        var layout = w.Sample.Layout!;
        var state = w.State;
        int p = layout.P, m = layout.Count;
        var sigma = state.Sigma;
        if (state.Model.DeltaParameterization == false)
            for (int i = 0; i < p; i++)
                if (layout.Ordered[i] && !(sigma[i * p + i] > 0)) return double.PositiveInfinity;
        var e = w.Residual;
        var scale = w.Scale;
        Implied(state, layout, w.Implied, scale);
        var s = layout.Observations;
        for (int k = 0; k < m; k++) e[k] = s[k] - w.Implied[k];
        var h = w.WeightedResidual;
        double f = 0;
        if (layout.FullWeight is { } full)
        {
            for (int a = 0; a < m; a++)
            {
                double acc = 0;
                var row = new ReadOnlySpan<double>(full, a * m, m);
                for (int b = 0; b < m; b++) acc += row[b] * e[b];
                h[a] = acc;
                f += acc * e[a];
            }
        }
        else
        {
            var wt = layout.Weight;
            for (int k = 0; k < m; k++)
            {
                h[k] = wt[k] * e[k];
                f += h[k] * e[k];
            }
        }
        // lavaan's fit function carries (N − 1)/N: χ² = 2N·F = (N − 1)·eᵀWe.
        double factor = (w.Sample.N - 1.0) / w.Sample.N;
        f *= 0.5 * factor;
        if (!gradient) return f;
        for (int k = 0; k < m; k++) h[k] *= factor;

        // ∂F/∂σ_k = −(W e)_k, carried to Σ, μ, τ and D.
        Array.Clear(w.G);
        Array.Clear(w.GMu);
        Array.Clear(w.GTau);
        Array.Clear(w.GDelta);
        var gScale = w.GScale;
        Array.Clear(gScale);
        var model = state.Model;
        var mu = state.Mu;
        for (int i = 0; i < p; i++)
        {
            int slot = layout.ThresholdSlot[i];
            if (layout.Ordered[i])
            {
                int t0 = model.ThresholdStart[i], count = model.ThresholdCount[i];
                for (int k = 0; k < count; k++)
                {
                    double dk = -h[slot + k];
                    w.GTau[t0 + k] += dk * scale[i];
                    w.GMu[i] -= dk * scale[i];
                    gScale[i] += dk * (state.Tau[t0 + k] - mu[i]);
                }
            }
            else
            {
                w.GMu[i] += h[slot];
                w.G[i * p + i] -= h[layout.VarianceSlot[i]];
            }
        }
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double dk = -h[layout.PairSlot[i * p + j]];
                double half = 0.5 * dk * scale[i] * scale[j];
                w.G[i * p + j] += half;
                w.G[j * p + i] += half;
                gScale[i] += dk * scale[j] * sigma[i * p + j];
                gScale[j] += dk * scale[i] * sigma[i * p + j];
            }
        }
        for (int i = 0; i < p; i++)
        {
            if (!layout.Ordered[i]) continue;
            if (model.DeltaParameterization) w.GDelta[i] = gScale[i];
            else
            {
                // D = Σ_ii^−½: ∂D/∂Σ_ii = −½ Σ_ii^−3/2 = −½ D³.
                w.G[i * p + i] += gScale[i] * (-0.5 * scale[i] * scale[i] * scale[i]);
            }
        }
        return f;
    }

    /// <summary>
    /// Δ = ∂σ/∂θ of the group at the workspace's state (the state must be current), m×q row-major into
    /// <see cref="LossWorkspace.Jacobian"/>, from the rank-2 terms of ∂Σ/∂θ and the terms of ∂μ/∂θ of
    /// <see cref="GroupModel"/> and the threshold and scale-factor cells, by the chain rule of <see cref="Implied"/>.
    /// Allocates nothing.
    /// </summary>
    public static void Jacobian(LossWorkspace w)
    {
        var layout = w.Sample.Layout!;
        var state = w.State;
        var model = state.Model;
        int p = layout.P, q = w.ThetaCount, m2 = 2 * model.M;
        var jac = w.Jacobian;
        Array.Clear(jac);
        var dS = w.Tmp;
        var dMu = w.JacobianMu;
        var va = w.JacobianA;
        var vb = w.JacobianB;
        var dD = w.GScale;
        var scale = w.Scale;
        var sigma = state.Sigma;
        var mu = state.Mu;
        Scales(state, layout, scale);
        for (int t = 0; t < q; t++)
        {
            var sigmaTerms = w.SigmaTermsOf(t);
            var meanTerms = w.MeanTermsOf(t);
            var (tauSlot, deltaIndex) = w.OrdinalCellOf(t);
            if (sigmaTerms.Length == 0 && meanTerms.Length == 0 && tauSlot < 0 && deltaIndex < 0) continue;
            Array.Clear(dS, 0, p * p);
            Array.Clear(dMu);
            foreach (var term in sigmaTerms)
            {
                Vector(state, term.A, va, p, m2);
                Vector(state, term.B, vb, p, m2);
                for (int i = 0; i < p; i++)
                    for (int j = 0; j < p; j++) dS[i * p + j] += term.Coef * (va[i] * vb[j] + vb[i] * va[j]);
            }
            foreach (var term in meanTerms)
            {
                Vector(state, term.A, va, p, m2);
                double k = term.K < 0 ? 1 : state.Kappa[term.K];
                for (int i = 0; i < p; i++) dMu[i] += term.Coef * k * va[i];
            }
            for (int i = 0; i < p; i++)
                dD[i] = !layout.Ordered[i] ? 0 : model.DeltaParameterization ? (i == deltaIndex ? 1 : 0)
                    : -0.5 * scale[i] * scale[i] * scale[i] * dS[i * p + i];
            for (int i = 0; i < p; i++)
            {
                int slot = layout.ThresholdSlot[i];
                if (layout.Ordered[i])
                {
                    int t0 = model.ThresholdStart[i], count = model.ThresholdCount[i];
                    for (int k = 0; k < count; k++)
                    {
                        double dTau = t0 + k == tauSlot ? 1 : 0;
                        jac[(slot + k) * q + t] = dD[i] * (state.Tau[t0 + k] - mu[i]) + scale[i] * (dTau - dMu[i]);
                    }
                }
                else
                {
                    jac[slot * q + t] = -dMu[i];
                    jac[layout.VarianceSlot[i] * q + t] = dS[i * p + i];
                }
            }
            for (int i = 0; i < p; i++)
                for (int j = 0; j < i; j++)
                    jac[layout.PairSlot[i * p + j] * q + t] = (dD[i] * scale[j] + scale[i] * dD[j]) * sigma[i * p + j] + scale[i] * scale[j] * dS[i * p + j];
        }
    }

    /// <summary>D: Δ (delta) or σ_ii^−½ (theta) for an ordered variable, 1 for a continuous one.</summary>
    private static void Scales(GroupState state, CategoricalLayout layout, Span<double> scale)
    {
        int p = layout.P;
        for (int i = 0; i < p; i++)
            scale[i] = !layout.Ordered[i] ? 1.0 : state.Model.DeltaParameterization ? state.Delta[i] : 1 / Math.Sqrt(state.Sigma[i * p + i]);
    }

    /// <summary>Vector a of the derivative terms: the unit vector e_a (a &lt; p) or column a − p of [ΛA | ΛΦ].</summary>
    private static void Vector(GroupState state, int a, double[] v, int p, int m2)
    {
        if (a < p)
        {
            Array.Clear(v, 0, p);
            v[a] = 1;
            return;
        }
        for (int i = 0; i < p; i++) v[i] = state.L12[i * m2 + (a - p)];
    }
}
