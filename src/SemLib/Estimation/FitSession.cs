using SemLib.Data;
using SemLib.Model;
using SemLib.Specification;

namespace SemLib.Estimation;

/// <summary>
/// A compiled model refitted to new sample moments many times — bootstrap draws, Monte Carlo replications —
/// with its own copy of the moments, objective and optimizer, so one session per thread runs without locks or
/// per-fit setup. Moments are computed from selected raw rows into preallocated buffers; under full-information ML the
/// selected rows keep their missing cells and are refitted by FIML.
/// </summary>
internal sealed class FitSession
{
    private readonly double[][] _cov;
    private readonly double[][] _mean;
    private readonly double[] _dev;

    public FitSession(LisrelModel model, EstimationSample template, ModelOptions options)
    {
        Model = model;
        Options = options;
        Sample = template.Clone();
        Objective = new Objective(model, Sample);
        Optimizer = new Optimizer(Objective);
        _cov = Sample.Groups.Select(g => new double[g.P * g.P]).ToArray();
        _mean = Sample.Groups.Select(g => new double[g.P]).ToArray();
        _dev = new double[Sample.Groups.Max(g => g.P)];
    }

    public LisrelModel Model { get; }
    public ModelOptions Options { get; }
    public EstimationSample Sample { get; }
    public Objective Objective { get; }
    public Optimizer Optimizer { get; }

    /// <summary>
    /// Moments of the rows <paramref name="rows"/>[<paramref name="indices"/>[k]] for one group (N-divisor
    /// covariance); false when their covariance matrix is not positive definite.
    /// </summary>
    public bool SetRows(int group, double[][] rows, ReadOnlySpan<int> indices)
    {
        if (Sample.FullInformation) return SetIncompleteRows(group, rows, indices);
        GroupSample.Moments(rows, indices, _mean[group], _cov[group], _dev);
        return SetMoments(group, _cov[group], _mean[group]);
    }

    /// <summary>
    /// The convergence tolerance of the EM estimate of a draw's unrestricted moments under full-information ML. They
    /// give χ² (the h1 log-likelihood) and the sample moments behind start values; the estimates do not depend on them
    /// (the h1 log-likelihood is a constant of the fit function, and convergence is judged by the Newton decrement). A
    /// caller that needs no χ² of the draws (the bootstrap of estimates) may loosen it.
    /// </summary>
    public double SaturatedTolerance { get; set; } = SaturatedMoments.DefaultTolerance;

    /// <summary>
    /// Full-information ML: the drawn rows keep their missing cells; their patterns and EM (h1) moments replace the
    /// group's (allocating: a draw's patterns have their own sizes). False when the draw cannot be analysed (a variable
    /// missing in every drawn row, a variable constant where observed, EM not converging or not positive definite).
    /// </summary>
    private bool SetIncompleteRows(int group, double[][] rows, ReadOnlySpan<int> indices)
    {
        var draw = new double[indices.Length][];
        for (int k = 0; k < draw.Length; k++) draw[k] = rows[indices[k]];
        MissingPatterns patterns;
        SaturatedMoments h1;
        try
        {
            patterns = MissingPatterns.Create(Sample.Data.Names, draw);
            h1 = SaturatedMoments.Estimate(patterns, SaturatedTolerance);
        }
        catch (DataException)
        {
            return false;
        }
        if (!h1.Converged || !Sample.Groups[group].SetFullInformation(patterns, h1)) return false;
        Objective.RefreshPatterns(group);
        Objective.RefreshExogenous();
        return true;
    }

    /// <summary>Replaces one group's moments (N-divisor covariance, means).</summary>
    public bool SetMoments(int group, ReadOnlySpan<double> covarianceN, ReadOnlySpan<double> mean)
    {
        if (!Sample.Groups[group].SetMoments(covarianceN, mean)) return false;
        Objective.RefreshExogenous();
        return true;
    }

    /// <summary>
    /// Fits to the current moments, starting from <paramref name="warmStart"/> (then the usual retries when it does
    /// not converge); a converged inadmissible solution is kept, as lavaan keeps it in bootstrap and simulation.
    /// </summary>
    public OptimizerResult Fit(double[]? warmStart) => FitEngine.Minimize(Optimizer, Model, Sample, Options, warmStart, acceptInadmissible: true);

    /// <summary>χ² at ζ: Σ_g 2·n_g·F_g (n_g = N_g for ML, N_g − 1 otherwise); evaluates the objective at ζ first.</summary>
    public double ChiSquareAt(double[] zeta)
    {
        Objective.Evaluate(zeta, []);
        return CurrentChiSquare();
    }

    /// <summary>
    /// χ² from the group discrepancies of the objective's last evaluation, without evaluating again. Only for a
    /// caller that knows the last point evaluated is the one it wants χ² at: after <see cref="Fit"/> alone that
    /// may have been a rejected trial point of the optimizer, so use <see cref="ChiSquareAt"/> there.
    /// </summary>
    public double CurrentChiSquare() =>
        Math.Max(0, FittedModel.GroupChiSquare(Sample, Enumerable.Range(0, Model.Groups.Length).Select(Objective.GroupValue).ToArray()).Sum());
}
