using System.Globalization;
using System.Text;
using SemLib.MeasurementInvariance;

namespace SemLib.Reporting.Text;

/// <summary>
/// An invariance sequence and path comparisons as text: one table of the steps (fit, Δχ² test, ΔCFI, ΔRMSEA, ΔSRMR),
/// each step's verdict, the score tests of a step that does not hold, and the table of path differences across groups.
/// Lines carry no trailing blanks.
/// </summary>
public static class InvarianceText
{
    /// <summary>The text (lines end with <see cref="Environment.NewLine"/>).</summary>
    public static string Format(InvarianceResult? result, PathComparison? paths = null)
    {
        var text = new StringBuilder();
        void Line(string s = "") => text.Append(s.TrimEnd()).Append(Environment.NewLine);
        if (result is not null)
        {
            Line($"Measurement invariance across {result.Group} ({string.Join(", ", result.Groups)}), estimator {result.Estimator}");
            Line();
            var rows = new List<string[]> { new[] { "Step", "Npar", "Chisq", "Df", "P", "CFI", "RMSEA", "SRMR", "dChisq", "dDf", "P(dChisq)", "dCFI", "dRMSEA", "dSRMR" } };
            foreach (var s in result.Steps)
                rows.Add([s.Step.Name() + (s.Converged ? "" : " (not converged)"), F(s.Npar, 0), F(s.ChiSquare, 3), F(s.Df, 0), F(s.PValue, 3), F(s.Cfi, 3), F(s.Rmsea, 3), F(s.Srmr, 3),
                    F(s.DeltaChiSquare, 3), F(s.DeltaDf, 0), F(s.DeltaPValue, 3), F(s.DeltaCfi, 3), F(s.DeltaRmsea, 3), F(s.DeltaSrmr, 3)]);
            Table(rows, Line);
            Line();
            Line("Cut-offs: dCFI >= -0.010 (Cheung & Rensvold 2002); dRMSEA <= 0.015, dSRMR <= 0.030 for loadings and <= 0.010 for intercepts and residuals (Chen 2007).");
            Line();
            foreach (var s in result.Steps)
            {
                Line($"{s.Step.Name()}: {s.Verdict}");
                if (s.TotalScoreTest is { } total)
                {
                    Line();
                    Line($"  Score tests of the {s.Step.Name()} constraints (lavTestScore), largest first; release one with --group-partial \"PARAMETER\":");
                    var st = new List<string[]> { new[] { "  Constraint", "Parameter", "Group", "X2", "Df", "P" } };
                    foreach (var t in s.ScoreTests)
                        st.Add(["  " + t.Constraint, t.Parameter, t.Group.ToString(CultureInfo.InvariantCulture), F(t.ChiSquare, 3), t.Df.ToString(CultureInfo.InvariantCulture), F(t.PValue, 3)]);
                    st.Add(["  all together", "", "", F(total.ChiSquare, 3), total.Df.ToString(CultureInfo.InvariantCulture), F(total.PValue, 3)]);
                    Table(st, Line);
                }
                Line();
            }
            if (result.Warnings.Count > 0)
            {
                Line("Warnings:");
                foreach (var w in result.Warnings) Line("  " + MessageText.OneLine(w.Message));
                Line();
            }
        }
        if (paths is not null)
        {
            var labels = paths.Free.GroupLabels;
            Line($"Differences in regression paths across {paths.Free.Options.Group} ({string.Join(", ", labels)})");
            Line("(Wald test of the difference in the free model; chi-square difference of the model with the path equal across groups)");
            Line();
            bool two = labels.Count == 2;
            var header = new List<string> { "Path" };
            header.AddRange(labels);
            header.AddRange(two ? ["Diff", "SE", "z", "P(z)"] : ["Wald", "Df", "P(Wald)"]);
            header.AddRange(["dChisq", "dDf", "P(dChisq)"]);
            var rows = new List<string[]> { header.ToArray() };
            foreach (var p in paths.Paths)
            {
                var r = new List<string> { $"{p.Dependent} ~ {p.Predictor}" };
                r.AddRange(p.Estimates.Select(e => F(e, 3)));
                r.AddRange(two ? [F(p.Difference, 3), F(p.StandardError, 3), F(p.Z, 3), F(p.WaldPValue, 3)]
                    : [F(p.WaldChiSquare, 3), p.WaldDf.ToString(CultureInfo.InvariantCulture), F(p.WaldPValue, 3)]);
                r.AddRange([F(p.DeltaChiSquare, 3), F(p.DeltaDf, 0), F(p.DeltaPValue, 3)]);
                rows.Add(r.ToArray());
            }
            if (paths.Paths.Count == 0) Line("The model has no regression path free in every group.");
            else Table(rows, Line);
            Line();
        }
        return text.ToString();
    }

    private static void Table(List<string[]> rows, Action<string> line)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
            line(string.Join("  ", r.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
    }

    private static string F(double? v, int decimals) =>
        v is double d && double.IsFinite(d) ? d.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "";
}
