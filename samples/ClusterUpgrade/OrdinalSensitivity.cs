using MathNet.Numerics.Distributions;
using SemLib;
using SemLib.Data;
using SemLib.Results;

namespace ClusterUpgrade;

/// <summary>One hypothesis under one fit: its standardized estimate, p-value, verdict and the evidence in words.</summary>
/// <param name="Estimate">The standardized (std.all) path; for H7 the smallest std.all total indirect effect; null for H6.</param>
/// <param name="PValue">The path's p; H6: the p of its test of the direct paths; H7: the largest delta-method p of the three indirect effects.</param>
public sealed record HypothesisOutcome(double? Estimate, double? PValue, bool Supported, string Evidence);

/// <summary>One hypothesis by FIML (MLR), by listwise ML and by WLSMV with the 29 items ordered.</summary>
public sealed record SensitivityRow(string Id, string Statement, HypothesisOutcome Fiml, HypothesisOutcome Listwise, HypothesisOutcome Wlsmv)
{
    /// <summary>The verdict under WLSMV differs from the study's (FIML, MLR).</summary>
    public bool ChangesFromFiml => Wlsmv.Supported != Fiml.Supported;

    /// <summary>The verdict under WLSMV differs from listwise ML's (items treated as continuous, complete rows only).</summary>
    public bool ChangesFromListwise => Wlsmv.Supported != Listwise.Supported;

    /// <summary>"no", "vs MLR", "vs ML" or "vs both".</summary>
    public string Change => (ChangesFromFiml, ChangesFromListwise) switch
    {
        (false, false) => "no",
        (true, false) => "vs MLR",
        (false, true) => "vs ML",
        _ => "vs both",
    };
}

/// <summary>The sensitivity analysis: the structural model with the five-point items treated as ordered categories.</summary>
public sealed record OrdinalSensitivityResults
{
    /// <summary>The structural model by WLSMV (every item ordered; each statistic from the firms that answered its items).</summary>
    public required SemFit Structural { get; init; }
    /// <summary>The model with the direct paths network structure → upgrade, by WLSMV (for H6).</summary>
    public required SemFit WithDirectPaths { get; init; }
    /// <summary>H6 under WLSMV: lavaan's scaled-shifted difference test (lavTestLRT, satorra.2000) of the model against <see cref="WithDirectPaths"/>.</summary>
    public required ModelComparisonRow H6Difference { get; init; }
    /// <summary>H6 under WLSMV, as a second view: the robust Wald χ² of the three direct paths (all zero) in <see cref="WithDirectPaths"/>.</summary>
    public required (double ChiSquare, int Df, double PValue) H6Wald { get; init; }
    /// <summary>H1a–H7, in the order of the study's hypotheses.</summary>
    public required IReadOnlyList<SensitivityRow> Rows { get; init; }
    /// <summary>Wall-clock time of the two WLSMV fits and the tests.</summary>
    public required TimeSpan Elapsed { get; init; }
}

/// <summary>
/// Five-point answers are ordered categories, not interval measurements: the sensitivity analysis fits the structural
/// model with all 29 items ordered (WLSMV: thresholds and polychoric correlations, robust standard errors, scaled-shifted
/// χ²; lavaan: <c>ordered = TRUE</c>) and sets each hypothesis's verdict beside the study's (FIML with MLR) and listwise
/// ML's. About 5 % of the answers are missing, so only a third of the firms answered every item: WLSMV uses lavaan's
/// <c>missing = "pairwise"</c>, each threshold and polychoric correlation from the firms that answered its items, so
/// that all 218 firms count (lavaan's listwise default would keep the complete third, as listwise ML does).
/// H6 is tested by the nested-model difference of WLSMV fits that lavaan's <c>lavTestLRT</c> gives (method
/// <c>satorra.2000</c>, scaled and shifted), with the robust Wald test of the three direct paths (lavaan's
/// <c>lavTestWald</c>) beside it. H7 uses the delta-method p of each indirect effect under ML and WLSMV; the
/// study's FIML verdict stays the bootstrap one.
/// </summary>
public static class OrdinalSensitivity
{
    /// <summary>The options of the WLSMV fits: every item ordered (the estimator is then WLSMV, lavaan's default).</summary>
    public static readonly SemLib.Specification.ModelOptions Wlsmv = new() { Ordered = [SemLib.Specification.ModelOptions.AllOrdered], Missing = SemLib.Data.MissingPolicy.Pairwise };

    public const string WlsmvLabel = "WLSMV";

    /// <summary>The network constructs whose indirect effects on upgrade H7 is about.</summary>
    private static readonly string[] Network = ["scale", "centr", "ties"];

    public static OrdinalSensitivityResults Run(DataSet data, SemFit fiml, SemFit listwise, IReadOnlyList<ModelComparisonRow> fimlComparison,
        IReadOnlyList<ModelComparisonRow> listwiseComparison, IReadOnlyList<HypothesisVerdict> studyVerdicts)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var structural = Sem.Fit(Design.StructuralSyntax(), data, Wlsmv);
        var direct = Sem.Fit(Design.StructuralSyntax(directPaths: true), data, Wlsmv);
        var wald = DirectPathsWald(direct);
        var difference = ModelComparison.ChiSquareDifference([structural, direct], ["structural model", "with direct paths"])[1];

        var rows = new List<SensitivityRow>();
        foreach (var h in Design.PathHypotheses)
            rows.Add(new SensitivityRow(h.Id, h.Statement, Path(fiml, h), Path(listwise, h), Path(structural, h)));

        var h6Fiml = fimlComparison[1];
        var h6Listwise = listwiseComparison[1];
        rows.Add(new SensitivityRow("H6", Design.H6,
            new HypothesisOutcome(null, h6Fiml.PValue, h6Fiml.PValue >= 0.05, StudyAnalysis.DescribeDifference(h6Fiml)),
            new HypothesisOutcome(null, h6Listwise.PValue, h6Listwise.PValue >= 0.05, StudyAnalysis.DescribeDifference(h6Listwise)),
            new HypothesisOutcome(null, difference.PValue, difference.PValue >= 0.05, StudyAnalysis.DescribeDifference(difference))));

        var h7Study = studyVerdicts.Single(v => v.Id == "H7");
        var h7Fiml = Indirect(fiml);
        rows.Add(new SensitivityRow("H7", Design.H7,
            h7Fiml with { Supported = h7Study.Supported, Evidence = "bootstrap: " + h7Study.Evidence },
            Indirect(listwise), Indirect(structural)));

        return new OrdinalSensitivityResults
        {
            Structural = structural,
            WithDirectPaths = direct,
            H6Difference = difference,
            H6Wald = wald,
            Rows = rows,
            Elapsed = clock.Elapsed,
        };
    }

    private static HypothesisOutcome Path(SemFit fit, Design.Hypothesis h)
    {
        var p = fit.Parameter(h.Outcome, "~", h.Predictor)!;
        return new HypothesisOutcome(p.StdAll, p.PValue, MethodComparisonRow.Supports(p), $"β = {Format.N(p.StdAll)}, {Format.PIs(p.PValue)}");
    }

    /// <summary>H7 by the delta method: each network construct's total indirect effect on upgrade positive with p &lt; .05.</summary>
    private static HypothesisOutcome Indirect(SemFit fit)
    {
        var effects = Network.Select(from => (From: from, Effect: fit.Effects(from, "upg").TotalIndirect)).ToList();
        bool supported = effects.All(e => e.Effect.Estimate > 0 && e.Effect.PValue < 0.05);
        double? smallest = effects.Min(e => e.Effect.StdAll);
        double? largestP = effects.Any(e => e.Effect.PValue is null) ? null : effects.Max(e => e.Effect.PValue);
        return new HypothesisOutcome(smallest, largestP, supported,
            string.Join("; ", effects.Select(e => $"{e.From}: {Format.N(e.Effect.StdAll)} ({Format.PIs(e.Effect.PValue)})")));
    }

    /// <summary>
    /// The robust Wald test that the direct paths upg ~ scale, centr, ties are all zero: W = bᵀ V⁻¹ b on 3 df, b the three
    /// estimates and V their block of the robust (robust.sem) covariance of the estimates (lavaan's lavTestWald).
    /// </summary>
    public static (double ChiSquare, int Df, double PValue) DirectPathsWald(SemFit direct)
    {
        var cov = direct.ParameterCovariance() ?? throw new SemLibException("The WLSMV fit with the direct paths has no covariance matrix of the estimates; the Wald test of H6 cannot be computed.");
        // ParameterCovariance() is over the free rows of Parameters in order.
        var free = direct.Parameters.Where(p => p.Free == true).ToList();
        var index = Network.Select(from => free.FindIndex(p => p.Lhs == "upg" && p.Op == SemLib.Syntax.ModelOperator.Regression && p.Rhs == from)).ToArray();
        if (index.Any(i => i < 0)) throw new InvalidOperationException("The model with direct paths lacks a direct path.");
        int k = index.Length;
        var v = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(k, k, (i, j) => cov[index[i], index[j]]);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(k, i => free[index[i]].Estimate);
        double w = b * v.Inverse() * b;
        return (w, k, 1 - ChiSquared.CDF(k, w));
    }
}
