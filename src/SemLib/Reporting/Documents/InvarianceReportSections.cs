using System.Globalization;
using SemLib.MeasurementInvariance;

namespace SemLib.Reporting.Documents;

/// <summary>
/// Report sections for measurement invariance and group differences in paths: the table of steps with Δχ², ΔCFI,
/// ΔRMSEA and ΔSRMR (a change beyond its cut-off flagged), the verdicts, the score tests of a step that does not hold,
/// and the table of path differences (AMOS's critical ratios for differences).
/// </summary>
public static class InvarianceReportSections
{
    /// <summary>The invariance sequence.</summary>
    public static ReportSection Invariance(InvarianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var s in result.Steps)
        {
            double srmrCut = s.Step == InvarianceStep.Metric ? SemLib.Invariance.DeltaSrmrCutoffMetric : SemLib.Invariance.DeltaSrmrCutoffScalar;
            rows.Add(
            [
                s.Step.Name() + (s.Converged ? "" : " (not converged)"),
                Numbers.Fixed(s.ChiSquare, 2), Numbers.Fixed(s.Df, 0), Numbers.PValue(s.PValue),
                Numbers.Fixed(s.Cfi), Numbers.Fixed(s.Rmsea), Numbers.Fixed(s.Srmr),
                s.DeltaChiSquare is double d ? string.Create(CultureInfo.InvariantCulture, $"{d:0.00} ({s.DeltaDf})") : Numbers.Missing,
                s.DeltaPValue is double p ? Numbers.PValue(p) : Numbers.Missing,
                ReportCell.FlagIf(s.DeltaCfi < SemLib.Invariance.DeltaCfiCutoff, Numbers.Fixed(s.DeltaCfi), "below −.010"),
                ReportCell.FlagIf(s.DeltaRmsea > SemLib.Invariance.DeltaRmseaCutoff, Numbers.Fixed(s.DeltaRmsea), "above .015"),
                ReportCell.FlagIf(s.DeltaSrmr > srmrCut, Numbers.Fixed(s.DeltaSrmr), "above " + Numbers.CutOff(srmrCut)),
            ]);
        }
        var table = new ReportTable(["Step", ReportColumn.Numeric("χ²"), ReportColumn.Numeric("df"), ReportColumn.Numeric("p"), ReportColumn.Numeric("CFI"),
            ReportColumn.Numeric("RMSEA"), ReportColumn.Numeric("SRMR"), ReportColumn.Numeric("Δχ² (Δdf)"), ReportColumn.Numeric("p(Δχ²)"),
            ReportColumn.Numeric("ΔCFI"), ReportColumn.Numeric("ΔRMSEA"), ReportColumn.Numeric("ΔSRMR")], rows)
        {
            Caption = $"Measurement invariance across {result.Group} ({string.Join(", ", result.Groups)}), estimator {result.Estimator}",
            FlagLegend = "a change beyond its cut-off",
            Notes = ["Cut-offs: ΔCFI ≥ −.010 (Cheung & Rensvold 2002); ΔRMSEA ≤ .015 and ΔSRMR ≤ .030 for loadings, ≤ .010 for intercepts and residuals (Chen 2007). Each step is compared with the one before it (lavTestLRT)."],
        };
        var blocks = new List<ReportBlock> { table };
        blocks.Add(new ReportList(result.Steps.Select(s => $"{s.Step.Name()}: {s.Verdict}").ToList()));
        foreach (var s in result.Steps.Where(s => s.TotalScoreTest is not null))
        {
            var st = s.ScoreTests.Select(t => (IReadOnlyList<ReportCell>)new ReportCell[]
                { t.Parameter, t.Constraint, Numbers.Fixed(t.ChiSquare, 2), Numbers.PValue(t.PValue) }).ToList();
            st.Add(["all together", "", Numbers.Fixed(s.TotalScoreTest!.ChiSquare, 2) + $" ({s.TotalScoreTest.Df} df)", Numbers.PValue(s.TotalScoreTest.PValue)]);
            blocks.Add(new ReportTable(["Parameter", "Constraint", ReportColumn.Numeric("Score χ² (1 df)"), ReportColumn.Numeric("p")], st)
            {
                Caption = $"Score tests of the {s.Step.Name()} constraints (lavaan's lavTestScore), largest first",
                Notes = ["Release the largest with group.partial (--group-partial \"PARAMETER\") for partial invariance (Byrne, Shavelson & Muthén 1989)."],
            });
        }
        return new ReportSection("Measurement invariance", blocks);
    }

    /// <summary>The regression paths compared across groups.</summary>
    public static ReportSection PathDifferences(PathComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var labels = comparison.Free.GroupLabels;
        bool two = labels.Count == 2;
        var columns = new List<ReportColumn> { "Path" };
        columns.AddRange(labels.Select(ReportColumn.Numeric));
        columns.AddRange(two ? [ReportColumn.Numeric("Difference"), ReportColumn.Numeric("SE"), ReportColumn.Numeric("z"), ReportColumn.Numeric("p(z)")]
            : [ReportColumn.Numeric("Wald χ² (df)"), ReportColumn.Numeric("p")]);
        columns.AddRange([ReportColumn.Numeric("Δχ² (Δdf)"), ReportColumn.Numeric("p(Δχ²)")]);
        var rows = comparison.Paths.Select(p =>
        {
            var r = new List<ReportCell> { $"{p.Dependent} ← {p.Predictor}" };
            r.AddRange(p.Estimates.Select(e => (ReportCell)Numbers.Fixed(e)));
            r.AddRange(two ? [Numbers.Fixed(p.Difference), Numbers.Fixed(p.StandardError), Numbers.Fixed(p.Z, 2), ReportCell.FlagIf(p.WaldPValue < 0.05, Numbers.PValue(p.WaldPValue), "differs at .05")]
                : [p.WaldChiSquare is double w ? string.Create(CultureInfo.InvariantCulture, $"{w:0.00} ({p.WaldDf})") : Numbers.Missing, ReportCell.FlagIf(p.WaldPValue < 0.05, Numbers.PValue(p.WaldPValue), "differs at .05")]);
            r.AddRange([p.DeltaChiSquare is double d ? string.Create(CultureInfo.InvariantCulture, $"{d:0.00} ({p.DeltaDf})") : Numbers.Missing, ReportCell.FlagIf(p.DeltaPValue < 0.05, Numbers.PValue(p.DeltaPValue), "differs at .05")]);
            return (IReadOnlyList<ReportCell>)r;
        }).ToList();
        var table = new ReportTable(columns, rows)
        {
            Caption = $"Regression paths compared across {comparison.Free.Options.Group}",
            FlagLegend = "the path differs between groups at α = .05",
            Notes = ["Unstandardized estimates per group; z is the difference over its standard error (AMOS's critical ratio for differences); Δχ² compares the model with the path equal across groups against the free model."],
        };
        return new ReportSection("Group differences in paths", table);
    }
}
