using MathNet.Numerics.Distributions;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Resampling;
using SemLib.Syntax;

namespace SemLib.Simulation;

/// <summary>
/// Monte Carlo studies (Muthén &amp; Muthén 2002): data sets are drawn from a population model, an analysis model is
/// fitted to each, and per parameter the mean estimate, bias, SE ratio, CI coverage and power are reported, with
/// the convergence rate and a tally of why replications failed (a replication that cannot be fitted, a constant
/// Likert item or an exception in the fit included, is a failed replication, never the end of the study); a power curve repeats that over several sample sizes. Replication r always uses the random
/// stream of (seed, r), so the study does not depend on the number of threads.
/// <para>
/// With ordered items in the analysis (<see cref="Specification.ModelOptions.Ordered"/>, estimator WLSMV by default) the
/// scores are cut at <see cref="MonteCarloOptions.LikertThresholds"/>, each replication is fitted to its own thresholds
/// and polychoric correlations, and the population values are those of the latent responses (see
/// <see cref="OrdinalReplication"/>); a replication in which a category is absent is a failed replication.
/// </para>
/// </summary>
public static class MonteCarlo
{
    /// <summary>Runs a study at one sample size.</summary>
    public static MonteCarloResult Run(PopulationModel population, string analysisModel, MonteCarloOptions? options = null)
    {
        options ??= new MonteCarloOptions();
        return RunAt(Target.Of(population, analysisModel, options), options);
    }

    /// <summary>Runs the study at each sample size (a power curve); replications of different sizes use different streams.</summary>
    public static IReadOnlyList<MonteCarloResult> PowerCurve(PopulationModel population, string analysisModel,
        IReadOnlyList<int> sampleSizes, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sampleSizes);
        options ??= new MonteCarloOptions();
        var target = Target.Of(population, analysisModel, options);
        return sampleSizes.Select(n => RunAt(target, options with { SampleSize = n, Seed = unchecked(options.Seed * 31 + n) })).ToList();
    }

    /// <summary>
    /// What does not depend on the sample size: the analysis model, where its variables are among the population's,
    /// and the population values in the analysis parameterization (the analysis model fitted to the population moments).
    /// </summary>
    private sealed record Target(PopulationModel Population, ParsedModel Parsed, IReadOnlyList<string> Names, int[] Columns, SemFit Fit,
        IReadOnlyList<string> Ordered)
    {
        public static Target Of(PopulationModel population, string analysisModel, MonteCarloOptions options)
        {
            ArgumentNullException.ThrowIfNull(population);
            ArgumentNullException.ThrowIfNull(analysisModel);
            if (options.Replications < 1) throw new ArgumentOutOfRangeException(nameof(options), "At least one replication is needed.");
            if (!(options.MissingProportion is >= 0 and < 1))
                throw new ArgumentOutOfRangeException(nameof(options), $"The proportion of missing cells must lie in [0, 1); it is {options.MissingProportion}.");
            if (options.MissingProportion > 0 && options.Analysis.Missing == Data.MissingPolicy.Listwise && options.Analysis.Ordered.Count == 0)
                throw new SemLibException($"Replications with missing cells (MissingProportion {options.MissingProportion}) are fitted by full-information ML: set the analysis option missing = ML (or MLX); listwise deletion would change each replication's sample size.");
            if (options.Analysis.Cluster is not null)
                throw new SemLibException($"Monte Carlo replications are simulated as independent rows, so they have no cluster column ('{options.Analysis.Cluster}'); drop the cluster option of the analysis model.");
            var parsed = ModelSyntax.Parse(analysisModel);
            if (parsed.Statements.FirstOrDefault(st => st.Operator is ModelOperator.Less or ModelOperator.Greater) is { } inequality)
                throw new SemLibException($"The analysis model has an inequality constraint (at {inequality.Span}); Monte Carlo replications do not enforce inequality constraints yet, so remove it or write it as a fixed value or an equality.");
            // The observed variables only: thresholds of ordered items, which need the data's categories, are left out here.
            var names = Specification.ParameterTable.Build(parsed, options.Analysis with { Ordered = [], Estimator = Estimator.ML }, 1).ObservedVariables;
            var popNames = population.ObservedVariables.ToList();
            var columns = names.Select(v => popNames.IndexOf(v)).ToArray();
            for (int j = 0; j < columns.Length; j++)
                if (columns[j] < 0) throw new SemLibException($"The analysis model's variable '{names[j]}' is not in the population model.");
            var ordered = OrdinalReplication.OrderedVariables(parsed, names, options.Analysis);
            if (ordered.Count > 0) OrdinalReplication.Check(ordered, options);
            var fit = ordered.Count > 0
                ? OrdinalReplication.FitToPopulation(population, parsed, names, columns, ordered.ToHashSet(StringComparer.Ordinal), options.Analysis)
                : FitToPopulation(population, parsed, names, columns, options);
            if (!fit.Converged) throw new SemLibException("The analysis model does not converge on the population moments; check that it is identified.");
            return new Target(population, parsed, names, columns, fit, ordered);
        }

        /// <summary>The population value of a row of the analysis model's table.</summary>
        public double Value(Specification.ParameterRow row) =>
            (row.Op == ModelOperator.Defined ? Fit.Parameter(row.Lhs) : Fit.Parameter(row.Lhs, row.Op.ToLavaan(), row.Rhs, row.Group))?.Estimate
            ?? double.NaN;
    }

    private static MonteCarloResult RunAt(Target target, MonteCarloOptions options)
    {
        int n = options.SampleSize;
        var (population, parsed, names, columns) = (target.Population, target.Parsed, target.Names, target.Columns);
        if (n <= names.Count) throw new SemLibException($"A sample size of {n} is too small for {names.Count} observed variables.");

        // One simulated data set of this size sets up the table, moments and compiled model that the sessions copy.
        var (table, sample) = Setup(population, parsed, names, options, target.Ordered.Count > 0);
        var est = new EstimationSample(sample, options.Analysis.Estimator);
        var model = FitEngine.Compile(table, est);
        FitEngine.CheckDegreesOfFreedom(table, model, est);
        int df = FittedModel.CountMoments(table, est) - model.ZetaCount;
        var template = est.Categorical ? sample : null;
        var cuts = options.LikertThresholds ?? [];
        double Population(Specification.ParameterRow row) => template is not null && row.Op == ModelOperator.Threshold
            ? OrdinalReplication.Threshold(row, template.Groups[0].Ordinal!, population, columns, cuts)
            : target.Value(row);
        var warm = template is null ? target.Fit.Fitted.Zeta : WarmStart(model, Population);
        var rowsOfInterest = table.Rows.Select((r, i) => (r, i)).Where(x => x.r.Free || x.r.Op == ModelOperator.Defined).Select(x => x.i).ToArray();
        // The columns whose cells may be deleted: all, except under ML the exogenous covariates held fixed.
        var deletable = options.MissingProportion == 0 ? []
            : Enumerable.Range(0, names.Count).Where(j => options.Analysis.Missing == Data.MissingPolicy.MLX || !table.Roles.ObservedExogenous.Contains(names[j])).ToArray();

        var results = new (double[] Est, double[] Se, double ChiSquare, bool Admissible)?[options.Replications];
        var reasons = new string?[options.Replications];
        int done = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, options.Replications, po,
            () => new Worker(new FitSession(model, est, options.Analysis), n, names.Count, population.ObservedVariables.Count),
            (r, _, w) =>
            {
                var rng = new Random(Bootstrap.DrawSeed(options.Seed, r));
                population.FillRows(w.Rows, columns, rng, w.Z, w.X);
                if (options.LikertThresholds is { } cuts) Likert.Cut(w.Rows, cuts);
                if (deletable.Length > 0) DeleteCells(w.Rows, deletable, options.MissingProportion, rng);
                // A replication that cannot be fitted, whatever the reason, is a failed replication with its reason.
                try
                {
                    FaultInjection.Value?.Invoke(r);
                    (results[r], reasons[r]) = Replicate(w, warm, table, parsed, names, rowsOfInterest, options, template);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    reasons[r] = FailureReason(e);
                }
                options.Progress?.Report(Interlocked.Increment(ref done));
                return w;
            }, _ => { });

        var ok = results.Where(x => x is not null).Select(x => x!.Value).ToList();
        double zCover = Wald.CriticalValue(options.ConfidenceLevel);
        double zPower = Wald.CriticalValueAt(options.Alpha);
        var parameters = new List<MonteCarloParameter>();
        for (int k = 0; k < rowsOfInterest.Length; k++)
        {
            var row = table.Rows[rowsOfInterest[k]];
            double pop = Population(row);
            var ests = ok.Select(x => x.Est[k]).Where(double.IsFinite).ToArray();
            if (ests.Length == 0) continue;
            var pairs = ok.Select(x => (E: x.Est[k], S: x.Se[k])).Where(x => double.IsFinite(x.E) && double.IsFinite(x.S) && x.S > 0).ToArray();
            double mean = ests.Average();
            double sd = ests.Length > 1 ? Math.Sqrt(ests.Sum(e => (e - mean) * (e - mean)) / (ests.Length - 1)) : 0;
            double? meanSe = pairs.Length > 0 ? pairs.Average(x => x.S) : null;
            parameters.Add(new MonteCarloParameter
            {
                Lhs = row.Lhs,
                Op = row.Op,
                Rhs = row.Rhs,
                Label = row.Label,
                Population = pop,
                MeanEstimate = mean,
                Bias = mean - pop,
                // A population value that is zero up to optimizer rounding (tiny next to the sampling SD) has no relative bias.
                RelativeBias = Math.Abs(pop) > Math.Max(1e-12, 1e-4 * sd) ? (mean - pop) / pop : null,
                EmpiricalSe = sd,
                MeanSe = meanSe,
                SeRatio = meanSe is double m && sd > 0 ? m / sd : null,
                Coverage = pairs.Length > 0 ? pairs.Count(x => Math.Abs(x.E - pop) <= zCover * x.S) / (double)pairs.Length : null,
                Power = pairs.Length > 0 ? pairs.Count(x => Math.Abs(x.E / x.S) > zPower) / (double)pairs.Length : null,
            });
        }
        double critical = df > 0 ? ChiSquared.InvCDF(df, 1 - options.Alpha) : double.PositiveInfinity;
        return new MonteCarloResult
        {
            SampleSize = n,
            Replications = options.Replications,
            Converged = ok.Count,
            Failures = Tally(reasons),
            Inadmissible = ok.Count(x => !x.Admissible),
            MeanChiSquare = ok.Count > 0 ? ok.Average(x => x.ChiSquare) : double.NaN,
            Df = df,
            ModelRejectionRate = ok.Count > 0 && df > 0 ? ok.Count(x => x.ChiSquare > critical) / (double)ok.Count : 0,
            Parameters = parameters,
        };
    }

    /// <summary>
    /// Tests only: called with the replication's index just before it is fitted, in the fit's place in the error
    /// handling, so a test can make chosen replications throw. Async-local, so it reaches the parallel workers of the
    /// study started where it was set and no other.
    /// </summary>
    internal static readonly AsyncLocal<Action<int>?> FaultInjection = new();

    /// <summary>Reasons a replication fails without an exception (see <see cref="MonteCarloResult.Failures"/>).</summary>
    internal const string NotConverged = "did not converge";

    /// <inheritdoc cref="NotConverged"/>
    internal const string NotPositiveDefinite = "the sample covariance matrix is not positive definite";

    /// <summary>
    /// ζ of the population values of the free parameters (the warm start of the replications with ordered items, whose
    /// table has thresholds the population fit has not), or null when one of them is not known.
    /// </summary>
    private static double[]? WarmStart(Model.LisrelModel model, Func<Specification.ParameterRow, double> population)
    {
        var theta = new double[model.ThetaCount];
        for (int t = 0; t < theta.Length; t++)
        {
            theta[t] = population(model.Table.Rows[model.FreeRows[t]]);
            if (!double.IsFinite(theta[t])) return null;
        }
        return model.Constraints.ToZeta(theta);
    }

    /// <summary>
    /// The table, sample moments and compiled model of one simulated data set of this size. With --likert a small
    /// sample can have a constant item, which the data checks refuse; the setup only needs the data's shape, so the
    /// same draw before cutting (continuous, never constant) is used then. The replications' own data are cut. With
    /// ordered items the setup also fixes each item's categories (and so its thresholds): it is cut from a draw of at
    /// least 5000 rows, so that every category the thresholds allow is observed unless it is very rare.
    /// </summary>
    private static (Specification.ParameterTable Table, Data.SampleData Sample) Setup(PopulationModel population, ParsedModel parsed,
        IReadOnlyList<string> names, MonteCarloOptions options, bool ordinal)
    {
        if (ordinal)
        {
            var large = population.Sample(Math.Max(options.SampleSize, 5000), Bootstrap.DrawSeed(options.Seed, 0, 7));
            return FitEngine.Prepare(parsed, options.Analysis, Likert.Cut(large, options.LikertThresholds!, names), null);
        }
        var first = population.Sample(options.SampleSize, Bootstrap.DrawSeed(options.Seed, 0, 7));
        if (options.LikertThresholds is { } th)
        {
            try
            {
                return FitEngine.Prepare(parsed, options.Analysis, Likert.Cut(first, th, names), null);
            }
            catch (SemLibException)
            {
                // A degenerate cut sample: fall through to the uncut one.
            }
        }
        return FitEngine.Prepare(parsed, options.Analysis, first, null);
    }

    /// <summary>The tally of failure reasons, reason → replications, in ordinal order of the reasons.</summary>
    private static IReadOnlyDictionary<string, int> Tally(string?[] reasons) =>
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, int>(
            reasons.Where(r => r is not null).GroupBy(r => r!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    /// <summary>An exception as a reason: its message on one line, or its type when it has no useful message.</summary>
    private static string FailureReason(Exception e)
    {
        string message = MessageText.OneLine(e.Message).TrimEnd('.');
        return e is SemLibException ? message : $"error in the fit ({e.GetType().Name}): {message}";
    }

    /// <summary>Deletes each cell of the given columns with probability <paramref name="proportion"/> (missing completely at random).</summary>
    private static void DeleteCells(double[][] rows, int[] columns, double proportion, Random rng)
    {
        foreach (var row in rows)
            foreach (int j in columns)
                if (rng.NextDouble() < proportion) row[j] = double.NaN;
    }

    /// <summary>The name of the first analysis variable that is constant (or never observed) in this replication's data, or null.</summary>
    private static string? ConstantVariable(double[][] rows, IReadOnlyList<string> names)
    {
        for (int j = 0; j < names.Count; j++)
        {
            double first = double.NaN;
            bool constant = true;
            foreach (var row in rows)
            {
                double v = row[j];
                if (double.IsNaN(v)) continue;
                if (double.IsNaN(first)) first = v;
                else if (v != first)
                {
                    constant = false;
                    break;
                }
            }
            if (constant) return names[j];
        }
        return null;
    }

    private static ((double[] Est, double[] Se, double ChiSquare, bool Admissible)? Result, string? Failure) Replicate(Worker w, double[]? warm,
        Specification.ParameterTable table, ParsedModel parsed, IReadOnlyList<string> names, int[] rowsOfInterest, MonteCarloOptions options,
        Data.SampleData? ordinalTemplate)
    {
        var session = w.Session;
        if (ConstantVariable(w.Rows, names) is { } constant) return (null, $"the simulated variable '{constant}' is constant");
        if (ordinalTemplate is not null)
        {
            // Ordered items: the replication's own thresholds, polychoric correlations and weights (a category absent from
            // it is a failed replication, as in lavaan).
            var (ordinal, failure) = OrdinalReplication.Session(session.Model, ordinalTemplate, options.Analysis, w.Rows, w.All);
            if (ordinal is null) return (null, failure);
            session = ordinal;
        }
        else if (!session.SetRows(0, w.Rows, w.All)) return (null, NotPositiveDefinite);
        var res = session.Fit(warm);
        if (!res.Converged) return (null, NotConverged);
        var cov = ParameterCovariance.Compute(session.Objective, res.X, options.Analysis.InformationInEffect, session.Sample.StatisticN);
        // The covariance computation leaves the objective evaluated at the solution (the expected information is taken
        // after evaluating at res.X, the observed one ends by evaluating there again): θ, the states and the group
        // discrepancies behind χ² are read there, without another evaluation.
        var states = Enumerable.Range(0, session.Model.Groups.Length).Select(session.Objective.State).ToArray();
        var values = EstimatesBuilder.RowEstimates(table, session.Model, session.Objective.Theta, states);
        double chiSquare = session.CurrentChiSquare();
        var covTheta = cov.CovTheta;
        if (ordinalTemplate is not null && RobustInference.Needed(options.Analysis))
            (covTheta, chiSquare) = OrdinalReplication.Robust(table, session, res, options.Analysis, chiSquare);
        else if (RobustInference.Needed(options.Analysis)) (covTheta, chiSquare) = Robust(w.Rows, parsed, names, res, options.Analysis, chiSquare);
        var rowSe = EstimatesBuilder.StandardErrors(table, session.Model, values, covTheta);
        var est = new double[rowsOfInterest.Length];
        var se = new double[rowsOfInterest.Length];
        bool admissible = true;
        for (int k = 0; k < rowsOfInterest.Length; k++)
        {
            int row = rowsOfInterest[k];
            est[k] = values[row];
            se[k] = rowSe[row]; // NaN without a covariance matrix or for a negative variance: left out of the SE-based summaries
            if (table.Rows[row].IsVariance && values[row] < 0) admissible = false;
        }
        return ((est, se, chiSquare, admissible), null);
    }

    /// <summary>
    /// A replication's robust covariance of the estimates and its test statistic (the scaled one when the options ask for
    /// one, otherwise <paramref name="standardChiSquare"/>): the replication's rows are set up as a data set of their own
    /// (complete, or with their missing cells under FIML) and the fit at <paramref name="res"/> goes through the same
    /// sandwich and scaled test as <see cref="Sem.Fit(string, DataSet, Specification.ModelOptions?)"/>.
    /// </summary>
    private static (double[]? CovTheta, double ChiSquare) Robust(double[][] rows, ParsedModel parsed, IReadOnlyList<string> names,
        OptimizerResult res, Specification.ModelOptions analysis, double standardChiSquare)
    {
        var values = new double[rows.Length, names.Count];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < names.Count; j++) values[i, j] = rows[i][j];
        var (table, sample) = FitEngine.Prepare(parsed, analysis, DataSet.FromMatrix(names, values, "replication"), null);
        var estimation = new EstimationSample(sample, analysis.Estimator);
        var model = FitEngine.Compile(table, estimation);
        return RobustAt(table, model, estimation, new Objective(model, estimation), res, analysis, standardChiSquare);
    }

    /// <summary>
    /// The robust covariance and the scaled statistic (else <paramref name="standardChiSquare"/>) of a replication's fit at
    /// <paramref name="res"/>, through the same sandwich and scaled test as <see cref="Sem.Fit(string, DataSet, Specification.ModelOptions?)"/>.
    /// </summary>
    internal static (double[]? CovTheta, double ChiSquare) RobustAt(Specification.ParameterTable table, Model.LisrelModel model, EstimationSample estimation,
        Objective objective, OptimizerResult res, Specification.ModelOptions analysis, double standardChiSquare)
    {
        double f = objective.Evaluate(res.X, []);
        var theta = new double[model.ThetaCount];
        model.Constraints.ToTheta(res.X, theta);
        var fitted = new FittedModel
        {
            Table = table,
            Model = model,
            Sample = estimation,
            Options = analysis,
            Zeta = res.X,
            Theta = theta,
            F = f,
            GroupF = Enumerable.Range(0, model.Groups.Length).Select(objective.GroupValue).ToArray(),
            Optimizer = res,
        };
        var standard = ParameterCovariance.Compute(fitted.NewObjective(), res.X, analysis.InformationInEffect, estimation.StatisticN);
        if (standard.CovTheta is null) return (null, standardChiSquare);
        var robust = RobustInference.Compute(fitted, standard);
        return (robust.CovTheta, robust.Scaled is { } scaled && double.IsFinite(scaled.Statistic) ? scaled.Statistic : standardChiSquare);
    }

    private static SemFit FitToPopulation(PopulationModel population, ParsedModel parsed, IReadOnlyList<string> names, int[] columns, MonteCarloOptions options)
    {
        // CovarianceData is read as an unbiased matrix and rescaled by (N − 1)/N for ML; pre-scale so the fit sees Σ exactly.
        const int n = 1_000_000;
        double scale = Discrepancy.For(options.Analysis.Estimator).UnbiasedCovariance ? 1.0 : n / (double)(n - 1);
        int p = names.Count;
        var cov = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) cov[i, j] = population.Covariance[columns[i], columns[j]] * scale;
        var means = columns.Select(c => population.Means[c]).ToArray();
        // FIML analyses have a mean structure: so does the population fit that gives their values and warm start.
        var analysis = options.Analysis.Missing == Data.MissingPolicy.Listwise ? options.Analysis
            : options.Analysis with { Missing = Data.MissingPolicy.Listwise, MeanStructure = true };
        // The population values are estimates, the same under MLM/MLR as under ML; their robust SEs need rows, which a
        // covariance matrix does not have, and are not wanted here.
        if (analysis.Estimator.IsMaximumLikelihood())
            analysis = analysis with { Estimator = Estimator.ML, StandardErrors = StandardErrorType.Standard, Test = TestType.Standard };
        return Sem.Fit(parsed, new CovarianceData(names, cov, n, means), analysis);
    }

    private sealed class Worker
    {
        public Worker(FitSession session, int n, int p, int popP)
        {
            Session = session;
            Rows = Enumerable.Range(0, n).Select(_ => new double[p]).ToArray();
            All = Enumerable.Range(0, n).ToArray();
            Z = new double[popP];
            X = new double[popP];
        }

        public FitSession Session { get; }
        public double[][] Rows { get; }
        public int[] All { get; }
        public double[] Z { get; }
        public double[] X { get; }
    }
}
