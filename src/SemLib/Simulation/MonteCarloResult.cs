using SemLib.Syntax;
namespace SemLib.Simulation;

/// <summary>The outcome of a Monte Carlo study at one sample size.</summary>
public sealed record MonteCarloResult
{
    /// <summary>Rows per data set.</summary>
    public int SampleSize { get; init; }
    /// <summary>Replications run.</summary>
    public int Replications { get; init; }
    /// <summary>Replications whose fit converged (only these are summarised).</summary>
    public int Converged { get; init; }
    /// <summary>Replications that could not be fitted: <see cref="Replications"/> − <see cref="Converged"/>.</summary>
    public int Failed => Replications - Converged;
    /// <summary>
    /// Why replications failed: reason → number of replications, e.g. "did not converge", "the sample covariance
    /// matrix is not positive definite", "the simulated variable 'x1' is constant", or an error of the fit. The
    /// counts add up to <see cref="Failed"/>.
    /// </summary>
    public IReadOnlyDictionary<string, int> Failures { get; init; } = new Dictionary<string, int>();
    /// <summary>Converged / replications.</summary>
    public double ConvergenceRate => Replications == 0 ? 0 : Converged / (double)Replications;
    /// <summary>Converged replications with a negative variance estimate (Heywood cases).</summary>
    public int Inadmissible { get; init; }
    /// <summary>Mean of the model χ² (the scaled statistic when the analysis has a robust test: MLM, MLR).</summary>
    public double MeanChiSquare { get; init; }
    /// <summary>Degrees of freedom of the model test.</summary>
    public int Df { get; init; }
    /// <summary>Share of converged replications whose χ² test (the scaled one under MLM/MLR) rejects the model at α.</summary>
    public double ModelRejectionRate { get; init; }
    /// <summary>Per free and defined parameter: bias, SE ratio, coverage, power.</summary>
    public required IReadOnlyList<MonteCarloParameter> Parameters { get; init; }

    /// <summary>
    /// The row for lhs op rhs, the operator written as in lavaan (null also when op is not an operator), or for a
    /// label or defined name when only lhs is given.
    /// </summary>
    public MonteCarloParameter? Parameter(string lhs, string? op = null, string? rhs = null) =>
        op is null ? Parameters.FirstOrDefault(p => p.Label == lhs || (p.Op == ModelOperator.Defined && p.Lhs == lhs))
            : ModelOperatorText.FromLavaan(op) is { } o ? Parameter(lhs, o, rhs ?? "") : null;

    /// <summary>The row for lhs op rhs (~~ either way round), or null.</summary>
    public MonteCarloParameter? Parameter(string lhs, ModelOperator op, string rhs) =>
        Parameters.FirstOrDefault(p => p.Op == op && ((p.Lhs == lhs && p.Rhs == rhs) || (op == ModelOperator.Covariance && p.Lhs == rhs && p.Rhs == lhs)));
}
