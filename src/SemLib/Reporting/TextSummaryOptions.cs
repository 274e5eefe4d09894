namespace SemLib.Reporting;

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
}
