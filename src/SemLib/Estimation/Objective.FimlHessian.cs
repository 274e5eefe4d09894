using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

internal sealed partial class Objective
{
    /// <summary>
    /// Full-information ML: the observed information (F's Hessian in ζ) analytically, as the sum of two parts.
    /// <list type="number">
    /// <item>The Hessian of F in the moments along the parameters' directions dΣ_i = c(v_a v_bᵀ + v_b v_aᵀ),
    /// dμ_i = c κ v_a, pattern by pattern with W = Σ_oo⁻¹, d = m − μ_o, C = S + ddᵀ, M = WCW, u = Wd:
    /// n/N [−½ tr(W dΣ_i W dΣ_j) + tr(W dΣ_i W dΣ_j W C) + uᵀdΣ_i W dμ_j + uᵀdΣ_j W dμ_i + dμ_iᵀ W dμ_j], every trace a
    /// product of entries of the Gram matrices [I|L1|L2]ᵀ W [I|L1|L2] and [I|L1|L2]ᵀ M [I|L1|L2].</item>
    /// <item>Σ_cells (∂F/∂σ)(∂²σ/∂θ_i∂θ_j): central differences of the chain rule with ∂F/∂Σ, ∂F/∂μ held at the
    /// point (the model part only: no pattern is visited), exact for models whose moments are quadratic in θ.</item>
    /// </list>
    /// lavaan's default standard errors under missing = "ml" come from this Hessian (observed.information = "hessian").
    /// Allocates nothing; leaves the objective evaluated at ζ.
    /// </summary>
    public void FullInformationHessian(ReadOnlySpan<double> zeta, Span<double> hessian, ReadOnlySpan<double> scales)
    {
        int q = _model.ThetaCount;
        Evaluate(zeta, _hessianPlus);
        Array.Clear(_infoTheta);
        foreach (var w in _ws)
        {
            AccumulatePatternHessian(w, q);
            Array.Copy(w.G, w.SavedG, w.G.Length);
            Array.Copy(w.GMu, w.SavedGMu, w.GMu.Length);
        }

        // Part 2: differences of Σ_g w_g J_g(θ)ᵀ (G_g, g_μ,g) in θ, with G held.
        var theta = _theta;
        var point = _thetaPoint;
        theta.AsSpan().CopyTo(point);
        for (int j = 0; j < q; j++)
        {
            double h = ThetaStep(j, scales);
            Array.Clear(_gradPlus);
            Array.Clear(_gradMinus);
            point[j] = theta[j] + h;
            FrozenGradient(point, _gradPlus);
            point[j] = theta[j] - h;
            FrozenGradient(point, _gradMinus);
            point[j] = theta[j];
            for (int i = 0; i < q; i++)
            {
                double v = 0.5 * (_gradPlus[i] - _gradMinus[i]) / (2 * h);
                _infoTheta[i * q + j] += v;
                _infoTheta[j * q + i] += v;
            }
        }
        foreach (var w in _ws) w.State.Update(theta);
        _model.Constraints.MatrixToZeta(_infoTheta, hessian);
        Evaluate(zeta, []);
    }

    /// <summary>The step for θ_j: 1e-5 in the units of the ζ it comes from (<paramref name="scales"/>), else 1e-5·max(1, |θ_j|).</summary>
    private double ThetaStep(int j, ReadOnlySpan<double> scales)
    {
        double s = 0;
        foreach (var (z, c) in _model.Constraints.K[j])
            if (z < scales.Length && scales[z] > 0 && double.IsFinite(scales[z])) s += Math.Abs(c) * scales[z];
        return s > 0 ? 1e-5 * s : 1e-5 * Math.Max(1, Math.Abs(_theta[j]));
    }

    private void FrozenGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        foreach (var w in _ws)
        {
            w.State.Update(theta);
            Array.Copy(w.SavedG, w.G, w.G.Length);
            Array.Copy(w.SavedGMu, w.GMu, w.GMu.Length);
            w.AccumulateGradient(gradient, w.Sample.Weight);
        }
    }

    /// <summary>Part 1 of <see cref="FullInformationHessian"/> for one group, into <see cref="_infoTheta"/>.</summary>
    private void AccumulatePatternHessian(LossWorkspace w, int q)
    {
        var model = w.State.Model;
        int p = model.P, m2 = 2 * model.M, nv = model.VectorCount;
        var patterns = w.Sample.Patterns!.Patterns;
        var l12 = w.State.L12;
        var gw = w.GramW;
        var u = w.PatternU;
        for (int k = 0; k < patterns.Count; k++)
        {
            var pt = patterns[k];
            var obs = pt.ObservedIndices;
            int qk = obs.Length;
            var inv = w.PatternInverse.AsSpan(w.PatternOffset[k], qk * qk);
            var wd = w.PatternWd.AsSpan(w.PatternVectorOffset[k], qk);

            Array.Clear(w.Tmp2);
            for (int a = 0; a < qk; a++)
                for (int b = 0; b < qk; b++) w.Tmp2[obs[a] * p + obs[b]] = inv[a * qk + b];
            w.Bilinear(w.Tmp2);
            w.FillGram(w.Tmp2);
            Array.Copy(w.Gram, gw, nv * nv);

            // M = W S W + (Wd)(Wd)ᵀ, scattered into Tmp.
            var mk = w.PatternWork.AsSpan(0, qk * qk);
            if (pt.Count > 1)
            {
                var ws = w.PatternProduct.AsSpan(0, qk * qk);
                Dense.Multiply(inv, pt.Covariance, ws, qk, qk, qk);
                Dense.MultiplySymmetricResult(ws, inv, mk, qk);
            }
            else mk.Clear();
            Array.Clear(w.Tmp);
            for (int a = 0; a < qk; a++)
                for (int b = 0; b < qk; b++) w.Tmp[obs[a] * p + obs[b]] = mk[a * qk + b] + wd[a] * wd[b];
            w.Bilinear(w.Tmp);
            w.FillGram(w.Tmp);
            var gh = w.Gram;

            Array.Clear(u);
            for (int a = 0; a < qk; a++)
            {
                u[obs[a]] = wd[a];
                for (int b = 0; b < m2; b++) u[p + b] += wd[a] * l12[obs[a] * m2 + b];
            }

            double weight = w.Sample.Weight * pt.Count / w.Sample.N;
            var terms = model.SigmaTerms;
            for (int s = 0; s < terms.Length; s++)
            {
                var t = terms[s];
                int ra = t.A * nv, rb = t.B * nv;
                double ct = weight * t.Coef;
                for (int x = 0; x <= s; x++)
                {
                    var v = terms[x];
                    double val = ct * v.Coef * (
                        gw[rb + v.A] * gh[ra + v.B] + gw[rb + v.B] * gh[ra + v.A]
                        + gw[ra + v.A] * gh[rb + v.B] + gw[ra + v.B] * gh[rb + v.A]
                        - gw[ra + v.A] * gw[rb + v.B] - gw[ra + v.B] * gw[rb + v.A]);
                    _infoTheta[t.Param * q + v.Param] += val;
                    if (s != x) _infoTheta[v.Param * q + t.Param] += val;
                }
            }
            if (!model.MeanStructure) continue;
            var mt = model.MeanTerms;
            foreach (var t in terms)
            {
                int ra = t.A * nv, rb = t.B * nv;
                foreach (var v in mt)
                {
                    double kv = v.K < 0 ? 1 : w.State.Kappa[v.K];
                    double val = weight * t.Coef * v.Coef * kv * (u[t.A] * gw[rb + v.A] + u[t.B] * gw[ra + v.A]);
                    _infoTheta[t.Param * q + v.Param] += val;
                    _infoTheta[v.Param * q + t.Param] += val;
                }
            }
            for (int s = 0; s < mt.Length; s++)
            {
                var t = mt[s];
                double kt = t.K < 0 ? 1 : w.State.Kappa[t.K];
                for (int x = 0; x <= s; x++)
                {
                    var v = mt[x];
                    double kv = v.K < 0 ? 1 : w.State.Kappa[v.K];
                    double val = weight * t.Coef * kt * v.Coef * kv * gw[t.A * nv + v.A];
                    _infoTheta[t.Param * q + v.Param] += val;
                    if (s != x) _infoTheta[v.Param * q + t.Param] += val;
                }
            }
        }
    }
}
