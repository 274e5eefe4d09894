using System.Globalization;
using System.Text;
using SemLib.CommonMethod;

namespace SemLib.Reporting.Text;

/// <summary>
/// A <see cref="MethodBiasResult"/> as the readable report of <c>semlib method-bias</c>: Harman's test, a table of the
/// models' fit with the χ² difference tests, the common latent factor's loading and method share, the marker technique
/// (when marker items were given) with its reliability decomposition, and the verdicts. Lines carry no trailing blanks.
/// </summary>
public static class MethodBiasText
{
    /// <summary>The report as text (lines end with <see cref="Environment.NewLine"/>).</summary>
    public static string Format(MethodBiasResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        void Line(string s = "") => text.Append(s.TrimEnd()).Append(Environment.NewLine);
        Line("Common method bias");
        Line();
        Line($"Items ({result.Items.Count}): {string.Join(", ", result.Items)}");
        Line($"Traits ({result.Traits.Count}): {string.Join(", ", result.Traits)}");
        Line();
        Line("Harman's single-factor test");
        Line($"  First unrotated principal component: {Pct(result.Harman.FirstComponentShare)} of the items' variance");
        Line($"  (largest eigenvalue of the correlation matrix / {result.Items.Count} items; {result.Harman.CompleteRows} rows with every item observed)");
        Line();
        Line("Model fit");
        var rows = new List<string[]> { Header };
        rows.Add(FitRow("Measurement model", result.Measurement, null));
        rows.Add(FitRow("One factor (Harman)", result.Harman.SingleFactor, result.Harman.SingleFactorVsMeasurement));
        rows.Add(FitRow("Common latent factor", result.CommonLatentFactor.Fit, result.CommonLatentFactor.VsMeasurement));
        foreach (var l in TextColumns.Layout(rows, 1)) Line("  " + l);
        Line("  (Δχ² against the measurement model)");
        Line();
        Line("Common latent factor");
        Line($"  Common method loading (unstandardized): {TextColumns.F(result.CommonLatentFactor.MethodLoading)}");
        Line($"  Method variance share (mean squared std.all loading): {Pct(result.CommonLatentFactor.MethodVarianceShare)}");
        if (result.Marker is { } m) Marker(m, Line);
        Line();
        Line("Verdicts");
        foreach (var v in result.Verdicts) Line("  - " + v);
        return text.ToString();
    }

    private static readonly string[] Header = ["", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "Δχ²", "Δdf", "p(Δχ²)"];

    private static void Marker(MarkerTechnique m, Action<string> line)
    {
        line("");
        line($"CFA marker technique (Williams, Hartman & Cavazotte 2010); markers: {string.Join(", ", m.Markers)}");
        var loads = new List<string[]> { new[] { "marker", "loading", "residual" } };
        loads.AddRange(m.Markers.Select(k => new[] { k, TextColumns.F(m.MarkerLoadings[k]), TextColumns.F(m.MarkerResidualVariances[k]) }));
        foreach (var l in TextColumns.Layout(loads, 1)) line("  " + l);
        line("  (marker-factor loadings and residual variances from the CFA model, fixed in the later models)");
        line("");
        var rows = new List<string[]> { Header };
        rows.Add(FitRow("CFA", m.Cfa, null));
        rows.Add(FitRow("Baseline", m.Baseline, null));
        rows.Add(FitRow("Method-C", m.MethodC, m.BaselineVsMethodC));
        rows.Add(FitRow("Method-U", m.MethodU, m.MethodCVsMethodU));
        rows.Add(FitRow("Method-R", m.MethodR, m.AcceptedVsMethodR));
        foreach (var l in TextColumns.Layout(rows, 1)) line("  " + l);
        line($"  (Δχ²: Method-C vs baseline, Method-U vs Method-C, Method-R vs {(m.AcceptedIsMethodU ? "Method-U" : "Method-C")}, the accepted model)");
        line($"  Method-C common loading: {TextColumns.F(m.MethodCLoading)}");
        line("");
        line($"  Reliability decomposition ({(m.AcceptedIsMethodU ? "Method-U" : "Method-C")}, std.all)");
        var rel = new List<string[]> { new[] { "", "total", "substantive", "method", "% method" } };
        foreach (var r in m.Reliability)
        {
            rel.Add([r.Trait, TextColumns.F(r.Total), TextColumns.F(r.Substantive), TextColumns.F(r.Method), Pct(r.MethodShare)]);
            rel.AddRange(r.Items.Select(i => new[] { "  " + i.Item, TextColumns.F(i.Total), TextColumns.F(i.Substantive), TextColumns.F(i.Method), Pct(i.Total > 0 ? i.Method / i.Total : null) }));
        }
        foreach (var l in TextColumns.Layout(rel, 1)) line("  " + l);
    }

    private static string[] FitRow(string name, ModelFitSummary s, NestedModelTest? t) =>
    [
        name, TextColumns.F(s.ChiSquare), s.Df is double d ? d.ToString("0", CultureInfo.InvariantCulture) : "NA", TextColumns.F(s.PValue),
        TextColumns.F(s.Cfi), TextColumns.F(s.Tli), TextColumns.F(s.Rmsea), TextColumns.F(s.Srmr),
        t is null ? "" : TextColumns.F(t.DeltaChiSquare), t?.DeltaDf is int dd ? dd.ToString(CultureInfo.InvariantCulture) : t is null ? "" : "NA",
        t is null ? "" : t.PValue is null ? "NA" : Numbers.PValue(t.PValue),
    ];

    private static string Pct(double? x) => x is double v && double.IsFinite(v) ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "NA";
}
