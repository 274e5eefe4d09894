using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Model;

/// <summary>
/// The LISREL structure of one group, compiled from its rows of the parameter table: Σ = ΛAΨAᵀΛᵀ + Θ and
/// μ = ν + ΛAα with A = (I − B)⁻¹. Observed variables that take part in regressions (or covary with latent
/// variables) get a "phantom" latent copy with loading 1 and zero residual, as lavaan does, so that all
/// structural relations live among latent variables. Immutable; <see cref="GroupState"/> holds the numbers.
/// </summary>
internal sealed class GroupModel
{
    public GroupModel(int group, IReadOnlyList<string> observed, IReadOnlyList<string> latent, IReadOnlySet<string> phantoms,
        List<(MatrixCell Cell, int Param)> freeCells, List<(MatrixCell Cell, double Value, int Row)> fixedCells, bool meanStructure)
    {
        Group = group;
        Observed = observed;
        P = observed.Count;
        var eta = latent.ToList();
        var phantomIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in observed)
        {
            if (!phantoms.Contains(o)) continue;
            phantomIndex[o] = eta.Count;
            eta.Add(o);
        }
        Eta = eta;
        M = eta.Count;
        LatentCount = latent.Count;
        PhantomIndex = phantomIndex;
        FreeCells = freeCells;
        FixedCells = fixedCells;
        MeanStructure = meanStructure;
        HasBeta = freeCells.Any(c => c.Cell.Matrix == ModelMatrix.Beta) || fixedCells.Any(c => c.Cell.Matrix == ModelMatrix.Beta && c.Value != 0);
        ThetaDiagonal = !freeCells.Any(c => c.Cell.Matrix == ModelMatrix.Theta && c.Cell.Row != c.Cell.Col)
            && !fixedCells.Any(c => c.Cell.Matrix == ModelMatrix.Theta && c.Cell.Row != c.Cell.Col && c.Value != 0);
        SigmaTerms = freeCells.SelectMany(c => SigmaTermsOf(c.Cell, c.Param)).ToArray();
        MeanTerms = meanStructure ? freeCells.SelectMany(c => MeanTermsOf(c.Cell, c.Param)).ToArray() : [];
    }

    /// <summary>Per observed variable: whether it is ordered (categorical).</summary>
    public bool[] Ordered { get; init; } = [];

    /// <summary>Per observed variable: the position of its first threshold in τ (−1 for a continuous variable).</summary>
    public int[] ThresholdStart { get; init; } = [];

    /// <summary>Per observed variable: its number of thresholds (0 for a continuous variable).</summary>
    public int[] ThresholdCount { get; init; } = [];

    /// <summary>Length of τ.</summary>
    public int TauCount { get; init; }

    /// <summary>Whether the model has ordered variables.</summary>
    public bool IsCategorical => TauCount > 0;

    /// <summary>
    /// Under the delta parameterization the residual variance of an ordered variable is not a parameter: the state sets
    /// it to 1/Δ² minus the explained variance, so that the latent response has variance 1/Δ².
    /// </summary>
    public bool DeltaParameterization { get; init; }

    /// <summary>1-based group number.</summary>
    public int Group { get; }

    /// <summary>Observed variables (rows of Λ, order of Σ).</summary>
    public IReadOnlyList<string> Observed { get; }

    /// <summary>Latent variables followed by phantom copies of observed variables (columns of Λ).</summary>
    public IReadOnlyList<string> Eta { get; }

    /// <summary>Number of real latent variables (the first entries of <see cref="Eta"/>).</summary>
    public int LatentCount { get; }

    /// <summary>For observed variables with a phantom: the phantom's index in <see cref="Eta"/>.</summary>
    public IReadOnlyDictionary<string, int> PhantomIndex { get; }

    public int P { get; }
    public int M { get; }
    public bool MeanStructure { get; }
    public bool HasBeta { get; }

    /// <summary>True when Θ has no off-diagonal entries.</summary>
    public bool ThetaDiagonal { get; }

    /// <summary>Cells that take a free parameter (index into θ, the free-row vector).</summary>
    public List<(MatrixCell Cell, int Param)> FreeCells { get; }

    /// <summary>Cells with a fixed value, and the table row they come from (-1 for structural constants).</summary>
    public List<(MatrixCell Cell, double Value, int Row)> FixedCells { get; }

    /// <summary>
    /// Fixed cells that hold sample moments of exogenous covariates (fixed.x): the cell and the observed indices
    /// (i, j) of the covariance it copies, or (i, -1) for a mean. They change when the data change.
    /// </summary>
    public (MatrixCell Cell, int I, int J)[] ExogenousCells { get; init; } = [];

    /// <summary>The sample moment an exogenous cell (i, j) holds: covariance[i, j] (p×p, row-major), or mean[i] when j is −1.</summary>
    public static double ExogenousMoment(int i, int j, ReadOnlySpan<double> covariance, ReadOnlySpan<double> mean, int p) =>
        j < 0 ? mean[i] : covariance[i * p + j];

    public SigmaTerm[] SigmaTerms { get; }
    public MeanTerm[] MeanTerms { get; }

    /// <summary>Size of the vector set the derivative terms refer to: p unit vectors and 2m columns.</summary>
    public int VectorCount => P + 2 * M;

    private IEnumerable<SigmaTerm> SigmaTermsOf(MatrixCell c, int param)
    {
        int p = P, m = M;
        switch (c.Matrix)
        {
            case ModelMatrix.Lambda:
                yield return new SigmaTerm(param, 1, c.Row, p + m + c.Col);
                break;
            case ModelMatrix.Theta:
                yield return new SigmaTerm(param, c.Row == c.Col ? 0.5 : 1, c.Row, c.Col);
                break;
            case ModelMatrix.Psi:
                yield return new SigmaTerm(param, c.Row == c.Col ? 0.5 : 1, p + c.Row, p + c.Col);
                break;
            case ModelMatrix.Beta:
                yield return new SigmaTerm(param, 1, p + c.Row, p + m + c.Col);
                break;
        }
    }

    private IEnumerable<MeanTerm> MeanTermsOf(MatrixCell c, int param)
    {
        int p = P;
        switch (c.Matrix)
        {
            case ModelMatrix.Nu:
                yield return new MeanTerm(param, 1, c.Row, -1);
                break;
            case ModelMatrix.Alpha:
                yield return new MeanTerm(param, 1, p + c.Row, -1);
                break;
            case ModelMatrix.Lambda:
                yield return new MeanTerm(param, 1, c.Row, c.Col);
                break;
            case ModelMatrix.Beta:
                yield return new MeanTerm(param, 1, p + c.Row, c.Col);
                break;
        }
    }

    /// <summary>The eta index of a latent variable or of an observed variable's phantom, or -1.</summary>
    public int EtaIndex(string name)
    {
        for (int k = 0; k < LatentCount; k++)
            if (Eta[k] == name) return k;
        return PhantomIndex.TryGetValue(name, out int idx) ? idx : -1;
    }

    public int ObservedIndex(string name)
    {
        for (int i = 0; i < P; i++)
            if (Observed[i] == name) return i;
        return -1;
    }

    /// <summary>Where a table row of this group lives in the matrices.</summary>
    public MatrixCell Locate(ParameterRow row) => Locate(row, EtaIndex, ObservedIndex, v => ThresholdStart[ObservedIndex(v)]);

    /// <summary>Where a table row lives in the matrices, given the column (eta) and row (observed) indices of names.</summary>
    public static MatrixCell Locate(ParameterRow row, Func<string, int> etaIndex, Func<string, int> obsIndex, Func<string, int>? thresholdStart = null)
    {
        switch (row.Op)
        {
            case ModelOperator.Threshold:
                return new MatrixCell(ModelMatrix.Tau, thresholdStart!(row.Lhs) + Specification.OrdinalRows.ThresholdNumber(row.Rhs) - 1, obsIndex(row.Lhs));
            case ModelOperator.Scaling:
                return new MatrixCell(ModelMatrix.Delta, obsIndex(row.Lhs), 0);
            case ModelOperator.MeasuredBy:
                {
                    int lv = etaIndex(row.Lhs);
                    int ind = etaIndex(row.Rhs);
                    return ind >= 0 ? new MatrixCell(ModelMatrix.Beta, ind, lv) : new MatrixCell(ModelMatrix.Lambda, obsIndex(row.Rhs), lv);
                }
            case ModelOperator.Regression:
                return new MatrixCell(ModelMatrix.Beta, etaIndex(row.Lhs), etaIndex(row.Rhs));
            case ModelOperator.Covariance:
                {
                    int a = etaIndex(row.Lhs), b = etaIndex(row.Rhs);
                    if (a >= 0 && b >= 0) return new MatrixCell(ModelMatrix.Psi, Math.Max(a, b), Math.Min(a, b));
                    int i = obsIndex(row.Lhs), j = obsIndex(row.Rhs);
                    return new MatrixCell(ModelMatrix.Theta, Math.Max(i, j), Math.Min(i, j));
                }
            case ModelOperator.Intercept:
                {
                    int a = etaIndex(row.Lhs);
                    return a >= 0 ? new MatrixCell(ModelMatrix.Alpha, a, 0) : new MatrixCell(ModelMatrix.Nu, obsIndex(row.Lhs), 0);
                }
            default:
                throw new InvalidOperationException($"Row {row.Name} is not a matrix parameter.");
        }
    }
}
