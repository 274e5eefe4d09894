namespace SemLib.MeasurementInvariance;

/// <summary>
/// One fitted step of an invariance sequence, compared with the step before it (<see cref="ComparedWith"/>): lavaan's
/// <c>lavTestLRT(previous, this)</c> and the changes in CFI, RMSEA and SRMR, with a verdict against the usual
/// cut-offs. Fit values are null when the step did not converge (or the estimator has no such measure).
/// </summary>
public sealed record InvarianceStepResult
{
    /// <summary>The step.</summary>
    public required InvarianceStep Step { get; init; }
    /// <summary>The group.equal keywords of the step.</summary>
    public required IReadOnlyList<string> GroupEqual { get; init; }
    /// <summary>The group.partial parameters released in the step.</summary>
    public required IReadOnlyList<string> GroupPartial { get; init; }
    /// <summary>True when the optimizer converged.</summary>
    public required bool Converged { get; init; }
    /// <summary>The fitted model (also when it did not converge).</summary>
    public required SemFit Fit { get; init; }
    /// <summary>lavaan's npar.</summary>
    public double? Npar { get; init; }
    /// <summary>The model χ².</summary>
    public double? ChiSquare { get; init; }
    /// <summary>Its degrees of freedom.</summary>
    public double? Df { get; init; }
    /// <summary>Its p-value.</summary>
    public double? PValue { get; init; }
    /// <summary>CFI.</summary>
    public double? Cfi { get; init; }
    /// <summary>TLI.</summary>
    public double? Tli { get; init; }
    /// <summary>RMSEA.</summary>
    public double? Rmsea { get; init; }
    /// <summary>SRMR.</summary>
    public double? Srmr { get; init; }
    /// <summary>AIC (null without a likelihood).</summary>
    public double? Aic { get; init; }
    /// <summary>BIC (null without a likelihood).</summary>
    public double? Bic { get; init; }
    /// <summary>The step this one is compared with: the one before it, or the last one before it that converged; null for the first.</summary>
    public InvarianceStep? ComparedWith { get; init; }
    /// <summary>Δχ² of lavTestLRT(compared step, this step).</summary>
    public double? DeltaChiSquare { get; init; }
    /// <summary>Its Δdf.</summary>
    public int? DeltaDf { get; init; }
    /// <summary>Its p-value.</summary>
    public double? DeltaPValue { get; init; }
    /// <summary>This step's CFI minus the compared step's (negative when fit worsens).</summary>
    public double? DeltaCfi { get; init; }
    /// <summary>This step's RMSEA minus the compared step's.</summary>
    public double? DeltaRmsea { get; init; }
    /// <summary>This step's SRMR minus the compared step's.</summary>
    public double? DeltaSrmr { get; init; }
    /// <summary>True when the fit-index changes stay within the cut-offs, false when not, null when not judged (first step, no convergence).</summary>
    public bool? Holds { get; init; }
    /// <summary>
    /// Which χ², p, CFI, TLI and RMSEA the step reports: "standard" (fitMeasures' chisq, cfi, ...; also with MLM/MLR,
    /// as before) or "scaled" (ordered items with a scaled test, WLSMV/ULSMV: chisq.scaled, pvalue.scaled, cfi.scaled,
    /// tli.scaled, rmsea.scaled). The Δ columns are differences of the same measures.
    /// </summary>
    public string Measures { get; init; } = "standard";
    /// <summary>The verdict in words, naming the cut-offs and their sources.</summary>
    public required string Verdict { get; init; }
    /// <summary>For a step that does not hold: the score tests of the constraints it added, largest first; else empty.</summary>
    public IReadOnlyList<ScoreTest> ScoreTests { get; init; } = [];
    /// <summary>The total score test of releasing all of <see cref="ScoreTests"/> together (lavTestScore's total with release), or null.</summary>
    public ScoreTest? TotalScoreTest { get; init; }
}
