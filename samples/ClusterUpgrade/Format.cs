using System.Globalization;

namespace ClusterUpgrade;

/// <summary>Number formatting for the report (invariant culture, APA-style p-values).</summary>
public static class Format
{
    public static string N(double? v, int decimals = 3) =>
        v is double d && double.IsFinite(d) ? d.ToString("F" + decimals, CultureInfo.InvariantCulture) : "—";

    public static string P(double? p) => p switch
    {
        null => "—",
        < 0.001 => "< .001",
        double v => v.ToString("F3", CultureInfo.InvariantCulture).Replace("0.", "."),
    };

    /// <summary>"p &lt; .001" or "p = .013".</summary>
    public static string PIs(double? p) => p is < 0.001 ? "p < .001" : "p = " + P(p);

    public static string Stars(double? p) => p switch
    {
        < 0.001 => "***",
        < 0.01 => "**",
        < 0.05 => "*",
        _ => "",
    };
}
