using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Model;
using SemLib.Results;
using SemLib.Syntax;

namespace SemLib.Resampling;

/// <summary>
/// Nonparametric bootstrap of a fitted model (Efron &amp; Tibshirani 1993): rows are resampled with replacement within
/// each group, the model is refitted (warm-started at the estimates) and every free, fixed-by-data, defined and
/// standardized value is recomputed. Draws run in parallel; draw k always uses the random stream of (seed, k), so
/// results do not depend on the number of threads. Draws that fail are counted and excluded, with their reasons.
/// <para>
/// With ordered items (WLSMV, DWLS, WLS, ULSMV) each draw recomputes its thresholds, polychoric/polyserial correlations
/// and Γ from the drawn rows and is refitted with the same estimator and weights, as lavaan's bootstrap re-estimates; a
/// draw in which a category of an ordered variable is absent cannot be fitted (lavaan fails it too) and is a failed draw.
/// </para>
/// </summary>
public static class Bootstrap
{
    /// <summary>Runs the bootstrap; the fit must come from raw data (rows to resample) and have converged.</summary>
    public static BootstrapResult Run(SemFit fit, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= new BootstrapOptions();
        if (options.Draws < 2) throw new ArgumentOutOfRangeException(nameof(options), "The bootstrap needs at least 2 draws.");
        if (!(options.ConfidenceLevel is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(options), "The confidence level must lie between 0 and 1.");
        var fitted = fit.Fitted;
        if (!fitted.Sample.Data.HasRawData) throw new SemLibException("The bootstrap resamples rows, so it needs raw data, not a covariance matrix.");
        if (!fit.Converged) throw new SemLibException("The model did not converge on the original data; there is nothing to bootstrap.");
        if (fitted.Sample.Categorical && options.BollenStine)
            throw new SemLibException("The Bollen–Stine bootstrap transforms the rows to fit the model's covariance matrix, which is not defined for ordered items (their rows are categories); the ordinary bootstrap of the ordinal fit is available without it.");
        if (fitted.Sample.Categorical && fitted.Sample.Data.Groups.Any(g => g.Rows is null))
            throw new SemLibException("The bootstrap resamples rows, and the rows behind the ordinal statistics of this fit are not available (they are kept for listwise deletion only).");
        if (fitted.Sample.FullInformation && options.BollenStine)
            throw new SemLibException("The Bollen–Stine bootstrap of a full-information ML fit (missing = ML or MLX) is not available: rows with missing cells need their own transformation to the model (Savalei & Yuan 2009). The ordinary bootstrap of the FIML fit (each draw keeps its missing cells and is refitted by FIML) is available without it.");

        var plan = new Plan(fit, options);
        var rows = fitted.Sample.Data.Groups.Select(g => g.Rows!).ToArray();
        var failures = new string?[options.Draws];
        var draws = RunDraws(plan, rows, options.Draws, options.Seed, options.MaxDegreeOfParallelism, options.Progress, failures: failures);
        var ok = draws.Where(d => d is not null).Select(d => d!).ToList();
        var tally = Tally(failures);
        if (ok.Count < 2)
            throw new SemLibException($"Only {ok.Count} of {options.Draws} bootstrap draws converged; no interval can be formed ({Describe(tally)}).");
        var warnings = plan.EffectColumns.Select(c => c.Plan.Note).OfType<string>().ToList();
        if (fitted.Table.Rows.Any(r => r.Op is ModelOperator.Less or ModelOperator.Greater))
            warnings.Add("The model has inequality constraints: each bootstrap draw holds the ones active in the original fit as equalities and does not enforce the others.");
        if (ok.Count < options.Draws)
            warnings.Add(tally.Count == 1 && tally.ContainsKey(NotConverged)
                ? $"{options.Draws - ok.Count} of {options.Draws} bootstrap draws failed to converge and were excluded."
                : $"{options.Draws - ok.Count} of {options.Draws} bootstrap draws failed and were excluded ({Describe(tally)}).");

        double[]? acceleration = null;
        if (options.Interval == BootstrapInterval.BiasCorrectedAccelerated)
            acceleration = Jackknife.Acceleration(plan, rows, options.MaxDegreeOfParallelism);

        double? bollenStine = null;
        int bsDraws = 0;
        if (options.BollenStine && fitted.Df == 0)
        {
            // A saturated model reproduces the data exactly: χ² is 0 in every draw up to rounding, so the share of
            // draws "above" it would be rounding noise. The p-value is not defined; no draws are run.
            warnings.Add("The Bollen–Stine p-value is not defined for a saturated model (df = 0).");
        }
        else if (options.BollenStine)
        {
            (bollenStine, bsDraws) = BollenStine(plan, options);
            if (bsDraws < options.Draws)
                warnings.Add($"{options.Draws - bsDraws} of {options.Draws} Bollen–Stine draws failed to converge and were excluded.");
        }

        var summary = Summarise(plan, ok, acceleration, options);
        return new BootstrapResult(options, ok.Count, summary.Parameters, summary.Effects, bollenStine, bsDraws, warnings, plan.Names, ok)
        {
            ModelDf = fitted.Df,
            Failures = tally,
        };
    }

    /// <summary>Why a draw failed without a more specific reason: its fit did not converge.</summary>
    internal const string NotConverged = "did not converge";

    /// <summary>Why a draw of continuous rows failed before its fit.</summary>
    internal const string NotPositiveDefinite = "the resampled covariance matrix is not positive definite";

    /// <summary>The tally of failure reasons, reason → draws, in ordinal order of the reasons.</summary>
    private static IReadOnlyDictionary<string, int> Tally(string?[] reasons) =>
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, int>(
            reasons.Where(r => r is not null).GroupBy(r => r!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    private static string Describe(IReadOnlyDictionary<string, int> tally) =>
        string.Join("; ", tally.Select(t => $"{t.Key}: {t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    /// <summary>The seed of draw k: a SplitMix64 mix of (seed, k), so each draw has its own stream.</summary>
    internal static int DrawSeed(int seed, int draw, ulong stream = 0)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)draw + 1 + stream * 0xD1B54A32D192ED03UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    private static double[]?[] RunDraws(Plan plan, double[][][] rows, int count, int seed, int? threads, IProgress<int>? progress,
        ulong stream = 0, Func<Plan, FitSession, double[]?>? statistic = null, string?[]? failures = null)
    {
        var results = new double[]?[count];
        int done = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, count, po, () => plan.NewWorker(), (k, _, worker) =>
        {
            var rng = new Random(DrawSeed(seed, k, stream));
            for (int g = 0; g < rows.Length; g++)
            {
                var idx = worker.Indices[g];
                for (int i = 0; i < idx.Length; i++) idx[i] = rng.Next(idx.Length);
            }
            var (session, failure) = plan.Prepare(worker, rows, worker.Indices.Select(i => i.Length).ToArray());
            results[k] = session is null ? null : (statistic ?? Plan.Statistics)(plan, session);
            if (failures is not null) failures[k] = session is null ? failure : results[k] is null ? NotConverged : null;
            int n = Interlocked.Increment(ref done);
            progress?.Report(n);
            return worker;
        }, _ => { });
        return results;
    }

    /// <summary>
    /// Bollen &amp; Stine (1992): the data are transformed to fit the model exactly, z = Σ̂^½ S^−½ (x − x̄) + μ̂, and χ²
    /// is bootstrapped under that null; p = share of draws with χ² above the observed one (lavaan's definition).
    /// </summary>
    private static (double? P, int Draws) BollenStine(Plan plan, BootstrapOptions options)
    {
        var fitted = plan.Fit.Fitted;
        var transformed = new double[fitted.Sample.Groups.Length][][];
        for (int g = 0; g < transformed.Length; g++)
        {
            var rows = fitted.Sample.Data.Groups[g].Rows!;
            var moments = fitted.Sample.Data.Groups[g];
            var state = fitted.State(g);
            int p = moments.P;
            var s = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p, (i, j) => moments.Covariance[i * p + j]);
            var sigma = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p, (i, j) => state.Sigma[i * p + j]);
            var map = sigma.Cholesky().Factor * s.Cholesky().Factor.Inverse();
            var target = fitted.Table.MeanStructure ? state.Mu : moments.Mean;
            transformed[g] = rows.Select(r =>
            {
                var d = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(p, j => r[j] - moments.Mean[j]);
                var z = map * d;
                return Enumerable.Range(0, p).Select(j => z[j] + target[j]).ToArray();
            }).ToArray();
        }
        double observed = fitted.ChiSquare;
        var chi = RunDraws(plan, transformed, options.Draws, options.Seed, options.MaxDegreeOfParallelism, null, stream: 1,
            statistic: static (pl, session) =>
            {
                var res = session.Fit(pl.WarmStart);
                return res.Converged ? [session.ChiSquareAt(res.X)] : null;
            });
        var ok = chi.Where(c => c is not null).Select(c => c![0]).ToList();
        if (ok.Count == 0) return (null, 0);
        return (ok.Count(c => c > observed) / (double)ok.Count, ok.Count);
    }

    private static (List<BootstrapEstimate> Parameters, List<BootstrapEffect> Effects) Summarise(Plan plan, List<double[]> draws,
        double[]? acceleration, BootstrapOptions options)
    {
        var original = plan.Original;
        var stat = new double[draws.Count];
        (double? Se, double? Lo, double? Hi) Interval(int j)
        {
            if (!double.IsFinite(original[j])) return (null, null, null);
            for (int k = 0; k < draws.Count; k++) stat[k] = draws[k][j];
            if (stat.Any(v => !double.IsFinite(v))) return (null, null, null);
            double mean = stat.Average();
            double sd = Math.Sqrt(stat.Sum(v => (v - mean) * (v - mean)) / (stat.Length - 1));
            if (sd == 0) return (0, null, null);
            Array.Sort(stat);
            double alpha = 1 - options.ConfidenceLevel;
            double pLo = alpha / 2, pHi = 1 - alpha / 2;
            if (options.Interval != BootstrapInterval.Percentile)
            {
                double below = stat.Count(v => v < original[j]) / (double)stat.Length;
                below = Math.Clamp(below, 0.5 / stat.Length, 1 - 0.5 / stat.Length);
                double z0 = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, below);
                double a = acceleration?[j] ?? 0;
                double zl = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, pLo);
                double zu = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, pHi);
                pLo = MathNet.Numerics.Distributions.Normal.CDF(0, 1, z0 + (z0 + zl) / (1 - a * (z0 + zl)));
                pHi = MathNet.Numerics.Distributions.Normal.CDF(0, 1, z0 + (z0 + zu) / (1 - a * (z0 + zu)));
            }
            return (sd, Quantile(stat, pLo), Quantile(stat, pHi));
        }

        var parameters = new List<BootstrapEstimate>();
        for (int r = 0; r < plan.RowCount; r++)
        {
            var row = plan.Fit.Parameters[r];
            bool varies = row.Free != false || row.Op == ModelOperator.Defined || plan.VariesWithData[r];
            var (se, lo, hi) = varies ? Interval(r) : (0, null, null);
            var (sse, slo, shi) = varies || row.StdAll is not null ? Interval(plan.RowCount + r) : (null, null, null);
            parameters.Add(new BootstrapEstimate
            {
                Lhs = row.Lhs,
                Op = row.Op,
                Rhs = row.Rhs,
                Group = row.Group,
                Label = row.Label,
                Estimate = row.Estimate,
                StandardError = se,
                CiLower = lo,
                CiUpper = hi,
                StdAll = row.StdAll,
                StdAllStandardError = sse,
                StdAllCiLower = slo,
                StdAllCiUpper = shi,
            });
        }
        var effects = new List<BootstrapEffect>();
        foreach (var (effect, offset) in plan.EffectColumns)
        {
            var labels = effect.Labels;
            for (int i = 0; i < labels.Count; i++)
            {
                int j = offset + i, js = offset + labels.Count + i;
                var (se, lo, hi) = Interval(j);
                var (_, slo, shi) = Interval(js);
                effects.Add(new BootstrapEffect(effect.From, effect.To, labels[i].Kind, labels[i].Path, original[j], se, lo, hi,
                    double.IsFinite(original[js]) ? original[js] : null, slo, shi));
            }
        }
        return (parameters, effects);
    }

    /// <summary>R's default (type 7) sample quantile of sorted data.</summary>
    private static double Quantile(double[] sorted, double p) =>
        MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, p, MathNet.Numerics.Statistics.QuantileDefinition.R7);

    /// <summary>What is bootstrapped and how: the statistics of one fitted model.</summary>
    internal sealed class Plan
    {
        public Plan(SemFit fit, BootstrapOptions options)
        {
            Fit = fit;
            var fitted = fit.Fitted;
            WarmStart = fitted.Zeta;
            RowCount = fit.Parameters.Count;
            var names = new List<string>();
            names.AddRange(fit.Parameters.Select(p => p.Name + (p.Group > 1 ? $"@{p.Group}" : "")));
            names.AddRange(fit.Parameters.Select(p => "std.all " + p.Name + (p.Group > 1 ? $"@{p.Group}" : "")));
            // Parameters lists every table row, in table order.
            ParameterRows = Enumerable.Range(0, fitted.Table.Rows.Count).ToArray();
            VariesWithData = ParameterRows.Select(i => fitted.Table.Rows[i].Exogenous).ToArray();
            int offset = names.Count;
            foreach (var (from, to) in options.Effects)
            {
                // The effects are bootstrapped in the first group, as SemFit.Effects reports them by default.
                var plan = Effects.Prepare(fitted.Model, from, to, 1);
                EffectColumns.Add(new EffectColumn(plan, offset));
                names.AddRange(plan.Labels.Select(l => $"{l.Kind} {l.Path}"));
                names.AddRange(plan.Labels.Select(l => $"std.all {l.Kind} {l.Path}"));
                offset += 2 * plan.Labels.Count;
            }
            Names = names;
            Original = Collect(Enumerable.Range(0, fitted.Model.Groups.Length).Select(fitted.State).ToArray(), fitted.Theta);
        }

        public SemFit Fit { get; }
        public double[] WarmStart { get; }
        public int RowCount { get; }
        public int[] ParameterRows { get; }
        public bool[] VariesWithData { get; }
        public List<EffectColumn> EffectColumns { get; } = [];
        public List<string> Names { get; }
        public double[] Original { get; }

        /// <summary>
        /// Sets a worker up for the rows <paramref name="rows"/>[g][worker.Indices[g][k]], k &lt; <paramref name="counts"/>[g]:
        /// continuous rows give the worker's session new moments; ordered items give a new session fitted to the drawn
        /// rows' ordinal statistics (their weights too). Null with the reason when the drawn rows cannot be fitted.
        /// </summary>
        public (FitSession? Session, string? Failure) Prepare(Worker worker, double[][][] rows, int[] counts)
        {
            var fitted = Fit.Fitted;
            if (!fitted.Sample.Categorical)
            {
                for (int g = 0; g < rows.Length; g++)
                    if (!worker.Session.SetRows(g, rows[g], worker.Indices[g].AsSpan(0, counts[g]))) return (null, NotPositiveDefinite);
                return (worker.Session, null);
            }
            var data = fitted.Sample.Data;
            var stats = new Data.Ordinal.OrdinalSampleStatistics[rows.Length];
            for (int g = 0; g < rows.Length; g++)
            {
                var (st, failure) = Data.SampleData.OrdinalStatisticsOf(data.Groups[g].Ordinal!, rows[g], worker.Indices[g].AsSpan(0, counts[g]));
                if (st is null) return (null, (rows.Length > 1 ? $"group {MessageText.Quote(data.Groups[g].Label)}: " : "") + failure);
                stats[g] = st;
            }
            try
            {
                var sample = new EstimationSample(data.WithOrdinalStatistics(stats), fitted.Sample.Estimator);
                return (new FitSession(fitted.Model, sample, fitted.Options), null);
            }
            catch (SemLibException e)
            {
                return (null, MessageText.OneLine(e.Message).TrimEnd('.'));
            }
        }

        public Worker NewWorker()
        {
            var fitted = Fit.Fitted;
            // A draw's estimates do not depend on how tightly EM pins its unrestricted moments (FIML only; Bollen–Stine,
            // which needs each draw's χ², is not offered with FIML), so EM stops at a relative change of 1e-6.
            var session = new FitSession(fitted.Model, fitted.Sample, fitted.Options) { SaturatedTolerance = 1e-6 };
            return new Worker(session, fitted.Sample.Groups.Select(g => new int[g.N]).ToArray());
        }

        /// <summary>Fits the session's current data and returns every statistic, or null when the fit fails.</summary>
        public static double[]? Statistics(Plan plan, FitSession session)
        {
            var res = session.Fit(plan.WarmStart);
            if (!res.Converged) return null;
            // The optimizer's last evaluation may have been a rejected trial point: the states are set at the solution
            // (no gradient is needed for that), and θ is read back from the objective.
            var objective = session.Objective;
            objective.Evaluate(res.X, []);
            return plan.Collect(Enumerable.Range(0, session.Model.Groups.Length).Select(objective.State).ToArray(), objective.Theta);
        }

        /// <summary>Every statistic at θ, from the group states at θ.</summary>
        public double[] Collect(GroupState[] states, ReadOnlySpan<double> theta)
        {
            var fitted = Fit.Fitted;
            var est = EstimatesBuilder.RowEstimates(fitted.Table, fitted.Model, theta, states);
            var (_, stdAll) = Standardization.Compute(fitted.Table, est, states);
            var result = new double[Names.Count];
            for (int r = 0; r < RowCount; r++)
            {
                result[r] = est[ParameterRows[r]];
                result[RowCount + r] = stdAll[ParameterRows[r]];
            }
            foreach (var (plan, offset) in EffectColumns)
            {
                var v = Effects.Values(plan, states[plan.Group - 1]);
                int k = plan.Labels.Count; // v holds the k effects, then the same k standardized
                for (int i = 0; i < k; i++)
                {
                    result[offset + i] = v[i];
                    result[offset + k + i] = v[k + i];
                }
            }
            return result;
        }
    }

    /// <summary>A bootstrapped effect decomposition: its plan, and the column of a draw where its statistics start.</summary>
    internal sealed record EffectColumn(Effects.Plan Plan, int Offset);

    internal sealed record Worker(FitSession Session, int[][] Indices);
}
