using MathNet.Numerics.LinearAlgebra;
using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib;

/// <summary>
/// A fitted model: status, estimates with standard errors and standardized values, R², fit measures, the
/// implied moments and warnings. Immutable. A statistical problem (non-convergence, a negative variance, a
/// possibly unidentified model) is reported by <see cref="Status"/> and <see cref="Warnings"/>, never thrown.
/// </summary>
public sealed class SemFit
{
    private readonly Lazy<IReadOnlyList<ModificationIndex>> _modificationIndices;

    internal SemFit(FittedModel fitted, FitStatus status, IReadOnlyList<ParameterEstimate> parameters, FitMeasures measures,
        IReadOnlyList<IReadOnlyDictionary<string, double>> rSquare, IReadOnlyList<FitWarning> warnings, double[]? covTheta, double[]? covZeta,
        IReadOnlyList<ModelTest> tests, IReadOnlyList<MissingDataSummary>? missingData)
    {
        Tests = tests;
        MissingData = missingData;
        Fitted = fitted;
        Status = status;
        Parameters = parameters;
        FitMeasures = measures;
        RSquareByGroup = rSquare;
        Warnings = warnings;
        CovTheta = covTheta;
        CovZeta = covZeta;
        _modificationIndices = new Lazy<IReadOnlyList<ModificationIndex>>(() => Inference.ModificationIndices.Compute(this));
    }

    internal FittedModel Fitted { get; }
    internal double[]? CovTheta { get; }
    internal double[]? CovZeta { get; }

    /// <summary>How the estimation ended.</summary>
    public FitStatus Status { get; }

    /// <summary>True when the optimizer converged (the solution may still be inadmissible; see <see cref="Status"/>).</summary>
    public bool Converged => Status != FitStatus.NotConverged;

    /// <summary>Optimizer iterations, over all attempts.</summary>
    public int Iterations => Fitted.Optimizer.Iterations;

    /// <summary>The minimised fit function value (lavaan's <c>fmin</c> scale for ML).</summary>
    public double FunctionValue => Fitted.F;

    /// <summary>The estimator used.</summary>
    public Estimator Estimator => Fitted.Options.Estimator;

    /// <summary>The options the model was fitted with.</summary>
    public ModelOptions Options => Fitted.Options;

    /// <summary>The parameter table.</summary>
    public ParameterTable Table => Fitted.Table;

    /// <summary>Observations used, per group.</summary>
    public IReadOnlyList<int> NObs => Fitted.Sample.Groups.Select(g => g.N).ToList();

    /// <summary>Group labels (values of the group column), or a single empty label.</summary>
    public IReadOnlyList<string> GroupLabels => Fitted.Sample.Data.Groups.Select(g => g.Label).ToList();

    /// <summary>Every row of lavaan's <c>parameterEstimates(fit, standardized = TRUE)</c>, in table order.</summary>
    public IReadOnlyList<ParameterEstimate> Parameters { get; }

    /// <summary>Fit measures under lavaan's names.</summary>
    public FitMeasures FitMeasures { get; }

    /// <summary>
    /// The model tests, as lavaan lists them: the standard χ² first, then the scaled (or scaled-and-shifted) statistic
    /// of a robust estimator. Empty when the optimizer did not converge.
    /// </summary>
    public IReadOnlyList<ModelTest> Tests { get; }

    /// <summary>Per group, the missing-data patterns and coverage under full-information ML; null with listwise deletion.</summary>
    public IReadOnlyList<MissingDataSummary>? MissingData { get; }

    /// <summary>R² of the indicators and dependent variables of the first group.</summary>
    public IReadOnlyDictionary<string, double> RSquare => RSquareByGroup[0];

    /// <summary>R² per group.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> RSquareByGroup { get; }

    /// <summary>
    /// One warning per problem — non-convergence, negative variances, non-positive-definite matrices, possible
    /// non-identification, dropped rows — each with its <see cref="FitWarning.Kind"/>, its sentence
    /// (<see cref="FitWarning.Message"/>) and the variables or parameters it names.
    /// </summary>
    public IReadOnlyList<FitWarning> Warnings { get; }

    /// <summary>Modification indices with expected parameter changes (lavaan's <c>modindices()</c>), sorted by the index, largest first.</summary>
    public IReadOnlyList<ModificationIndex> ModificationIndices() => _modificationIndices.Value;

    /// <summary>
    /// The modification indices above <paramref name="minimumValue"/>, as lavaan's <c>modindices(fit, minimum.value =
    /// X)</c>: for X &gt; 0 those with mi &gt; X (strictly, as lavaan filters), for X ≤ 0 all of them.
    /// </summary>
    public IReadOnlyList<ModificationIndex> ModificationIndices(double minimumValue) => minimumValue > 0
        ? _modificationIndices.Value.Where(m => m.Mi > minimumValue).ToList()
        : _modificationIndices.Value;

    /// <summary>
    /// Total, direct and indirect effects of <paramref name="from"/> on <paramref name="to"/> (latent or observed), each
    /// specific indirect path, with delta-method standard errors and standardized values — AMOS's effects tables, or
    /// lavaan's <c>:=</c> products written by hand.
    /// </summary>
    public EffectDecomposition Effects(string from, string to, int group = 1) => Inference.Effects.Compute(this, from, to, group);

    /// <summary>
    /// The residual matrices of every group, as lavaan's <c>resid(fit, type = "raw" | "standardized")</c>: S − Σ̂ (and
    /// x̄ − μ̂ with a mean structure), or each residual over its asymptotic standard error (ML and GLS; for ULS
    /// <see cref="InvalidOperationException"/>, as lavaan cannot compute them either).
    /// </summary>
    public IReadOnlyList<ResidualMatrices> Residuals(ResidualType type = ResidualType.Raw) => ResidualMatrixCalculator.Compute(this, type);

    /// <summary>The model-implied covariance matrix and means of a group (1-based).</summary>
    public ImpliedMoments Implied(int group = 1)
    {
        var s = Fitted.State(group - 1);
        var cov = Matrix<double>.Build.DenseOfRowMajor(s.Model.P, s.Model.P, s.Sigma).ToArray();
        return new ImpliedMoments(s.Model.Observed, cov, Fitted.Table.MeanStructure ? s.Mu.ToArray() : null);
    }

    /// <summary>
    /// The row for lhs op rhs in a group, the operator written as in lavaan (<c>"=~"</c>, <c>"~~"</c>, <c>"~1"</c>
    /// with an empty rhs; ~~ matches either way round); null when the model has none or op is not an operator.
    /// </summary>
    public ParameterEstimate? Parameter(string lhs, string op, string rhs, int group = 1) =>
        ModelOperatorText.FromLavaan(op) is { } o ? Parameter(lhs, o, rhs, group) : null;

    /// <summary>The row for lhs op rhs in a group (~~ matches either way round); null when the model has none.</summary>
    public ParameterEstimate? Parameter(string lhs, ModelOperator op, string rhs, int group = 1) =>
        Parameters.FirstOrDefault(p => p.Group == group && p.Op == op &&
            ((p.Lhs == lhs && p.Rhs == rhs) || (op == ModelOperator.Covariance && p.Lhs == rhs && p.Rhs == lhs)));

    /// <summary>The row of a labelled or defined parameter; null when there is none.</summary>
    public ParameterEstimate? Parameter(string label) =>
        Parameters.FirstOrDefault(p => p.Label == label || (p.Op == ModelOperator.Defined && p.Lhs == label));

    /// <summary>The sampling covariance matrix of the free parameters (table order of free rows), or null when it could not be computed.</summary>
    public double[,]? ParameterCovariance()
    {
        int q = Fitted.Model.ThetaCount;
        return CovTheta is null ? null : Matrix<double>.Build.DenseOfRowMajor(q, q, CovTheta).ToArray();
    }
}
