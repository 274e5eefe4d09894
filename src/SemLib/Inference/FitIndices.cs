namespace SemLib.Inference;

/// <summary>
/// The incremental and absolute fit indices, one formula each, with lavaan's handling of the edge cases
/// (zero degrees of freedom, a baseline that fits perfectly). χ² and df are the model's, χ²_b and df_b the
/// independence (baseline) model's.
/// </summary>
internal static class FitIndices
{
    /// <summary>R's all.equal(x, 0): |x| below 1.5e-8.</summary>
    private static bool NearZero(double x) => Math.Abs(x) < 1.5e-8;

    /// <summary>Comparative fit index (Bentler 1990): 1 − max(χ²−df, 0) / max(χ²−df, χ²_b−df_b, 0).</summary>
    public static double Cfi(double x2, double df, double x2b, double dfb)
    {
        double t1 = Math.Max(x2 - df, 0);
        double t2 = Math.Max(Math.Max(x2 - df, x2b - dfb), 0);
        return NearZero(t1) && NearZero(t2) ? 1 : 1 - t1 / t2;
    }

    /// <summary>Tucker–Lewis index / non-normed fit index (Tucker &amp; Lewis 1973; Bentler &amp; Bonett 1980).</summary>
    public static double Tli(double x2, double df, double x2b, double dfb)
    {
        double t1 = (x2 - df) * dfb;
        double t2 = (x2b - dfb) * df;
        if (df > 0 && Math.Abs(t2) > 0) return 1 - t1 / t2;
        if (!double.IsFinite(t1) || !double.IsFinite(t2)) return double.NaN;
        return 1;
    }

    /// <summary>Relative fit index (Bollen 1986).</summary>
    public static double Rfi(double x2, double df, double x2b, double dfb)
    {
        if (df > dfb) return double.NaN;
        if (df > 0 && dfb > 0)
        {
            double t1 = x2b / dfb - x2 / df, t2 = x2b / dfb;
            if (!double.IsFinite(t1) || !double.IsFinite(t2)) return double.NaN;
            return t1 < 0 || t2 < 0 ? 1 : t1 / t2;
        }
        return 1;
    }

    /// <summary>Normed fit index (Bentler &amp; Bonett 1980).</summary>
    public static double Nfi(double x2, double df, double x2b, double dfb)
    {
        if (df > dfb || NearZero(x2b)) return double.NaN;
        return df > 0 ? (x2b - x2) / x2b : 1;
    }

    /// <summary>Parsimony normed fit index (James, Mulaik &amp; Brett 1982).</summary>
    public static double Pnfi(double x2, double df, double x2b, double dfb) =>
        dfb > 0 && x2b > 0 ? df / dfb * ((x2b - x2) / x2b) : double.NaN;

    /// <summary>Incremental fit index (Bollen 1989).</summary>
    public static double Ifi(double x2, double df, double x2b)
    {
        double t1 = x2b - x2, t2 = x2b - df;
        if (!double.IsFinite(t1) || !double.IsFinite(t2)) return double.NaN;
        if (t2 < 0) return 1;
        return NearZero(t2) ? double.NaN : t1 / t2;
    }

    /// <summary>Relative noncentrality index (McDonald &amp; Marsh 1990).</summary>
    public static double Rni(double x2, double df, double x2b, double dfb)
    {
        double t1 = x2 - df, t2 = x2b - dfb;
        if (NearZero(t2) || !double.IsFinite(t1) || !double.IsFinite(t2)) return double.NaN;
        return 1 - t1 / t2;
    }

    /// <summary>RMSEA (Steiger &amp; Lind 1980): √max((χ²/N)/df − 1/N, 0)·√G; 0 when df = 0.</summary>
    public static double Rmsea(double x2, double df, double n, int groups) =>
        df > 0 ? Math.Sqrt(Math.Max(x2 / n / df - 1 / n, 0)) * Math.Sqrt(groups) : 0;

    /// <summary>The RMSEA confidence interval from the noncentral χ² (Browne &amp; Cudeck 1993), as lavaan's uniroot search.</summary>
    public static (double Lower, double Upper) RmseaInterval(double x2, double df, double n, int groups, double level)
    {
        if (!double.IsFinite(x2) || !double.IsFinite(df)) return (double.NaN, double.NaN);
        double upperPerc = 1 - (1 - level) / 2, lowerPerc = (1 - level) / 2;
        double LowerFn(double lambda) => NoncentralChiSquare.Cdf(x2, df, lambda) - upperPerc;
        double UpperFn(double lambda) => NoncentralChiSquare.Cdf(x2, df, lambda) - lowerPerc;
        double lower, upper;
        if (df < 1 || LowerFn(0) < 0) lower = 0;
        else
        {
            double lam = NoncentralChiSquare.FindRoot(LowerFn, 0, x2);
            lower = Math.Sqrt(lam / (n * df)) * (groups > 1 ? Math.Sqrt(groups) : 1);
        }
        double nRmsea = Math.Max(n, x2 * 4);
        if (df < 1 || UpperFn(nRmsea) > 0 || UpperFn(0) < 0) upper = 0;
        else
        {
            double lam = NoncentralChiSquare.FindRoot(UpperFn, 0, nRmsea);
            upper = Math.Sqrt(lam / (n * df)) * (groups > 1 ? Math.Sqrt(groups) : 1);
        }
        return (lower, upper);
    }

    /// <summary>P(RMSEA ≤ h0): 1 − F(χ²; df, N·df·h0²/G); missing when df = 0.</summary>
    public static double RmseaCloseFit(double x2, double df, double n, int groups, double h0) =>
        df > 0 ? 1 - NoncentralChiSquare.Cdf(x2, df, n * df * h0 * h0 / groups) : double.NaN;

    /// <summary>Test of not-close fit (MacCallum, Browne &amp; Sugawara 1996): F(χ²; df, N·df·h0²/G).</summary>
    public static double RmseaNotCloseFit(double x2, double df, double n, int groups, double h0) =>
        df > 0 ? NoncentralChiSquare.Cdf(x2, df, n * df * h0 * h0 / groups) : double.NaN;

    /// <summary>Hoelter's critical N: χ²₁₋α(df)/(χ²/N) + 1; missing for a saturated model.</summary>
    public static double HoelterCn(double x2, double df, double n, double alpha)
    {
        if (df == 0) return x2 < 2.220446e-16 ? double.NaN : 1; // R's qchisq(p, 0) is 0
        return MathNet.Numerics.Distributions.ChiSquared.InvCDF(df, 1 - alpha) / (x2 / n) + 1;
    }

    /// <summary>McDonald's fit index (McDonald 1989): exp(−½(χ² − df)/N).</summary>
    public static double Mfi(double x2, double df, double n) => Math.Exp(-0.5 * (x2 - df) / n);

    /// <summary>Expected cross-validation index (Browne &amp; Cudeck 1989): χ²/N + 2·npar/N.</summary>
    public static double Ecvi(double x2, double npar, double n) => x2 / n + 2 * npar / n;

    /// <summary>Adjusted GFI: 1 − (p*/df)(1 − GFI); 1 when df = 0.</summary>
    public static double Agfi(double gfi, double nel, double df) =>
        !double.IsFinite(gfi) ? double.NaN : df > 0 ? 1 - nel / df * (1 - gfi) : 1;

    /// <summary>Parsimony GFI (Mulaik et al. 1989): (df/p*)·GFI.</summary>
    public static double Pgfi(double gfi, double nel, double df) =>
        !double.IsFinite(gfi) || nel == 0 ? double.NaN : df / nel * gfi;
}
