using System.Globalization;
using SemLib.Reliability;
using SemLib.Resampling;
using SemLib.Results;
using SemLib.Syntax;
using SemLib.Reporting.Diagrams;

namespace SemLib.Reporting.Documents;

/// <summary>
/// Report sections from a fitted model: fit measures against their customary cut-offs, standardized loadings,
/// structural paths, covariances, thresholds of ordered items, R², warnings, the path diagram and the bootstrap. Each returns a <see cref="ReportSection"/> to
/// add to a <see cref="ReportDocument"/>; <see cref="SemReport.Create"/> assembles the usual ones.
/// </summary>
public static class SemReportSections
{
    /// <summary>
    /// The fit measures (χ², df, p, χ²/df, CFI, TLI, RMSEA with its 90% interval, SRMR, GFI, AGFI, AIC, BIC), each with
    /// its cut-off and source, flagged when missed; preceded by the estimation summary and an APA-style sentence. A
    /// measure the estimator does not produce is left out; one that does not exist for this fit shows "—".
    /// </summary>
    public static ReportSection ModelFit(SemFit fit, FitCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var c = cutoffs ?? FitCutoffs.Customary;
        var m = fit.FitMeasures;
        double? Get(string key) => m.TryGetValue(key, out var v) ? v : null;
        double? chisq = Get("chisq"), df = Get("df"), p = Get("pvalue");
        double? ratio = chisq is double x && df is double d && d > 0 ? x / d : null;
        var rows = new List<IReadOnlyList<ReportCell>>();
        var missed = new List<string>();
        void Row(string key, string name, string value, double? cut, string rule, string source, bool? fails)
        {
            if (key.Length > 0 && !m.ContainsKey(key)) return;
            bool flag = cut is not null && fails == true;
            if (flag) missed.Add(name);
            rows.Add([name, ReportCell.FlagIf(flag, value, $"{name} should be {rule}"), cut is null ? Numbers.Missing : rule, source]);
        }
        Row("chisq", "χ²", Numbers.Fixed(chisq, 3), null, "", "", null);
        Row("df", "df", Numbers.Fixed(df, 0), null, "", "", null);
        Row("pvalue", "p", Numbers.PValue(p), c.ChiSquarePValue, "> " + Numbers.CutOff(c.ChiSquarePValue), "exact-fit test; rejects trivial misfit in large samples", p <= c.ChiSquarePValue);
        Row("df", "χ²/df", Numbers.Fixed(ratio, 2), c.ChiSquareRatio, "< " + Numbers.Fixed(c.ChiSquareRatio, 0), "Carmines & McIver 1981", ratio >= c.ChiSquareRatio);
        // Robust estimators (MLM, MLR): the scaled test and lavaan's robust CFI, TLI and RMSEA beside the standard ones.
        double? pScaled = Get("pvalue.scaled");
        Row("chisq.scaled", "χ² (scaled)", Numbers.Fixed(Get("chisq.scaled"), 3), null, "", "", null);
        Row("chisq.scaling.factor", "scaling factor", Numbers.Fixed(Get("chisq.scaling.factor"), 3), null, "", "", null);
        Row("pvalue.scaled", "p (scaled)", Numbers.PValue(pScaled), c.ChiSquarePValue, "> " + Numbers.CutOff(c.ChiSquarePValue), "scaled exact-fit test", pScaled <= c.ChiSquarePValue);
        Row("cfi", "CFI", Numbers.Bounded(Get("cfi"), 3), c.Cfi, "≥ " + Numbers.CutOff(c.Cfi), c.Cfi >= 0.95 ? "Hu & Bentler 1999" : "Bentler 1990", Get("cfi") < c.Cfi);
        Row("tli", "TLI", Numbers.Bounded(Get("tli"), 3), c.Tli, "≥ " + Numbers.CutOff(c.Tli), c.Tli >= 0.95 ? "Hu & Bentler 1999" : "Bentler & Bonett 1980", Get("tli") < c.Tli);
        Row("cfi.robust", "robust CFI", Numbers.Bounded(Get("cfi.robust"), 3), c.Cfi, "≥ " + Numbers.CutOff(c.Cfi), "Brosseau-Liard & Savalei 2014", Get("cfi.robust") < c.Cfi);
        Row("tli.robust", "robust TLI", Numbers.Bounded(Get("tli.robust"), 3), c.Tli, "≥ " + Numbers.CutOff(c.Tli), "Brosseau-Liard & Savalei 2014", Get("tli.robust") < c.Tli);
        string WithInterval(string key, string suffix)
        {
            string text = Numbers.Bounded(Get(key + suffix), 3);
            if (Get(key + ".ci.lower" + suffix) is not null && Get(key + ".ci.upper" + suffix) is not null)
                text += $" [{Numbers.Bounded(Get(key + ".ci.lower" + suffix), 3)}, {Numbers.Bounded(Get(key + ".ci.upper" + suffix), 3)}]";
            return text;
        }
        Row("rmsea", "RMSEA [90% CI]", WithInterval("rmsea", ""), c.Rmsea, "< " + Numbers.CutOff(c.Rmsea), c.Rmsea <= 0.06 ? "Hu & Bentler 1999" : "Browne & Cudeck 1993", Get("rmsea") >= c.Rmsea);
        Row("rmsea.robust", "robust RMSEA [90% CI]", WithInterval("rmsea", ".robust"), c.Rmsea, "< " + Numbers.CutOff(c.Rmsea), "Brosseau-Liard, Savalei & Li 2012", Get("rmsea.robust") >= c.Rmsea);
        Row("srmr", "SRMR", Numbers.Bounded(Get("srmr"), 3), c.Srmr, "< " + Numbers.CutOff(c.Srmr), "Hu & Bentler 1999", Get("srmr") >= c.Srmr);
        Row("gfi", "GFI", Numbers.Bounded(Get("gfi"), 3), c.Gfi, "≥ " + Numbers.CutOff(c.Gfi), "Jöreskog & Sörbom 1984", Get("gfi") < c.Gfi);
        Row("agfi", "AGFI", Numbers.Bounded(Get("agfi"), 3), c.Agfi, "≥ " + Numbers.CutOff(c.Agfi), "Jöreskog & Sörbom 1984", Get("agfi") < c.Agfi);
        if (m.ContainsKey("aic")) rows.Add(["AIC", Numbers.Fixed(Get("aic"), 1), "smaller is better", "Akaike 1974 (for comparing models)"]);
        if (m.ContainsKey("bic")) rows.Add(["BIC", Numbers.Fixed(Get("bic"), 1), "smaller is better", "Schwarz 1978 (for comparing models)"]);

        var table = new ReportTable(["Measure", ReportColumn.Numeric("Value"), "Cut-off", "Source"], rows)
        {
            Caption = "Global fit",
            FlagLegend = "misses the cut-off in its row",
            Notes = ["χ² is the likelihood-ratio test of exact fit; with a few hundred cases it rejects even small misfit, so the approximate-fit indices carry the judgement."],
        };
        var blocks = new List<ReportBlock> { new ReportParagraph(Estimation(fit)) };
        var apa = new List<string>();
        // With a robust estimator the sentence reports the scaled test and the robust indices, as is customary.
        bool robust = Get("chisq.scaled") is not null;
        string r = robust ? ".robust" : "";
        if (robust && Get("df.scaled") is double dfs)
            apa.Add($"scaled χ²({Numbers.Fixed(dfs, dfs % 1 == 0 ? 0 : 3)}) = {Numbers.Fixed(Get("chisq.scaled"), 2)}, p {PEquals(pScaled)}");
        else if (chisq is not null && df is not null) apa.Add($"χ²({Numbers.Fixed(df, 0)}) = {Numbers.Fixed(chisq, 2)}, p {PEquals(p)}");
        foreach (var (key, name) in new[] { ("cfi", "CFI"), ("tli", "TLI") })
            if ((Get(key + r) is not null ? key + r : key) is var k && Get(k) is not null) apa.Add($"{(k == key ? "" : "robust ")}{name} = {Numbers.Bounded(Get(k), 3)}");
        string rm = Get("rmsea" + r) is not null ? r : "";
        if (Get("rmsea" + rm) is not null)
            apa.Add($"{(rm.Length > 0 ? "robust " : "")}RMSEA = {Numbers.Bounded(Get("rmsea" + rm), 3)}" + (Get("rmsea.ci.lower" + rm) is null ? "" : $", 90% CI [{Numbers.Bounded(Get("rmsea.ci.lower" + rm), 3)}, {Numbers.Bounded(Get("rmsea.ci.upper" + rm), 3)}]"));
        if (Get("srmr") is not null) apa.Add($"SRMR = {Numbers.Bounded(Get("srmr"), 3)}");
        if (apa.Count > 0)
            blocks.Add(new ReportParagraph(string.Join(", ", apa) + ". " + (missed.Count == 0
                ? "Every judged measure meets its cut-off."
                : $"{missed.Count} measure{(missed.Count == 1 ? " misses its cut-off" : "s miss their cut-offs")}: {string.Join(", ", missed)}.")));
        blocks.Add(table);
        return new ReportSection("Model fit", blocks);
    }

    /// <summary>The factor loadings (estimate, SE, z, p, standardized β), flagging |β| below the cut-off (.50, Hair et
    /// al. 2019); loadings of second-order factors on first-order factors are included.</summary>
    public static ReportSection Loadings(SemFit fit, ValidityCutoffs? cutoffs = null, int group = 1)
    {
        ArgumentNullException.ThrowIfNull(fit);
        double cut = (cutoffs ?? new ValidityCutoffs()).StandardizedLoading;
        var rows = Rows(fit, group, ModelOperator.MeasuredBy).Select(p => (IReadOnlyList<ReportCell>)
        [
            p.Lhs, p.Rhs, .. Estimates(p),
            ReportCell.FlagIf(p.StdAll is double b && Math.Abs(b) < cut, Numbers.Bounded(p.StdAll, 3), $"below {Numbers.CutOff(cut)}"),
        ]);
        var table = new ReportTable(["Factor", "Indicator", .. EstimateColumns, ReportColumn.Numeric("β")], rows)
        {
            Caption = "Factor loadings" + GroupSuffix(fit, group),
            FlagLegend = $"standardized loading below {Numbers.CutOff(cut)} (Hair et al. 2019)",
            Notes = ["β: completely standardized loading (lavaan's std.all). Loadings fixed to set a factor's scale have no standard error."],
        };
        return new ReportSection("Measurement model", table);
    }

    /// <summary>The regression paths: estimate, SE, z, p, standardized β and significance stars.</summary>
    public static ReportSection StructuralPaths(SemFit fit, IReadOnlyList<double>? significanceLevels = null, int group = 1)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var paths = Rows(fit, group, ModelOperator.Regression).ToList();
        if (paths.Count == 0) return new ReportSection("Structural paths", new ReportParagraph("The model has no regression paths."));
        bool labels = paths.Any(p => p.Label.Length > 0);
        var rows = paths.Select(p =>
        {
            var cells = new List<ReportCell> { $"{p.Rhs} → {p.Lhs}" };
            if (labels) cells.Add(p.Label);
            cells.AddRange(Estimates(p));
            cells.Add(Numbers.Bounded(p.StdAll, 3));
            cells.Add(Significance.Stars(p.PValue, significanceLevels));
            return (IReadOnlyList<ReportCell>)cells;
        });
        var columns = new List<ReportColumn> { "Path" };
        if (labels) columns.Add("Label");
        columns.AddRange(EstimateColumns);
        columns.Add(ReportColumn.Numeric("β"));
        columns.Add("Sig.");
        var table = new ReportTable(columns, rows)
        {
            Caption = "Regression paths" + GroupSuffix(fit, group),
            Notes = ["β: completely standardized coefficient (std.all). " + Significance.Legend(significanceLevels) + "."],
        };
        return new ReportSection("Structural paths", table);
    }

    /// <summary>The covariances (of factors, of observed covariates, and of residuals) with their correlations.</summary>
    public static ReportSection Covariances(SemFit fit, IReadOnlyList<double>? significanceLevels = null, int group = 1)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var dependent = fit.Table.Roles.Dependent.ToHashSet(StringComparer.Ordinal);
        var covs = Rows(fit, group, ModelOperator.Covariance).Where(ReportedEstimates.IsCovariance).ToList();
        if (covs.Count == 0) return new ReportSection("Covariances", new ReportParagraph("The model has no covariances between different variables."));
        var rows = covs.Select(p => (IReadOnlyList<ReportCell>)
        [
            $"{p.Lhs} ↔ {p.Rhs}",
            dependent.Contains(p.Lhs) || dependent.Contains(p.Rhs) ? "residual" : fit.Table.Roles.IsLatent(p.Lhs) ? "factor" : "observed",
            .. Estimates(p), Numbers.Bounded(p.StdAll, 3), Significance.Stars(p.PValue, significanceLevels),
        ]);
        var table = new ReportTable(["Covariance", "Kind", .. EstimateColumns, ReportColumn.Numeric("r"), "Sig."], rows)
        {
            Caption = "Covariances" + GroupSuffix(fit, group),
            Notes = ["r: the covariance standardized to a correlation (std.all); residual covariances are those of dependent variables' residuals."],
        };
        return new ReportSection("Covariances", table);
    }

    /// <summary>
    /// The thresholds of ordered items (lavaan's <c>x | t1</c> rows): per item its thresholds in order with estimate, SE,
    /// z and p, and the threshold on the standardized latent-response scale (std.all). Thresholds constrained equal
    /// across groups show their label.
    /// </summary>
    public static ReportSection Thresholds(SemFit fit, int group = 1)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var thresholds = Rows(fit, group, ModelOperator.Threshold).ToList();
        if (thresholds.Count == 0) return new ReportSection("Thresholds", new ReportParagraph("The model has no ordered items."));
        bool labels = thresholds.Any(p => p.Label.Length > 0);
        var rows = thresholds.Select(p =>
        {
            var cells = new List<ReportCell> { p.Lhs, p.Rhs };
            if (labels) cells.Add(p.Label);
            cells.AddRange(Estimates(p));
            cells.Add(Numbers.Fixed(p.StdAll, 3));
            return (IReadOnlyList<ReportCell>)cells;
        });
        var columns = new List<ReportColumn> { "Item", "Threshold" };
        if (labels) columns.Add("Label");
        columns.AddRange(EstimateColumns);
        columns.Add(ReportColumn.Numeric("Std.all"));
        var table = new ReportTable(columns, rows)
        {
            Caption = "Thresholds of the ordered items" + GroupSuffix(fit, group),
            Notes = ["A threshold is the point on an item's normal latent response where the next category begins (lavaan's x | t1, t2, ...); Std.all: on the scale of the standardized latent response."],
        };
        return new ReportSection("Thresholds", table);
    }

    /// <summary>The R² of every dependent variable and indicator (latent variables first).</summary>
    public static ReportSection RSquare(SemFit fit, int group = 1)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var r2 = fit.RSquareByGroup[group - 1];
        var rows = r2.OrderBy(kv => fit.Table.Roles.IsLatent(kv.Key) ? 0 : 1)
            .Select(kv => (IReadOnlyList<ReportCell>)[kv.Key, fit.Table.Roles.IsLatent(kv.Key) ? "latent" : "observed", Numbers.Bounded(kv.Value, 3)]);
        return new ReportSection("Explained variance", new ReportTable(["Variable", "Kind", ReportColumn.Numeric("R²")], rows)
        {
            Caption = "R² of dependent variables and indicators" + GroupSuffix(fit, group),
        });
    }

    /// <summary>The fit's status and warnings.</summary>
    public static ReportSection Warnings(SemFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        string status = fit.Status switch
        {
            FitStatus.Converged => "The estimation converged to an admissible solution.",
            FitStatus.ConvergedInadmissible => "The estimation converged, but the solution is inadmissible (a negative variance or a non-positive-definite matrix); interpret it with care.",
            FitStatus.ConvergedSingular => "The optimizer stopped where the information matrix is singular: the model may not be identified, and standard errors are not reported.",
            _ => "The estimation did not converge; the estimates are those of the last iteration and should not be interpreted.",
        };
        var blocks = new List<ReportBlock> { new ReportParagraph(status) };
        blocks.Add(fit.Warnings.Count == 0 ? new ReportParagraph("The fit reported no warnings.") : new ReportList(fit.Warnings.Select(w => w.Message).ToList()));
        return new ReportSection("Warnings", blocks);
    }

    /// <summary>The path diagram (standardized coefficients with stars by default) of the group
    /// <see cref="DiagramOptions.Group"/>; in a multi-group model the caption names the group.</summary>
    public static ReportSection Diagram(SemFit fit, DiagramOptions? options = null, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var diagram = PathDiagram.Create(fit, options);
        int group = (options ?? DiagramOptions.Default).Group;
        // A generated title names the group already; a caller's own title gets the group in front.
        string text = caption ?? (fit.Table.GroupCount > 1 && options?.Title is not null ? $"{ReportedEstimates.GroupName(fit, group)}: {diagram.Title}" : diagram.Title);
        return new ReportSection("Path diagram", new ReportDiagram(diagram, text));
    }

    /// <summary>
    /// The bootstrap of a fit: the free parameters with their bootstrap SE, interval and std.all value (the caption
    /// gives the draws that converged, the seed and the interval type), the requested effects (an interval that
    /// includes 0 is flagged) and the Bollen–Stine p-value when it was computed.
    /// </summary>
    public static ReportSection Bootstrap(BootstrapResult boot)
    {
        ArgumentNullException.ThrowIfNull(boot);
        string level = (100 * boot.Options.ConfidenceLevel).ToString("0.##", CultureInfo.InvariantCulture);
        string Interval(double? lower, double? upper) => $"[{Numbers.Fixed(lower)}, {Numbers.Fixed(upper)}]";
        var rows = boot.Parameters.Where(p => p.CiLower is not null).Select(p => (IReadOnlyList<ReportCell>)
            [p.Name, Numbers.Fixed(p.Estimate), Numbers.Fixed(p.StandardError), Interval(p.CiLower, p.CiUpper), Numbers.Fixed(p.StdAll)]);
        var blocks = new List<ReportBlock>
        {
            new ReportTable(["Parameter", ReportColumn.Numeric("Estimate"), ReportColumn.Numeric("Bootstrap SE"), ReportColumn.Numeric($"{level}% interval"), ReportColumn.Numeric("Std.all")], rows)
            {
                Caption = $"{boot.Converged} of {boot.Requested} draws converged (seed {boot.Options.Seed}); {BootstrapColumns.IntervalTitle(boot.Options.Interval)} intervals",
            },
        };
        if (boot.Effects.Count > 0)
            blocks.Add(new ReportTable(["Effect", "Path", ReportColumn.Numeric("Estimate"), ReportColumn.Numeric($"{level}% interval"), ReportColumn.Numeric("Std.all")],
                boot.Effects.Select(e => (IReadOnlyList<ReportCell>)
                    [e.Kind, e.Path, Numbers.Fixed(e.Estimate), ReportCell.FlagIf(!e.ExcludesZero, Interval(e.CiLower, e.CiUpper)), Numbers.Fixed(e.StdAll)]))
            {
                Caption = "Bootstrapped effects",
                FlagLegend = "interval includes 0",
            });
        if (boot.BollenStinePValue is double bs)
            blocks.Add(new ReportParagraph($"Bollen–Stine bootstrap p-value of the model χ²: {Numbers.Fixed(bs)} ({boot.BollenStineDraws} draws)."));
        else if (boot.BollenStineUndefined)
            blocks.Add(new ReportParagraph("Bollen–Stine bootstrap p-value of the model χ²: not defined (df = 0)."));
        return new ReportSection("Bootstrap", blocks);
    }

    private static readonly ReportColumn[] EstimateColumns =
        [ReportColumn.Numeric("Estimate"), ReportColumn.Numeric("SE"), ReportColumn.Numeric("z"), ReportColumn.Numeric("p")];

    private static IEnumerable<ParameterEstimate> Rows(SemFit fit, int group, ModelOperator op)
    {
        if (group < 1 || group > fit.Table.GroupCount)
            throw new ArgumentOutOfRangeException(nameof(group), $"The report asks for group {group}, but the model has {fit.Table.GroupCount} group(s).");
        return fit.Parameters.Where(p => p.Group == group && p.Op == op);
    }

    private static ReportCell[] Estimates(ParameterEstimate p) =>
    [
        Numbers.Fixed(p.Estimate, 3),
        p.Free == true ? Numbers.Fixed(p.StandardError, 3) : Numbers.Missing,
        Numbers.Fixed(p.Z, 2),
        Numbers.PValue(p.PValue),
    ];

    private static string GroupSuffix(SemFit fit, int group) =>
        fit.Table.GroupCount > 1 ? " — " + ReportedEstimates.GroupName(fit, group) : "";

    private static string Estimation(SemFit fit)
    {
        string n = fit.NObs.Count == 1 ? $"N = {fit.NObs[0]}" : $"{fit.NObs.Count} groups, N = {string.Join(" + ", fit.NObs)}";
        string outcome = fit.Converged ? $"converged after {fit.Iterations} iterations" : $"did not converge ({fit.Iterations} iterations)";
        int free = fit.Parameters.Count(p => p.Free == true);
        string missing = fit.MissingData is { Count: > 0 } md
            ? $", missing values by full-information ML ({string.Join(" + ", md.Select(g => g.Patterns))} missing-data pattern{(md.Sum(g => g.Patterns) == 1 ? "" : "s")})"
            : "";
        string cluster = fit.Options.Cluster is string col ? $", standard errors and test robust to clustering by {col}" : "";
        var ordered = fit.Table.Ordered;
        string items = ordered.Count == 0 ? "" : $", {ordered.Count} ordered item{(ordered.Count == 1 ? "" : "s")} ({MessageText.List(ordered)}; {fit.Table.Parameterization.ToString().ToLowerInvariant()} parameterization)";
        return string.Create(CultureInfo.InvariantCulture, $"{fit.Estimator} estimation, {n}{missing}{cluster}{items}, {free} free parameters; the optimizer {outcome}.");
    }

    private static string PEquals(double? p) => p is double v && v < 0.001 ? "< .001" : "= " + Numbers.PValue(p);
}
