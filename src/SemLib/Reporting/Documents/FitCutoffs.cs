namespace SemLib.Reporting.Documents;

/// <summary>
/// Customary cut-offs of the global fit measures, each with its source. The defaults are the conventional ones:
/// χ²/df &lt; 3 (Carmines &amp; McIver 1981), CFI and TLI ≥ .90 (Bentler 1990; Bentler &amp; Bonett 1980),
/// RMSEA &lt; .08 (Browne &amp; Cudeck 1993), SRMR &lt; .08 (Hu &amp; Bentler 1999), GFI and AGFI ≥ .90 (Jöreskog &amp;
/// Sörbom 1984), and p &gt; .05 for the exact-fit χ² test. <see cref="HuBentler1999"/> has the stricter
/// CFI/TLI ≥ .95 and RMSEA &lt; .06. Set a cut-off to null to report the measure without judging it.
/// </summary>
public sealed record FitCutoffs
{
    /// <summary>The conventional cut-offs.</summary>
    public static FitCutoffs Customary { get; } = new();

    /// <summary>Hu &amp; Bentler's (1999) combination rules: CFI and TLI ≥ .95, RMSEA &lt; .06, SRMR &lt; .08.</summary>
    public static FitCutoffs HuBentler1999 { get; } = new() { Cfi = 0.95, Tli = 0.95, Rmsea = 0.06 };

    /// <summary>The χ² test's p-value must exceed this (exact fit; sensitive to sample size): .05.</summary>
    public double? ChiSquarePValue { get; init; } = 0.05;

    /// <summary>χ²/df must stay below this: 3 (Carmines &amp; McIver 1981; Kline 2016).</summary>
    public double? ChiSquareRatio { get; init; } = 3;

    /// <summary>Minimum CFI: .90 (Bentler 1990); .95 after Hu &amp; Bentler (1999).</summary>
    public double? Cfi { get; init; } = 0.90;

    /// <summary>Minimum TLI: .90 (Bentler &amp; Bonett 1980); .95 after Hu &amp; Bentler (1999).</summary>
    public double? Tli { get; init; } = 0.90;

    /// <summary>RMSEA must stay below this: .08 (Browne &amp; Cudeck 1993); .06 after Hu &amp; Bentler (1999).</summary>
    public double? Rmsea { get; init; } = 0.08;

    /// <summary>SRMR must stay below this: .08 (Hu &amp; Bentler 1999).</summary>
    public double? Srmr { get; init; } = 0.08;

    /// <summary>Minimum GFI: .90 (Jöreskog &amp; Sörbom 1984).</summary>
    public double? Gfi { get; init; } = 0.90;

    /// <summary>Minimum AGFI: .90 (Jöreskog &amp; Sörbom 1984).</summary>
    public double? Agfi { get; init; } = 0.90;
}
