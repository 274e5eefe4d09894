using SemLib.Model;
using SemLib.Specification;

namespace SemLib.Estimation;

/// <summary>
/// A model at its estimates: everything inference needs, kept internal. Immutable: it holds no live objective, so
/// what reads it (standard errors, modification indices, effects, reports) never depends on where an optimizer last
/// evaluated; whatever needs to evaluate the fit function takes its own context from <see cref="NewObjective"/>.
/// </summary>
internal sealed class FittedModel
{
    public required ParameterTable Table { get; init; }
    public required LisrelModel Model { get; init; }
    public required EstimationSample Sample { get; init; }
    public required ModelOptions Options { get; init; }
    public required double[] Zeta { get; init; }
    public required double[] Theta { get; init; }
    public required double F { get; init; }
    public required OptimizerResult Optimizer { get; init; }

    /// <summary>Each group's discrepancy F_g at the estimates (before weighting).</summary>
    public required double[] GroupF { get; init; }

    /// <summary>A fresh evaluation context for the model and sample (one per caller and thread; not evaluated yet).</summary>
    public Objective NewObjective() => new(Model, Sample);

    private GroupState[]? _states;

    /// <summary>
    /// The group states at the estimates: a snapshot taken once, so later evaluations of the objective (observed
    /// information, modification indices) cannot change what the results read.
    /// </summary>
    public GroupState State(int group)
    {
        if (_states is null)
        {
            var states = Model.Groups.Select(g => new GroupState(g)).ToArray();
            foreach (var s in states) s.Update(Theta);
            _states = states;
        }
        return _states[group];
    }

    /// <summary>
    /// Number of free parameters after equality constraints (lavaan's npar). Active inequality constraints, held as
    /// equalities in the fit, do not count as constraints here: lavaan's df ignores inequality constraints.
    /// </summary>
    public int Npar => Model.ZetaCountWithoutInequalities;

    /// <summary>Sample moments the model is fitted to (covariances, plus means with a mean structure), minus the fixed exogenous ones.</summary>
    public int Moments => CountMoments(Table, Sample);

    /// <summary>Degrees of freedom of the model test.</summary>
    public int Df => Moments - Npar;

    /// <summary>
    /// The χ² statistic Σ_g 2·n_g·F_g with n_g = N_g (ML) or N_g − 1 (GLS, ULS), as lavaan, never negative. A
    /// saturated model (df = 0) reproduces the sample moments exactly, so what is left of its χ² below 1e-8 is
    /// rounding in the optimizer and is reported as 0, as lavaan reports it.
    /// </summary>
    public double ChiSquare
    {
        get
        {
            double x2 = Math.Max(0, GroupChiSquare(Sample, GroupF).Sum());
            return Df == 0 && x2 < 1e-8 ? 0 : x2;
        }
    }

    /// <summary>Each group's contribution 2·n_g·F_g to χ².</summary>
    public static double[] GroupChiSquare(EstimationSample sample, IReadOnlyList<double> groupF) =>
        sample.Groups.Select((g, i) => 2 * sample.Loss.StatisticCount(g.N) * groupF[i]).ToArray();

    public static int CountMoments(ParameterTable table, EstimationSample sample)
    {
        if (sample.Categorical) return sample.Groups.Sum(g => g.Layout!.Count); // thresholds, means, variances, correlations
        int total = 0;
        int nx = table.Roles.ObservedExogenous.Count;
        foreach (var g in sample.Groups)
        {
            int p = g.P;
            total += p * (p + 1) / 2 + (table.MeanStructure ? p : 0);
            total -= nx * (nx + 1) / 2 + (table.MeanStructure ? nx : 0);
        }
        return total;
    }
}
