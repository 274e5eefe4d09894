using SemLib.Estimation;

namespace SemLib.Inference;

/// <summary>
/// Residual-based fit measures, as lavaan defines them (<c>lav_residuals_summary</c>, <c>lav_fit_srmr_mplus</c>,
/// <c>lav_fit_gfi</c>), averaged over groups with weights N_g/N:
/// <list type="bullet">
/// <item>RMR: root mean square of S − Σ̂ over the lower triangle (and of x̄ − μ̂ with a mean structure);</item>
/// <item>SRMR (Bentler): the same after dividing by the observed standard deviations;</item>
/// <item>CRMR (Bollen): correlation residuals cor(S) − cor(Σ̂), off-diagonal only;</item>
/// <item>SRMR (Mplus): correlation residuals plus the relative variance residuals (s_ii − σ̂_ii)/s_ii;</item>
/// <item>GFI (Jöreskog &amp; Sörbom 1981), generalised to the estimator's weight matrix: 1 − eᵀWe / sᵀWs.</item>
/// </list>
/// </summary>
internal static class Residuals
{
    public sealed record Summary(double Rmr, double RmrNoMean, double SrmrBentler, double SrmrBentlerNoMean,
        double Crmr, double CrmrNoMean, double SrmrMplus, double SrmrMplusNoMean);

    public static Summary Summaries(FittedModel fit)
    {
        double rmr = 0, rmrNm = 0, srmr = 0, srmrNm = 0, crmr = 0, crmrNm = 0, mp = 0, mpNm = 0;
        bool ms = fit.Table.MeanStructure;
        for (int g = 0; g < fit.Sample.Groups.Length; g++)
        {
            var m = fit.Sample.Groups[g];
            var st = fit.State(g);
            int p = m.P;
            double w = m.Weight;
            var s = m.S;
            var sigma = st.Sigma;
            double sumRaw = 0, sumBentler = 0, sumBollen = 0, sumMplusOff = 0, sumMplusDiag = 0;
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    double e = s[i * p + j] - sigma[i * p + j];
                    sumRaw += e * e;
                    double sd = Math.Sqrt(s[i * p + i] * s[j * p + j]);
                    double b = e / sd;
                    sumBentler += b * b;
                    if (i != j)
                    {
                        double c = s[i * p + j] / sd - sigma[i * p + j] / Math.Sqrt(sigma[i * p + i] * sigma[j * p + j]);
                        sumBollen += c * c;
                        sumMplusOff += c * c;
                    }
                    else
                    {
                        double d = (s[i * p + i] - sigma[i * p + i]) / s[i * p + i];
                        sumMplusDiag += d * d;
                    }
                }
            }
            double meanRaw = 0, meanBentler = 0, meanBollen = 0, meanMplus = 0;
            if (ms)
            {
                for (int i = 0; i < p; i++)
                {
                    double e = m.Mean[i] - st.Mu[i];
                    meanRaw += e * e;
                    double b = e / Math.Sqrt(s[i * p + i]);
                    meanBentler += b * b;
                    // lavaan rescales both mean vectors by the observed SDs for the Bollen residuals, but by each
                    // matrix's own SDs for the Mplus SRMR.
                    meanBollen += b * b;
                    double c = m.Mean[i] / Math.Sqrt(s[i * p + i]) - st.Mu[i] / Math.Sqrt(sigma[i * p + i]);
                    meanMplus += c * c;
                }
            }
            double pstar = p * (p + 1) / 2.0;
            double gRmrNm = Math.Sqrt(sumRaw / pstar);
            double gSrmrNm = Math.Sqrt(sumBentler / pstar);
            double gCrmrNm = pstar - p > 0 ? Math.Sqrt(sumBollen / (pstar - p)) : 0;
            double gMpNm = Math.Sqrt((sumMplusOff + sumMplusDiag) / pstar);
            rmrNm += w * gRmrNm;
            srmrNm += w * gSrmrNm;
            crmrNm += w * gCrmrNm;
            mpNm += w * gMpNm;
            if (ms)
            {
                rmr += w * Math.Sqrt((sumRaw + meanRaw) / (pstar + p));
                srmr += w * Math.Sqrt((sumBentler + meanBentler) / (pstar + p));
                crmr += w * (pstar > 0 ? Math.Sqrt((sumBollen + meanBollen) / pstar) : 0);
                mp += w * Math.Sqrt((sumMplusOff + meanMplus + sumMplusDiag) / (pstar + p));
            }
            else
            {
                rmr += w * gRmrNm;
                srmr += w * gSrmrNm;
                crmr += w * gCrmrNm;
                mp += w * gMpNm;
            }
        }
        return new Summary(rmr, rmrNm, srmr, srmrNm, crmr, crmrNm, mp, mpNm);
    }

    /// <summary>
    /// GFI over groups (weighted by N_g) and the number of sample statistics it uses. As in lavaan, the weight
    /// matrix has zero rows for the moments of fixed exogenous covariates, so their block of S (and their means)
    /// does not count in either quadratic form; the count of statistics still includes them.
    /// </summary>
    public static (double Gfi, double Nel) Gfi(FittedModel fit)
    {
        double total = 0, nel = 0;
        bool ms = fit.Table.MeanStructure;
        var est = fit.Sample.Estimator;
        var isX = fit.Table.ObservedVariables.Select(v => fit.Table.Roles.ObservedExogenous.Contains(v)).ToArray();
        for (int g = 0; g < fit.Sample.Groups.Length; g++)
        {
            var m = fit.Sample.Groups[g];
            var st = fit.State(g);
            int p = m.P;
            nel += p * (p + 1) / 2.0 + (ms ? p : 0);
            // Under full-information ML lavaan's "observed" moments here (its WLS.obs) are not the EM ones: the
            // available-case means and R's pairwise-complete covariances times (N − 1)/N.
            var (sObs, mObs) = m.Patterns is not null ? PairwiseMoments(fit.Sample.Data.Groups[g].Rows!, p)
                : ((double[])m.S.Clone(), (double[])m.Mean.Clone());
            for (int i = 0; i < p; i++)
            {
                if (!isX[i]) continue;
                mObs[i] = 0;
                for (int j = 0; j < p; j++)
                    if (isX[j]) sObs[i * p + j] = 0;
            }
            var sig = (double[])st.Sigma.Clone();
            for (int i = 0; i < p * p; i++)
                if (isX[i / p] && isX[i % p]) sig[i] = 0;
            var mu = st.Mu.ToArray();
            for (int i = 0; i < p; i++)
                if (isX[i]) mu[i] = 0;
            double t1, t2;
            if (est == Estimator.ULS)
            {
                t1 = t2 = 0;
                for (int i = 0; i < p; i++)
                    for (int j = 0; j <= i; j++)
                    {
                        double e = sObs[i * p + j] - sig[i * p + j];
                        t1 += e * e;
                        t2 += sObs[i * p + j] * sObs[i * p + j];
                    }
                if (ms)
                    for (int i = 0; i < p; i++)
                    {
                        double e = mObs[i] - mu[i];
                        t1 += e * e;
                        t2 += mObs[i] * mObs[i];
                    }
            }
            else if (m.Patterns is { } patterns)
            {
                // Full-information ML: lavaan's weight is the structured h1 information, pattern by pattern:
                // Σ_k n_k/N [½ tr(W_k X_oo W_k X_oo) + x_oᵀ W_k x_o] with W_k = (Σ̂_oo)⁻¹.
                t1 = t2 = 0;
                foreach (var pt in patterns.Patterns)
                {
                    var o = pt.ObservedIndices;
                    int q = o.Length;
                    double[] Sub(double[] a) => Enumerable.Range(0, q * q).Select(c => a[o[c / q] * p + o[c % q]]).ToArray();
                    var wk = Inverse(Sub(st.Sigma), q);
                    var sk = Sub(sObs);
                    var ek = Sub(sObs.Select((x, c) => x - sig[c]).ToArray());
                    double a1 = 0.5 * TraceWXWX(wk, ek, q), a2 = 0.5 * TraceWXWX(wk, sk, q);
                    if (ms)
                    {
                        a1 += Quad(wk, o.Select(i => mObs[i] - mu[i]).ToArray(), q);
                        a2 += Quad(wk, o.Select(i => mObs[i]).ToArray(), q);
                    }
                    t1 += pt.Count * a1;
                    t2 += pt.Count * a2;
                }
            }
            else
            {
                double[] w = est.IsMaximumLikelihood() ? Inverse(st.Sigma, p) : m.SInverse;
                var e = new double[p * p];
                for (int i = 0; i < p * p; i++) e[i] = sObs[i] - sig[i];
                t1 = 0.5 * TraceWXWX(w, e, p);
                t2 = 0.5 * TraceWXWX(w, sObs, p);
                if (ms)
                {
                    var d = new double[p];
                    for (int i = 0; i < p; i++) d[i] = mObs[i] - mu[i];
                    t1 += Quad(w, d, p);
                    t2 += Quad(w, mObs, p);
                }
            }
            total += m.N * (1 - t1 / t2);
        }
        return (total / fit.Sample.TotalN, nel);
    }

    /// <summary>
    /// Available-case means and pairwise-complete covariances (each pair over the rows observing both, about their
    /// own means, divisor n_ij − 1) times (N − 1)/N: what lavaan holds as the sample statistics of incomplete rows.
    /// </summary>
    private static (double[] Cov, double[] Mean) PairwiseMoments(double[][] rows, int p)
    {
        var mean = new double[p];
        var cov = new double[p * p];
        int n = rows.Length;
        for (int i = 0; i < p; i++)
        {
            double sum = 0;
            int count = 0;
            foreach (var r in rows)
                if (!double.IsNaN(r[i]))
                {
                    sum += r[i];
                    count++;
                }
            mean[i] = sum / count;
            for (int j = 0; j <= i; j++)
            {
                double si = 0, sj = 0;
                int nij = 0;
                foreach (var r in rows)
                    if (!double.IsNaN(r[i]) && !double.IsNaN(r[j]))
                    {
                        si += r[i];
                        sj += r[j];
                        nij++;
                    }
                double mi = si / nij, mj = sj / nij, c = 0;
                foreach (var r in rows)
                    if (!double.IsNaN(r[i]) && !double.IsNaN(r[j])) c += (r[i] - mi) * (r[j] - mj);
                c = c / (nij - 1) * (n - 1) / n;
                cov[i * p + j] = c;
                cov[j * p + i] = c;
            }
        }
        return (cov, mean);
    }

    private static double[] Inverse(double[] a, int p)
    {
        var inv = new double[p * p];
        LinearAlgebra.Dense.InvertSpd(a, inv, new double[2 * p * p], p, out _);
        return inv;
    }

    private static double TraceWXWX(double[] w, double[] x, int p)
    {
        var wx = new double[p * p];
        LinearAlgebra.Dense.Multiply(w, x, wx, p, p, p);
        double t = 0;
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) t += wx[i * p + j] * wx[j * p + i];
        return t;
    }

    private static double Quad(double[] w, IReadOnlyList<double> v, int p)
    {
        double q = 0;
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) q += v[i] * w[i * p + j] * v[j];
        return q;
    }
}
