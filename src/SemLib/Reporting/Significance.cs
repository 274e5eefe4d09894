using System.Globalization;

namespace SemLib.Reporting;

/// <summary>Significance stars, as journals print them next to coefficients.</summary>
public static class Significance
{
    /// <summary>The customary levels .05, .01 and .001.</summary>
    public static IReadOnlyList<double> DefaultLevels { get; } = [0.05, 0.01, 0.001];

    /// <summary>One star per level that <paramref name="pValue"/> is below (default levels: <c>*</c> p &lt; .05,
    /// <c>**</c> p &lt; .01, <c>***</c> p &lt; .001); empty for a missing p-value (a fixed parameter).</summary>
    public static string Stars(double? pValue, IReadOnlyList<double>? levels = null)
    {
        if (pValue is not double p || double.IsNaN(p)) return "";
        int n = (levels ?? DefaultLevels).Count(level => p < level);
        return new string('*', n);
    }

    /// <summary>The legend of the stars, e.g. <c>*** p &lt; .001, ** p &lt; .01, * p &lt; .05</c>.</summary>
    public static string Legend(IReadOnlyList<double>? levels = null)
    {
        var sorted = (levels ?? DefaultLevels).OrderBy(l => l).ToList();
        return string.Join(", ", sorted.Select((l, i) =>
            new string('*', sorted.Count - i) + " p < " + Level(l)));
    }

    /// <summary>A significance level as legends write it: ".05", ".001".</summary>
    internal static string Level(double level) => Numbers.NoLeadingZero(level.ToString("0.###", CultureInfo.InvariantCulture));
}
