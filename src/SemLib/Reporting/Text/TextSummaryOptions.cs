using SemLib.Resampling;

namespace SemLib.Reporting.Text;

/// <summary>What <see cref="TextSummary"/> prints, named after the arguments of lavaan's <c>summary()</c>.</summary>
public sealed record TextSummaryOptions
{
    /// <summary>The defaults: standardized columns and R² on, the fit-measure sections off.</summary>
    public static readonly TextSummaryOptions Default = new();

    /// <summary>
    /// Print the baseline model test, CFI/TLI, log-likelihood and information criteria, RMSEA with its interval
    /// and tests, and SRMR (lavaan's <c>fit.measures = TRUE</c>; default false).
    /// </summary>
    public bool FitMeasures { get; init; }

    /// <summary>Print the Std.lv and Std.all columns (lavaan's <c>standardized = TRUE</c>; default true).</summary>
    public bool Standardized { get; init; } = true;

    /// <summary>Print the R-Square section (lavaan's <c>rsquare = TRUE</c>; default true).</summary>
    public bool RSquare { get; init; } = true;

    /// <summary>Print the fit's warnings at the end (default true).</summary>
    public bool Warnings { get; init; } = true;

    /// <summary>
    /// Print the ci.lower and ci.upper columns after P(&gt;|z|) (lavaan's <c>ci = TRUE</c>; default false; always on
    /// with <see cref="Bootstrap"/>).
    /// </summary>
    public bool ConfidenceIntervals { get; init; }

    /// <summary>
    /// The bootstrap of this fit (<see cref="Resampling.Bootstrap.Run"/>), or null. When given, the summary reads as
    /// lavaan's after <c>se = "bootstrap"</c>: "Standard errors Bootstrap" with the numbers of requested and successful
    /// draws (and, beyond lavaan, the interval type and the seed), bootstrap SEs, z, p and intervals in the
    /// estimates, the Bollen–Stine p-value under the model test when it was computed, and an "Effects" section with
    /// the bootstrapped effects when there are any.
    /// </summary>
    public BootstrapResult? Bootstrap { get; init; }
}
