using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

/// <summary>
/// Full-information ML (lavaan's <c>missing = "ml"</c>): the discrepancy of a group's incomplete rows, summed over
/// missing-data patterns, not rows. A pattern k with n_k rows observing the q_k variables o, with mean m_k and
/// n-divisor covariance S_k over them, contributes −ℓ_k = ½ n_k [q_k log 2π + log|Σ_oo| + tr(Σ_oo⁻¹ C_k)] with
/// C_k = S_k + d_k d_kᵀ, d_k = m_k − μ_o (Little &amp; Rubin 2002, §6.2); F = (ℓ_h1 − Σ_k ℓ_k)/N with ℓ_h1 the EM
/// (saturated) log-likelihood, so that χ² = 2·N·F = 2(ℓ_h1 − ℓ) as lavaan's. The gradient is scattered from each
/// pattern's observed block: ∂F/∂Σ_oo += n_k/(2N) W_k (Σ_oo − C_k) W_k and ∂F/∂μ_o −= n_k/N W_k d_k, W_k = Σ_oo⁻¹.
/// Each W_k is kept in the workspace for the information (<see cref="LossWorkspace.PatternInverse"/>).
/// </summary>
internal sealed class FullInformationDiscrepancy : Discrepancy
{
    public static readonly FullInformationDiscrepancy Instance = new();
    public override Estimator Estimator => Estimator.ML;
    public override bool UnbiasedCovariance => false;
    public override bool HasLogLikelihood => true;
    public override bool ByPattern => true;

    /// <summary>Not one weight for the group: the information is summed pattern by pattern (<see cref="Objective"/>).</summary>
    public override double[]? InformationWeight(LossWorkspace w) =>
        throw new InvalidOperationException("The full-information discrepancy has one information weight per missing-data pattern.");

    public override double Evaluate(LossWorkspace w, bool gradient)
    {
        var sample = w.Sample;
        var patterns = sample.Patterns!.Patterns;
        int p = w.P;
        double n = sample.N;
        var sigma = w.State.Sigma;
        var mu = w.State.Mu;
        if (gradient)
        {
            Array.Clear(w.G);
            Array.Clear(w.GMu);
        }
        double total = 0;
        for (int k = 0; k < patterns.Count; k++)
        {
            var pt = patterns[k];
            var obs = pt.ObservedIndices;
            int q = obs.Length;
            var l = w.PatternFactor.AsSpan(0, q * q);
            for (int a = 0; a < q; a++)
            {
                int ra = obs[a] * p;
                for (int b = 0; b <= a; b++) l[a * q + b] = sigma[ra + obs[b]];
            }
            if (!Dense.Cholesky(l, q)) return double.PositiveInfinity;
            double logDet = Dense.LogDetFromCholesky(l, q);
            var inv = w.PatternInverse.AsSpan(w.PatternOffset[k], q * q);
            Dense.InverseFromCholesky(l, inv, w.PatternWork.AsSpan(0, q * q), q);
            var d = w.PatternDeviation.AsSpan(0, q);
            for (int a = 0; a < q; a++) d[a] = pt.Mean[a] - mu[obs[a]];
            var wd = w.PatternWd.AsSpan(w.PatternVectorOffset[k], q);
            double quad = 0;
            for (int a = 0; a < q; a++)
            {
                double v = Dense.Dot(inv.Slice(a * q, q), d);
                wd[a] = v;
                quad += v * d[a];
            }
            bool spread = pt.Count > 1;
            double trace = spread ? Dense.Dot(inv, pt.Covariance) : 0;
            total += pt.Count * (logDet + trace + quad);
            if (!gradient) continue;

            // W (Σ_oo − S − ddᵀ) W = W − W S W − (Wd)(Wd)ᵀ
            var wsw = w.PatternWork.AsSpan(0, q * q);
            if (spread)
            {
                var ws = w.PatternProduct.AsSpan(0, q * q);
                Dense.Multiply(inv, pt.Covariance, ws, q, q, q);
                Dense.MultiplySymmetricResult(ws, inv, wsw, q);
            }
            double half = 0.5 * pt.Count / n, whole = pt.Count / n;
            for (int a = 0; a < q; a++)
            {
                int ra = obs[a] * p;
                for (int b = 0; b < q; b++)
                {
                    double v = inv[a * q + b] - wd[a] * wd[b] - (spread ? wsw[a * q + b] : 0);
                    w.G[ra + obs[b]] += half * v;
                }
                w.GMu[obs[a]] -= whole * wd[a];
            }
        }
        double f = 0.5 * total / n + sample.FimlConstant;
        return double.IsFinite(f) ? f : double.PositiveInfinity;
    }
}
