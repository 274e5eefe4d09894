using SemLib.Syntax;
namespace SemLib.Resampling;

/// <summary>
/// The outcome of a bootstrap: per parameter and per requested effect the bootstrap SE and interval, how many
/// draws converged (failed draws are counted and excluded, never mixed in), the Bollen–Stine p-value when asked,
/// and the draws themselves.
/// </summary>
public sealed class BootstrapResult
{
    private readonly IReadOnlyList<double[]> _draws;
    private readonly IReadOnlyList<string> _statistics;

    internal BootstrapResult(BootstrapOptions options, int converged, IReadOnlyList<BootstrapEstimate> parameters,
        IReadOnlyList<BootstrapEffect> effects, double? bollenStine, int bollenStineDraws, IReadOnlyList<string> warnings,
        IReadOnlyList<string> statistics, IReadOnlyList<double[]> draws)
    {
        Options = options;
        Converged = converged;
        Parameters = parameters;
        Effects = effects;
        BollenStinePValue = bollenStine;
        BollenStineDraws = bollenStineDraws;
        Warnings = warnings;
        _statistics = statistics;
        _draws = draws;
    }

    /// <summary>The settings used.</summary>
    public BootstrapOptions Options { get; }

    /// <summary>Draws requested.</summary>
    public int Requested => Options.Draws;

    /// <summary>Draws whose fit converged; only these enter the results.</summary>
    public int Converged { get; }

    /// <summary>Draws that failed (no convergence, a singular resampled covariance matrix, a category of an ordered item absent from the draw) and were excluded.</summary>
    public int Failed => Requested - Converged;

    /// <summary>Why draws failed: reason → number of draws (summing to <see cref="Failed"/>), in ordinal order of the reasons.</summary>
    public IReadOnlyDictionary<string, int> Failures { get; init; } = new Dictionary<string, int>();

    /// <summary>One entry per row of <see cref="SemFit.Parameters"/>, in the same order.</summary>
    public IReadOnlyList<BootstrapEstimate> Parameters { get; }

    /// <summary>The bootstrapped effects, in the order requested (total, direct, indirect, specific paths).</summary>
    public IReadOnlyList<BootstrapEffect> Effects { get; }

    /// <summary>
    /// Bollen–Stine p-value of the model χ² (share of draws from the transformed data with a larger χ²), when asked;
    /// null when not asked, when no draw converged, and for a saturated model (df = 0), where it is not defined.
    /// </summary>
    public double? BollenStinePValue { get; }

    /// <summary>
    /// True when the Bollen–Stine p-value was asked for a saturated model (df = 0), where it is not defined: every
    /// draw's χ² is 0 up to rounding. <see cref="BollenStinePValue"/> is then null and no draws were run.
    /// </summary>
    public bool BollenStineUndefined => Options.BollenStine && ModelDf == 0;

    /// <summary>Degrees of freedom of the bootstrapped model.</summary>
    public int ModelDf { get; init; }

    /// <summary>Bollen–Stine draws that converged.</summary>
    public int BollenStineDraws { get; }

    /// <summary>Notes, e.g. how many draws failed.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The row for lhs op rhs, the operator written as in lavaan (~~ either way round), or null (also when op is not an operator).</summary>
    public BootstrapEstimate? Parameter(string lhs, string op, string rhs, int group = 1) =>
        ModelOperatorText.FromLavaan(op) is { } o ? Parameter(lhs, o, rhs, group) : null;

    /// <summary>The row for lhs op rhs (~~ either way round), or null.</summary>
    public BootstrapEstimate? Parameter(string lhs, ModelOperator op, string rhs, int group = 1) =>
        Parameters.FirstOrDefault(p => p.Group == group && p.Op == op &&
            ((p.Lhs == lhs && p.Rhs == rhs) || (op == ModelOperator.Covariance && p.Lhs == rhs && p.Rhs == lhs)));

    /// <summary>The row of a labelled or defined parameter, or null.</summary>
    public BootstrapEstimate? Parameter(string label) =>
        Parameters.FirstOrDefault(p => p.Label == label || (p.Op == ModelOperator.Defined && p.Lhs == label));

    /// <summary>Names of the bootstrapped statistics, in the column order of <see cref="Draw"/>.</summary>
    public IReadOnlyList<string> Statistics => _statistics;

    /// <summary>The converged draws: row k holds every statistic of draw k (see <see cref="Statistics"/>).</summary>
    public IReadOnlyList<double> Draw(int k) => _draws[k];

    /// <summary>All converged draws of one statistic, in draw order.</summary>
    public double[] DrawsOf(string statistic)
    {
        int j = -1;
        for (int i = 0; i < _statistics.Count; i++)
            if (_statistics[i] == statistic) j = i;
        if (j < 0) throw new KeyNotFoundException($"'{statistic}' is not a bootstrapped statistic.");
        return _draws.Select(d => d[j]).ToArray();
    }
}
