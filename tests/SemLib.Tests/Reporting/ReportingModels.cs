using SemLib.Tests.Support;

namespace SemLib.Tests.Reporting;

/// <summary>Fitted models the reporting tests draw, each fitted once per test run.</summary>
internal static class ReportingModels
{
    private static readonly Dictionary<string, Lazy<SemFit>> Fits = new()
    {
        ["hs-cfa"] = new(() => ReferenceCase.Load("lavaan/hs-cfa").Fit()),
        ["poldem-sem"] = new(() => ReferenceCase.Load("lavaan/poldem-sem").Fit()),
        ["hs-second-order"] = new(() => ReferenceCase.Load("lavaan-extra/hs-second-order").Fit()),
        ["talor-mediation"] = new(() => ReferenceCase.Load("lavaan/talor-mediation").Fit()),
        ["hs-mimic"] = new(() => ReferenceCase.Load("lavaan-extra/hs-mimic").Fit()),
        ["hs-residual-cov"] = new(() => ReferenceCase.Load("lavaan-extra/hs-residual-cov").Fit()),
        // The 29-item study: the sample's design, data drawn by the library's population model (seeded).
        ["cluster-upgrade"] = new(() => Sem.Fit(ClusterUpgrade.Design.StructuralSyntax(), SemLib.Simulation.Likert.Cut(
            SemLib.Simulation.PopulationModel.FromSyntax(ClusterUpgrade.Design.PopulationSyntax(), standardized: true).Sample(218, 218),
            ClusterUpgrade.Design.Thresholds))),
    };

    public static SemFit Get(string name) => Fits[name].Value;

    /// <summary>The four models the diagram must handle (the brief's list), plus observed-only mediation.</summary>
    public static TheoryData<string> Required => new() { "hs-cfa", "poldem-sem", "hs-second-order", "cluster-upgrade", "talor-mediation" };

    /// <summary>The required models and a few shapes more (covariates, cross-loadings, residual covariances).</summary>
    public static TheoryData<string> All => new()
    {
        "hs-cfa", "poldem-sem", "hs-second-order", "cluster-upgrade", "talor-mediation", "hs-mimic", "hs-residual-cov",
    };
}
