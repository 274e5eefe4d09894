using System.Globalization;
using SemLib.Data;
using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Estimation;

/// <summary>
/// The estimation pipeline, in lavaan's order: the parameter table, the data reduced to sample moments, the
/// compiled model, start values, optimisation (with retries from other start values before giving up).
/// </summary>
internal static class FitEngine
{
    /// <summary>Builds the table and the sample from raw or summary data.</summary>
    public static (ParameterTable Table, SampleData Sample) Prepare(ParsedModel model, ModelOptions options, DataSet? data, CovarianceData? cov)
    {
        var observed = ParameterTableBuilder.ObservedVariables(model);
        var latent = model.LatentVariables;
        CheckNames(model, observed, latent, data, cov);
        SampleData sample;
        if (data is not null)
        {
            if (options.Group is { } g && observed.Contains(g))
                throw new SemLibException($"The group variable '{g}' is also a variable in the model.");
            sample = SampleData.FromDataSet(data, observed, options.Group);
        }
        else
        {
            if (options.Group is not null) throw new SemLibException("Groups need raw data; a single covariance matrix describes one group.");
            sample = SampleData.FromCovariance(cov!, observed);
        }
        var table = ParameterTable.Build(model, options, sample.Groups.Length);
        return (table, sample);
    }

    private static void CheckNames(ParsedModel model, IReadOnlyList<string> observed, IReadOnlyList<string> latent, DataSet? data, CovarianceData? cov)
    {
        var names = data?.Names ?? cov!.Names;
        var columns = new HashSet<string>(names, StringComparer.Ordinal); // a header may have a million names
        var terms = model.Statements.SelectMany(s => s.Terms.Select(t => (s, t))).ToList();
        foreach (var lv in latent)
        {
            if (columns.Contains(lv))
            {
                var span = model.Statements.First(s => s.Operator == ModelOperator.MeasuredBy && s.Lhs.Contains(lv)).Span;
                throw new ModelSyntaxException([new SyntaxDiagnostic(span,
                    $"The latent variable {MessageText.Quote(lv)} has the name of a column in the data; rename the latent variable.")]);
            }
        }
        foreach (var ov in observed)
        {
            if (columns.Contains(ov)) continue;
            var use = terms.FirstOrDefault(x => x.t.Name == ov);
            var statement = model.Statements.FirstOrDefault(s => s.Lhs.Contains(ov));
            var span = use.t is not null ? use.t.Span : statement?.Span;
            string where = span is { Line: > 0 } sp ? $" (used at {sp})" : "";
            string source = data?.Source ?? "the covariance matrix";
            throw new DataException($"The model variable {MessageText.Quote(ov)}{where} is not a column of {source}; available: {MessageText.List(names)}.");
        }
    }

    /// <summary>Compiles the model for the sample; fixed.x rows take the estimator's sample moments.</summary>
    public static LisrelModel Compile(ParameterTable table, EstimationSample sample) =>
        LisrelModel.Compile(table, sample.Groups.Select(m => (m.S, m.Mean)).ToArray());

    /// <summary>Refuses a model with more free parameters than sample moments.</summary>
    public static void CheckDegreesOfFreedom(ParameterTable table, LisrelModel model, EstimationSample sample)
    {
        int moments = FittedModel.CountMoments(table, sample);
        int df = moments - model.ZetaCount;
        if (df < 0)
            throw new SemLibException(string.Format(CultureInfo.InvariantCulture,
                "The model has {0} free parameters but the data provide only {1} sample moments (df = {2}); it is not identified. Fix or constrain parameters, or add indicators.",
                model.ZetaCount, moments, df));
    }

    /// <summary>
    /// Optimises from the model-implied start values, then, if that fails, from lavaan's simple start values and
    /// from perturbed starts; keeps the first converged solution (or the best of the failures).
    /// </summary>
    public static FittedModel Optimize(ParameterTable table, LisrelModel model, EstimationSample sample, ModelOptions options,
        double[]? warmStartZeta = null, Objective? objective = null)
    {
        objective ??= new Objective(model, sample);
        var best = Minimize(new Optimizer(objective), model, sample, options, warmStartZeta);
        var zeta = best.X;
        double f = objective.Evaluate(zeta, []); // the state at the best attempt's estimates, for GroupValue
        var groupF = Enumerable.Range(0, model.Groups.Length).Select(objective.GroupValue).ToArray();
        var theta = new double[model.ThetaCount];
        model.Constraints.ToTheta(zeta, theta);
        return new FittedModel
        {
            Table = table,
            Model = model,
            Sample = sample,
            Options = options,
            Objective = objective,
            Zeta = zeta,
            Theta = theta,
            F = f,
            GroupF = groupF,
            Optimizer = best,
        };
    }

    /// <summary>
    /// Runs the optimizer from each start in turn until a converged, admissible solution is found; returns the
    /// best attempt (converged and admissible first, then converged, then the lowest fit function), with the
    /// iterations of all attempts. With <paramref name="acceptInadmissible"/> (bootstrap draws, Monte Carlo
    /// replications) a converged solution is kept even with a negative variance, as lavaan keeps it.
    /// </summary>
    public static OptimizerResult Minimize(Optimizer optimizer, LisrelModel model, EstimationSample sample, ModelOptions options,
        double[]? warmStartZeta, bool acceptInadmissible = false)
    {
        optimizer.DivergenceBound = DivergenceBound(sample);
        OptimizerResult? best = null;
        int bestRank = -1;
        int totalIterations = 0, attempts = 0;
        foreach (var start in Starts(model, sample, warmStartZeta))
        {
            var result = optimizer.Minimize(start, options.MaxIterations);
            totalIterations += result.Iterations;
            attempts++;
            int rank = !result.Converged ? 0 : Admissible(model, result.X) ? 2 : 1;
            if (best is null || rank > bestRank || (rank == bestRank && result.F < best.F))
            {
                best = result;
                bestRank = rank;
            }
            if (rank == 2 || (acceptInadmissible && rank == 1)) break;
        }
        return best! with { Iterations = totalIterations, Attempts = attempts };
    }

    /// <summary>
    /// 10³ times the data's own scale: the largest variance, the largest ratio of variances (the scale of a loading or
    /// regression slope), the largest mean, the inverse of the smallest variance. No admissible estimate of a model
    /// of these data comes near it.
    /// </summary>
    internal static double DivergenceBound(EstimationSample sample)
    {
        double maxVar = 0, minVar = double.PositiveInfinity, maxMean = 0;
        foreach (var g in sample.Groups)
            for (int i = 0; i < g.P; i++)
            {
                double v = g.S[i * g.P + i];
                maxVar = Math.Max(maxVar, v);
                minVar = Math.Min(minVar, v);
                maxMean = Math.Max(maxMean, Math.Abs(g.Mean[i]));
            }
        double scale = Math.Max(Math.Max(1, maxVar), Math.Max(maxVar / minVar, maxMean));
        return 1e3 * Math.Max(scale, 1 / minVar);
    }

    /// <summary>No free variance parameter is negative.</summary>
    private static bool Admissible(LisrelModel model, double[] zeta)
    {
        var theta = new double[model.ThetaCount];
        model.Constraints.ToTheta(zeta, theta);
        for (int t = 0; t < theta.Length; t++)
            if (theta[t] < 0 && model.Table.Rows[model.FreeRows[t]].IsVariance) return false;
        return true;
    }

    /// <summary>
    /// The start values tried in turn: a warm start if given, the model-implied starts (with the user's
    /// <c>start()</c> values), lavaan's simple starts, and three perturbations of the model-implied starts; the
    /// retries ignore <c>start()</c>, which may be what led the first attempt astray.
    /// </summary>
    private static IEnumerable<double[]> Starts(LisrelModel model, EstimationSample sample, double[]? warm)
    {
        if (warm is not null) yield return warm;
        yield return model.Constraints.ToZeta(StartValues.Compute(model, sample, StartValues.Kind.ModelImplied));
        yield return model.Constraints.ToZeta(StartValues.Compute(model, sample, StartValues.Kind.Simple, honorUserStarts: false));
        var implied = StartValues.Compute(model, sample, StartValues.Kind.ModelImplied, honorUserStarts: false);
        var rng = new Random(20240611);
        for (int k = 0; k < 3; k++)
        {
            var perturbed = implied.Select(v => v * (1 + 0.3 * (2 * rng.NextDouble() - 1))).ToArray();
            yield return model.Constraints.ToZeta(perturbed);
        }
    }
}
