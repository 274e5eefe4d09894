using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Specification;

namespace SemLib.Reliability;

/// <summary>
/// The whole scale-validation workflow of a survey study in one call, in the order a thesis reports it: item and
/// scale analysis per scale (psych::alpha), KMO and Bartlett over all items, exploratory factor analyses when asked,
/// the CFA measurement model (one factor per scale, lavaan defaults) with composite reliability, AVE, semTools'
/// omega and AVE, the latent correlations, the Fornell–Larcker table and HTMT, and the verdicts against the
/// customary cut-offs. Reverse-keyed items are rescored (min + max − x) before anything else. With
/// <see cref="ReliabilityStudyOptions.Ordinal"/> the items are ordered categories: ordinal alpha per scale, and the CFA
/// is fitted with ordered items (WLSMV), adding categorical omega per factor.
/// </summary>
public static class ReliabilityStudy
{
    /// <summary>Runs the study. Exceptions name the scale or item that cannot be analysed.</summary>
    public static ReliabilityStudyResult Run(DataSet data, IReadOnlyList<ScaleDefinition> scales, ReliabilityStudyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scales);
        options ??= new ReliabilityStudyOptions();
        if (scales.Count == 0) throw new ReliabilityException("No scale was given; define at least one scale with two or more items.");
        CheckNames(scales);
        if (options.Cfa && CfaProblem(scales) is { } problem) throw new ReliabilityException(problem);
        var cutoffs = options.Cutoffs ?? new ValidityCutoffs();

        var items = scales.SelectMany(s => s.Items).ToList();
        var scaleResults = ItemAnalysis.Analyze(data, scales, options.ConfidenceLevel);
        var rescored = Rescored(data, scales);
        var warnings = scaleResults.SelectMany(s => s.Warnings).ToList();
        var ordinalAlpha = options.Ordinal ? OrdinalReliability.Alpha(data, scales) : [];
        warnings.AddRange(ordinalAlpha.SelectMany(a => a.Warnings));

        var kmo = SamplingAdequacy.Kmo(rescored, items);
        var bartlett = SamplingAdequacy.Bartlett(rescored, items);
        var htmt = scales.Count > 1 ? Htmt.Compute(rescored, scales) : null;
        var efa = options.EfaRuns.Select(run => ExploratoryFactorAnalysis.Fit(rescored, items, run.Factors, run.Options)).ToList();

        // The CFA: one factor per scale, named as the scale, on the complete rows (lavaan's listwise default). The
        // model is built, not parsed, so that any scale or item name works (lavaan syntax has no quoting for a name
        // such as "视觉 量表"); its syntax is reported for reading.
        string cfaModel = string.Join("\n", scales.Select(s => $"{s.Name} =~ {string.Join(" + ", s.Items)}"));
        SemFit? cfa = null;
        var cr = new Dictionary<string, double>(StringComparer.Ordinal);
        var ave = new Dictionary<string, double>(StringComparer.Ordinal);
        var omega = new Dictionary<string, double>(StringComparer.Ordinal);
        var categoricalOmega = new Dictionary<string, double>(StringComparer.Ordinal);
        var aveObserved = new Dictionary<string, double>(StringComparer.Ordinal);
        var standardizedLoadings = new List<FactorLoadings>();
        LabeledMatrix? latent = null;
        FornellLarckerTable? fornell = null;
        if (options.Cfa)
        {
            var cfaOptions = options.CfaOptions ?? ModelOptions.Default;
            if (options.Ordinal && cfaOptions.Ordered.Count == 0) cfaOptions = cfaOptions with { Ordered = items };
            cfa = Sem.Fit(CfaSpecification(scales), ItemColumns(rescored, items), cfaOptions);
            warnings.AddRange(cfa.Warnings.Select(w => "CFA: " + w.Message));
            if (cfa.Converged)
            {
                var sample = SampleCovariance(cfa);
                foreach (var s in scales)
                {
                    var std = s.Items.Select(i => cfa.Parameter(s.Name, "=~", i)!.StdAll ?? double.NaN).ToList();
                    var raw = s.Items.Select(i => cfa.Parameter(s.Name, "=~", i)!.Estimate).ToList();
                    var stdLoadings = new FactorLoadings(s.Name, s.Items, std);
                    standardizedLoadings.Add(stdLoadings);
                    cr[s.Name] = ConstructReliability.CompositeReliability(stdLoadings);
                    ave[s.Name] = ConstructReliability.AverageVarianceExtracted(stdLoadings);
                    double psi = cfa.Parameter(s.Name, "~~", s.Name)!.Estimate;
                    if (psi > 0)
                    {
                        var measurement = new FactorMeasurement(new FactorLoadings(s.Name, s.Items, raw), psi, sample);
                        omega[s.Name] = ConstructReliability.Omega(measurement);
                        aveObserved[s.Name] = ConstructReliability.AverageVarianceExtractedObserved(measurement);
                        if (Categorical(cfa, s, raw, psi, sample) is { } categorical)
                        {
                            try
                            {
                                categoricalOmega[s.Name] = OrdinalReliability.CategoricalOmega(categorical);
                            }
                            catch (ReliabilityException e)
                            {
                                warnings.Add("Categorical omega: " + e.Message);
                            }
                        }
                    }
                }
                latent = LatentCorrelations(cfa, scales.Select(s => s.Name).ToList());
                fornell = scales.Count > 1 ? ConstructReliability.FornellLarcker(ave, latent) : null;
            }
        }

        var checks = new List<IEnumerable<CriterionCheck>>();
        checks.AddRange(scaleResults.Select(s => ValidityAssessment.Check(s, cutoffs)));
        checks.Add(ValidityAssessment.Check(kmo, "all items", cutoffs));
        checks.AddRange(standardizedLoadings.Select(l => ValidityAssessment.Check(l, cutoffs)));
        if (htmt is not null) checks.Add(ValidityAssessment.Check(htmt, cutoffs));
        if (fornell is not null) checks.Add(ValidityAssessment.Check(fornell));
        checks.AddRange(efa.Select(e => ValidityAssessment.Check(e, cutoffs)));

        return new ReliabilityStudyResult
        {
            Scales = scaleResults,
            ScaleDefinitions = scales,
            CompleteRows = bartlett.N, // Bartlett's test, like KMO and HTMT, uses the rows with every item observed
            Kmo = kmo,
            Bartlett = bartlett,
            CfaModel = cfaModel,
            Cfa = cfa,
            CompositeReliability = cr,
            AverageVarianceExtracted = ave,
            Omega = omega,
            OrdinalAlpha = ordinalAlpha,
            CategoricalOmega = categoricalOmega,
            AverageVarianceExtractedSemTools = aveObserved,
            StandardizedLoadings = standardizedLoadings,
            LatentCorrelations = latent,
            FornellLarcker = fornell,
            Htmt = htmt,
            Efa = efa,
            Verdicts = ValidityAssessment.Report(checks.ToArray()),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Why the one-factor-per-scale CFA cannot be fitted whatever the data, or null: a single scale of two items is
    /// one factor with two indicators, which has four free parameters (two loadings, one fixed to 1, plus two
    /// residual variances and the factor variance) for three sample moments (df = −1). Inside a CFA of several
    /// scales a two-item factor is identified through its correlations with the other factors.
    /// </summary>
    public static string? CfaProblem(IReadOnlyList<ScaleDefinition> scales)
    {
        ArgumentNullException.ThrowIfNull(scales);
        if (scales is not [{ Items.Count: 2 } only]) return null;
        return $"Scale {MessageText.Quote(only.Name)} has two items and is the only scale: its CFA (one factor with two indicators) "
            + "is not identified on its own (4 free parameters for 3 variances and covariances, df = -1), so CR, AVE and omega cannot be estimated. "
            + "Add a third item, or analyse it together with other scales: inside a CFA of several factors a two-item factor is identified.";
    }

    /// <summary>
    /// Scale names must be names (not blank), distinct, and not also the name of an item: the CFA gives each scale a
    /// latent variable of its name, which cannot also be an observed variable. Each item belongs to one scale.
    /// </summary>
    private static void CheckNames(IReadOnlyList<ScaleDefinition> scales)
    {
        var blank = scales.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Name));
        if (blank is not null) throw new ReliabilityException($"A scale (items {MessageText.List(blank.Items)}) has no name.");
        var dup = scales.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ReliabilityException($"The scale name {MessageText.Quote(dup.Key)} is used twice.");
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in scales)
        {
            foreach (var item in s.Items)
            {
                if (!owner.TryAdd(item, s.Name))
                    throw new ReliabilityException($"The item {MessageText.Quote(item)} belongs to more than one scale ({MessageText.Quote(owner[item])} and {MessageText.Quote(s.Name)}).");
            }
        }
        foreach (var s in scales)
        {
            if (owner.TryGetValue(s.Name, out var of))
                throw new ReliabilityException($"The scale name {MessageText.Quote(s.Name)} is also the name of an item (of scale {MessageText.Quote(of)}); "
                    + "the CFA gives each scale a latent variable of its name, which cannot also be an item. Rename the scale.");
        }
    }

    /// <summary>The CFA model: one factor per scale, named as the scale, measured by its items.</summary>
    private static Syntax.ParsedModel CfaSpecification(IReadOnlyList<ScaleDefinition> scales)
    {
        var builder = new ModelBuilder();
        foreach (var s in scales) builder.MeasuredBy(s.Name, s.Items.ToArray());
        return builder.Build();
    }

    /// <summary>
    /// The items' columns only: a scale may be named like a column that is not one of its items (a total score, say),
    /// and the CFA's latent variables must not share a name with a column of its data.
    /// </summary>
    private static DataSet ItemColumns(DataSet data, IReadOnlyList<string> items) =>
        DataSet.FromColumns(items.Select(i => new KeyValuePair<string, double[]>(i, data[i].Values.ToArray())), data.Source);

    /// <summary>The data with each reverse-keyed item rescored as min + max − x (the same rule as the item analysis).</summary>
    public static DataSet Rescored(DataSet data, IReadOnlyList<ScaleDefinition> scales)
    {
        var replaced = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var s in scales.Where(s => s.ReverseKeyed.Count > 0))
        {
            var columns = ItemData.From(data, s.Items, $"scale {MessageText.Quote(s.Name)}");
            var rescored = ItemAnalysis.Rescore(columns, s);
            for (int j = 0; j < s.Items.Count; j++)
                if (s.IsReversed(s.Items[j])) replaced[s.Items[j]] = rescored[j];
        }
        if (replaced.Count == 0) return data;
        var cols = data.Columns.Where(c => c.IsNumeric || replaced.ContainsKey(c.Name))
            .Select(c => new KeyValuePair<string, double[]>(c.Name, replaced.TryGetValue(c.Name, out var r) ? r : c.Values.ToArray()));
        return DataSet.FromColumns(cols, data.Source);
    }

    /// <summary>The sample covariance matrix the CFA was fitted to (divisor N, as semTools reads it from lavaan).</summary>
    private static LabeledMatrix SampleCovariance(SemFit fit)
    {
        var g = fit.Fitted.Sample.Groups[0];
        var names = fit.Table.ObservedVariables;
        int p = names.Count;
        return new LabeledMatrix(names, Matrix<double>.Build.DenseOfRowMajor(p, p, g.S).ToArray());
    }

    /// <summary>
    /// What categorical omega needs from a CFA whose indicators of scale <paramref name="scale"/> are all ordered, or
    /// null when one is not (no thresholds). Thresholds are the <c>item | tk</c> estimates; the scaling factor Δ is the
    /// <c>item ~*~ item</c> estimate (delta parameterization, 1 in a single group) or, without it (theta),
    /// 1/√(λ²ψ + θ) of this one-factor-per-item model; the denominator's correlations are the sample polychoric matrix
    /// (semTools' obs.var = TRUE).
    /// </summary>
    private static CategoricalMeasurement? Categorical(SemFit fit, ScaleDefinition scale, List<double> loadings, double psi, LabeledMatrix sample)
    {
        var thresholds = new List<IReadOnlyList<double>>();
        var scales = new List<double>();
        for (int j = 0; j < scale.Items.Count; j++)
        {
            string item = scale.Items[j];
            var t = new List<double>();
            for (int k = 1; fit.Parameter(item, "|", "t" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } p; k++) t.Add(p.Estimate);
            if (t.Count == 0) return null;
            thresholds.Add(t);
            double? delta = fit.Parameter(item, "~*~", item)?.Estimate;
            scales.Add(delta ?? 1 / Math.Sqrt(loadings[j] * loadings[j] * psi + fit.Parameter(item, "~~", item)!.Estimate));
        }
        return new CategoricalMeasurement(new FactorLoadings(scale.Name, scale.Items, loadings), psi, thresholds, sample, scales);
    }

    /// <summary>The factor correlations: the completely standardized (std.all) factor covariances of the CFA.</summary>
    private static LabeledMatrix LatentCorrelations(SemFit fit, IReadOnlyList<string> factors)
    {
        var r = new double[factors.Count, factors.Count];
        for (int a = 0; a < factors.Count; a++)
            for (int b = 0; b < factors.Count; b++)
                r[a, b] = a == b ? 1.0 : fit.Parameter(factors[a], "~~", factors[b])?.StdAll ?? double.NaN;
        return new LabeledMatrix(factors, r);
    }
}
