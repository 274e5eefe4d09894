using MathNet.Numerics.Distributions;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Specification;

namespace SemLib.Inference;

/// <summary>
/// Computes lavaan's <c>fitMeasures()</c> for ML, GLS and ULS: the test, the baseline model (fitted with the same
/// estimator), incremental indices, log-likelihood and information criteria (ML), RMSEA with its interval and
/// tests, the residual-based RMR/SRMR/CRMR family, Hoelter's N, GFI/AGFI/PGFI, MFI and ECVI. On a model that did
/// not converge every value is null except npar, so nothing misleading is reported.
/// </summary>
internal static partial class FitMeasureCalculator
{
    public static FitMeasures Compute(FittedModel fit, bool converged, ScaledTest? scaled = null)
    {
        var items = new List<KeyValuePair<string, double?>>();
        void Add(string name, double value) => items.Add(new(name, double.IsFinite(value) ? value : null));
        bool ml = fit.Sample.Loss.HasLogLikelihood;
        bool fiml = fit.Sample.FullInformation;
        bool categorical = fit.Sample.Categorical;
        int groups = fit.Sample.Groups.Length;
        double ntotal = fit.Sample.TotalN;
        double n = fit.Sample.StatisticN;
        double npar = fit.Npar;
        double x2 = fit.ChiSquare, df = fit.Df;
        if (!converged)
        {
            items.Add(new("npar", npar));
            foreach (var name in Names(ml, fiml, categorical).Skip(1)) items.Add(new(name, name == "ntotal" ? ntotal : null));
            return new FitMeasures(WithRobust(items, fit, scaled, null, false));
        }
        var baselineFit = BaselineModel(fit);
        var (x2b, dfb) = (baselineFit.ChiSquare, (double)baselineFit.Df);
        // lavaan lists its FIML-corrected ("robust") RMSEA and CFI after every missing = "ml" fit: version V6 after the
        // standard test (here), V3 after a scaled one (in place of the complete-data robust measures, WithRobust).
        var fimlCorrected = fiml ? FimlCorrection.Compute(fit, baselineFit, scaled is not null)
            : categorical && scaled is not null ? CategoricalFit.CatMl(fit, dfb) : null;
        var corrected = scaled is null ? fimlCorrected : null;

        Add("npar", npar);
        Add("fmin", x2 / (2 * ntotal));
        Add("chisq", x2);
        Add("df", df);
        bool chiSquareReference = fit.Sample.Loss.ChiSquareReference; // ULS's statistic has no known distribution
        // lavaan computes these p-values as 1 − pchisq(χ², df) (so a tiny p is 0, as its baseline.pvalue shows);
        // the same form keeps the values identical. lavTestLRT uses the upper tail, and so does ModelComparison.
        Add("pvalue", df > 0 && chiSquareReference ? 1 - ChiSquared.CDF(df, x2) : double.NaN);
        Add("baseline.chisq", x2b);
        Add("baseline.df", dfb);
        Add("baseline.pvalue", dfb > 0 && chiSquareReference ? 1 - ChiSquared.CDF(dfb, x2b) : double.NaN);
        Add("cfi", FitIndices.Cfi(x2, df, x2b, dfb));
        double tli = FitIndices.Tli(x2, df, x2b, dfb);
        Add("tli", tli);
        if (corrected is { } fc)
        {
            Add("cfi.robust", FimlCorrection.Cfi(fc.X2, df, fc.X2Null, dfb, fc.CHat, fc.CHatNull));
            Add("tli.robust", FimlCorrection.Tli(fc.X2, df, fc.X2Null, dfb, fc.CHat, fc.CHatNull));
        }
        Add("nnfi", tli);
        Add("rfi", FitIndices.Rfi(x2, df, x2b, dfb));
        Add("nfi", FitIndices.Nfi(x2, df, x2b, dfb));
        Add("pnfi", FitIndices.Pnfi(x2, df, x2b, dfb));
        Add("ifi", FitIndices.Ifi(x2, df, x2b));
        Add("rni", FitIndices.Rni(x2, df, x2b, dfb));
        if (corrected is { } fr)
        {
            Add("nnfi.robust", FimlCorrection.Tli(fr.X2, df, fr.X2Null, dfb, fr.CHat, fr.CHatNull));
            Add("rni.robust", FimlCorrection.Rni(fr.X2, df, fr.X2Null, dfb, fr.CHat, fr.CHatNull));
        }
        if (ml)
        {
            double h1 = UnrestrictedLogLikelihood(fit) - ExogenousLogLikelihood(fit);
            double logl = h1 - ntotal * fit.F; // F is zero in the fixed exogenous block, so it cancels there too
            Add("logl", logl);
            Add("unrestricted.logl", h1);
            Add("aic", -2 * logl + 2 * npar);
            Add("bic", -2 * logl + npar * Math.Log(ntotal));
            Add("ntotal", ntotal);
            Add("bic2", -2 * logl + npar * Math.Log((ntotal + 2) / 24));
        }
        Add("rmsea", FitIndices.Rmsea(x2, df, n, groups));
        var (lo, hi) = FitIndices.RmseaInterval(x2, df, n, groups, 0.90);
        Add("rmsea.ci.lower", lo);
        Add("rmsea.ci.upper", hi);
        Add("rmsea.ci.level", 0.90);
        Add("rmsea.pvalue", FitIndices.RmseaCloseFit(x2, df, n, groups, 0.05));
        Add("rmsea.close.h0", 0.05);
        Add("rmsea.notclose.pvalue", FitIndices.RmseaNotCloseFit(x2, df, n, groups, 0.08));
        Add("rmsea.notclose.h0", 0.08);
        if (corrected is { } rc)
        {
            double x2Scaled = rc.X2 / rc.CHat;
            Add("rmsea.robust", FimlCorrection.Rmsea(rc.X2, df, n, groups, rc.CHat));
            var (rlo, rhi) = FimlCorrection.RmseaInterval(x2Scaled, df, n, groups, rc.CHat, 0.90);
            Add("rmsea.ci.lower.robust", rlo);
            Add("rmsea.ci.upper.robust", rhi);
            Add("rmsea.pvalue.robust", FimlCorrection.CloseFit(x2Scaled, df, n, groups, rc.CHat, 0.05));
            Add("rmsea.notclose.pvalue.robust", FimlCorrection.NotCloseFit(x2Scaled, df, n, groups, rc.CHat, 0.08));
        }
        var r = categorical ? CategoricalFit.Residuals(fit) : Residuals.Summaries(fit);
        Add("rmr", r.Rmr);
        Add("rmr_nomean", r.RmrNoMean);
        Add("srmr", categorical ? r.SrmrBentlerNoMean : r.SrmrBentler); // lavaan's srmr for ordered items has no threshold part
        Add("srmr_bentler", r.SrmrBentler);
        Add("srmr_bentler_nomean", r.SrmrBentlerNoMean);
        Add("crmr", r.Crmr);
        Add("crmr_nomean", r.CrmrNoMean);
        Add("srmr_mplus", r.SrmrMplus);
        Add("srmr_mplus_nomean", r.SrmrMplusNoMean);
        Add("cn_05", FitIndices.HoelterCn(x2, df, n, 0.05));
        Add("cn_01", FitIndices.HoelterCn(x2, df, n, 0.01));
        var (gfi, nel) = categorical ? CategoricalFit.Gfi(fit) : Residuals.Gfi(fit);
        Add("gfi", gfi);
        Add("agfi", FitIndices.Agfi(gfi, nel, df));
        Add("pgfi", FitIndices.Pgfi(gfi, nel, df));
        Add("mfi", FitIndices.Mfi(x2, df, n));
        // Ordered items: Muthén's weighted root mean square residual √(χ²/m) in place of the ECVI, as lavaan lists it.
        if (categorical) Add("wrmr", Math.Sqrt(x2 / fit.Sample.Groups[0].Layout!.Count));
        else Add("ecvi", FitIndices.Ecvi(x2, npar, n));
        return new FitMeasures(WithRobust(items, fit, scaled, baselineFit, true, fimlCorrected));
    }

    /// <summary>lavaan's measure names in order, for the estimator (and with full-information ML, its corrected RMSEA and CFI).</summary>
    public static IEnumerable<string> Names(bool ml, bool fiml = false, bool categorical = false)
    {
        string[] head = fiml
            ? ["npar", "fmin", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "baseline.pvalue",
                "cfi", "tli", "cfi.robust", "tli.robust", "nnfi", "rfi", "nfi", "pnfi", "ifi", "rni", "nnfi.robust", "rni.robust"]
            : ["npar", "fmin", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "baseline.pvalue",
                "cfi", "tli", "nnfi", "rfi", "nfi", "pnfi", "ifi", "rni"];
        string[] logl = ["logl", "unrestricted.logl", "aic", "bic", "ntotal", "bic2"];
        string[] tail = ["rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.ci.level", "rmsea.pvalue", "rmsea.close.h0",
            "rmsea.notclose.pvalue", "rmsea.notclose.h0", .. (fiml ? RobustRmsea : []), "rmr", "rmr_nomean", "srmr", "srmr_bentler", "srmr_bentler_nomean",
            "crmr", "crmr_nomean", "srmr_mplus", "srmr_mplus_nomean", "cn_05", "cn_01", "gfi", "agfi", "pgfi", "mfi", categorical ? "wrmr" : "ecvi"];
        return ml ? head.Concat(logl).Concat(tail) : head.Concat(tail);
    }

    private static readonly string[] RobustRmsea = ["rmsea.robust", "rmsea.ci.lower.robust", "rmsea.ci.upper.robust", "rmsea.pvalue.robust", "rmsea.notclose.pvalue.robust"];

    /// <summary>Fits the independence model with the same estimator and returns its χ² and df.</summary>
    public static (double ChiSquare, double Df) Baseline(FittedModel fit)
    {
        var baseline = BaselineModel(fit);
        return (baseline.ChiSquare, baseline.Df);
    }

    /// <summary>The independence model fitted with the same estimator and options.</summary>
    public static FittedModel BaselineModel(FittedModel fit)
    {
        var table = IndependenceModel.Build(fit.Table);
        var model = FitEngine.Compile(table, fit.Sample);
        return FitEngine.Optimize(table, model, fit.Sample, fit.Options);
    }

    /// <summary>
    /// The marginal log-likelihood of the exogenous covariates held fixed (fixed.x). lavaan reports the
    /// log-likelihood conditional on them, so it is subtracted from both the model's and the saturated one.
    /// </summary>
    public static double ExogenousLogLikelihood(FittedModel fit)
    {
        var exo = fit.Table.Roles.ObservedExogenous;
        if (exo.Count == 0) return 0;
        var obs = fit.Table.ObservedVariables;
        var idx = exo.Select(x => obs.ToList().IndexOf(x)).ToArray();
        int k = idx.Length;
        double ll = 0;
        foreach (var g in fit.Sample.Groups)
        {
            var sxx = new double[k * k];
            for (int a = 0; a < k; a++)
                for (int b = 0; b < k; b++) sxx[a * k + b] = g.S[idx[a] * g.P + idx[b]];
            if (!LinearAlgebra.Dense.Cholesky(sxx, k)) return double.NaN;
            double logDet = LinearAlgebra.Dense.LogDetFromCholesky(sxx, k);
            ll += -g.N / 2.0 * (k * Math.Log(2 * Math.PI) + logDet + k);
        }
        return ll;
    }

    /// <summary>
    /// The saturated model's log-likelihood: Σ_g −N_g/2 [p log 2π + log|S_g| + p]; under full-information ML the EM
    /// (h1) log-likelihood of the incomplete rows.
    /// </summary>
    public static double UnrestrictedLogLikelihood(FittedModel fit)
    {
        if (fit.Sample.FullInformation) return fit.Sample.Groups.Sum(g => g.H1!.LogLikelihood);
        double ll = 0;
        foreach (var g in fit.Sample.Groups)
            ll += -g.N / 2.0 * (g.P * Math.Log(2 * Math.PI) + g.LogDetS + g.P);
        return ll;
    }
}
