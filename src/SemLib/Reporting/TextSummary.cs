using System.Globalization;
using System.Reflection;
using System.Text;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Syntax;

namespace SemLib.Reporting;

/// <summary>
/// A fitted model as lavaan prints <c>summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE)</c>,
/// so SEM users read it the way they already read lavaan's: the header (version, how the optimizer ended,
/// estimator, number of parameters and observations), "Model Test User Model", optionally the fit-measure
/// sections, then "Parameter Estimates" in lavaan's sections (Latent Variables, Regressions, Covariances,
/// Intercepts, Variances, R-Square per group; Defined Parameters last) with lavaan's columns, names, labels,
/// residual dots and three decimals. Layout follows lavaan 0.6.14's print functions (<c>print.lavaan.summary</c>,
/// <c>lav_test_print</c>, <c>print.lavaan.fitMeasures</c>, <c>print.lavaan.parameterEstimates</c>). Warnings come
/// last. Lines carry no trailing blanks.
/// <code>
/// Console.Write(TextSummary.Format(fit, new TextSummaryOptions { FitMeasures = true }));
/// </code>
/// </summary>
public static partial class TextSummary
{
    /// <summary>The summary as text (lines end with <see cref="Environment.NewLine"/>).</summary>
    public static string Format(SemFit fit, TextSummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= TextSummaryOptions.Default;
        var text = new Lines();
        Header(text, fit);
        Observations(text, fit);
        UserModelTest(text, fit, options.Bootstrap);
        if (options.FitMeasures) FitMeasureSections(text, fit);
        Estimates(text, fit, options);
        text.Blank();
        if (options.Bootstrap is { Effects.Count: > 0 } boot)
        {
            BootstrapEffects(text, boot);
            text.Blank();
        }
        var warnings = fit.Warnings.Select(w => w.Message).Concat(options.Bootstrap?.Warnings ?? []).ToList();
        if (options.Warnings && warnings.Count > 0)
        {
            text.Add("Warnings:");
            text.Blank();
            foreach (var w in warnings) text.Add("  " + w);
            text.Blank();
        }
        return text.ToString();
    }

    /// <summary>The library's version without the source-revision suffix, e.g. <c>0.1.0</c>.</summary>
    internal static string LibraryVersion()
    {
        var assembly = typeof(Sem).Assembly;
        var info = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "?";
        int plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? info[..plus] : info;
    }

    private static void Header(Lines text, SemFit fit)
    {
        int it = fit.Iterations;
        string iterations = it == 1 ? "1 iteration" : $"{it} iterations";
        if (fit.Status == FitStatus.ConvergedSingular)
        {
            text.Add($"SemLib {LibraryVersion()} stopped at a singular point after {iterations}");
            text.Add("** WARNING ** Standard errors are not available; see the warnings");
        }
        else if (fit.Converged)
        {
            text.Add($"SemLib {LibraryVersion()} ended normally after {iterations}");
        }
        else
        {
            text.Add($"SemLib {LibraryVersion()} did NOT end normally after {iterations}");
            text.Add("** WARNING ** Estimates below are most likely unreliable");
        }
        text.Blank();
        var model = fit.Fitted.Model;
        var pairs = new List<(string, string)>
        {
            ("Estimator", fit.Estimator.ToString()),
            ("Number of model parameters", Int(model.ThetaCount)),
        };
        int equalities = model.ThetaCount - model.ZetaCountWithoutInequalities;
        if (equalities > 0) pairs.Add(("Number of equality constraints", Int(equalities)));
        int inequalities = fit.Table.Rows.Count(r => r.Op is ModelOperator.Less or ModelOperator.Greater);
        if (inequalities > 0) pairs.Add(("Number of inequality constraints", Int(inequalities)));
        text.Pairs(pairs, 40, 11);
    }

    private static void Observations(Lines text, SemFit fit)
    {
        text.Blank();
        var n = fit.NObs;
        var read = fit.Fitted.Sample.Data.RowsRead;
        bool threeColumns = read is not null && read.Count == n.Count && read.Where((r, g) => r != n[g]).Any();
        var rows = new List<string[]>();
        if (n.Count == 1)
        {
            if (threeColumns) rows.Add(["", "Used", "Total"]);
            rows.Add(threeColumns ? ["Number of observations", Int(n[0]), Int(read![0])] : ["Number of observations", Int(n[0])]);
            if (fit.MissingData is { } md) rows.Add(threeColumns ? ["Number of missing patterns", Int(md[0].Patterns), ""] : ["Number of missing patterns", Int(md[0].Patterns)]);
        }
        else
        {
            rows.Add(threeColumns ? ["Number of observations per group:", "Used", "Total"] : ["Number of observations per group:", ""]);
            for (int g = 0; g < n.Count; g++)
            {
                string label = "  " + fit.GroupLabels[g].PadRight(40);
                rows.Add(threeColumns ? [label, Int(n[g]), Int(read![g])] : [label, Int(n[g])]);
            }
            if (fit.MissingData is { } md)
            {
                // lavaan's summary under missing = "ml": the patterns per group, under the observations.
                rows.Add(threeColumns ? ["Number of missing patterns per group:", "", ""] : ["Number of missing patterns per group:", ""]);
                for (int g = 0; g < md.Count; g++)
                {
                    string label = "  " + fit.GroupLabels[g].PadRight(40);
                    rows.Add(threeColumns ? [label, Int(md[g].Patterns), ""] : [label, Int(md[g].Patterns)]);
                }
            }
        }
        text.Columns(rows, 43, 8, 11);
    }

    private static void UserModelTest(Lines text, SemFit fit, Resampling.BootstrapResult? boot)
    {
        var m = fit.FitMeasures;
        text.Blank();
        text.Add("Model Test User Model:");
        text.Blank();
        double df = m.TryGetValue("df", out var d) && d is double dv ? dv : fit.Fitted.Df;
        var pairs = new List<(string, string)>
        {
            ("Test statistic", Num(Get(m, "chisq"))),
            ("Degrees of freedom", DegreesOfFreedom(df)),
        };
        if (df > 0)
        {
            // lavaan's reference distribution: chi-square for ML and GLS, "unknown" for ULS (no p-value).
            string label = fit.Estimator == Estimator.ULS ? "P-value (Unknown)" : "P-value (Chi-square)";
            pairs.Add((label, Num(Get(m, "pvalue"))));
            // lavaan's line for test = "bollen.stine".
            if (boot?.BollenStinePValue is double bs) pairs.Add(("P-value (Bollen-Stine bootstrap)", Num(bs)));
        }
        text.Pairs(pairs, 43, 8);
        // A saturated model has no Bollen-Stine p-value (its chi-square is 0 up to rounding): say so rather than print noise.
        if (boot?.BollenStineUndefined == true)
            text.Pairs([("P-value (Bollen-Stine bootstrap)", "not defined (df = 0)")], 43, 8);

        var perGroup = GroupStatistics(fit);
        if (perGroup is not null)
        {
            text.Add("  Test statistic for each group:");
            text.Pairs(perGroup.Select((s, g) => ("  " + fit.GroupLabels[g].PadRight(40), Num(s))).ToList(), 43, 8);
        }
    }

    /// <summary>
    /// lavaan's per-group statistics: 2·N_g·F_g for ML, 2·(N_g − 1)·F_g for GLS and ULS, from the objective's
    /// per-group values at the estimates. Null with one group, or if the objective is not at the estimates.
    /// </summary>
    private static double[]? GroupStatistics(SemFit fit)
    {
        var fitted = fit.Fitted;
        if (fitted.Sample.Groups.Length < 2) return null;
        return Estimation.FittedModel.GroupChiSquare(fitted.Sample, fitted.GroupF);
    }

    private static void FitMeasureSections(Lines text, SemFit fit)
    {
        var m = fit.FitMeasures;
        if (m.ContainsKey("baseline.chisq"))
        {
            text.Section("Model Test Baseline Model");
            text.Pairs(
            [
                ("Test statistic", Num(Get(m, "baseline.chisq"))),
                ("Degrees of freedom", DegreesOfFreedom(Get(m, "baseline.df") ?? double.NaN)),
                ("P-value", Num(Get(m, "baseline.pvalue"))),
            ], 35, 16);
        }
        if (m.ContainsKey("cfi") || m.ContainsKey("tli"))
        {
            text.Section("User Model versus Baseline Model");
            var pairs = new List<(string, string)>();
            if (m.ContainsKey("cfi")) pairs.Add(("Comparative Fit Index (CFI)", Num(m["cfi"])));
            if (m.ContainsKey("tli")) pairs.Add(("Tucker-Lewis Index (TLI)", Num(m["tli"])));
            text.Pairs(pairs, 43, 8);
        }
        if (m.ContainsKey("logl"))
        {
            text.Section("Loglikelihood and Information Criteria");
            var pairs = new List<(string, string)> { ("Loglikelihood user model (H0)", Num(m["logl"])) };
            if (m.ContainsKey("unrestricted.logl")) pairs.Add(("Loglikelihood unrestricted model (H1)", Num(m["unrestricted.logl"])));
            pairs.Add(("", ""));
            pairs.Add(("Akaike (AIC)", Num(Get(m, "aic"))));
            pairs.Add(("Bayesian (BIC)", Num(Get(m, "bic"))));
            if (Get(m, "bic2") is not null) pairs.Add(("Sample-size adjusted Bayesian (SABIC)", Num(m["bic2"])));
            text.Pairs(pairs, 39, 12);
        }
        if (m.ContainsKey("rmsea"))
        {
            text.Section("Root Mean Square Error of Approximation");
            var pairs = new List<(string, string)> { ("RMSEA", Num(m["rmsea"])) };
            if (m.ContainsKey("rmsea.ci.lower"))
            {
                string level = Get(m, "rmsea.ci.level") is double lv
                    ? Math.Round(lv * 100).ToString("0", CultureInfo.InvariantCulture).PadLeft(2) + " Percent confidence interval"
                    : "Confidence interval";
                pairs.Add((level + " - lower", Num(m["rmsea.ci.lower"])));
                pairs.Add((level + " - upper", Num(Get(m, "rmsea.ci.upper"))));
            }
            if (m.ContainsKey("rmsea.pvalue"))
                pairs.Add(("P-value H_0: RMSEA <= " + (Get(m, "rmsea.close.h0") ?? 0.05).ToString("0.000", CultureInfo.InvariantCulture), Num(m["rmsea.pvalue"])));
            if (m.ContainsKey("rmsea.notclose.pvalue"))
                pairs.Add(("P-value H_0: RMSEA >= " + (Get(m, "rmsea.notclose.h0") ?? 0.08).ToString("0.000", CultureInfo.InvariantCulture), Num(m["rmsea.notclose.pvalue"])));
            text.Pairs(pairs, 43, 8);
        }
        if (m.ContainsKey("srmr"))
        {
            text.Section("Standardized Root Mean Square Residual");
            text.Pairs([("SRMR", Num(m["srmr"]))], 43, 8);
        }
    }

    private static double? Get(Results.FitMeasures m, string key) => m.TryGetValue(key, out var v) ? v : null;

    /// <summary>
    /// lavaan's <c>sprintf("%.3f")</c>, in scientific notation beyond ±1e9 so a huge value does not break the table; a
    /// value that does not exist prints as R's NA, an infinite one as R's Inf.
    /// </summary>
    internal static string Num(double? v) => v switch
    {
        double x when double.IsFinite(x) => Numbers.Decimals(x),
        double.PositiveInfinity => "Inf",
        double.NegativeInfinity => "-Inf",
        _ => "NA",
    };

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string DegreesOfFreedom(double df) =>
        double.IsNaN(df) ? "NA" : df % 1 == 0 ? df.ToString("0", CultureInfo.InvariantCulture) : Num(df);

    /// <summary>Collects lines without trailing blanks.</summary>
    private sealed class Lines
    {
        private readonly StringBuilder _sb = new();

        public void Add(string line) => _sb.Append(line.TrimEnd()).Append(Environment.NewLine);

        public void Blank() => _sb.Append(Environment.NewLine);

        /// <summary>A section title as lavaan prints it: a blank line, "Title:", a blank line.</summary>
        public void Section(string title)
        {
            Blank();
            Add(title + ":");
            Blank();
        }

        /// <summary>lavaan's two-column blocks (<c>write.table</c> of a left-justified label and a right-justified value).</summary>
        public void Pairs(IReadOnlyList<(string Label, string Value)> pairs, int labelWidth, int valueWidth) =>
            Columns(pairs.Select(p => new[] { p.Label, p.Value }).ToList(), labelWidth, valueWidth, 0);

        /// <summary>
        /// Rows of a label and one or two values, as R's <c>format(width = )</c> and <c>write.table</c> lay them out:
        /// every column at least its width (wider if an entry is), values right-justified, two leading blanks.
        /// </summary>
        public void Columns(IReadOnlyList<string[]> rows, int labelWidth, int valueWidth, int thirdWidth)
        {
            int w0 = Math.Max(labelWidth, rows.Max(r => r[0].Length));
            int w1 = Math.Max(valueWidth, rows.Max(r => r.Length > 1 ? r[1].Length : 0));
            int w2 = Math.Max(thirdWidth, rows.Max(r => r.Length > 2 ? r[2].Length : 0));
            foreach (var r in rows)
            {
                var line = "  " + r[0].PadRight(w0) + " " + r[1].PadLeft(w1);
                if (r.Length > 2) line += " " + r[2].PadLeft(w2);
                Add(line);
            }
        }

        public override string ToString() => _sb.ToString();
    }
}
