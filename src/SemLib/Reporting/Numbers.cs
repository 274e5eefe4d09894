using System.Globalization;

namespace SemLib.Reporting;

/// <summary>Number formatting for reports and diagrams (invariant culture, APA conventions).</summary>
internal static class Numbers
{
    /// <summary>The text "—" for a value that does not exist.</summary>
    public const string Missing = "—";

    /// <summary>Beyond this magnitude numbers are written in scientific notation, so no cell grows to hundreds of digits.</summary>
    public const double ScientificAbove = 1e9;

    /// <summary>Fixed decimals, e.g. 0.457 → "0.46"; scientific beyond ±1e9 ("1.404e+217").</summary>
    public static string Fixed(double? value, int decimals = 3) =>
        value is double v && double.IsFinite(v) ? Clean(Decimals(v, decimals)) : Missing;

    /// <summary>
    /// <paramref name="v"/> with <paramref name="decimals"/> decimals ("F3"), or, when |v| ≥ <see cref="ScientificAbove"/>,
    /// in scientific notation with as many decimals in the mantissa, as R's <c>format()</c> writes large numbers.
    /// </summary>
    public static string Decimals(double v, int decimals = 3) =>
        Math.Abs(v) >= ScientificAbove
            ? v.ToString("0." + new string('0', decimals) + "e+00", CultureInfo.InvariantCulture)
            : v.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>APA style for quantities bounded by 1 (correlations, standardized coefficients, p): ".46", "-.12";
    /// values of magnitude ≥ 1 keep their leading digit.</summary>
    public static string Bounded(double? value, int decimals = 2) => NoLeadingZero(Fixed(value, decimals));

    /// <summary>A p-value in APA style: "&lt; .001" or ".023".</summary>
    public static string PValue(double? p)
    {
        if (p is not double v || !double.IsFinite(v)) return Missing;
        return v < 0.001 ? "< .001" : NoLeadingZero(v.ToString("F3", CultureInfo.InvariantCulture));
    }

    /// <summary>A cut-off as reports state it: ".50", ".70", ".085"; "—" for none.</summary>
    public static string CutOff(double? value) =>
        value is double v ? NoLeadingZero(v.ToString("0.00#", CultureInfo.InvariantCulture)) : Missing;

    /// <summary>Removes the zero before the decimal point: "0.46" → ".46", "-0.12" → "-.12".</summary>
    public static string NoLeadingZero(string s) =>
        s.StartsWith("0.", StringComparison.Ordinal) ? s[1..] : s.StartsWith("-0.", StringComparison.Ordinal) ? "-" + s[2..] : s;

    /// <summary>Turns "-0.00" into "0.00".</summary>
    private static string Clean(string s) => s.StartsWith('-') && s.Skip(1).All(c => c is '0' or '.') ? s[1..] : s;
}
