using SemLib.Results;

namespace SemLib.CommonMethod;

/// <summary>
/// The fit of one model of a method-bias check, in lavaan's <c>fitMeasures()</c> names: χ² (<c>chisq</c>), its df and
/// p-value, CFI, TLI, RMSEA and SRMR. A measure that does not exist (the model did not converge, or df = 0 for the
/// incremental indices' denominators) is null.
/// </summary>
/// <param name="Status">How the fit ended; when the optimizer did not converge, every measure is null.</param>
/// <param name="ChiSquare">The model χ² (<c>chisq</c>).</param>
/// <param name="Df">Degrees of freedom (<c>df</c>).</param>
/// <param name="PValue">p-value of the χ² test (<c>pvalue</c>).</param>
/// <param name="Cfi">Comparative fit index (<c>cfi</c>).</param>
/// <param name="Tli">Tucker–Lewis index (<c>tli</c>).</param>
/// <param name="Rmsea">Root mean square error of approximation (<c>rmsea</c>).</param>
/// <param name="Srmr">Standardized root mean square residual (<c>srmr</c>).</param>
public sealed record ModelFitSummary(FitStatus Status, double? ChiSquare, double? Df, double? PValue, double? Cfi, double? Tli,
    double? Rmsea, double? Srmr)
{
    /// <summary>Whether the optimizer converged (the solution may still be inadmissible: see <see cref="Status"/>).</summary>
    public bool Converged => Status != FitStatus.NotConverged;

    /// <summary>Whether the fit converged to an admissible solution with a non-singular information matrix.</summary>
    public bool Clean => Status == FitStatus.Converged;

    /// <summary>A model that was not fitted or did not converge: every measure null.</summary>
    public static readonly ModelFitSummary None = new(FitStatus.NotConverged, null, null, null, null, null, null, null);

    /// <summary>The summary of a fitted model (all measures null when it did not converge).</summary>
    public static ModelFitSummary From(SemFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (!fit.Converged) return None;
        var m = fit.FitMeasures;
        return new ModelFitSummary(fit.Status, m.ChiSquare, m.Df, m.PValue, m.Cfi, m.Tli, m.Rmsea, m.Srmr);
    }
}
