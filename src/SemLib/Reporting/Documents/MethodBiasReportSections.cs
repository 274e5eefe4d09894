using System.Globalization;
using SemLib.CommonMethod;

namespace SemLib.Reporting.Documents;

/// <summary>
/// Report sections (HTML and Markdown, through <see cref="ReportDocument"/>) of the common-method-bias checks
/// (<see cref="MethodBias"/>): Harman's test, the fit of the measurement, one-factor and common-latent-factor models
/// with their χ² difference tests, the marker technique with its reliability decomposition, and the verdicts.
/// Flags mark a first component above 50% and significant method effects.
/// </summary>
public static class MethodBiasReportSections
{
    /// <summary>A document holding the method-bias section only (what <c>semlib method-bias --report</c> writes).</summary>
    public static ReportDocument Document(MethodBiasResult result, string title = "Common method bias")
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ReportDocument(title)
        {
            Subtitle = $"{result.Items.Count} items, {result.Traits.Count} trait{(result.Traits.Count == 1 ? "" : "s")} ({string.Join(", ", result.Traits)})",
        }.Add(Section(result));
    }

    /// <summary>The "Common method bias" section.</summary>
    public static ReportSection Section(MethodBiasResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double alpha = result.Alpha;
        var h = result.Harman;
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph($"Harman's single-factor test: the first unrotated principal component accounts for {Pct(h.FirstComponentShare)} of the variance of the {result.Items.Count} items (largest eigenvalue of their correlation matrix over the {h.CompleteRows} rows with every item observed, divided by the number of items){(h.FirstComponentShare > 0.5 ? " — more than 50%." : ".")}"),
        };
        var rows = new List<IReadOnlyList<ReportCell>>
        {
            Row("Measurement model", result.Measurement, null, false),
            Row("One factor (Harman)", h.SingleFactor, h.SingleFactorVsMeasurement, h.SingleFactorVsMeasurement.PValue is { } p1 && p1 >= alpha),
            Row("Common latent factor", result.CommonLatentFactor.Fit, result.CommonLatentFactor.VsMeasurement, result.CommonLatentFactor.VsMeasurement.SignificantAt(alpha)),
        };
        blocks.Add(new ReportTable(Columns, rows)
        {
            Caption = "Model fit",
            FlagLegend = $"points to common method variance at {Numbers.CutOff(alpha)}: the one-factor model not significantly worse, or the method factor significant",
            Notes =
            [
                "Δχ²: against the measurement model (lavTestLRT).",
                $"Common latent factor: one method factor on every item with one common loading ({Numbers.Fixed(result.CommonLatentFactor.MethodLoading)}, unstandardized), variance 1, uncorrelated with the traits; it accounts for {Pct(result.CommonLatentFactor.MethodVarianceShare)} of the items' variance on average (mean squared std.all loading).",
            ],
        });
        if (result.Marker is { } m) blocks.AddRange(Marker(m, alpha));
        blocks.Add(new ReportList(result.Verdicts));
        if (result.Warnings.Count > 0) blocks.Add(new ReportList(result.Warnings.Select(w => "Warning: " + w).ToList()));
        return new ReportSection("Common method bias", blocks);
    }

    private static IEnumerable<ReportBlock> Marker(MarkerTechnique m, double alpha)
    {
        string accepted = m.AcceptedIsMethodU ? "Method-U" : "Method-C";
        var rows = new List<IReadOnlyList<ReportCell>>
        {
            Row("CFA", m.Cfa, null, false),
            Row("Baseline", m.Baseline, null, false),
            Row("Method-C", m.MethodC, m.BaselineVsMethodC, m.BaselineVsMethodC.SignificantAt(alpha)),
            Row("Method-U", m.MethodU, m.MethodCVsMethodU, false),
            Row("Method-R", m.MethodR, m.AcceptedVsMethodR, m.AcceptedVsMethodR.SignificantAt(alpha)),
        };
        yield return new ReportTable(Columns, rows)
        {
            Caption = $"CFA marker technique (markers: {string.Join(", ", m.Markers)})",
            FlagLegend = $"significant at {Numbers.CutOff(alpha)}: method variance shared with the markers (Method-C) or biased trait correlations (Method-R)",
            Notes =
            [
                $"Williams, Hartman & Cavazotte (2010). Δχ²: Method-C vs baseline, Method-U vs Method-C, Method-R vs {accepted} (the accepted method model). All models with factor variances fixed at 1.",
                "Marker loadings (residual variances) from the CFA, fixed in the later models: " + string.Join(", ", m.Markers.Select(k => $"{k} {Numbers.Fixed(m.MarkerLoadings[k])} ({Numbers.Fixed(m.MarkerResidualVariances[k])})")) + $". Method-C common loading: {Numbers.Fixed(m.MethodCLoading)}.",
            ],
        };
        var rel = new List<IReadOnlyList<ReportCell>>();
        foreach (var r in m.Reliability)
        {
            rel.Add([r.Trait, "", Numbers.Bounded(r.Total, 3), Numbers.Bounded(r.Substantive, 3), Numbers.Bounded(r.Method, 3), Pct(r.MethodShare)]);
            foreach (var i in r.Items)
                rel.Add(["", i.Item, Numbers.Bounded(i.Total, 3), Numbers.Bounded(i.Substantive, 3), Numbers.Bounded(i.Method, 3), Pct(i.Total > 0 ? i.Method / i.Total : null)]);
        }
        yield return new ReportTable(["Trait", "Item", ReportColumn.Numeric("Total"), ReportColumn.Numeric("Substantive"), ReportColumn.Numeric("Method"), ReportColumn.Numeric("% method")], rel)
        {
            Caption = $"Reliability decomposition ({accepted})",
            Notes = ["Trait rows: (Σλt)²/D and (Σλm)²/D with D = (Σλt)² + (Σλm)² + Σθ (std.all); item rows: squared std.all trait and method loadings."],
        };
    }

    private static readonly IReadOnlyList<ReportColumn> Columns =
    [
        "Model", ReportColumn.Numeric("χ²"), ReportColumn.Numeric("df"), ReportColumn.Numeric("p"), ReportColumn.Numeric("CFI"),
        ReportColumn.Numeric("TLI"), ReportColumn.Numeric("RMSEA"), ReportColumn.Numeric("SRMR"), ReportColumn.Numeric("Δχ²"),
        ReportColumn.Numeric("Δdf"), ReportColumn.Numeric("p (Δχ²)"),
    ];

    private static IReadOnlyList<ReportCell> Row(string name, ModelFitSummary s, NestedModelTest? t, bool flag) =>
    [
        name, Numbers.Fixed(s.ChiSquare, 2), s.Df is double d ? d.ToString("0", CultureInfo.InvariantCulture) : Numbers.Missing,
        Numbers.PValue(s.PValue), Numbers.Bounded(s.Cfi, 3), Numbers.Bounded(s.Tli, 3), Numbers.Bounded(s.Rmsea, 3), Numbers.Bounded(s.Srmr, 3),
        t is null ? "" : Numbers.Fixed(t.DeltaChiSquare, 2),
        t is null ? "" : t.DeltaDf is int dd ? dd.ToString(CultureInfo.InvariantCulture) : Numbers.Missing,
        t is null ? "" : ReportCell.FlagIf(flag, Numbers.PValue(t.PValue), "points to method variance"),
    ];

    private static string Pct(double? x) => x is double v && double.IsFinite(v) ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + "%" : Numbers.Missing;
}
