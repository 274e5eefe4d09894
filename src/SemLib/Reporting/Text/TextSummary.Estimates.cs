using SemLib.Estimation;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Reporting.Text;

/// <summary>The "Parameter Estimates" part, after lavaan's <c>print.lavaan.parameterEstimates</c>.</summary>
public static partial class TextSummary
{
    /// <summary>lavaan's width for a variable name with its label (<c>.makeNames</c>'s W).</summary>
    private const int NameWidth = 14;

    /// <summary>A parameter with its table row (which knows whether it is a fixed.x row, hidden as in lavaan).</summary>
    private sealed record Entry(ParameterRow Row, ParameterEstimate Estimate, string[] Cells);

    private static void Estimates(Lines text, SemFit fit, TextSummaryOptions options)
    {
        text.Section("Parameter Estimates");
        var boot = options.Bootstrap;
        var info = StandardErrorLines(fit, boot);
        if (info.Count > 0) text.Pairs(info, 38, 13);

        // lavaan's se = "none" prints the estimates alone (and the standardized columns).
        bool se = boot is not null || fit.Options.StandardErrorsInEffect != StandardErrorType.None;
        bool ci = se && (options.ConfidenceIntervals || boot is not null);
        var columns = new List<string> { "Estimate" };
        if (se) columns.AddRange(["Std.Err", "z-value", "P(>|z|)"]);
        if (ci) columns.AddRange(["ci.lower", "ci.upper"]);
        if (options.Standardized) columns.AddRange(["Std.lv", "Std.all"]);
        string[] headers = [.. columns];
        var parameters = boot is null ? fit.Parameters : BootstrapColumns.Apply(fit, boot);
        var entries = Pair(fit, parameters).Select(e => e with { Cells = Cells(e.Estimate, se, ci, options.Standardized) }).ToList();

        // R formats the whole table at once, so a column is as wide as its widest entry anywhere (at least 8).
        var widths = new int[headers.Length];
        for (int c = 0; c < widths.Length; c++)
            widths[c] = Math.Max(8, entries.Select(e => e.Cells[c].Length).DefaultIfEmpty(0).Max());
        if (options.RSquare)
            widths[0] = Math.Max(widths[0], fit.RSquareByGroup.SelectMany(g => g.Values).Select(v => Num(v).Length).DefaultIfEmpty(0).Max());

        // lavaan's "y names", printed with a dot: their (co)variances and intercepts are residual ones.
        var yNames = fit.Table.Roles.Dependent.ToHashSet(StringComparer.Ordinal);
        int groups = fit.RSquareByGroup.Count;
        for (int g = 1; g <= groups; g++)
        {
            if (groups > 1)
            {
                text.Blank();
                text.Blank();
                text.Add($"Group {g} [{fit.GroupLabels[g - 1]}]:");
            }
            var inGroup = entries.Where(e => e.Row.Group == g && e.Row.Op != ModelOperator.Defined).ToList();
            TwoLevel(text, "Latent Variables", inGroup.Where(e => e.Row.Op == ModelOperator.MeasuredBy).ToList(), headers, widths, yNames, covariance: false);
            TwoLevel(text, "Regressions", inGroup.Where(e => e.Row.Op == ModelOperator.Regression).ToList(), headers, widths, yNames, covariance: false);
            TwoLevel(text, "Covariances", inGroup.Where(e => e.Row.IsCovariance && !e.Row.IsVariance && !e.Row.Exogenous).ToList(), headers, widths, yNames, covariance: true);
            Flat(text, "Intercepts", inGroup.Where(e => e.Row.Op == ModelOperator.Intercept && !e.Row.Exogenous).ToList(), e => e.Lhs, headers, widths, yNames);
            // Ordered items: their thresholds as "x1|t1", and under the variances their scale factors ("Scales y*"),
            // without residual dots, as lavaan prints them.
            Flat(text, "Thresholds", inGroup.Where(e => e.Row.Op == ModelOperator.Threshold).ToList(), e => e.Lhs + "|" + e.Rhs, headers, widths, null);
            Flat(text, "Variances", inGroup.Where(e => e.Row.IsVariance && !e.Row.Exogenous).ToList(), e => e.Rhs, headers, widths, yNames);
            Flat(text, "Scales y*", inGroup.Where(e => e.Row.Op == ModelOperator.Scaling).ToList(), e => e.Rhs, headers, widths, null);
            if (options.RSquare)
            {
                var r2 = fit.RSquareByGroup[g - 1];
                if (r2.Count > 0)
                {
                    var names = MakeNames(r2.Keys.ToList(), r2.Keys.Select(_ => "").ToList(), null);
                    var lines = r2.Values.Select((v, i) => (names[i], (string[]?)[Num(v)])).ToList();
                    Table(text, "R-Square", lines, headers[..1], widths[..1]);
                }
            }
        }
        var defined = entries.Where(e => e.Row.Op == ModelOperator.Defined).ToList();
        if (defined.Count > 0)
        {
            var names = MakeNames(defined.Select(e => e.Row.Lhs).ToList(), defined.Select(_ => "").ToList(), null);
            Table(text, "Defined Parameters", defined.Select((e, i) => (names[i], (string[]?)e.Cells)).ToList(), headers, widths);
        }
        Constraints(text, entries.Where(e => e.Row.Op is ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater).ToList());
    }

    /// <summary>
    /// The lines under "Parameter Estimates:" that say where the standard errors come from, as lavaan's
    /// <c>print.lavaan.parameterEstimates</c> header: the kind (Standard, Sandwich for robust.huber.white, Robust.sem,
    /// Robust.cluster with clusters, Bootstrap), then the information matrix ("Information bread" for the sandwich) and
    /// how it was computed. None for se = "none".
    /// </summary>
    private static List<(string, string)> StandardErrorLines(SemFit fit, Resampling.BootstrapResult? boot)
    {
        if (boot is not null)
        {
            // lavaan prints the draws instead of the information lines; the interval type and seed are SemLib's.
            return
            [
                ("Standard errors", "Bootstrap"),
                ("Number of requested bootstrap draws", Int(boot.Requested)),
                ("Number of successful bootstrap draws", Int(boot.Converged)),
                ("Bootstrap confidence intervals", BootstrapColumns.IntervalTitle(boot.Options.Interval)),
                ("Random seed", Int(boot.Options.Seed)),
            ];
        }
        var options = fit.Options;
        bool cluster = options.Cluster is not null;
        var (kind, informationLabel) = options.StandardErrorsInEffect switch
        {
            StandardErrorType.None => ("", ""),
            StandardErrorType.RobustHuberWhite => cluster ? ("Robust.cluster", "Information") : ("Sandwich", "Information bread"),
            StandardErrorType.RobustSem => (cluster ? "Robust.cluster.sem" : "Robust.sem", "Information"),
            _ => ("Standard", "Information"),
        };
        if (kind.Length == 0) return [];
        var info = new List<(string, string)> { ("Standard errors", kind) };
        if (options.InformationInEffect == InformationType.Observed)
        {
            info.Add((informationLabel, "Observed"));
            info.Add(("Observed information based on", "Hessian"));
        }
        else
        {
            info.Add((informationLabel, "Expected"));
            // lavaan's h1 information is the unstructured one for ULS and the estimators of ordered items.
            bool unstructured = fit.Estimator == Estimator.ULS || fit.Estimator.IsCategorical();
            info.Add(("Information saturated (h1) model", unstructured ? "Unstructured" : "Structured"));
        }
        return info;
    }

    /// <summary>
    /// lavaan's "Constraints:" block: each constraint as "left - (right)" (for <c>&lt;</c>, "right - (left)") with the
    /// absolute value of its slack under "|Slack|".
    /// </summary>
    private static void Constraints(Lines text, List<Entry> constraints)
    {
        if (constraints.Count == 0) return;
        var names = constraints.Select(e => e.Row.Op == ModelOperator.Less
            ? $"{e.Estimate.Rhs} - ({e.Estimate.Lhs})"
            : $"{e.Estimate.Lhs} - ({e.Estimate.Rhs})").ToList();
        var values = constraints.Select(e => Num(Math.Abs(e.Estimate.Estimate))).ToList();
        int nameWidth = Math.Max(43, names.Max(n => n.Length + 1));
        int valueWidth = Math.Max(7, values.Max(v => v.Length));
        text.Blank();
        text.Add("Constraints:");
        text.Add(new string(' ', 4 + nameWidth) + "|Slack|".PadLeft(valueWidth));
        for (int i = 0; i < names.Count; i++)
            text.Add("    " + names[i].PadRight(nameWidth) + values[i].PadLeft(valueWidth));
    }

    /// <summary>Parameters with their table rows: the estimates list every table row, in order.</summary>
    private static List<Entry> Pair(SemFit fit, IReadOnlyList<ParameterEstimate> parameters)
    {
        var rows = fit.Table.Rows;
        if (rows.Count != parameters.Count)
            throw new InvalidOperationException($"The parameter table has {rows.Count} rows but the estimates {parameters.Count}.");
        return rows.Select((r, i) => new Entry(r, parameters[i], [])).ToList();
    }

    /// <summary>
    /// The numeric cells of a row. As lavaan prints them: a fixed parameter (SE 0) shows no SE, z or p; a
    /// parameter whose SE could not be computed shows NA for it and no z or p. Interval bounds are always printed
    /// (a fixed parameter's are its value).
    /// </summary>
    private static string[] Cells(ParameterEstimate p, bool withSe, bool ci, bool standardized)
    {
        string se = Num(p.StandardError), z = Num(p.Z), pv = Num(p.PValue);
        if (p.StandardError is 0.0) se = z = pv = "";
        else if (p.StandardError is null) z = pv = "";
        var cells = new List<string> { Num(p.Estimate) };
        if (withSe) cells.AddRange([se, z, pv]);
        if (ci) cells.AddRange([Num(p.CiLower), Num(p.CiUpper)]);
        if (standardized) cells.AddRange([Num(p.StdLv), Num(p.StdAll)]);
        return [.. cells];
    }

    /// <summary>Latent Variables, Regressions and Covariances: a "lhs op" line, then the right-hand sides under it.</summary>
    private static void TwoLevel(Lines text, string title, List<Entry> entries, string[] headers, int[] widths,
        HashSet<string> yNames, bool covariance)
    {
        if (entries.Count == 0) return;
        var prefixes = covariance ? entries.Select(e => yNames.Contains(e.Row.Rhs) ? "  ." : "").ToList() : null;
        var names = MakeNames(entries.Select(e => e.Row.Rhs).ToList(), entries.Select(e => e.Row.Label).ToList(), prefixes);
        var lines = new List<(string, string[]?)>();
        string previous = "";
        for (int i = 0; i < entries.Count; i++)
        {
            var row = entries[i].Row;
            string lhs = row.Lhs + " " + entries[i].Estimate.Op.ToLavaan();
            if (i == 0 || lhs != previous)
            {
                string dot = covariance && yNames.Contains(row.Lhs) ? "." : "";
                lines.Add((dot.PadLeft(1) + lhs.PadRight(15), null));
            }
            previous = lhs;
            lines.Add((names[i], entries[i].Cells));
        }
        Table(text, title, lines, headers, widths);
    }

    /// <summary>Intercepts, Thresholds, Variances and Scales y*: one line per variable (residual dots for <paramref name="yNames"/>).</summary>
    private static void Flat(Lines text, string title, List<Entry> entries, Func<ParameterRow, string> name, string[] headers,
        int[] widths, HashSet<string>? yNames)
    {
        if (entries.Count == 0) return;
        var variables = entries.Select(e => name(e.Row)).ToList();
        var names = MakeNames(variables, entries.Select(e => e.Row.Label).ToList(), variables.Select(v => yNames?.Contains(v) == true ? "  ." : "").ToList());
        Table(text, title, entries.Select((e, i) => (names[i], (string[]?)e.Cells)).ToList(), headers, widths);
    }

    /// <summary>
    /// Prints a section as R prints lavaan's character matrix: an empty row-name column and a blank, the name
    /// column left-justified to its widest entry, then each value column right-justified, separated by blanks.
    /// A line without cells is a "lhs op" heading.
    /// </summary>
    private static void Table(Lines text, string title, List<(string First, string[]? Cells)> lines, string[] headers, int[] widths)
    {
        text.Blank();
        text.Add(title + ":");
        int w0 = lines.Max(l => l.First.Length);
        text.Add(" " + "".PadRight(w0) + string.Concat(headers.Select((h, c) => " " + h.PadLeft(widths[c]))));
        foreach (var (first, cells) in lines)
        {
            var line = " " + first.PadRight(w0);
            if (cells is not null)
                for (int c = 0; c < headers.Length; c++) line += " " + cells[c].PadLeft(widths[c]);
            text.Add(line);
        }
    }

    /// <summary>
    /// lavaan's <c>.makeNames</c>: a three-character prefix ("  ." for residuals), then the name and its label
    /// "(lbl)" in 14 characters, abbreviating labels to 4 characters and names to what is left, as R's
    /// <c>abbreviate()</c> does.
    /// </summary>
    internal static string[] MakeNames(IReadOnlyList<string> names, IReadOnlyList<string> labels, IReadOnlyList<string>? prefixes)
    {
        bool ascii = names.Concat(labels).All(s => s.All(char.IsAscii));
        string[] result;
        if (labels.Any(l => l.Length > 0))
        {
            var shortLabels = ascii ? RAbbreviate.Abbreviate(labels, 4, strict: false) : labels.ToArray();
            var wrapped = shortLabels.Select(l => l.Length > 0 ? " (" + l + ")" : "").ToArray();
            int maxLabel = wrapped.Max(l => l.Length);
            var shortNames = ascii ? RAbbreviate.Abbreviate(names, NameWidth - maxLabel, strict: true) : names.ToArray();
            result = shortNames.Select((n, i) => n.PadRight(NameWidth - maxLabel) + wrapped[i].PadLeft(maxLabel)).ToArray();
        }
        else
        {
            result = ascii ? RAbbreviate.Abbreviate(names, NameWidth, strict: true) : names.ToArray();
        }
        return result.Select((n, i) => (prefixes?[i] ?? "").PadLeft(3) + n.PadRight(NameWidth)).ToArray();
    }
}
