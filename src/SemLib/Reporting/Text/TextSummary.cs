using System.Globalization;
using System.Reflection;
using System.Text;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Syntax;

namespace SemLib.Reporting.Text;

/// <summary>
/// A fitted model as lavaan prints <c>summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE)</c>,
/// so SEM users read it the way they already read lavaan's: the header (version, how the optimizer ended,
/// estimator, number of parameters and observations), "Model Test User Model", optionally the fit-measure
/// sections, then "Parameter Estimates" in lavaan's sections (Latent Variables, Regressions, Covariances,
/// Intercepts, Thresholds, Variances, Scales y*, R-Square per group; Defined Parameters last) with lavaan's columns, names, labels,
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
        Coverage(text, fit);
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
            ("Estimator", MinimisedEstimator(fit.Estimator).ToString()),
            ("Number of model parameters", Int(model.ThetaCount)),
        };
        int equalities = model.ThetaCount - model.ZetaCountWithoutInequalities;
        if (equalities > 0) pairs.Add(("Number of equality constraints", Int(equalities)));
        int inequalities = fit.Table.Rows.Count(r => r.Op is ModelOperator.Less or ModelOperator.Greater);
        if (inequalities > 0) pairs.Add(("Number of inequality constraints", Int(inequalities)));
        text.Pairs(pairs, 40, 11);
    }

    /// <summary>
    /// The estimator lavaan prints: the one that is minimised, "ML" for MLM and MLR, "DWLS" for WLSMV and "ULS" for
    /// ULSMV, whose robust parts follow below.
    /// </summary>
    internal static Estimator MinimisedEstimator(Estimator estimator) => estimator switch
    {
        Estimator.MLM or Estimator.MLR => Estimator.ML,
        Estimator.WLSMV => Estimator.DWLS,
        Estimator.ULSMV => Estimator.ULS,
        var e => e,
    };

    /// <summary>Whether the standard test has no known reference distribution (ULS, and ULSMV's unscaled statistic): lavaan's "P-value (Unknown)".</summary>
    private static bool UnknownReference(SemFit fit) => MinimisedEstimator(fit.Estimator) == Estimator.ULS;

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
        }
        else
        {
            rows.Add(threeColumns ? ["Number of observations per group:", "Used", "Total"] : ["Number of observations per group:", ""]);
            for (int g = 0; g < n.Count; g++)
            {
                string label = "  " + fit.GroupLabels[g].PadRight(40);
                rows.Add(threeColumns ? [label, Int(n[g]), Int(read![g])] : [label, Int(n[g])]);
            }
        }
        MissingPatterns(rows, fit, threeColumns);
        Clusters(rows, fit, threeColumns);
        text.Columns(rows, 43, 8, 11);
    }

    /// <summary>lavaan's "Number of clusters [column]" line (per group with groups) for a cluster-robust fit.</summary>
    private static void Clusters(List<string[]> rows, SemFit fit, bool threeColumns)
    {
        if (fit.Options.Cluster is not string column) return;
        var groups = fit.Fitted.Sample.Data.Groups;
        if (groups.Any(g => g.Clusters is null)) return;
        string[] Row(string label, string value) => threeColumns ? [label, value, ""] : [label, value];
        if (groups.Length == 1)
        {
            rows.Add(Row($"Number of clusters [{column}]", Int(groups[0].ClusterCount)));
            return;
        }
        rows.Add(Row($"Number of clusters [{column}]:", ""));
        for (int g = 0; g < groups.Length; g++)
            rows.Add(Row("  " + fit.GroupLabels[g].PadRight(40), Int(groups[g].ClusterCount)));
    }

    /// <summary>
    /// Under full-information ML, the covariance coverage of each group (lavaan's <c>lavInspect(fit, "coverage")</c>):
    /// the proportion of the rows used that observe both variables, as a lower triangle with three decimals.
    /// </summary>
    private static void Coverage(Lines text, SemFit fit)
    {
        if (fit.MissingData is not { Count: > 0 } missing) return;
        for (int g = 0; g < missing.Count; g++)
        {
            var m = missing[g];
            string group = missing.Count > 1 ? $" [{fit.GroupLabels[g]}]" : "";
            text.Add($"Covariance coverage (share of the {m.Rows} rows observing both variables){group}:");
            text.Blank();
            int width = Math.Max(6, m.Variables.Max(v => v.Length) + 1);
            int first = m.Variables.Max(v => v.Length) + 2;
            text.Add(new string(' ', first) + string.Concat(m.Variables.Select(v => v.PadLeft(width))));
            for (int i = 0; i < m.Variables.Count; i++)
            {
                var cells = Enumerable.Range(0, i + 1).Select(j => m.Coverage[i, j].ToString("0.000", System.Globalization.CultureInfo.InvariantCulture).PadLeft(width));
                text.Add("  " + m.Variables[i].PadRight(first - 2) + string.Concat(cells));
            }
            text.Blank();
        }
    }

    /// <summary>lavaan's "Number of missing patterns" line (per group with groups) under full-information ML.</summary>
    private static void MissingPatterns(List<string[]> rows, SemFit fit, bool threeColumns)
    {
        if (fit.MissingData is not { Count: > 0 } missing) return;
        string[] Row(string label, string value) => threeColumns ? [label, value, ""] : [label, value];
        if (missing.Count == 1)
        {
            rows.Add(Row("Number of missing patterns", Int(missing[0].Patterns)));
            return;
        }
        rows.Add(Row("Number of missing patterns per group:", ""));
        for (int g = 0; g < missing.Count; g++)
            rows.Add(Row("  " + fit.GroupLabels[g].PadRight(40), Int(missing[g].Patterns)));
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
