using SemLib.Estimation;
using SemLib.Results;

namespace SemLib.Inference;

/// <summary>
/// The robust fit measures of lavaan 0.6.14's <c>fitMeasures()</c> for a fit with a scaled test (MLM, MLR, or ML
/// with <c>test = "satorra.bentler"</c> / <c>"yuan.bentler.mplus"</c>), inserted into the standard list at lavaan's
/// places. With χ², df the standard test, χ²_s = χ²/c the scaled one, the baseline's χ²_b, df_b, χ²_bs, c_b, tr(UΓ),
/// N and G groups:
/// <list type="bullet">
/// <item><c>.scaled</c> incremental indices: the standard formulas with the scaled statistics;</item>
/// <item><c>cfi.robust</c>, <c>tli.robust</c>, <c>nnfi.robust</c>, <c>rni.robust</c> (Brosseau-Liard &amp; Savalei 2014):
/// χ² − c·df in place of χ² − df (and c_b for the baseline), when neither c nor c_b is 1;</item>
/// <item><c>rmsea.scaled</c> with its interval and tests: χ² on tr(UΓ) degrees of freedom;</item>
/// <item><c>rmsea.robust</c> (Brosseau-Liard, Savalei &amp; Li 2012): √max(χ²/(N·df) − c/N, 0)·√G; its interval is
/// that of χ²_s on df times √c, its tests those of χ²_s with noncentrality N·df·h0²/(c·G);</item>
/// <item><c>scaling.factor.h1</c>, <c>scaling.factor.h0</c> for the Yuan–Bentler (Mplus) test.</item>
/// </list>
/// </summary>
internal static partial class FitMeasureCalculator
{
    private static List<KeyValuePair<string, double?>> WithRobust(List<KeyValuePair<string, double?>> items, FittedModel fit,
        ScaledTest? scaled, FittedModel? baselineFit, bool converged, FimlCorrection.Result? fiml = null)
    {
        if (scaled is null) return items;
        var extra = new Dictionary<string, List<KeyValuePair<string, double?>>>();
        void Add(string after, string name, double value)
        {
            if (!extra.TryGetValue(after, out var list)) extra[after] = list = [];
            list.Add(new(name, converged && double.IsFinite(value) ? value : null));
        }

        void Replace(string after, string name, double value)
        {
            var list = extra[after];
            int i = list.FindIndex(kv => kv.Key == name);
            list[i] = new(name, converged && double.IsFinite(value) ? value : null);
        }

        double x2 = fit.ChiSquare, df = fit.Df, x2s = scaled.Statistic, c = scaled.ScalingFactor;
        double n = fit.Sample.StatisticN;
        int groups = fit.Sample.Groups.Length;
        var baseline = converged && baselineFit is not null ? RobustInference.BaselineTest(baselineFit, scaled.H1) : null;
        double x2b = baselineFit?.ChiSquare ?? double.NaN, dfb = baselineFit?.Df ?? double.NaN;
        double x2bs = baseline?.Statistic ?? double.NaN, cb = baseline?.ScalingFactor ?? double.NaN;

        Add("pvalue", "chisq.scaled", x2s);
        Add("pvalue", "df.scaled", df);
        Add("pvalue", "pvalue.scaled", scaled.PValue);
        Add("pvalue", "chisq.scaling.factor", c);
        Add("baseline.pvalue", "baseline.chisq.scaled", x2bs);
        Add("baseline.pvalue", "baseline.df.scaled", dfb);
        Add("baseline.pvalue", "baseline.pvalue.scaled", baseline?.PValue ?? double.NaN);
        Add("baseline.pvalue", "baseline.chisq.scaling.factor", cb);
        Add("tli", "cfi.scaled", FitIndices.Cfi(x2s, df, x2bs, dfb));
        Add("tli", "tli.scaled", FitIndices.Tli(x2s, df, x2bs, dfb));
        double tliRobust = RobustTli(x2, df, x2b, dfb, c, cb);
        Add("tli", "cfi.robust", RobustCfi(x2, df, x2b, dfb, c, cb));
        Add("tli", "tli.robust", tliRobust);
        Add("rni", "nnfi.scaled", FitIndices.Tli(x2s, df, x2bs, dfb));
        Add("rni", "rfi.scaled", FitIndices.Rfi(x2s, df, x2bs, dfb));
        Add("rni", "nfi.scaled", FitIndices.Nfi(x2s, df, x2bs, dfb));
        Add("rni", "pnfi.scaled", FitIndices.Pnfi(x2s, df, x2bs, dfb));
        Add("rni", "ifi.scaled", FitIndices.Ifi(x2s, df, x2bs));
        Add("rni", "rni.scaled", FitIndices.Rni(x2s, df, x2bs, dfb));
        Add("rni", "nnfi.robust", tliRobust);
        Add("rni", "rni.robust", RobustRni(x2, df, x2b, dfb, c, cb));
        if (fiml is not null)
        {
            // Full-information ML: lavaan's robust CFI/TLI/RNI are the FIML-corrected ones (FIML-C V3).
            double t = FimlCorrection.Tli(fiml.X2, df, fiml.X2Null, dfb, fiml.CHat, fiml.CHatNull);
            Replace("tli", "cfi.robust", FimlCorrection.Cfi(fiml.X2, df, fiml.X2Null, dfb, fiml.CHat, fiml.CHatNull));
            Replace("tli", "tli.robust", t);
            Replace("rni", "nnfi.robust", t);
            Replace("rni", "rni.robust", FimlCorrection.Rni(fiml.X2, df, fiml.X2Null, dfb, fiml.CHat, fiml.CHatNull));
        }
        if (scaled.Kind == TestType.YuanBentlerMplus)
        {
            Add("bic2", "scaling.factor.h1", scaled.ScalingFactorH1);
            Add("bic2", "scaling.factor.h0", scaled.ScalingFactorH0);
        }
        double dfScaled = double.IsFinite(scaled.TraceUGamma) && scaled.TraceUGamma != 0 ? scaled.TraceUGamma : double.NaN;
        const string rmseaAnchor = "rmsea.notclose.h0";
        bool scaledDf = double.IsFinite(dfScaled);
        // A scaled-shifted statistic is referred to its df directly (lavaan: X² = the shifted statistic, df = df).
        bool shifted = scaled.Kind == TestType.ScaledShifted;
        double xr = shifted ? x2s : x2;
        if (shifted) dfScaled = df;
        scaledDf = double.IsFinite(dfScaled) && double.IsFinite(xr);
        Add(rmseaAnchor, "rmsea.scaled", scaledDf ? FitIndices.Rmsea(xr, dfScaled, n, groups) : double.NaN);
        var (lo, hi) = scaledDf ? FitIndices.RmseaInterval(xr, dfScaled, n, groups, 0.90) : (double.NaN, double.NaN);
        Add(rmseaAnchor, "rmsea.ci.lower.scaled", lo);
        Add(rmseaAnchor, "rmsea.ci.upper.scaled", hi);
        Add(rmseaAnchor, "rmsea.pvalue.scaled", scaledDf ? FitIndices.RmseaCloseFit(xr, dfScaled, n, groups, 0.05) : double.NaN);
        Add(rmseaAnchor, "rmsea.notclose.pvalue.scaled", scaledDf ? FitIndices.RmseaNotCloseFit(xr, dfScaled, n, groups, 0.08) : double.NaN);
        // A saturated model (df = 0) has no scaling factor; lavaan's RMSEA and its interval are then 0, as unscaled.
        bool robust = double.IsFinite(c);
        Add(rmseaAnchor, "rmsea.robust", df <= 0 ? 0 : robust ? Math.Sqrt(Math.Max(x2 / n / df - c / n, 0)) * Math.Sqrt(groups) : double.NaN);
        var (rlo, rhi) = df <= 0 ? (0.0, 0.0) : robust ? FitIndices.RmseaInterval(x2s, df, n, groups, 0.90) : (double.NaN, double.NaN);
        Add(rmseaAnchor, "rmsea.ci.lower.robust", df <= 0 ? 0 : rlo * Math.Sqrt(c));
        Add(rmseaAnchor, "rmsea.ci.upper.robust", df <= 0 ? 0 : rhi * Math.Sqrt(c));
        Add(rmseaAnchor, "rmsea.pvalue.robust", robust ? FitIndices.RmseaCloseFit(x2s, df, n / c, groups, 0.05) : double.NaN);
        Add(rmseaAnchor, "rmsea.notclose.pvalue.robust", robust ? FitIndices.RmseaNotCloseFit(x2s, df, n / c, groups, 0.08) : double.NaN);

        if (fiml is not null)
        {
            // ... and the robust RMSEA with its interval and tests the FIML-corrected one.
            double x2Scaled = fiml.X2 / fiml.CHat;
            Replace(rmseaAnchor, "rmsea.robust", FimlCorrection.Rmsea(fiml.X2, df, n, groups, fiml.CHat));
            var (flo, fhi) = FimlCorrection.RmseaInterval(x2Scaled, df, n, groups, fiml.CHat, 0.90);
            Replace(rmseaAnchor, "rmsea.ci.lower.robust", flo);
            Replace(rmseaAnchor, "rmsea.ci.upper.robust", fhi);
            Replace(rmseaAnchor, "rmsea.pvalue.robust", FimlCorrection.CloseFit(x2Scaled, df, n, groups, fiml.CHat, 0.05));
            Replace(rmseaAnchor, "rmsea.notclose.pvalue.robust", FimlCorrection.NotCloseFit(x2Scaled, df, n, groups, fiml.CHat, 0.08));
        }

        var result = new List<KeyValuePair<string, double?>>(items.Count + 40);
        foreach (var item in items)
        {
            result.Add(item);
            if (extra.TryGetValue(item.Key, out var list)) result.AddRange(list);
        }
        return result;
    }

    /// <summary>Whether lavaan uses the robust form: df &gt; 0 and neither scaling factor is exactly 1 (nor missing).</summary>
    private static bool RobustForm(double df, double c, double cb) => df > 0 && c != 1 && cb != 1;

    private static bool AnyNaN(params double[] values) => values.Any(double.IsNaN);

    /// <summary>Robust CFI (Brosseau-Liard &amp; Savalei 2014).</summary>
    private static double RobustCfi(double x2, double df, double x2b, double dfb, double c, double cb)
    {
        if (AnyNaN(x2, df, x2b, dfb, c, cb)) return double.NaN;
        if (!RobustForm(df, c, cb)) return FitIndices.Cfi(x2, df, x2b, dfb);
        double t1 = Math.Max(x2 - c * df, 0), t2 = Math.Max(Math.Max(x2 - c * df, x2b - cb * dfb), 0);
        return Math.Abs(t1) < 1.5e-8 && Math.Abs(t2) < 1.5e-8 ? 1 : 1 - t1 / t2;
    }

    /// <summary>Robust TLI / NNFI (Brosseau-Liard &amp; Savalei 2014).</summary>
    private static double RobustTli(double x2, double df, double x2b, double dfb, double c, double cb)
    {
        if (AnyNaN(x2, df, x2b, dfb, c, cb)) return double.NaN;
        if (!RobustForm(df, c, cb)) return FitIndices.Tli(x2, df, x2b, dfb);
        double t1 = (x2 - c * df) * dfb, t2 = (x2b - cb * dfb) * df;
        if (df > 0 && Math.Abs(t2) > 0) return 1 - t1 / t2;
        return !double.IsFinite(t1) || !double.IsFinite(t2) ? double.NaN : 1;
    }

    /// <summary>Robust RNI.</summary>
    private static double RobustRni(double x2, double df, double x2b, double dfb, double c, double cb)
    {
        if (AnyNaN(x2, df, x2b, dfb, c, cb)) return double.NaN;
        if (!RobustForm(df, c, cb)) return FitIndices.Rni(x2, df, x2b, dfb);
        double t1 = x2 - c * df, t2 = x2b - cb * dfb;
        if (Math.Abs(t2) < 1.5e-8 || !double.IsFinite(t1) || !double.IsFinite(t2)) return double.NaN;
        return 1 - t1 / t2;
    }
}
