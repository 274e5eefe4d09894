using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

internal sealed partial class Objective
{
    private readonly double[] _infoTheta;
    private readonly double[] _diagDerivs;
    private readonly double[] _hessianPoint, _hessianPlus, _hessianMinus;

    /// <summary>
    /// The expected information per observation on the F scale (for ML the Fisher information of one
    /// observation; for GLS and ULS lavaan's ΔᵀWΔ), in ζ coordinates, at the point last passed to
    /// <see cref="Evaluate"/>. It is F's Hessian at a perfect fit, so it also drives Fisher scoring:
    /// <c>I_jk = Σ_g w_g [½ tr(W dΣ_j W dΣ_k) + dμ_jᵀ W dμ_k]</c> with W = Σ⁻¹ (ML), S⁻¹ (GLS) or the identity
    /// plus lavaan's vech weighting of the diagonal (ULS).
    /// </summary>
    public void Information(Span<double> infoZeta)
    {
        int q = _model.ThetaCount;
        Array.Clear(_infoTheta);
        for (int g = 0; g < _ws.Length; g++)
        {
            var w = _ws[g];
            if (w.Sample.Layout is not null) AccumulateCategoricalInformation(w, q);
            else if (_loss.ByPattern) AccumulatePatternInformation(w, q);
            else AccumulateInformation(w, _loss.InformationWeight(w), w.Sample.Weight, q);
        }
        _model.Constraints.MatrixToZeta(_infoTheta, infoZeta);
    }

    /// <summary>
    /// Ordered items: w_g ΔᵀWΔ with Δ = ∂σ/∂θ at the current state (the Gauss–Newton Hessian of the least-squares F,
    /// lavaan's expected information for DWLS/WLS/ULSMV).
    /// </summary>
    private void AccumulateCategoricalInformation(LossWorkspace w, int q)
    {
        CategoricalDiscrepancy.Jacobian(w);
        var layout = w.Sample.Layout!;
        var jac = w.Jacobian;
        int m = layout.Count;
        double weight = w.Sample.Weight;
        if (layout.FullWeight is { } full)
        {
            // (WΔ)ᵀΔ, one column of WΔ at a time.
            var col = w.WeightedColumn;
            for (int t = 0; t < q; t++)
            {
                for (int a = 0; a < m; a++)
                {
                    double acc = 0;
                    for (int b = 0; b < m; b++) acc += full[a * m + b] * jac[b * q + t];
                    col[a] = acc;
                }
                for (int u = 0; u <= t; u++)
                {
                    double acc = 0;
                    for (int a = 0; a < m; a++) acc += col[a] * jac[a * q + u];
                    _infoTheta[t * q + u] += weight * acc;
                    if (u != t) _infoTheta[u * q + t] += weight * acc;
                }
            }
            return;
        }
        // Δ is sparse (a threshold depends on itself and the means, a correlation on a few loadings and latent
        // (co)variances): the outer products run over each row's non-zero entries only.
        var wt = layout.Weight;
        var nz = w.JacobianNonZero;
        for (int k = 0; k < m; k++)
        {
            double wk = weight * wt[k];
            var row = new ReadOnlySpan<double>(jac, k * q, q);
            int count = 0;
            for (int t = 0; t < q; t++)
                if (row[t] != 0) nz[count++] = t;
            for (int a = 0; a < count; a++)
            {
                int t = nz[a];
                double v = wk * row[t];
                for (int b = 0; b <= a; b++)
                {
                    int u = nz[b];
                    _infoTheta[t * q + u] += v * row[u];
                }
            }
        }
        for (int t = 0; t < q; t++)
            for (int u = 0; u < t; u++) _infoTheta[u * q + t] = _infoTheta[t * q + u];
    }

    /// <summary>
    /// The observed information: F's Hessian at ζ by central differences of the analytic gradient (step
    /// 1e-5·max(1, |ζ_j|)), symmetrised. Allocates nothing; leaves the objective evaluated at ζ.
    /// </summary>
    public void Hessian(ReadOnlySpan<double> zeta, Span<double> hessian) => Hessian(zeta, hessian, []);

    /// <summary>
    /// <see cref="Hessian(ReadOnlySpan{double}, Span{double})"/> with the step of parameter j 1e-5·<paramref name="scales"/>[j]
    /// where that is positive and finite: a step in the parameter's own units, so a parameter of size 1e-14 (a
    /// variable measured in small units) is not stepped by 1e-5.
    /// </summary>
    public void Hessian(ReadOnlySpan<double> zeta, Span<double> hessian, ReadOnlySpan<double> scales)
    {
        int r = Dimension;
        var x = _hessianPoint;
        zeta.CopyTo(x);
        for (int j = 0; j < r; j++)
        {
            double h = j < scales.Length && scales[j] > 0 && double.IsFinite(scales[j])
                ? 1e-5 * scales[j]
                : 1e-5 * Math.Max(1, Math.Abs(zeta[j]));
            x[j] = zeta[j] + h;
            Evaluate(x, _hessianPlus);
            x[j] = zeta[j] - h;
            Evaluate(x, _hessianMinus);
            x[j] = zeta[j];
            for (int i = 0; i < r; i++) hessian[i * r + j] = (_hessianPlus[i] - _hessianMinus[i]) / (2 * h);
        }
        for (int i = 0; i < r; i++)
            for (int j = 0; j < i; j++)
            {
                double v = 0.5 * (hessian[i * r + j] + hessian[j * r + i]);
                hessian[i * r + j] = v;
                hessian[j * r + i] = v;
            }
        Evaluate(zeta, []);
    }

    /// <summary>
    /// Full-information ML: the expected information of the observed parts, pattern by pattern (lavaan's "structured"
    /// h1 information): Σ_k n_k/N [½ tr(W_k dΣ_oo W_k dΣ_oo) + dμ_oᵀ W_k dμ_o] with W_k = Σ_oo⁻¹ from the last
    /// evaluation, each W_k scattered into a p×p weight that is zero outside the pattern's observed variables.
    /// </summary>
    private void AccumulatePatternInformation(LossWorkspace w, int q)
    {
        var patterns = w.Sample.Patterns!.Patterns;
        int p = w.P;
        var m = w.Tmp2;
        for (int k = 0; k < patterns.Count; k++)
        {
            var obs = patterns[k].ObservedIndices;
            int qk = obs.Length;
            Array.Clear(m);
            var inv = w.PatternInverse.AsSpan(w.PatternOffset[k], qk * qk);
            for (int a = 0; a < qk; a++)
                for (int b = 0; b < qk; b++) m[obs[a] * p + obs[b]] = inv[a * qk + b];
            AccumulateInformation(w, m, w.Sample.Weight * patterns[k].Count / w.Sample.N, q);
        }
    }

    /// <summary>Adds one group's information. Every free row has one matrix cell, so each parameter has at most one
    /// Σ term and one μ term per group: pairs of distinct terms are added to both (j,k) and (k,j).</summary>
    private void AccumulateInformation(LossWorkspace w, double[]? m, double weight, int q)
    {
        var model = w.State.Model;
        int p = model.P;
        if (m is null)
        {
            // Identity weight: build it in Tmp2 so the same bilinear lookups apply.
            Array.Clear(w.Tmp2);
            for (int i = 0; i < p; i++) w.Tmp2[i * p + i] = 1;
            m = w.Tmp2;
        }
        w.Bilinear(m);
        w.FillGram(m);
        var gram = w.Gram;
        int nv = model.VectorCount;
        var terms = model.SigmaTerms;
        for (int s = 0; s < terms.Length; s++)
        {
            var t = terms[s];
            int ra = t.A * nv, rb = t.B * nv;
            double ct = weight * t.Coef;
            for (int u = 0; u <= s; u++)
            {
                var v = terms[u];
                double val = ct * v.Coef * (gram[ra + v.A] * gram[rb + v.B] + gram[ra + v.B] * gram[rb + v.A]);
                _infoTheta[t.Param * q + v.Param] += val;
                if (s != u) _infoTheta[v.Param * q + t.Param] += val;
            }
        }
        if (model.MeanStructure)
        {
            var mt = model.MeanTerms;
            for (int s = 0; s < mt.Length; s++)
            {
                var t = mt[s];
                double kt = t.K < 0 ? 1 : w.State.Kappa[t.K];
                for (int u = 0; u <= s; u++)
                {
                    var v = mt[u];
                    double kv = v.K < 0 ? 1 : w.State.Kappa[v.K];
                    double val = weight * t.Coef * kt * v.Coef * kv * gram[t.A * nv + v.A];
                    _infoTheta[t.Param * q + v.Param] += val;
                    if (s != u) _infoTheta[v.Param * q + t.Param] += val;
                }
            }
        }
        if (_loss.VechDiagonal) AccumulateUlsDiagonal(w, weight, q);
    }

    /// <summary>
    /// ULS weights each covariance once (vech), so the diagonal of Σ counts twice as much as tr(dΣ dΣ) gives it:
    /// add ½ Σ_i (dΣ_j)_ii (dΣ_k)_ii.
    /// </summary>
    private void AccumulateUlsDiagonal(LossWorkspace w, double weight, int q)
    {
        var model = w.State.Model;
        int p = model.P, m2 = 2 * model.M;
        var dd = _diagDerivs.AsSpan(0, q * p);
        dd.Clear();
        var l12 = w.State.L12;
        foreach (var t in model.SigmaTerms)
        {
            var row = dd.Slice(t.Param * p, p);
            for (int i = 0; i < p; i++)
            {
                double va = t.A < p ? (t.A == i ? 1 : 0) : l12[i * m2 + (t.A - p)];
                double vb = t.B < p ? (t.B == i ? 1 : 0) : l12[i * m2 + (t.B - p)];
                row[i] += 2 * t.Coef * va * vb;
            }
        }
        for (int j = 0; j < q; j++)
        {
            var rj = dd.Slice(j * p, p);
            for (int k = 0; k <= j; k++)
            {
                double v = 0.5 * weight * Dense.Dot(rj, dd.Slice(k * p, p));
                if (v == 0) continue;
                _infoTheta[j * q + k] += v;
                if (j != k) _infoTheta[k * q + j] += v;
            }
        }
    }
}
