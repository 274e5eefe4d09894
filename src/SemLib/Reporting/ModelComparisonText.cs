using System.Globalization;
using System.Text;
using SemLib.Results;

namespace SemLib.Reporting;

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
    public static string Format(IReadOnlyList<ModelComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new List<string[]> { new[] { "", "Df", "AIC", "BIC", "Chisq", "Chisq diff", "RMSEA", "Df diff", "Pr(>Chisq)", "" } };
        foreach (var r in rows)
        {
            table.Add(
            [
                r.Name, I(r.Df), F(r.Aic, 1), F(r.Bic, 1), F(r.ChiSquare, 3), F(r.ChiSquareDifference, 3), F(r.RmseaDifference, 3),
                r.DfDifference is int d ? I(d) : "", P(r.PValue), Stars(r.PValue),
            ]);
        }
        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        void Line(string s = "") => text.Append(s.TrimEnd()).Append(Environment.NewLine);
        Line("Chi-Squared Difference Test");
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
