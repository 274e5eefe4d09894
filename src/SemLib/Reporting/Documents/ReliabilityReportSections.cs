using System.Globalization;
using SemLib.Reliability;
using SemLib.Syntax;

namespace SemLib.Reporting.Documents;

/// <summary>
/// Report sections from the reliability module: internal consistency and item–total statistics, KMO and Bartlett's
/// test, composite reliability and AVE, the Fornell–Larcker and HTMT tables of discriminant validity, and a summary
/// of validity checks. Cells that miss the cut-offs of <see cref="ValidityCutoffs"/> are flagged.
/// </summary>
public static class ReliabilityReportSections
{
    /// <summary>Cronbach's alpha per scale (flagged below .70) with its Feldt interval, and the item–total statistics
    /// (corrected item–total correlation flagged below .30; alpha-if-deleted flagged when it exceeds the scale's alpha).</summary>
    public static ReportSection ScaleReliability(IEnumerable<ScaleReliability> scales, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(scales);
        var list = scales.ToList();
        var c = cutoffs ?? new ValidityCutoffs();
        var rows = list.Select(s => (IReadOnlyList<ReportCell>)
        [
            s.Scale, s.Items.Count.ToString(CultureInfo.InvariantCulture),
            ReportCell.FlagIf(s.Alpha < c.Alpha, Numbers.Bounded(s.Alpha, 3), $"alpha below {Numbers.CutOff(c.Alpha)}"),
            Numbers.Bounded(s.StandardizedAlpha, 3),
            $"[{Numbers.Bounded(s.FeldtInterval.Lower, 3)}, {Numbers.Bounded(s.FeldtInterval.Upper, 3)}]",
            Numbers.Bounded(s.AverageCorrelation, 3),
        ]);
        string level = list.Count > 0 ? (list[0].FeldtInterval.Level * 100).ToString("0", CultureInfo.InvariantCulture) + "% CI" : "CI";
        var summary = new ReportTable(["Scale", ReportColumn.Numeric("Items"), ReportColumn.Numeric("α"), ReportColumn.Numeric("Std. α"),
            ReportColumn.Numeric(level), ReportColumn.Numeric("Mean r")], rows)
        {
            Caption = "Internal consistency",
            FlagLegend = $"alpha below {Numbers.CutOff(c.Alpha)} ({ValidityCutoffs.CitationOf(ValidityCriterion.Alpha)})",
            Notes = ["α: Cronbach's alpha; Std. α: from the correlations; interval after Feldt (1965); Mean r: mean inter-item correlation."],
        };
        var items = list.SelectMany(s => s.ItemStatistics.Select(i => (IReadOnlyList<ReportCell>)
        [
            s.Scale, i.Item + (i.Reversed ? " (R)" : ""), Numbers.Fixed(i.Mean, 2), Numbers.Fixed(i.StandardDeviation, 2),
            Numbers.Fixed(i.Skewness, 2), Numbers.Fixed(i.Kurtosis, 2),
            ReportCell.FlagIf(i.CorrectedItemTotalCorrelation < c.CorrectedItemTotalCorrelation, Numbers.Bounded(i.CorrectedItemTotalCorrelation, 3), $"below {Numbers.CutOff(c.CorrectedItemTotalCorrelation)}"),
            ReportCell.FlagIf(i.AlphaIfDeleted > s.Alpha, Numbers.Bounded(i.AlphaIfDeleted, 3), "alpha would rise without the item"),
        ]));
        var itemTable = new ReportTable(["Scale", "Item", ReportColumn.Numeric("Mean"), ReportColumn.Numeric("SD"), ReportColumn.Numeric("Skew"),
            ReportColumn.Numeric("Kurt."), ReportColumn.Numeric("r (item–rest)"), ReportColumn.Numeric("α if deleted")], items)
        {
            Caption = "Item–total statistics",
            FlagLegend = $"corrected item–total correlation below {Numbers.CutOff(c.CorrectedItemTotalCorrelation)} ({ValidityCutoffs.CitationOf(ValidityCriterion.CorrectedItemTotalCorrelation)}), or alpha would rise if the item were deleted",
            Notes = ["(R): reverse-keyed item, rescored. Kurt.: excess kurtosis."],
        };
        var blocks = new List<ReportBlock> { summary, itemTable };
        var warnings = list.SelectMany(s => s.Warnings).ToList();
        if (warnings.Count > 0) blocks.Add(new ReportList(warnings));
        return new ReportSection("Reliability", blocks);
    }

    /// <summary>KMO (flagged below the cut-off, with Kaiser's label) and Bartlett's test (flagged when p ≥ .05), then
    /// each item's measure of sampling adequacy (flagged below .50).</summary>
    public static ReportSection SamplingAdequacy(KmoResult kmo, BartlettTestResult? bartlett = null, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(kmo);
        var c = cutoffs ?? new ValidityCutoffs();
        // The verdicts are ValidityAssessment's, so that these flags and a ValidityReport of the same KMO agree.
        var checks = ValidityAssessment.Check(kmo, cutoffs: c);
        var overallCheck = checks.Single(k => k.Criterion == ValidityCriterion.Kmo);
        var itemChecks = checks.Where(k => k.Criterion == ValidityCriterion.ItemSamplingAdequacy).ToList(); // in item order
        var rows = new List<IReadOnlyList<ReportCell>>
        {
            new ReportCell[] { "KMO", ReportCell.FlagIf(!overallCheck.Passed, $"{Numbers.Bounded(kmo.Overall, 3)} ({KmoResult.KaiserLabel(kmo.Overall)})", $"below {Numbers.CutOff(c.Kmo)}"), "≥ " + Numbers.CutOff(c.Kmo), ValidityCutoffs.CitationOf(ValidityCriterion.Kmo) },
        };
        if (bartlett is not null)
        {
            rows.Add(["Bartlett's χ² (df)", string.Create(CultureInfo.InvariantCulture, $"{bartlett.ChiSquare:0.00} ({bartlett.DegreesOfFreedom})"), Numbers.Missing, "Bartlett 1950"]);
            rows.Add(["Bartlett's p", ReportCell.FlagIf(bartlett.PValue >= 0.05, Numbers.PValue(bartlett.PValue), "the correlations may be an identity matrix"), "< .05", "Bartlett 1950"]);
        }
        var overall = new ReportTable(["Measure", ReportColumn.Numeric("Value"), "Cut-off", "Source"], rows)
        {
            Caption = "Sampling adequacy" + (kmo.N is int n ? $" (N = {n})" : ""),
            FlagLegend = "misses the cut-off in its row",
        };
        // Items in pairs of columns, four pairs a row, so that a long item list stays compact.
        const int Pairs = 4;
        int perColumn = (kmo.Items.Count + Pairs - 1) / Pairs;
        var itemRows = Enumerable.Range(0, perColumn).Select(r => (IReadOnlyList<ReportCell>)Enumerable.Range(0, Pairs).SelectMany(k =>
        {
            int i = k * perColumn + r;
            return i >= kmo.Items.Count ? new[] { ReportCell.Empty, ReportCell.Empty }
                : [kmo.Items[i], ReportCell.FlagIf(!itemChecks[i].Passed, Numbers.Bounded(kmo.ItemAdequacy[i], 3), $"below {Numbers.CutOff(c.ItemSamplingAdequacy)}")];
        }).ToArray());
        var itemTable = new ReportTable(Enumerable.Range(0, Pairs).SelectMany(_ => new[] { new ReportColumn("Item"), ReportColumn.Numeric("MSA") }).ToArray(), itemRows)
        {
            Caption = "Measure of sampling adequacy per item",
            FlagLegend = $"MSA below {Numbers.CutOff(c.ItemSamplingAdequacy)} ({ValidityCutoffs.CitationOf(ValidityCriterion.ItemSamplingAdequacy)})",
        };
        return new ReportSection("Sampling adequacy", overall, itemTable);
    }

    /// <summary>Composite reliability (flagged below .70), AVE (flagged below .50) and √AVE per construct from its
    /// standardized loadings, with the range of the loadings (flagged when the smallest is below .50).</summary>
    public static ReportSection ConstructReliability(IEnumerable<FactorLoadings> standardized, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(standardized);
        var c = cutoffs ?? new ValidityCutoffs();
        var rows = standardized.Select(f =>
        {
            double cr = Reliability.ConstructReliability.CompositeReliability(f), ave = Reliability.ConstructReliability.AverageVarianceExtracted(f);
            double min = f.Loadings.Min(Math.Abs), max = f.Loadings.Max(Math.Abs);
            return (IReadOnlyList<ReportCell>)
            [
                f.Factor, f.Items.Count.ToString(CultureInfo.InvariantCulture),
                ReportCell.FlagIf(min < c.StandardizedLoading, $"{Numbers.Bounded(min, 2)}–{Numbers.Bounded(max, 2)}", $"a loading is below {Numbers.CutOff(c.StandardizedLoading)}"),
                ReportCell.FlagIf(cr < c.CompositeReliability, Numbers.Bounded(cr, 3), $"below {Numbers.CutOff(c.CompositeReliability)}"),
                ReportCell.FlagIf(ave < c.AverageVarianceExtracted, Numbers.Bounded(ave, 3), $"below {Numbers.CutOff(c.AverageVarianceExtracted)}"),
                Numbers.Bounded(Math.Sqrt(ave), 3),
            ];
        });
        var table = new ReportTable(["Construct", ReportColumn.Numeric("Items"), ReportColumn.Numeric("|λ| range"), ReportColumn.Numeric("CR"),
            ReportColumn.Numeric("AVE"), ReportColumn.Numeric("√AVE")], rows)
        {
            Caption = "Convergent validity",
            FlagLegend = $"below the cut-off: loadings {Numbers.CutOff(c.StandardizedLoading)} (Hair et al. 2019), CR {Numbers.CutOff(c.CompositeReliability)}, AVE {Numbers.CutOff(c.AverageVarianceExtracted)} (Fornell & Larcker 1981)",
            Notes = ["CR = (Σλ)² / ((Σλ)² + Σ(1 − λ²)), AVE = mean λ², from the standardized loadings λ; a second-order factor's items are its first-order factors."],
        };
        return new ReportSection("Construct reliability", table);
    }

    /// <summary><see cref="ConstructReliability(IEnumerable{FactorLoadings}, ValidityCutoffs?)"/> from the standardized
    /// loadings (std.all) of a fitted CFA; factors with fewer than two indicators are left out.</summary>
    public static ReportSection ConstructReliability(SemFit fit, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var loadings = fit.Parameters.Where(p => p.Group == 1 && p.Op == ModelOperator.MeasuredBy && p.StdAll is not null)
            .GroupBy(p => p.Lhs).Where(g => g.Count() >= 2)
            .Select(g => new FactorLoadings(g.Key, g.Select(p => p.Rhs).ToList(), g.Select(p => p.StdAll!.Value).ToList()));
        return ConstructReliability(loadings, cutoffs);
    }

    /// <summary>The Fornell–Larcker table: √AVE on the diagonal, latent correlations below it; a correlation is flagged
    /// when it is not below the √AVE of both its factors.</summary>
    public static ReportSection FornellLarcker(FornellLarckerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var f = table.Factors;
        var rows = f.Select((fi, i) => (IReadOnlyList<ReportCell>)[fi, .. f.Select((fj, j) =>
            j > i ? ReportCell.Empty
            : j == i ? new ReportCell(Numbers.Bounded(table.SqrtAve[i], 3))
            : ReportCell.FlagIf(Math.Abs(table.Matrix[i, j]) >= Math.Min(table.SqrtAve[i], table.SqrtAve[j]), Numbers.Bounded(table.Matrix[i, j], 3),
                $"|r| is not below √AVE of {(Math.Abs(table.Matrix[i, j]) >= table.SqrtAve[i] ? fi : fj)}"))]);
        var t = new ReportTable([new ReportColumn(""), .. f.Select(ReportColumn.Numeric)], rows)
        {
            Caption = "Fornell–Larcker criterion",
            FlagLegend = "the correlation is not below the √AVE of both factors (Fornell & Larcker 1981)",
            Notes = ["Diagonal: √AVE; below it: latent correlations. A factor passes when its √AVE exceeds its correlation with every other factor."],
        };
        var failing = f.Where((_, i) => !table.Passed[i]).ToList();
        var summary = new ReportParagraph(failing.Count == 0
            ? "Every factor's √AVE exceeds its correlations with the other factors."
            : $"Fails for {string.Join(", ", failing)}: √AVE does not exceed the largest correlation with another factor.");
        return new ReportSection("Discriminant validity (Fornell–Larcker)", summary, t);
    }

    /// <summary>The HTMT ratios below the diagonal, flagged at or above the cut-off (.85).</summary>
    public static ReportSection Htmt(HtmtResult htmt, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(htmt);
        double cut = (cutoffs ?? new ValidityCutoffs()).Htmt;
        var f = htmt.Constructs;
        // Below the diagonal only: rows from the second construct, columns up to the last but one.
        var rows = f.Skip(1).Select((fi, r) => (IReadOnlyList<ReportCell>)[fi, .. f.SkipLast(1).Select((_, j) =>
            j > r ? ReportCell.Empty
            : ReportCell.FlagIf(htmt.Matrix[r + 1, j] >= cut, Numbers.Bounded(htmt.Matrix[r + 1, j], 3), $"not below {Numbers.CutOff(cut)}"))]);
        var t = new ReportTable([new ReportColumn(""), .. f.SkipLast(1).Select(ReportColumn.Numeric)], rows)
        {
            Caption = "Heterotrait–monotrait ratios" + (htmt.N is int n ? $" (N = {n})" : ""),
            FlagLegend = $"HTMT not below {Numbers.CutOff(cut)} ({ValidityCutoffs.CitationOf(ValidityCriterion.Htmt)})",
            Notes = [$"HTMT with {htmt.Mean.ToString().ToLowerInvariant()} means of {(htmt.Absolute ? "absolute " : "")}correlations; .90 is the usual cut-off for conceptually similar constructs."],
        };
        return new ReportSection("Discriminant validity (HTMT)", t);
    }

    /// <summary>A summary sentence of a set of validity checks and a table of the failures.</summary>
    public static ReportSection ValidityChecks(ValidityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = new List<ReportBlock> { new ReportParagraph(report.Describe()) };
        if (report.Failures.Count > 0)
            blocks.Add(new ReportTable(["Scale", "Item", "Criterion", ReportColumn.Numeric("Value"), "Source"],
                report.Failures.Select(f => (IReadOnlyList<ReportCell>)[f.Scale, f.Item ?? Numbers.Missing, f.Rule, ReportCell.Flag(Numbers.Fixed(f.Value, 3)), f.Citation]))
            {
                Caption = "Failed checks",
                FlagLegend = "fails the criterion in its row",
            });
        return new ReportSection("Validity checks", blocks);
    }
}
