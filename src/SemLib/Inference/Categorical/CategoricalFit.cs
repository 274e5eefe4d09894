using SemLib.Estimation;
using SemLib.LinearAlgebra;
using SemLib.Syntax;

namespace SemLib.Inference;

/// <summary>
/// Fit measures of lavaan 0.6.14 that differ for ordered items (all on the statistics of <see cref="CategoricalLayout"/>,
/// with r the residuals s − σ̂ of the correlations and t those of the thresholds):
/// <list type="bullet">
/// <item>SRMR family: srmr_bentler = √((Σr² + Σt²)/(p(p+1)/2 + n_τ)), its nomean form (lavaan's srmr for ordered items)
/// √(Σr²/(p(p+1)/2)), crmr √((Σr² + Σt²)/(p(p−1)/2 + n_τ)) and its nomean form √(Σr²/(p(p−1)/2)); rmr the same with raw
/// residuals of continuous variables; each averaged over groups with weights N_g/N; no srmr_mplus;</item>
/// <item>GFI = 1 − (s − σ̂)ᵀW(s − σ̂) / sᵀWs with the estimator's weight, AGFI and PGFI from it with the number of
/// statistics; WRMR = √(χ²/m), m the statistics of one group (Muthén's weighted root mean square residual);</item>
/// <item>the robust CFI/TLI/RNI/RMSEA of Savalei (2021) (<see cref="CatMl"/>).</item>
/// </list>
/// </summary>
internal static class CategoricalFit
{
    /// <summary>Residual summaries as lavaan gives them for ordered items.</summary>
    public static Residuals.Summary Residuals(FittedModel fit)
    {
        double rmr = 0, rmrNm = 0, srmr = 0, srmrNm = 0, crmr = 0, crmrNm = 0;
        var objective = fit.NewObjective();
        objective.Evaluate(fit.Zeta, []);
        for (int g = 0; g < fit.Sample.Groups.Length; g++)
        {
            var w = objective.Workspace(g);
            var layout = w.Sample.Layout!;
            var st = w.State;
            int p = layout.P;
            var s = layout.Observations;
            var implied = w.Implied;
            // Continuous variables: raw residuals for RMR; divided by the sample standard deviations (Bentler) for SRMR;
            // as differences of correlations for CRMR. Ordered variables are on the correlation scale already.
            var sd = new double[p];
            var sdModel = new double[p];
            for (int i = 0; i < p; i++)
            {
                sd[i] = layout.Ordered[i] ? 1 : Math.Sqrt(s[layout.VarianceSlot[i]]);
                sdModel[i] = layout.Ordered[i] ? 1 : Math.Sqrt(implied[layout.VarianceSlot[i]]);
            }
            double raw = 0, rawT = 0, std = 0, stdT = 0, cor = 0, corT = 0;
            int nTau = 0;
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    int k = layout.PairSlot[i * p + j];
                    double e = s[k] - implied[k];
                    raw += e * e;
                    std += e * e / (sd[i] * sd[i] * sd[j] * sd[j]);
                    double c = s[k] / (sd[i] * sd[j]) - implied[k] / (sdModel[i] * sdModel[j]);
                    cor += c * c;
                }
                if (!layout.Ordered[i])
                {
                    double e = s[layout.VarianceSlot[i]] - implied[layout.VarianceSlot[i]];
                    raw += e * e;
                    std += e * e / (sd[i] * sd[i] * sd[i] * sd[i]);
                }
                // The "mean" part is the thresholds of the ordered variables (lavaan leaves the continuous means out).
                if (!layout.Ordered[i]) continue;
                int t0 = layout.ThresholdSlot[i];
                for (int k = 0; k < st.Model.ThresholdCount[i]; k++)
                {
                    double e = s[t0 + k] - implied[t0 + k];
                    rawT += e * e;
                    stdT += e * e;
                    corT += e * e;
                    nTau++;
                }
            }
            double full = p * (p + 1) / 2.0, offDiagonal = p * (p - 1) / 2.0;
            double weight = w.Sample.Weight;
            rmr += weight * Math.Sqrt((raw + rawT) / (full + nTau));
            rmrNm += weight * Math.Sqrt(raw / full);
            srmr += weight * Math.Sqrt((std + stdT) / (full + nTau));
            srmrNm += weight * Math.Sqrt(std / full);
            crmr += weight * (offDiagonal + nTau > 0 ? Math.Sqrt((cor + corT) / (offDiagonal + nTau)) : 0);
            crmrNm += weight * (offDiagonal > 0 ? Math.Sqrt(cor / offDiagonal) : 0);
        }
        return new Residuals.Summary(rmr, rmrNm, srmr, srmrNm, crmr, crmrNm, double.NaN, double.NaN);
    }

    /// <summary>GFI with the estimator's weight (weighted over groups by N_g/N) and the number of statistics.</summary>
    public static (double Gfi, double Nel) Gfi(FittedModel fit)
    {
        var objective = fit.NewObjective();
        objective.Evaluate(fit.Zeta, []);
        double gfi = 0, nel = 0;
        for (int g = 0; g < fit.Sample.Groups.Length; g++)
        {
            var w = objective.Workspace(g);
            var layout = w.Sample.Layout!;
            int m = layout.Count;
            double ewe = Quadratic(layout, w.Residual), sws = Quadratic(layout, layout.Observations);
            gfi += w.Sample.Weight * (1 - ewe / sws);
            nel += m;
        }
        return (gfi, nel);
    }

    private static double Quadratic(CategoricalLayout layout, ReadOnlySpan<double> v)
    {
        int m = layout.Count;
        double sum = 0;
        if (layout.FullWeight is { } full)
        {
            for (int a = 0; a < m; a++)
                for (int b = 0; b < m; b++) sum += v[a] * full[a * m + b] * v[b];
            return sum;
        }
        for (int k = 0; k < m; k++) sum += layout.Weight[k] * v[k] * v[k];
        return sum;
    }

    /// <summary>
    /// Savalei's (2021) catML ingredients of the robust CFI/TLI/RNI/RMSEA (lavaan 0.6.14's <c>lav_fit_catml_dwls</c>):
    /// the ML discrepancy of the polychoric matrices R_g at the estimates, X² = Σ_g N_g[log|Σ̂_g| − log|R_g| + tr(R_gΣ̂_g⁻¹) − p],
    /// its scaling ĉ = tr(AᵀVAΓ)/df with A = I − Δ_c A_W⁻¹ Δ_cᵀ W on the correlation rows (Δ_c those rows of Δ, W = diag(f_g W_g),
    /// V = diag(f_g V_g), V_g[(ij),(kl)] = σ^ik σ^jl + σ^il σ^jk of Σ̂_g⁻¹, Γ = diag(Γ_g/f_g)), and for the independence model
    /// X²_0 = −Σ_g N_g log|R_g| with ĉ_0 = tr(Γ)/df_0. As in lavaan there are none (NaN) with a continuous variable, with
    /// labelled (equality-constrained) thresholds, or when some R_g is not positive definite.
    /// </summary>
    public static FimlCorrection.Result CatMl(FittedModel fit, double baselineDf)
    {
        var none = new FimlCorrection.Result(double.NaN, double.NaN, double.NaN, double.NaN);
        var table = fit.Table;
        if (table.Rows.Any(r => r.Op == ModelOperator.Threshold && r.Label.Length > 0)) return none;
        var pieces = CategoricalInference.Pieces(fit);
        if (pieces.AInverse is not { } eInv) return none;
        int r = fit.Model.ZetaCount;
        var objective = fit.NewObjective();
        objective.Evaluate(fit.Zeta, []);
        double x2 = 0, x2Null = 0, traceGammaNull = 0, traceVGamma = 0;
        var middle = new double[r * r]; // Σ_g f_g Δ_cᵀV_gΓ_gW_gΔ_c
        var p1 = new double[r * r];     // Σ_g f_g Δ_cᵀV_gΔ_c
        var q1 = new double[r * r];     // Σ_g f_g Δ_cᵀW_gΓ_gW_gΔ_c
        for (int g = 0; g < fit.Model.Groups.Length; g++)
        {
            var w = objective.Workspace(g);
            var layout = w.Sample.Layout!;
            if (layout.Ordered.Any(o => !o) || layout.FullWeight is not null) return none;
            int p = layout.P, m = layout.Count;
            var stats = layout.Statistics;
            var rMat = stats.Correlation;
            var work = new double[2 * p * p];
            var rInv = new double[p * p];
            if (!PositiveDefinite(rMat, p) || !Dense.InvertSpd(rMat, rInv, work, p, out double logDetR)) return none;
            var sigma = new double[p * p]; // Σ̂*, the implied correlation matrix
            for (int i = 0; i < p; i++)
            {
                sigma[i * p + i] = 1;
                for (int j = 0; j < i; j++) sigma[i * p + j] = sigma[j * p + i] = w.Implied[layout.PairSlot[i * p + j]];
            }
            var sInv = new double[p * p];
            if (!Dense.InvertSpd(sigma, sInv, work, p, out double logDetS)) return none;
            double n = w.Sample.N, f = w.Sample.Weight;
            x2 += n * (logDetS - logDetR + Dense.Dot(rMat, sInv) - p);
            x2Null += -n * logDetR;

            // The correlation rows: Δ_c (ζ coordinates), the weights, V_g and Γ_c.
            int pstar = p * (p - 1) / 2;
            var slots = new int[pstar];
            var pairs = new (int I, int J)[pstar];
            int c = 0;
            for (int j = 0; j < p; j++)
                for (int i = j + 1; i < p; i++)
                {
                    slots[c] = layout.PairSlot[i * p + j];
                    pairs[c++] = (i, j);
                }
            var dz = pieces.DeltaZeta[g];
            var dc = new double[pstar * r];
            var wc = new double[pstar];
            var v = new double[pstar * pstar];
            var gamma = new double[pstar * pstar];
            for (int a = 0; a < pstar; a++)
            {
                Array.Copy(dz, slots[a] * r, dc, a * r, r);
                wc[a] = layout.Weight[slots[a]];
                var (i, j) = pairs[a];
                for (int b = 0; b < pstar; b++)
                {
                    var (k, l) = pairs[b];
                    v[a * pstar + b] = sInv[i * p + k] * sInv[j * p + l] + sInv[i * p + l] * sInv[j * p + k];
                    gamma[a * pstar + b] = stats.Gamma![slots[a] * m + slots[b]];
                }
                traceGammaNull += gamma[a * pstar + a] / f;
            }
            for (int i = 0; i < pstar * pstar; i++) traceVGamma += v[i] * gamma[i];
            var sparse = new SparseRows(dc, pstar, r);
            var ones = new double[pstar];
            Array.Fill(ones, 1.0);
            var dtv = sparse.WeightedTransposeTimes(ones, v);     // Δ_cᵀV (r×pstar)
            var dtwg = sparse.WeightedTransposeTimes(wc, gamma);  // Δ_cᵀWΓ (r×pstar)
            var pg = sparse.LeftTimesWeighted(dtv, r, ones);       // Δ_cᵀVΔ_c
            var qg = sparse.LeftTimesWeighted(dtwg, r, wc);        // Δ_cᵀWΓWΔ_c
            var mg = new double[r * r];
            Dense.MultiplyTransposeB(dtv, dtwg, mg, r, pstar, r);  // Δ_cᵀV (Δ_cᵀWΓ)ᵀ = Δ_cᵀVΓWΔ_c
            for (int i = 0; i < r * r; i++)
            {
                middle[i] += f * mg[i];
                p1[i] += f * pg[i];
                q1[i] += f * qg[i];
            }
        }
        // ks = tr(AᵀVAΓ) with A = I − ΔE⁻¹ΔᵀW: tr(VΓ) − 2 tr(E⁻¹ ΔᵀVΓWΔ) + tr(E⁻¹ ΔᵀVΔ E⁻¹ ΔᵀWΓWΔ), each product r×r.
        double ks = traceVGamma - 2 * TraceProduct(eInv, middle, r);
        var ep = new double[r * r];
        Dense.Multiply(eInv, p1, ep, r, r, r);
        var eq = new double[r * r];
        Dense.Multiply(eInv, q1, eq, r, r, r);
        ks += TraceProduct(ep, eq, r);
        double df = fit.Df;
        return new FimlCorrection.Result(x2, ks / df, x2Null, traceGammaNull / baselineDf);
    }

    /// <summary>tr(XY) of two r×r matrices.</summary>
    private static double TraceProduct(double[] x, double[] y, int r)
    {
        double t = 0;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++) t += x[i * r + j] * y[j * r + i];
        return t;
    }

    /// <summary>lavaan's check: every eigenvalue of R at least √ε.</summary>
    private static bool PositiveDefinite(double[] r, int p)
    {
        var evd = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p, (i, j) => r[i * p + j]).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        return evd.EigenValues.All(e => e.Real >= Math.Sqrt(2.220446049250313e-16));
    }
}
