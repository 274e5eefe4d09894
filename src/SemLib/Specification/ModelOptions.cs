using SemLib.Data;
using SemLib.Estimation;

namespace SemLib.Specification;

/// <summary>
/// How a model is specified and fitted. The defaults are lavaan's <c>sem()</c>/<c>cfa()</c> defaults: marker
/// variable identification, free residual variances, free covariances among exogenous latent variables and
/// among pure outcome variables, exogenous observed covariates fixed at their sample moments, ML with standard
/// errors from the expected information.
/// </summary>
public sealed record ModelOptions
{
    /// <summary>lavaan's defaults.</summary>
    public static readonly ModelOptions Default = new();

    /// <summary>Identify factors by fixing their variances to 1 instead of their first loadings (lavaan's <c>std.lv</c>).</summary>
    public bool StdLv { get; init; }

    /// <summary>
    /// Estimate intercepts and means (lavaan's <c>meanstructure</c>); null means lavaan's default: on with more than
    /// one group or with a cluster column (as lavaan). Any <c>~ 1</c> in the syntax also switches it on, and
    /// full-information ML (<see cref="Missing"/> ML or MLX) always has it, as lavaan forces it there.
    /// </summary>
    public bool? MeanStructure { get; init; }

    /// <summary>
    /// Fix the variances, covariances and means of exogenous observed covariates at their sample values (lavaan's
    /// <c>fixed.x</c>); null means lavaan 0.6.14's default: true for ML, false for GLS and ULS.
    /// </summary>
    public bool? FixedX { get; init; }

    /// <summary>The mean-structure setting in effect for this many groups.</summary>
    public bool MeanStructureFor(int groups) => Missing.IsFullInformation() || (MeanStructure ?? (groups > 1 || Cluster is not null));

    /// <summary>The fixed.x setting in effect for the estimator.</summary>
    public bool FixedXInEffect => FixedX ?? Estimator.IsMaximumLikelihood();

    /// <summary>Make all covariances among latent variables zero unless written (lavaan's <c>orthogonal</c>).</summary>
    public bool Orthogonal { get; init; }

    /// <summary>
    /// The estimator. When none is set it is lavaan's default: ML, or WLSMV when <see cref="Ordered"/> names variables
    /// (or the syntax gives thresholds).
    /// </summary>
    public Estimator Estimator
    {
        get => _estimator ?? (Ordered.Count > 0 ? Estimator.WLSMV : Estimator.ML);
        init => _estimator = value;
    }

    private readonly Estimator? _estimator;

    /// <summary>Whether an estimator was chosen explicitly (rather than lavaan's default for the data).</summary>
    public bool EstimatorIsSet => _estimator is not null;

    /// <summary>
    /// The observed variables treated as ordered categorical items (lavaan's <c>ordered</c>): their categories are the
    /// distinct integer codes in the data (gaps allowed), and they are modelled through thresholds and the polychoric
    /// (or polyserial) correlations of normal latent responses. A single entry <c>"all"</c> (<see cref="AllOrdered"/>)
    /// orders every observed variable of the model. Variables with thresholds in the syntax (<c>x | t1</c>) are ordered
    /// whether listed or not.
    /// </summary>
    public IReadOnlyList<string> Ordered { get; init; } = [];

    /// <summary>The value of <see cref="Ordered"/> that orders every observed variable of the model.</summary>
    public const string AllOrdered = "all";

    /// <summary>
    /// How the latent responses of ordered items are scaled (lavaan's <c>parameterization</c>): <see cref="CategoricalParameterization.Delta"/>
    /// (the default: their total variances are 1, residual variances follow) or <see cref="CategoricalParameterization.Theta"/>
    /// (their residual variances are 1).
    /// </summary>
    public CategoricalParameterization Parameterization { get; init; } = CategoricalParameterization.Delta;

    /// <summary>
    /// Which information matrix the standard errors come from; null means lavaan 0.6.14's default: observed with
    /// FIML (<see cref="MissingPolicy.ML"/>) and with Huber–White standard errors (MLR), expected otherwise.
    /// </summary>
    public InformationType? Information { get; init; }

    /// <summary>
    /// The information type in effect (lavaan 0.6.14: observed with FIML and with Huber–White standard errors — MLR's
    /// default — expected otherwise, so MLR with <c>se = "robust"</c> uses the expected one).
    /// </summary>
    public InformationType InformationInEffect =>
        Information ?? (!Missing.IsFullInformation() && StandardErrorsInEffect != StandardErrorType.RobustHuberWhite
            ? InformationType.Expected : InformationType.Observed);

    /// <summary>How standard errors are computed; null means the estimator's default (lavaan's <c>se</c>).</summary>
    public StandardErrorType? StandardErrors { get; init; }

    /// <summary>The standard-error type in effect.</summary>
    public StandardErrorType StandardErrorsInEffect => StandardErrors switch
    {
        null => Estimator.DefaultStandardErrors(),
        StandardErrorType.Robust => !Missing.IsFullInformation() ? StandardErrorType.RobustSem : StandardErrorType.RobustHuberWhite,
        var se => se.Value,
    };

    /// <summary>Which scaled test accompanies the standard χ²; null means the estimator's default (lavaan's <c>test</c>).</summary>
    public TestType? Test { get; init; }

    /// <summary>The test in effect.</summary>
    public TestType TestInEffect => Test ?? Estimator.DefaultTest();

    /// <summary>Handling of missing values (default listwise deletion; <see cref="MissingPolicy.ML"/> for FIML).</summary>
    public MissingPolicy Missing { get; init; } = MissingPolicy.Listwise;

    /// <summary>
    /// The column naming the cluster (primary sampling unit) of each row, for cluster-robust standard errors and test
    /// (lavaan's <c>cluster</c> with a single-level model); null for independent rows.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>The column that splits the data into groups, or null for one group.</summary>
    public string? Group { get; init; }

    /// <summary>Confidence level of the intervals (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Maximum optimizer iterations per attempt.</summary>
    public int MaxIterations { get; init; } = 10_000;

    /// <summary>
    /// The model type that decides the defaults: <see cref="ModelKind.Sem"/> (lavaan's <c>sem()</c>/<c>cfa()</c>,
    /// the default) adds residual variances and factor covariances; <see cref="ModelKind.Lavaan"/> adds nothing.
    /// </summary>
    public ModelKind Kind { get; init; } = ModelKind.Sem;

    // --- group.equal / group.partial (invariance) ---

    /// <summary>
    /// Parameters constrained equal across groups, lavaan's <c>group.equal</c>: any of "loadings", "intercepts",
    /// "means", "thresholds", "regressions", "residuals", "residual.covariances", "lv.variances", "lv.covariances".
    /// As in lavaan, equal intercepts (or thresholds) without equal means free the latent means of the later groups,
    /// and with <see cref="StdLv"/> equal loadings without equal latent variances free the later groups' latent
    /// variances. "thresholds" applies to the thresholds of ordinal items (none until ordinal items are supported).
    /// Ignored with one group, as in lavaan.
    /// </summary>
    public IReadOnlyList<string> GroupEqual { get; init; } = [];

    /// <summary>
    /// Parameters exempted from <see cref="GroupEqual"/>, lavaan's <c>group.partial</c>, each written "lhs op rhs"
    /// ("x1 ~ 1", "visual =~ x2", "x1 ~~ x4"); a name that is not a parameter of the model is an error.
    /// </summary>
    public IReadOnlyList<string> GroupPartial { get; init; } = [];
}

/// <summary>How the latent response variables of ordered items are identified (lavaan's <c>parameterization</c>).</summary>
public enum CategoricalParameterization
{
    /// <summary>The scale factors Δ = 1/√diag(Σ*) are parameters (fixed to 1 in the first group); residual variances follow.</summary>
    Delta,
    /// <summary>The residual variances are parameters (fixed to 1 in the first group); the scale factors follow.</summary>
    Theta,
}

/// <summary>Which defaults the parameter table gets.</summary>
public enum ModelKind
{
    /// <summary>lavaan's <c>sem()</c> and <c>cfa()</c> defaults.</summary>
    Sem,
    /// <summary>lavaan's bare <c>lavaan()</c>: only what is written.</summary>
    Lavaan,
}
