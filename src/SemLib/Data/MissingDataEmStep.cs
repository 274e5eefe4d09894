using SemLib.LinearAlgebra;

namespace SemLib.Data;

/// <summary>
/// One EM step for the saturated normal model of incomplete data, pattern by pattern (Little &amp; Rubin, 2002,
/// §11.2.1). For a pattern with observed variables o, missing m, n rows, mean x̄ and n-divisor covariance S, the
/// regression of the missing on the observed under the current (μ, Σ) is β = Σ_mo Σ_oo⁻¹ with residual covariance
/// C = Σ_mm − β Σ_om. The E step fills in the pattern's expected mean a (a_o = x̄, a_m = μ_m + β (x̄ − μ_o)) and
/// expected within-pattern covariance W (W_oo = S, W_mo = β S, W_mm = β S βᵀ + C); the M step is
/// μ' = Σ n a / N and Σ' = Σ n [W + (a − μ')(a − μ')ᵀ] / N — the same as the textbook T1/N, T2/N − μ'μ'ᵀ
/// without its cancellation. Buffers are made once; <see cref="Run"/> allocates nothing.
/// </summary>
internal sealed class MissingDataEmStep
{
    private readonly MissingPatterns _data;
    private readonly double[] _factor;
    private readonly double[] _beta;
    private readonly double[] _betaS;
    private readonly double[] _filled;
    private readonly double[] _deviation;

    public MissingDataEmStep(MissingPatterns data)
    {
        _data = data;
        int p = data.P, q = data.MaxObserved;
        _factor = new double[q * q];
        _beta = new double[p * q];
        _betaS = new double[p * q];
        _filled = new double[data.PatternCount * p];
        _deviation = new double[q];
    }

    /// <summary>
    /// One step from (<paramref name="mu"/>, <paramref name="sigma"/>) into (<paramref name="nextMu"/>,
    /// <paramref name="nextSigma"/>). Returns false when some pattern's observed block of Σ is not positive definite.
    /// </summary>
    public bool Run(ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma, Span<double> nextMu, Span<double> nextSigma)
    {
        int p = _data.P;
        var patterns = _data.Patterns;
        nextMu.Clear();
        nextSigma.Clear();
        for (int k = 0; k < patterns.Count; k++)
        {
            var a = _filled.AsSpan(k * p, p);
            if (!Expect(patterns[k], mu, sigma, a, nextSigma)) return false;
            Dense.Axpy(patterns[k].Count, a, nextMu);
        }
        double n = _data.N;
        for (int i = 0; i < p; i++) nextMu[i] /= n;
        for (int k = 0; k < patterns.Count; k++)
        {
            var a = _filled.AsSpan(k * p, p);
            double w = patterns[k].Count;
            for (int i = 0; i < p; i++)
            {
                double di = w * (a[i] - nextMu[i]);
                for (int j = 0; j <= i; j++) nextSigma[i * p + j] += di * (a[j] - nextMu[j]);
            }
        }
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double v = nextSigma[i * p + j] / n;
                nextSigma[i * p + j] = v;
                nextSigma[j * p + i] = v;
            }
        }
        return true;
    }

    /// <summary>Writes the pattern's filled-in mean into <paramref name="a"/> and adds n·W to the lower triangle of <paramref name="w"/>.</summary>
    private bool Expect(MissingPattern pattern, ReadOnlySpan<double> mu, ReadOnlySpan<double> sigma, Span<double> a, Span<double> w)
    {
        int p = _data.P;
        var obs = pattern.ObservedIndices;
        var mis = pattern.MissingIndices;
        int q = obs.Length, r = mis.Length;
        double n = pattern.Count;
        var s = pattern.Covariance;
        for (int x = 0; x < q; x++)
        {
            a[obs[x]] = pattern.Mean[x];
            for (int y = 0; y < q; y++)
            {
                int i = obs[x], j = obs[y];
                if (j <= i) w[i * p + j] += n * s[x * q + y];
            }
        }
        if (r == 0) return true;

        var l = _factor.AsSpan(0, q * q);
        for (int x = 0; x < q; x++)
            for (int y = 0; y < q; y++) l[x * q + y] = sigma[obs[x] * p + obs[y]];
        if (!Dense.Cholesky(l, q)) return false;
        var d = _deviation.AsSpan(0, q);
        for (int x = 0; x < q; x++) d[x] = pattern.Mean[x] - mu[obs[x]];

        // Row u of β: Σ_oo⁻¹ Σ_{o, m_u}. Then a_m, and β S.
        var beta = _beta.AsSpan(0, r * q);
        var betaS = _betaS.AsSpan(0, r * q);
        for (int u = 0; u < r; u++)
        {
            var bu = beta.Slice(u * q, q);
            for (int x = 0; x < q; x++) bu[x] = sigma[obs[x] * p + mis[u]];
            Dense.CholeskySolve(l, bu, q);
            a[mis[u]] = mu[mis[u]] + Dense.Dot(bu, d);
            var bsu = betaS.Slice(u * q, q);
            if (pattern.Count > 1) Dense.MultiplyTransposeB(bu, s, bsu, 1, q, q); // β_u S (S symmetric)
            else bsu.Clear();
        }

        for (int u = 0; u < r; u++)
        {
            int i = mis[u];
            var bu = beta.Slice(u * q, q);
            var bsu = betaS.Slice(u * q, q);
            // W_mo = β S, into whichever triangle is lower.
            for (int x = 0; x < q; x++)
            {
                int j = obs[x];
                if (j < i) w[i * p + j] += n * bsu[x];
                else w[j * p + i] += n * bsu[x];
            }
            // W_mm = β S βᵀ + Σ_mm − β Σ_om.
            for (int v = 0; v <= u; v++)
            {
                int j = mis[v];
                var bv = beta.Slice(v * q, q);
                double cov = sigma[i * p + j];
                for (int x = 0; x < q; x++) cov += (bsu[x] - sigma[obs[x] * p + i]) * bv[x]; // (β S − Σ_mo)_u · β_v
                w[i * p + j] += n * cov;
            }
        }
        return true;
    }
}
