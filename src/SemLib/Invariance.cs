using MathNet.Numerics.LinearAlgebra;
using System.Globalization;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Inference;
using SemLib.MeasurementInvariance;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib;

/// <summary>
/// Measurement invariance across groups, as lavaan users test it with <c>group.equal</c> and <c>lavTestLRT()</c>:
/// configural → metric (equal loadings) → scalar (+ intercepts) → strict (+ residual variances), each step fitted
/// and compared with the step before by the χ² difference test and by the changes in CFI, RMSEA and SRMR, judged
/// against Cheung &amp; Rensvold (2002; ΔCFI ≥ −.010) and Chen (2007; ΔRMSEA ≤ .015, ΔSRMR ≤ .030 for loadings and
/// ≤ .010 for intercepts and residuals). For a step that does not hold, lavaan's score tests (<c>lavTestScore</c>)
/// of the constraints it added, largest first, say which to release with group.partial.
/// <code>
/// var result = Invariance.Run(model, data, new InvarianceOptions { Model = new ModelOptions { Group = "school" } });
/// </code>
/// The steps are fitted independently, in parallel; the results do not depend on the number of threads.
/// <para>
/// Ordered items (<see cref="ModelOptions.Ordered"/>; WLSMV by default) follow lavaan's group.equal: metric equates the
/// loadings (lavaan's default identification: under delta the scale factors stay 1 in every group, under theta the
/// residual variances do), scalar adds the thresholds (lavaan then frees the later groups' latent means and their
/// scale factors — delta — or residual variances — theta), strict adds the residual variances, which are parameters
/// only under <c>parameterization = "theta"</c> (there the later groups' are fixed back to the first group's 1): under
/// delta, group.equal "residuals" adds no constraint (lavaan fits the scalar model again), so the strict step is left
/// out with a warning. The difference tests are lavTestLRT's (for WLSMV and ULSMV the scaled-and-shifted
/// "satorra.2000"), and the step's χ², CFI, TLI and RMSEA are the scaled ones lavaan reports for a scaled test
/// (chisq.scaled, cfi.scaled, tli.scaled, rmsea.scaled: cfi.robust and rmsea.robust are not available once the
/// thresholds are equal), SRMR as fitMeasures gives it.
/// </para>
/// </summary>
public static class Invariance
{
    /// <summary>Cheung &amp; Rensvold (2002): a drop in CFI of more than .01 signals non-invariance.</summary>
    public const double DeltaCfiCutoff = -0.010;
    /// <summary>Chen (2007): an increase in RMSEA of more than .015 signals non-invariance.</summary>
    public const double DeltaRmseaCutoff = 0.015;
    /// <summary>Chen (2007): an increase in SRMR of more than .030 signals non-invariance of loadings.</summary>
    public const double DeltaSrmrCutoffMetric = 0.030;
    /// <summary>Chen (2007): an increase in SRMR of more than .010 signals non-invariance of intercepts or residuals.</summary>
    public const double DeltaSrmrCutoffScalar = 0.010;

    /// <summary>Runs the sequence on raw data.</summary>
    /// <exception cref="SemLibException">No group column, only one group, or a group too small for the model.</exception>
    public static InvarianceResult Run(string model, DataSet data, InvarianceOptions options) =>
        Run(ModelSyntax.Parse(model), data, options);

    /// <summary>Runs the sequence on raw data.</summary>
    public static InvarianceResult Run(ParsedModel model, DataSet data, InvarianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Model.Group is not { } groupColumn)
            throw new SemLibException("Measurement invariance compares groups: name the group column (ModelOptions.Group, --group).");
        if (options.Steps.Count == 0) throw new SemLibException("No invariance step was asked for; give at least one of configural, metric, scalar, strict.");
        if (options.Steps.Distinct().Count() != options.Steps.Count)
            throw new SemLibException($"An invariance step is named twice ({string.Join(", ", options.Steps.Select(s => s.Name()))}).");
        var steps = options.Steps.OrderBy(s => s).ToList();

        var baseOptions = options.Model with { GroupEqual = [], GroupPartial = [] };
        var (configuralTable, sample) = FitEngine.Prepare(model, baseOptions, data, null);
        bool ordinal = configuralTable.IsCategorical;
        var warnings = new List<FitWarning>();
        if (ordinal && steps.Contains(InvarianceStep.Strict) && options.Model.Parameterization == CategoricalParameterization.Delta)
        {
            string why = "with ordered items and parameterization = \"delta\" the residual variances of the latent responses are not parameters (they follow from the scale factors), "
                + "so group.equal \"residuals\" adds no constraint and lavaan fits the scalar model again";
            if (steps.Count == 1)
                throw new SemLibException($"The strict step cannot be tested: {why}. Use parameterization = \"theta\" (--parameterization theta) to test equal residual variances.");
            steps.Remove(InvarianceStep.Strict);
            warnings.Add(new FitWarning(FitWarningKind.ModelSpecification, $"strict: left out: {why}. Use parameterization = \"theta\" to test equal residual variances.", []));
        }
        if (sample.Groups.Length < 2)
            throw new SemLibException($"The group column {MessageText.Quote(groupColumn)} has only one group ({MessageText.Quote(sample.Groups[0].Label)}) among the complete rows; measurement invariance needs at least two groups.");
        GroupEquality.CheckPartial(model, options.Model with { GroupPartial = options.GroupPartial });
        CheckGroupSizes(model, baseOptions, sample, groupColumn);

        var stepOptions = steps.Select(s => options.Model with
        {
            GroupEqual = s.GroupEqual(ordinal),
            GroupPartial = s == InvarianceStep.Configural ? [] : options.GroupPartial,
        }).ToList();
        var fits = new SemFit[steps.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
        Parallel.For(0, steps.Count, parallel, i => fits[i] = FitStep(model, stepOptions[i], sample));

        var results = new List<InvarianceStepResult>();
        int? reference = null;
        for (int i = 0; i < steps.Count; i++)
        {
            var fit = fits[i];
            foreach (var w in fit.Warnings) warnings.Add(w with { Message = $"{steps[i].Name()}: {w.Message}" });
            var result = Describe(steps[i], stepOptions[i], fit);
            if (!fit.Converged)
            {
                string msg = $"The {steps[i].Name()} model did not converge after {fit.Iterations} iterations; it is reported without a comparison and the sequence goes on"
                    + (i + 1 < steps.Count ? $" (the next step is compared with {(reference is int r ? steps[r].Name() : "no earlier step")})." : ".");
                warnings.Add(new FitWarning(FitWarningKind.NotConverged, msg, []));
                results.Add(result with { Verdict = msg });
                continue;
            }
            if (reference is int prev)
            {
                result = Compare(result, results[prev], steps[i] == InvarianceStep.Metric, ordinal);
                if (result.Holds == false && options.ScoreTests && i > 0)
                    result = WithScoreTests(result, steps[prev]);
            }
            else
            {
                result = result with { Verdict = FirstVerdict(result) };
            }
            results.Add(result);
            reference = i;
        }
        return new InvarianceResult
        {
            Group = groupColumn,
            Groups = sample.Groups.Select(g => g.Label).ToList(),
            Estimator = options.Model.Estimator,
            Steps = results,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Tests each regression path of a multi-group model for equality across groups: the Wald test of the difference
    /// in the free model, and the χ² difference of the model with that one path equal (lavaan's
    /// <c>group.equal = "regressions"</c> with every other path in <c>group.partial</c>) against the free model.
    /// </summary>
    public static PathComparison PathDifferences(string model, DataSet data, ModelOptions options, int maxDegreeOfParallelism = 0) =>
        PathDifferences(ModelSyntax.Parse(model), data, options, maxDegreeOfParallelism);

    /// <inheritdoc cref="PathDifferences(string, DataSet, ModelOptions, int)"/>
    public static PathComparison PathDifferences(ParsedModel model, DataSet data, ModelOptions options, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Group is not { } groupColumn)
            throw new SemLibException("Comparing paths across groups needs a group column (ModelOptions.Group, --group).");
        var (_, sample) = FitEngine.Prepare(model, options with { GroupEqual = [], GroupPartial = [] }, data, null);
        if (sample.Groups.Length < 2)
            throw new SemLibException($"The group column {MessageText.Quote(groupColumn)} has only one group ({MessageText.Quote(sample.Groups[0].Label)}) among the complete rows; comparing paths needs at least two groups.");
        GroupEquality.CheckPartial(model, options);
        var free = FitStep(model, options, sample);
        var table = free.Table;
        int n = table.Rows.Count(r => r.Group == 1);
        int groups = table.GroupCount;
        var paths = Enumerable.Range(0, n).Where(i => table.Rows[i].Op == ModelOperator.Regression
            && Enumerable.Range(0, groups).All(g => table.Rows[g * n + i].Free && table.Rows[g * n + i].Label.Length == 0)).ToList();
        var warnings = free.Warnings.Select(w => w with { Message = "free model: " + w.Message }).ToList();
        if (paths.Count == 0) return new PathComparison(free, [], warnings);

        string Name(ParameterRow r) => $"{r.Lhs} ~ {r.Rhs}";
        var equalFits = new SemFit[paths.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount };
        Parallel.For(0, paths.Count, parallel, k =>
        {
            var others = paths.Where(j => j != paths[k]).Select(j => Name(table.Rows[j]));
            var o = options with
            {
                GroupEqual = options.GroupEqual.Append("regressions").Distinct().ToList(),
                GroupPartial = options.GroupPartial.Concat(others).ToList(),
            };
            equalFits[k] = FitStep(model, o, sample);
        });

        var cov = free.ParameterCovariance();
        var thetaOf = free.Fitted.Model.ThetaOfRow;
        var results = new List<PathDifference>();
        for (int k = 0; k < paths.Count; k++)
        {
            var row = table.Rows[paths[k]];
            var idx = Enumerable.Range(0, groups).Select(g => thetaOf[g * n + paths[k]]).ToArray();
            var est = idx.Select(t => free.Fitted.Theta[t]).ToArray();
            double? diff = null, se = null, z = null, wald = null, waldP = null;
            if (cov is not null)
            {
                // Contrasts b_g − b_1, g = 2..G, and their Wald χ².
                var c = Matrix<double>.Build.Dense(groups - 1, groups, (a, b) => b == 0 ? -1 : b == a + 1 ? 1 : 0);
                var v = Matrix<double>.Build.Dense(groups, groups, (a, b) => cov[idx[a], idx[b]]);
                var d = c * Vector<double>.Build.Dense(est);
                var cvc = c * v * c.Transpose();
                if (groups == 2)
                {
                    diff = d[0];
                    if (cvc[0, 0] > 0)
                    {
                        se = Math.Sqrt(cvc[0, 0]);
                        z = diff / se;
                        wald = z * z;
                    }
                }
                else if (cvc.Determinant() > 0) wald = d.DotProduct(cvc.Inverse() * d);
                if (wald is double w) waldP = ScoreTestCalculator.PValue(w, groups - 1);
            }
            double? dChi = null, dP = null;
            int? dDf = null;
            var eq = equalFits[k];
            if (eq.Converged && free.Converged)
            {
                var lrt = ModelComparison.ChiSquareDifference([free, eq], ["free", "equal"]).Single(r => r.Name == "equal");
                (dChi, dDf, dP) = (lrt.ChiSquareDifference, lrt.DfDifference, lrt.PValue);
            }
            else if (!eq.Converged)
            {
                warnings.Add(new FitWarning(FitWarningKind.NotConverged,
                    $"The model with {Name(row)} equal across groups did not converge after {eq.Iterations} iterations; its χ² difference is not reported.", [Name(row)]));
            }
            results.Add(new PathDifference(row.Lhs, row.Rhs, est, diff, se, z, wald, groups - 1, waldP, dChi, dDf, dP));
        }
        return new PathComparison(free, results, warnings);
    }

    private static SemFit FitStep(ParsedModel model, ModelOptions options, SampleData sample)
    {
        var table = ParameterTableBuilder.Build(model, options, sample.Groups.Length, sample.ThresholdCounts());
        return Sem.Fit(table, sample, options);
    }

    /// <summary>A group with no more rows than the configural model has free parameters per group cannot identify its own model.</summary>
    private static void CheckGroupSizes(ParsedModel model, ModelOptions options, SampleData sample, string groupColumn)
    {
        var table = ParameterTableBuilder.Build(model, options with { MeanStructure = options.MeanStructure ?? true }, 1, sample.ThresholdCounts()); // groups have means by default
        int perGroup = table.FreeRowCount;
        foreach (var g in sample.Groups)
            if (g.N <= perGroup)
                throw new SemLibException(string.Format(CultureInfo.InvariantCulture,
                    "Group {0} of {1} has {2} complete rows, too few for the configural model's {3} free parameters per group; merge small groups or drop this one.",
                    MessageText.Quote(g.Label), MessageText.Quote(groupColumn), g.N, perGroup));
    }

    private static InvarianceStepResult Describe(InvarianceStep step, ModelOptions options, SemFit fit)
    {
        var m = fit.FitMeasures;
        bool ok = fit.Converged;
        // Ordered items with a scaled test: lavaan's scaled χ², CFI, TLI and RMSEA (its robust ones are NA once
        // thresholds are equal across groups); otherwise the standard measures with AIC and BIC.
        bool scaled = UsesScaledMeasures(fit);
        return new InvarianceStepResult
        {
            Step = step,
            GroupEqual = options.GroupEqual,
            GroupPartial = options.GroupPartial,
            Converged = ok,
            Fit = fit,
            Npar = m.Npar,
            ChiSquare = !ok ? null : scaled ? m.ChiSquareScaled : m.ChiSquare,
            Df = m.Df,
            PValue = !ok ? null : scaled ? m.PValueScaled : m.PValue,
            Cfi = !ok ? null : scaled ? m["cfi.scaled"] : m.Cfi,
            Tli = !ok ? null : scaled ? m["tli.scaled"] : m.Tli,
            Rmsea = !ok ? null : scaled ? m["rmsea.scaled"] : m.Rmsea,
            Srmr = ok ? m.Srmr : null,
            Aic = ok && !scaled ? m.Aic : null,
            Bic = ok && !scaled ? m.Bic : null,
            Measures = scaled ? "scaled" : "standard",
            Verdict = "",
        };
    }

    /// <summary>Ordered items with a scaled test (WLSMV, ULSMV): the step reports lavaan's scaled χ², CFI, TLI and RMSEA.</summary>
    private static bool UsesScaledMeasures(SemFit fit) => fit.Fitted.Sample.Categorical && fit.Tests.Count > 1;

    private static InvarianceStepResult Compare(InvarianceStepResult current, InvarianceStepResult previous, bool metric, bool ordinal)
    {
        var row = ModelComparison.ChiSquareDifference([previous.Fit, current.Fit], [previous.Step.Name(), current.Step.Name()])
            .Single(r => r.Name == current.Step.Name());
        double? dCfi = current.Cfi - previous.Cfi, dRmsea = current.Rmsea - previous.Rmsea, dSrmr = current.Srmr - previous.Srmr;
        double srmrCut = metric ? DeltaSrmrCutoffMetric : DeltaSrmrCutoffScalar;
        var failures = new List<string>();
        var passes = new List<string>();
        void Judge(string name, double? delta, double cut, bool upper, string source)
        {
            if (delta is not double d) return;
            bool ok = upper ? d <= cut : d >= cut;
            string text = string.Format(CultureInfo.InvariantCulture, "{0} = {1:+0.000;-0.000;0.000} {2} {3:+0.000;-0.000} ({4})",
                name, d, ok ? (upper ? "≤" : "≥") : (upper ? ">" : "<"), cut, source);
            (ok ? passes : failures).Add(text);
        }
        string scaled = current.Measures == "scaled" ? " (scaled)" : "";
        Judge("ΔCFI" + scaled, dCfi, DeltaCfiCutoff, false, "Cheung & Rensvold 2002");
        Judge("ΔRMSEA" + scaled, dRmsea, DeltaRmseaCutoff, true, "Chen 2007");
        Judge("ΔSRMR", dSrmr, srmrCut, true, "Chen 2007");
        bool? holds = passes.Count + failures.Count == 0 ? null : failures.Count == 0;
        string what = current.Step switch
        {
            InvarianceStep.Metric => "Metric invariance (equal loadings)",
            InvarianceStep.Scalar => ordinal ? "Scalar invariance (equal loadings and thresholds)" : "Scalar invariance (equal loadings and intercepts)",
            InvarianceStep.Strict => ordinal ? "Strict invariance (equal loadings, thresholds and residual variances)" : "Strict invariance (equal loadings, intercepts and residual variances)",
            _ => "The configural model",
        };
        string lrt = row.PValue is double p
            ? string.Format(CultureInfo.InvariantCulture, " The {6}χ² difference test against {0} {1} it (Δχ² = {2:0.00}, Δdf = {3}, p {4}){5}.",
                previous.Step.Name(), p < 0.05 ? "rejects" : "does not reject", row.ChiSquareDifference, row.DfDifference, p < 0.001 ? "< .001" : "= " + p.ToString("0.000", CultureInfo.InvariantCulture),
                p < 0.05 ? "; in large samples it rejects even trivial differences, which is why the fit-index changes decide" : "",
                row.Method == "standard" ? "" : $"scaled ({row.Method}) ")
            : "";
        string verdict = holds switch
        {
            true => $"{what} holds against {previous.Step.Name()}: {string.Join("; ", passes)}.{lrt}",
            false => $"{what} is not supported against {previous.Step.Name()}: {string.Join("; ", failures)}"
                + (passes.Count > 0 ? $" (within the cut-off: {string.Join("; ", passes)})" : "") + $".{lrt} The score tests show which constraints to release (group.partial) for partial invariance.",
            null => $"{what}: no fit-index change to judge.{lrt}",
        };
        return current with
        {
            ComparedWith = previous.Step,
            DeltaChiSquare = row.ChiSquareDifference,
            DeltaDf = row.DfDifference,
            DeltaPValue = row.PValue,
            DeltaCfi = dCfi,
            DeltaRmsea = dRmsea,
            DeltaSrmr = dSrmr,
            Holds = holds,
            Verdict = verdict,
        };
    }

    private static string FirstVerdict(InvarianceStepResult r) =>
        string.Format(CultureInfo.InvariantCulture,
            "The {0} model is the reference for the later steps: χ²({1}) = {2:0.00}, CFI = {3:0.000}, RMSEA = {4:0.000}, SRMR = {5:0.000}{6}.",
            r.Step.Name(), r.Df, r.ChiSquare, r.Cfi, r.Rmsea, r.Srmr, r.Measures == "scaled" ? " (χ², CFI and RMSEA scaled, as lavaan's chisq.scaled, cfi.scaled and rmsea.scaled)" : "");

    /// <summary>Score tests of the constraints the step added to the one it is compared with.</summary>
    internal static InvarianceStepResult WithScoreTests(InvarianceStepResult result, InvarianceStep previous)
    {
        var fitted = result.Fit.Fitted;
        var table = fitted.Table;
        var added = result.GroupEqual.Except(previous.GroupEqual(result.GroupEqual.Contains("thresholds"))).ToHashSet(StringComparer.Ordinal);
        var (uni, total) = ScoreTestCalculator.Compute(fitted, (a, b) =>
            table.Rows[b].Label.StartsWith(".p", StringComparison.Ordinal)
            && GroupEquality.KindOf(table.Rows[b], table.Roles) is { } kind && added.Contains(kind));
        var tests = uni.Select(u => new ScoreTest(
                $"{ScoreTestCalculator.PLabel(table.Rows[u.RowA])} == {ScoreTestCalculator.PLabel(table.Rows[u.RowB])}",
                ScoreTestCalculator.Describe(table.Rows[u.RowA]), table.Rows[u.RowB].Group,
                u.ChiSquare, 1, ScoreTestCalculator.PValue(u.ChiSquare, 1)))
            .OrderByDescending(t => t.ChiSquare).ToList();
        var totalTest = tests.Count == 0 ? null
            : new ScoreTest("total", string.Join(", ", added), 0, total, tests.Count, ScoreTestCalculator.PValue(total, tests.Count));
        return result with { ScoreTests = tests, TotalScoreTest = totalTest };
    }
}
