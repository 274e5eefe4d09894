using System.Globalization;

namespace SemLib.Reporting.Text;

/// <summary>
/// The fit-measure sections of <c>summary(fit, fit.measures = TRUE)</c>, after lavaan 0.6.14's
/// <c>print.lavaan.fitMeasures</c>: one column of values, or, when the fit measures have a scaled χ²
/// (<c>chisq.scaled</c>), a second column with each measure's <c>.scaled</c> version. The robust CFI, TLI and RMSEA
/// (<c>cfi.robust</c>, ...) follow under a blank line, in the second column when there is one. Every line reads the
/// fit measures by their lavaan names, so a measure the fit does not have is not printed (or prints NA where lavaan's
/// would).
/// </summary>
public static partial class TextSummary
{
    private static void FitMeasureSections(Lines text, SemFit fit)
    {
        var m = new Measures(fit.FitMeasures);
        if (m.Has("baseline.chisq"))
        {
            text.Section("Model Test Baseline Model");
            var rows = new List<string[]>
            {
                m.Row("Test statistic", "baseline.chisq", "baseline.chisq.scaled"),
                m.Row("Degrees of freedom", "baseline.df", "baseline.df.scaled", DegreesOfFreedom),
                m.Row("P-value", "baseline.pvalue", "baseline.pvalue.scaled"),
            };
            if (m.Scaled && m.Has("baseline.chisq.scaling.factor")) rows.Add(m.SecondColumn("Scaling correction factor", "baseline.chisq.scaling.factor"));
            m.Print(text, rows, 35, 16);
        }
        if (m.Has("cfi") || m.Has("tli"))
        {
            text.Section("User Model versus Baseline Model");
            var rows = new List<string[]>();
            if (m.Has("cfi")) rows.Add(m.Row("Comparative Fit Index (CFI)", "cfi", "cfi.scaled"));
            if (m.Has("tli")) rows.Add(m.Row("Tucker-Lewis Index (TLI)", "tli", "tli.scaled"));
            if (m.Has("cfi.robust"))
            {
                rows.Add(m.Empty());
                rows.Add(m.Robust("Robust Comparative Fit Index (CFI)", "cfi.robust"));
            }
            if (m.Has("tli.robust")) rows.Add(m.Robust("Robust Tucker-Lewis Index (TLI)", "tli.robust"));
            m.Print(text, rows, 43, 8);
        }
        if (m.Has("logl"))
        {
            text.Section("Loglikelihood and Information Criteria");
            var rows = new List<string[]> { m.Row("Loglikelihood user model (H0)", "logl", "logl") };
            // MLR's scaling factors of the log-likelihoods (lavaan prints them when they are not NA).
            AddLoglikScaling(m, rows, "scaling.factor.h0");
            if (m.Has("unrestricted.logl"))
            {
                rows.Add(m.Row("Loglikelihood unrestricted model (H1)", "unrestricted.logl", "unrestricted.logl"));
                AddLoglikScaling(m, rows, "scaling.factor.h1");
            }
            rows.Add(m.Empty());
            rows.Add(m.Row("Akaike (AIC)", "aic", "aic"));
            rows.Add(m.Row("Bayesian (BIC)", "bic", "bic"));
            if (m.Get("bic2") is not null) rows.Add(m.Row("Sample-size adjusted Bayesian (SABIC)", "bic2", "bic2"));
            m.Print(text, rows, 39, 12);
        }
        if (m.Has("rmsea")) RmseaSection(text, m);
        if (m.Has("srmr"))
        {
            text.Section("Standardized Root Mean Square Residual");
            m.Print(text, [m.Row("SRMR", "srmr", "srmr")], 43, 8);
        }
    }

    private static void AddLoglikScaling(Measures m, List<string[]> rows, string key)
    {
        if (m.Get(key) is null) return;
        rows.Add(m.SecondColumn("Scaling correction factor", key));
        rows.Add(m.Label("    for the MLR correction"));
    }

    private static void RmseaSection(Lines text, Measures m)
    {
        text.Section("Root Mean Square Error of Approximation");
        string level = m.Get("rmsea.ci.level") is double lv
            ? Math.Round(lv * 100).ToString("0", CultureInfo.InvariantCulture).PadLeft(2) + " Percent confidence interval"
            : "Confidence interval";
        string close = (m.Get("rmsea.close.h0") ?? 0.05).ToString("0.000", CultureInfo.InvariantCulture);
        string notClose = (m.Get("rmsea.notclose.h0") ?? 0.08).ToString("0.000", CultureInfo.InvariantCulture);
        var rows = new List<string[]> { m.Row("RMSEA", "rmsea", "rmsea.scaled") };
        if (m.Has("rmsea.ci.lower"))
        {
            rows.Add(m.Row(level + " - lower", "rmsea.ci.lower", "rmsea.ci.lower.scaled"));
            rows.Add(m.Row(level + " - upper", "rmsea.ci.upper", "rmsea.ci.upper.scaled"));
        }
        if (m.Has("rmsea.pvalue")) rows.Add(m.Row("P-value H_0: RMSEA <= " + close, "rmsea.pvalue", "rmsea.pvalue.scaled"));
        if (m.Has("rmsea.notclose.pvalue")) rows.Add(m.Row("P-value H_0: RMSEA >= " + notClose, "rmsea.notclose.pvalue", "rmsea.notclose.pvalue.scaled"));
        if (m.Has("rmsea.robust"))
        {
            rows.Add(m.Empty());
            rows.Add(m.Robust("Robust RMSEA", "rmsea.robust"));
        }
        if (m.Has("rmsea.ci.lower.robust"))
        {
            rows.Add(m.Robust(level + " - lower", "rmsea.ci.lower.robust"));
            rows.Add(m.Robust(level + " - upper", "rmsea.ci.upper.robust"));
        }
        if (m.Has("rmsea.pvalue.robust")) rows.Add(m.Robust("P-value H_0: Robust RMSEA <= " + close, "rmsea.pvalue.robust"));
        if (m.Has("rmsea.notclose.pvalue.robust")) rows.Add(m.Robust("P-value H_0: Robust RMSEA >= " + notClose, "rmsea.notclose.pvalue.robust"));
        m.Print(text, rows, 43, 8);
    }

    /// <summary>The fit measures with lavaan's rule for the second column: there is one when <c>chisq.scaled</c> is a measure.</summary>
    private sealed class Measures(Results.FitMeasures m)
    {
        public bool Scaled { get; } = m.ContainsKey("chisq.scaled");

        public bool Has(string key) => m.ContainsKey(key);

        public double? Get(string key) => TextSummary.Get(m, key);

        /// <summary>A measure and, with a second column, its scaled version.</summary>
        public string[] Row(string label, string key, string scaledKey, Func<double, string>? format = null)
        {
            string Text(string k) => format is not null && Get(k) is double v ? format(v) : Num(Get(k));
            return Scaled ? [label, Text(key), Text(scaledKey)] : [label, Text(key)];
        }

        /// <summary>A value lavaan prints in the second column only (a scaling factor).</summary>
        public string[] SecondColumn(string label, string key) => [label, "", Num(Get(key))];

        /// <summary>A robust measure: in the second column when there is one, else in the first.</summary>
        public string[] Robust(string label, string key) => Scaled ? [label, "", Num(Get(key))] : [label, Num(Get(key))];

        public string[] Label(string label) => Scaled ? [label, "", ""] : [label, ""];

        public string[] Empty() => Label("");

        /// <summary>The rows, lavaan's widths for the label and first column, 11 for the second.</summary>
        public void Print(Lines text, List<string[]> rows, int labelWidth, int valueWidth) =>
            text.Columns(rows, labelWidth, valueWidth, ScaledWidth);
    }
}
