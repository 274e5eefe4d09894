using System.Globalization;
using System.Text;
using SemLib.Results;

namespace SemLib.Reporting.Text;

/// <summary>
/// A nested-model comparison (<see cref="ModelComparison.ChiSquareDifference"/>) as the table lavaan's
/// <c>lavTestLRT()</c> prints: "Chi-Squared Difference Test", then per model (fewest degrees of freedom first) Df,
/// AIC, BIC, Chisq, and against the model above it the χ² difference, the RMSEA of the difference, the df
/// difference and its p-value with R's significance stars, and R's legend of the stars. Numbers are printed with
/// fixed decimals (three; one for AIC and BIC) rather than R's per-column significant digits; lines carry no
/// trailing blanks.
/// </summary>
public static class ModelComparisonText
{
    /// <summary>The table as text (lines end with <see cref="Environment.NewLine"/>).</summary>
    /// <remarks>
    /// With scaled tests (<see cref="ModelComparisonRow.Method"/> "satorra.bentler.2001") the title and lavaan's note
    /// say so: the Chisq column holds each model's standard statistic, the difference column the scaled difference,
    /// and there is no RMSEA column, as lavaan prints it.
    /// </remarks>
    public static string Format(IReadOnlyList<ModelComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string method = rows.Count > 0 ? rows[0].Method : "standard";
        bool scaled = method != "standard";
        var header = new List<string> { "", "Df", "AIC", "BIC", "Chisq", "Chisq diff" };
        if (!scaled) header.Add("RMSEA");
        header.AddRange(["Df diff", "Pr(>Chisq)", ""]);
        var table = new List<string[]> { header.ToArray() };
        foreach (var r in rows)
        {
            var cells = new List<string> { r.Name, I(r.Df), F(r.Aic, 1), F(r.Bic, 1), F(r.ChiSquare, 3), F(r.ChiSquareDifference, 3) };
            if (!scaled) cells.Add(F(r.RmseaDifference, 3));
            cells.AddRange([r.DfDifference is int d ? I(d) : "", P(r.PValue), Stars(r.PValue)]);
            table.Add(cells.ToArray());
        }
        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        void Line(string s = "") => text.Append(s.TrimEnd()).Append(Environment.NewLine);
        if (scaled)
        {
            // lavaan's lavTestLRT() for robust tests, its note included.
            Line($"Scaled Chi-Squared Difference Test (method = \"{method}\")");
            Line();
            Line("lavaan NOTE:");
            Line("    The \"Chisq\" column contains standard test statistics, not the");
            Line("    robust test that should be reported per model. A robust difference");
            Line("    test is a function of two standard (not robust) statistics.");
        }
        else
        {
            Line("Chi-Squared Difference Test");
        }
        Line();
        foreach (var r in table)
            Line(string.Join(" ", r.Select((cell, c) => c == 0 || c == r.Length - 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        Line("---");
        Line("Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1");
        return text.ToString();
    }

    /// <summary>R's significance stars for a p-value.</summary>
    private static string Stars(double? p) => p switch
    {
        null => "",
        < 0.001 => "***",
        < 0.01 => "**",
        < 0.05 => "*",
        < 0.1 => ".",
        _ => "",
    };

    /// <summary>A p-value as R prints one: four significant digits, scientific below 1e-4.</summary>
    private static string P(double? p) => p switch
    {
        null => "",
        double v when double.IsNaN(v) => "NA",
        double v when v < 1e-4 => v.ToString("0.000e+00", CultureInfo.InvariantCulture),
        double v => v.ToString("G4", CultureInfo.InvariantCulture),
    };

    private static string F(double? v, int decimals) => v is double x && double.IsFinite(x) ? x.ToString("F" + decimals, CultureInfo.InvariantCulture) : "";

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
