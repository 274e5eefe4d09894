using SemLib.Estimation;
using SemLib.Results;

namespace SemLib.Reporting.Text;

/// <summary>
/// "Model Test User Model", after lavaan 0.6.14's <c>lav_test_print</c>: the standard χ² alone, or, when the fit has a
/// scaled test (MLM, MLR, <see cref="Specification.ModelOptions.Test"/>), a "Standard" and a "Scaled" column per
/// scaled test, with the scaling correction factor (and the shift of a scaled-and-shifted test) and a line naming the
/// correction.
/// </summary>
public static partial class TextSummary
{
    /// <summary>lavaan's widths of the label, "Standard" and "Scaled" columns of its test blocks.</summary>
    private const int LabelWidth = 43, StandardWidth = 8, ScaledWidth = 11;

    private static void UserModelTest(Lines text, SemFit fit, Resampling.BootstrapResult? boot)
    {
        var scaled = fit.Tests.Where(t => !double.IsNaN(t.ScalingFactor)).ToList();
        if (scaled.Count == 0 || fit.Tests[0].Kind != TestType.Standard)
        {
            StandardTest(text, fit, boot);
            return;
        }
        text.Blank();
        text.Add("Model Test User Model:");
        var standard = fit.Tests[0];
        var perGroup = GroupStatistics(fit);
        for (int b = 0; b < scaled.Count; b++)
        {
            var rows = new List<string[]> { b == 0 ? ["", "Standard", "Scaled"] : ["", "", ""] };
            rows.AddRange(ScaledTestRows(fit, standard, scaled[b]));
            text.Columns(rows, LabelWidth, StandardWidth, ScaledWidth);
            if (perGroup is not null)
            {
                // lavaan's stat.group of a scaled test is each group's statistic over the scaling factor, plus, for a
                // scaled-and-shifted test, the group's share N_g/N of the shift.
                var t = scaled[b];
                double shift = Shift(standard, t);
                double n = fit.NObs.Sum();
                text.Add("  Test statistic for each group:");
                text.Columns(perGroup.Select((s, g) => new[]
                {
                    "  " + fit.GroupLabels[g].PadRight(40), Num(s), Num(s / t.ScalingFactor + (double.IsNaN(shift) ? 0 : shift * fit.NObs[g] / n)),
                }).ToList(), LabelWidth, StandardWidth, ScaledWidth);
            }
        }
        if (boot?.BollenStinePValue is double bs) text.Pairs([("P-value (Bollen-Stine bootstrap)", Num(bs))], LabelWidth, StandardWidth);
        if (boot?.BollenStineUndefined == true) text.Pairs([("P-value (Bollen-Stine bootstrap)", "not defined (df = 0)")], LabelWidth, StandardWidth);
    }

    /// <summary>One scaled test's rows beside the standard test: statistic, df, p, scaling factor, shift and the correction's name.</summary>
    private static IEnumerable<string[]> ScaledTestRows(SemFit fit, ModelTest standard, ModelTest test)
    {
        yield return ["Test Statistic", Num(standard.Statistic), Num(test.Statistic)];
        yield return ["Degrees of freedom", DegreesOfFreedom(standard.Df), DegreesOfFreedom(test.Df)];
        if (double.IsNaN(test.Df) || test.Df == 0) yield break;
        // lavaan labels the p-values by the standard test's reference distribution: "unknown" for ULS.
        yield return [UnknownReference(fit) ? "P-value (Unknown)" : "P-value (Chi-square)", Num(standard.PValue), Num(test.PValue)];
        yield return ["Scaling correction factor", "", Num(test.ScalingFactor)];
        double shift = Shift(standard, test);
        if (!double.IsNaN(shift)) yield return ["Shift parameter", "", Num(shift)];
        yield return ["  " + CorrectionName(test.Kind), "", ""];
    }

    /// <summary>
    /// The shift b of a scaled-and-shifted test (statistic = T/c + b; lavaan's one shift parameter, also with groups),
    /// NaN for the other tests. When the test does not carry it, it follows from the statistics: b = statistic − T/c.
    /// </summary>
    private static double Shift(ModelTest standard, ModelTest test) =>
        !double.IsNaN(test.ShiftParameter) ? test.ShiftParameter
        : test.Kind == TestType.ScaledShifted ? test.Statistic - standard.Statistic / test.ScalingFactor
        : double.NaN;

    /// <summary>lavaan's label of a scaled test (<c>lav_model_test</c>).</summary>
    internal static string CorrectionName(TestType kind) => kind switch
    {
        TestType.SatorraBentler => "Satorra-Bentler correction",
        TestType.YuanBentlerMplus => "Yuan-Bentler correction (Mplus variant)",
        TestType.YuanBentler => "Yuan-Bentler correction",
        TestType.ScaledShifted => "simple second-order correction",
        _ => kind.ToString(),
    };

    /// <summary>The standard test alone, from the fit measures (so a fit without tests, one that did not converge, still prints).</summary>
    private static void StandardTest(Lines text, SemFit fit, Resampling.BootstrapResult? boot)
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
            string label = UnknownReference(fit) ? "P-value (Unknown)" : "P-value (Chi-square)";
            pairs.Add((label, Num(Get(m, "pvalue"))));
            // lavaan's line for test = "bollen.stine".
            if (boot?.BollenStinePValue is double bs) pairs.Add(("P-value (Bollen-Stine bootstrap)", Num(bs)));
        }
        text.Pairs(pairs, LabelWidth, StandardWidth);
        // A saturated model has no Bollen-Stine p-value (its chi-square is 0 up to rounding): say so rather than print noise.
        if (boot?.BollenStineUndefined == true)
            text.Pairs([("P-value (Bollen-Stine bootstrap)", "not defined (df = 0)")], LabelWidth, StandardWidth);

        var perGroup = GroupStatistics(fit);
        if (perGroup is not null)
        {
            text.Add("  Test statistic for each group:");
            text.Pairs(perGroup.Select((s, g) => ("  " + fit.GroupLabels[g].PadRight(40), Num(s))).ToList(), LabelWidth, StandardWidth);
        }
    }

    /// <summary>
    /// lavaan's per-group statistics: 2·N_g·F_g for ML, 2·(N_g − 1)·F_g for GLS and ULS, from the objective's
    /// per-group values at the estimates. Null with one group.
    /// </summary>
    private static double[]? GroupStatistics(SemFit fit)
    {
        var fitted = fit.Fitted;
        if (fitted.Sample.Groups.Length < 2) return null;
        return FittedModel.GroupChiSquare(fitted.Sample, fitted.GroupF);
    }
}
