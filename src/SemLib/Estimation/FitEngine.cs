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
        // Options whose estimation is still being built are refused rather than silently ignored.
        if (options.Missing.IsFullInformation()) CheckFullInformation(options, cov);
        CheckRobustOptions(options, data is not null);
        var observed = ParameterTableBuilder.ObservedVariables(model);
        var latent = model.LatentVariables;
        CheckNames(model, observed, latent, data, cov);
        SampleData sample;
        if (data is not null)
        {
            if (options.Group is { } g && observed.Contains(g))
                throw new SemLibException($"The group variable '{g}' is also a variable in the model.");
            if (options.Cluster is { } cl && observed.Contains(cl))
                throw new SemLibException($"The cluster variable '{cl}' is also a variable in the model.");
            if (options.Cluster is not null && options.Cluster == options.Group)
                throw new SemLibException($"The cluster variable '{options.Cluster}' is also the group variable; clusters are nested within groups.");
            var ordered = Specification.OrdinalRows.OrderedVariables(observed, model.Statements.SelectMany(st => st.Lhs.Select(l => (l, st.Operator))), options);
            if (ordered.Count > 0)
            {
                CheckCategoricalOptions(options, ordered, model);
                sample = SampleData.FromOrdinalData(data, observed, ordered, options.Group, options.Missing == MissingPolicy.Pairwise);
                return (ParameterTableBuilder.Build(model, options, sample.Groups.Length, sample.ThresholdCounts()), sample);
            }
            if (options.Estimator.IsCategorical())
                throw new SemLibException($"Estimator {options.Estimator} fits the thresholds and polychoric correlations of ordered items, and the model has none; name them with ordered (--ordered x1,x2,... or --ordered all), or use ML/MLR for continuous variables.");
            sample = SampleData.FromDataSet(data, observed, options.Group, options.Cluster, options.Missing);
        }
        else
        {
            if (options.Ordered.Count > 0 || options.Estimator.IsCategorical() || model.Statements.Any(st => st.Operator is ModelOperator.Threshold or ModelOperator.Scaling))
                throw new SemLibException("Ordered items are fitted to their thresholds and polychoric correlations, which need the raw rows; a covariance matrix has neither. Give the data set.");
            if (options.Group is not null) throw new SemLibException("Groups need raw data; a single covariance matrix describes one group.");
            sample = SampleData.FromCovariance(cov!, observed);
        }
        var table = ParameterTable.Build(model, options, sample.Groups.Length);
        if (options.Missing == MissingPolicy.ML && options.FixedXInEffect && data is not null)
        {
            // lavaan's missing = "ml" with fixed.x conditions on the exogenous covariates, so it needs them observed:
            // rows missing one are dropped (missing = "ml.x" keeps them and treats the covariates as random).
            var exogenous = table.Roles.ObservedExogenous;
            if (exogenous.Count > 0 && data.NumericColumns(exogenous).Any(c => c.Any(double.IsNaN)))
            {
                sample = SampleData.FromDataSet(data, observed, options.Group, options.Cluster, options.Missing, exogenous.ToHashSet(StringComparer.Ordinal));
                table = ParameterTable.Build(model, options, sample.Groups.Length);
            }
        }
        return (table, sample);
    }

    /// <summary>Refuses what SemLib cannot (yet) do with ordered items, saying why.</summary>
    private static void CheckCategoricalOptions(ModelOptions options, IReadOnlyList<string> ordered, ParsedModel model)
    {
        if (!options.Estimator.IsCategorical())
            throw new SemLibException($"Ordered items ({MessageText.List(ordered)}) are fitted by WLSMV (lavaan's default), DWLS, WLS or ULSMV; estimator {options.Estimator} treats them as continuous. Drop the ordered option to fit them as continuous, or choose one of those estimators.");
        if (options.Cluster is not null)
            throw new SemLibException($"Cluster-robust standard errors (cluster = '{options.Cluster}') are computed for ML (estimator MLR); with ordered items they are not available.");
        var table = ParameterTableBuilder.Build(model, options with { Ordered = [], Estimator = Estimator.ML, GroupEqual = [], GroupPartial = [] }, 1, null);
        if (table.Roles.ObservedExogenous.Count > 0)
            throw new SemLibException($"The model regresses on the observed covariate{(table.Roles.ObservedExogenous.Count == 1 ? "" : "s")} {MessageText.List(table.Roles.ObservedExogenous)}; with ordered items lavaan conditions on such covariates (conditional.x, probit regressions), which SemLib does not do yet. Model the covariate as a single-indicator latent variable, or leave it out.");
        if (options.StandardErrorsInEffect == StandardErrorType.RobustHuberWhite)
            throw new SemLibException("se = robust.huber.white is for ML (MLR); with ordered items the robust standard errors are robust.sem (WLSMV's default).");
        if (options.TestInEffect is TestType.YuanBentler or TestType.YuanBentlerMplus)
            throw new SemLibException($"The test {Results.ModelTest.NameOf(options.TestInEffect)} is for ML (MLR); with ordered items use scaled.shifted (WLSMV's default) or satorra.bentler (mean-adjusted).");
    }

    /// <summary>Refuses what full-information ML cannot do, saying why.</summary>
    private static void CheckFullInformation(ModelOptions options, CovarianceData? cov)
    {
        string name = options.Missing == MissingPolicy.MLX ? "ml.x" : "ml";
        if (options.Ordered.Count > 0 || options.Estimator.IsCategorical())
            throw new SemLibException($"missing = {name} (full-information ML) is not available with ordered items, as in lavaan: their likelihood would need integration over the latent responses. Use the default listwise deletion (or pairwise with WLSMV), or treat the items as continuous.");
        if (cov is not null)
            throw new SemLibException($"missing = {name} (full-information ML) needs the raw rows: it fits the likelihood of each row's observed values, which a covariance matrix does not contain. Give the data set, or use the default listwise handling with the covariance matrix.");
        if (options.Estimator == Estimator.MLM)
            throw new SemLibException($"Estimator MLM cannot be used with missing = {name}: its Satorra-Bentler corrections need complete data (the fourth-order moments of complete rows), as in lavaan. Use estimator MLR (robust full-information ML) or listwise deletion.");
        if (!options.Estimator.IsMaximumLikelihood())
            throw new SemLibException($"missing = {name} is full-information maximum likelihood; it cannot be combined with estimator {options.Estimator}. Use estimator ML, or listwise deletion with {options.Estimator}.");
        // Robust FIML is lavaan's MLR: Huber-White standard errors from the casewise scores of the incomplete rows and the
        // Yuan-Bentler (Mplus) test. The Satorra-Bentler pieces (robust.sem, satorra.bentler) need complete rows' Γ.
        if (options.StandardErrorsInEffect == StandardErrorType.RobustSem)
            throw new SemLibException($"se = robust.sem cannot be used with missing = {name}: its Satorra-Bentler sandwich needs complete data (the fourth-order moments of complete rows), as in lavaan. Use se = robust.huber.white (or estimator MLR) with missing = {name}.");
        if (options.TestInEffect == TestType.SatorraBentler)
            throw new SemLibException($"test = satorra.bentler cannot be used with missing = {name}: it needs complete data (the fourth-order moments of complete rows), as in lavaan. Use test = yuan.bentler.mplus (or estimator MLR) with missing = {name}.");
    }

    /// <summary>
    /// Robust standard errors and scaled tests (Inference/Robust) are built for ML on complete raw data; the
    /// combinations that are not are refused with a message naming the option.
    /// </summary>
    private static void CheckRobustOptions(ModelOptions options, bool rawData)
    {
        var se = options.StandardErrorsInEffect;
        var test = options.TestInEffect;
        bool robust = se is StandardErrorType.RobustSem or StandardErrorType.RobustHuberWhite || test != TestType.Standard;
        if (options.Estimator.IsCategorical()) return; // checked with the ordered items (CheckCategoricalOptions)
        if (robust && !options.Estimator.IsMaximumLikelihood())
            throw new SemLibException($"Robust standard errors and scaled tests need an ML estimator (ML, MLM or MLR); the estimator is {options.Estimator}.");
        if (test is TestType.YuanBentler or TestType.ScaledShifted)
            throw new SemLibException($"The test '{Results.ModelTest.NameOf(test)}' is not available yet; use satorra.bentler (MLM) or yuan.bentler.mplus (MLR).");
        if (test == TestType.YuanBentlerMplus && options.Estimator != Estimator.MLR)
            throw new SemLibException($"The test yuan.bentler.mplus is available with estimator = MLR; with estimator {options.Estimator} lavaan computes it from another (h1-based) observed information, which SemLib does not have yet.");
        if (robust && !rawData)
            throw new SemLibException($"Robust standard errors and scaled tests (estimator {options.Estimator}) need the raw data: they are computed from the individual rows, which a covariance matrix does not have.");
        if (options.Cluster is { } cluster)
        {
            if (!rawData)
                throw new SemLibException($"The cluster variable '{cluster}' needs raw data; a covariance matrix has no rows to cluster.");
            if (se != StandardErrorType.RobustHuberWhite || test is not (TestType.Standard or TestType.YuanBentlerMplus))
                throw new SemLibException($"Cluster-robust standard errors and test (cluster = '{cluster}') are computed with estimator = MLR (robust.huber.white standard errors, yuan.bentler.mplus test); the options ask for estimator {options.Estimator}, se {se}, test {test}.");
        }
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
            Zeta = zeta,
            Theta = theta,
            F = f,
            GroupF = groupF,
            Optimizer = best,
        };
    }

    /// <summary>
    /// Runs the optimizer from each start in turn until one ends in a clean convergence (converged and admissible);
    /// the first start costs nothing more when it succeeds. Attempts are ranked by the fit function: the attempt
    /// with the lowest F wins, and convergence and admissibility only break ties between attempts at the same F
    /// (an attempt that stopped at a singular point with a higher F never wins over a better one). When the lowest
    /// F was reached by an attempt that did not converge, the search goes on from there once more; if it still does
    /// not converge the result says so, whatever a worse attempt reached. With <paramref name="acceptInadmissible"/>
    /// (bootstrap draws, Monte Carlo replications) a converged solution ends the search even with a negative
    /// variance, as lavaan keeps it.
    /// </summary>
    public static OptimizerResult Minimize(Optimizer optimizer, LisrelModel model, EstimationSample sample, ModelOptions options,
        double[]? warmStartZeta, bool acceptInadmissible = false)
    {
        var attempts = new List<OptimizerResult>();
        int totalIterations = 0;
        foreach (var start in Starts(model, sample, warmStartZeta, optimizer.Objective))
        {
            var result = optimizer.Minimize(start, options.MaxIterations);
            if (!result.Converged && !result.Diverged && optimizer.Diverged(result.X)) result = result with { Diverged = true };
            totalIterations += result.Iterations;
            attempts.Add(result);
            if (result.Converged && (acceptInadmissible || Admissible(model, result.X))) break;
        }
        var best = Best(attempts, x => Admissible(model, x));
        if (!best.Converged && !best.Diverged && !best.Stalled && double.IsFinite(best.F) && attempts.Count > 1)
        {
            // The lowest F is an attempt that stopped early: continue from it before judging.
            var more = optimizer.Minimize(best.X, options.MaxIterations);
            totalIterations += more.Iterations;
            if (double.IsFinite(more.F) && more.F <= best.F + Tolerance(best.F)) best = more;
        }
        double higherConverged = attempts.Where(a => a.Converged && double.IsFinite(a.F) && a.F > best.F + Tolerance(best.F)).Select(a => a.F).DefaultIfEmpty(double.NaN).Min();
        double lowerDiverged = attempts.Where(a => a.Diverged && double.IsFinite(a.F) && a.F < best.F - Tolerance(best.F)).Select(a => a.F).DefaultIfEmpty(double.NaN).Min();
        return best with
        {
            Iterations = totalIterations,
            Attempts = attempts.Count,
            HigherConvergedF = best.Converged ? double.NaN : higherConverged,
            LowerDivergedF = best.Converged ? lowerDiverged : double.NaN,
        };
    }

    /// <summary>Two values of F closer than this are the same optimum (the optimizer's own precision).</summary>
    private static double Tolerance(double f) => 1e-9 * Math.Max(1, Math.Abs(f));

    /// <summary>
    /// The attempt with the lowest fit function; among attempts within <see cref="Tolerance"/> of it, a converged
    /// admissible one before a converged one before the rest. Attempts whose estimates ran off to infinity reached
    /// no point at all and compete only when every attempt did so.
    /// </summary>
    internal static OptimizerResult Best(IReadOnlyList<OptimizerResult> attempts, Func<double[], bool> admissible)
    {
        var finite = attempts.Where(a => double.IsFinite(a.F) && !a.Diverged).ToList();
        if (finite.Count == 0) finite = attempts.Where(a => double.IsFinite(a.F)).ToList();
        if (finite.Count == 0) return attempts[0];
        double fMin = finite.Min(a => a.F);
        return finite.Where(a => a.F <= fMin + Tolerance(fMin))
            .OrderByDescending(a => !a.Converged ? 0 : admissible(a.X) ? 2 : 1)
            .ThenBy(a => a.F)
            .First();
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
    /// The start values tried in turn: a warm start if given; the model-implied starts (principal-axis loadings
    /// oriented by each factor's marker, with the user's <c>start()</c> values); FABIN 3 starts (lavaan's default,
    /// loadings and their signs from instrumental-variable slopes on the marker); lavaan's simple starts; and
    /// perturbations of both model-implied sets. The retries ignore <c>start()</c>, which may be what led the first
    /// attempt astray. A start whose implied covariance matrix is not positive definite is repaired (covariances
    /// shrunk toward zero) rather than dropped.
    /// </summary>
    private static IEnumerable<double[]> Starts(LisrelModel model, EstimationSample sample, double[]? warm, Objective objective)
    {
        if (warm is not null) yield return warm;
        yield return Repair(model, objective, StartValues.Compute(model, sample, StartValues.Kind.ModelImplied));
        var fabin = StartValues.Compute(model, sample, StartValues.Kind.Fabin, honorUserStarts: false);
        yield return Repair(model, objective, fabin);
        yield return Repair(model, objective, StartValues.Compute(model, sample, StartValues.Kind.Simple, honorUserStarts: false));
        var implied = StartValues.Compute(model, sample, StartValues.Kind.ModelImplied, honorUserStarts: false);
        for (int k = 0; k < 4; k++)
        {
            var basis = k % 2 == 0 ? implied : fabin;
            var perturbed = new double[basis.Length];
            for (int t = 0; t < basis.Length; t++)
                perturbed[t] = basis[t] * (1 + 0.3 * Jitter(model.Table.Rows[model.FreeRows[t]], k));
            yield return Repair(model, objective, perturbed);
        }
    }

    /// <summary>
    /// A number in [−1, 1) fixed by the parameter's identity (lhs, op, rhs, group) and the retry: the perturbed starts
    /// (and so the fit) do not depend on the order of variables or statements, as a random stream drawn in table
    /// order would. FNV-1a, because string hash codes differ from one process to the next.
    /// </summary>
    private static double Jitter(ParameterRow row, int retry)
    {
        uint h = 2166136261;
        void Add(string text)
        {
            foreach (char c in text) h = (h ^ c) * 16777619;
            h = (h ^ 0x1f) * 16777619;
        }
        bool swap = row.Op == ModelOperator.Covariance && string.CompareOrdinal(row.Lhs, row.Rhs) > 0; // x ~~ y is y ~~ x
        Add(swap ? row.Rhs : row.Lhs);
        Add(row.Op.ToString());
        Add(swap ? row.Lhs : row.Rhs);
        Add(row.Group.ToString(CultureInfo.InvariantCulture));
        Add(retry.ToString(CultureInfo.InvariantCulture));
        h ^= h >> 15;
        h *= 0x2c1b3c6d;
        h ^= h >> 12;
        return h / 2147483648.0 - 1;
    }

    /// <summary>
    /// ζ of a start whose implied moments are admissible: while the objective is not finite at it, covariances
    /// between different variables and regression slopes are halved (then set to zero) and variances made positive.
    /// </summary>
    internal static double[] Repair(LisrelModel model, Objective objective, double[] theta)
    {
        var zeta = model.Constraints.ToZeta(theta);
        if (double.IsFinite(objective.Evaluate(zeta, []))) return zeta;
        var table = model.Table;
        var repaired = (double[])theta.Clone();
        for (int round = 0; round < 8; round++)
        {
            for (int t = 0; t < repaired.Length; t++)
            {
                var row = table.Rows[model.FreeRows[t]];
                if (row.Op == ModelOperator.Covariance && row.Lhs != row.Rhs) repaired[t] = round < 6 ? 0.5 * repaired[t] : 0;
                else if (row.Op == ModelOperator.Regression && round >= 3) repaired[t] = round < 6 ? 0.5 * repaired[t] : 0;
                else if (row.IsVariance && !(repaired[t] > 0)) repaired[t] = Math.Abs(repaired[t]) > 0 ? Math.Abs(repaired[t]) : 0.05;
            }
            zeta = model.Constraints.ToZeta(repaired);
            if (double.IsFinite(objective.Evaluate(zeta, []))) return zeta;
        }
        return zeta;
    }
}
