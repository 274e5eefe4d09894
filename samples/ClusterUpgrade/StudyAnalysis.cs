using SemLib;
using SemLib.Data;
using SemLib.Reliability;
using SemLib.Resampling;
using SemLib.Results;

namespace ClusterUpgrade;

/// <summary>The verdict on one hypothesis, with the evidence it rests on.</summary>
public sealed record HypothesisVerdict(string Id, string Statement, string Evidence, bool Supported);

/// <summary>Everything the analysis plan produces, for the console report and the documents.</summary>
public sealed record StudyResults
{
    public required DataSet Data { get; init; }
    public required int Rows { get; init; }
    public required IReadOnlyList<(string Variable, IReadOnlyList<(string Value, int Count)> Counts)> Descriptors { get; init; }
    public required (double Mean, double Sd, double Min, double Max) Age { get; init; }
    public required ReliabilityStudyResult Reliability { get; init; }
    /// <summary>The confirmatory checks: each scale's alpha and item–total correlations, KMO/MSA, the CFA's loadings,
    /// CR, AVE, Fornell–Larcker and HTMT (the reliability study's verdicts without the EFA's loading checks).</summary>
    public required ValidityReport ScaleChecks { get; init; }
    /// <summary>The exploratory checks: each item's largest rotated EFA loading ≥ .50, under the EFA's factor (PA1, …),
    /// which is not one of the study's scales.</summary>
    public required ValidityReport EfaChecks { get; init; }
    public required IReadOnlyList<double> Eigenvalues { get; init; }
    public required EfaResult Efa { get; init; }
    public required SemFit Measurement { get; init; }
    public required (double Cr, double Ave) SecondOrder { get; init; }
    /// <summary>The structural model by <see cref="Design.Fiml"/> on every firm (the study's estimates).</summary>
    public required SemFit Structural { get; init; }
    public required SemFit WithDirectPaths { get; init; }
    /// <summary>H6's nested comparison of the FIML (MLR) fits: the Satorra–Bentler (2001) scaled difference.</summary>
    public required IReadOnlyList<ModelComparisonRow> Comparison { get; init; }
    /// <summary>The structural model by <see cref="Design.Listwise"/>: normal-theory ML on the complete rows.</summary>
    public required SemFit StructuralListwise { get; init; }
    public required IReadOnlyList<ModelComparisonRow> ComparisonListwise { get; init; }
    /// <summary>The hypothesis paths under both estimators, side by side.</summary>
    public required IReadOnlyList<MethodComparisonRow> MethodComparison { get; init; }
    /// <summary>Missing answers over the 29 items, of <see cref="ItemCells"/> cells.</summary>
    public required int MissingCells { get; init; }
    public required int ItemCells { get; init; }
    /// <summary>Firms that answered every item (what listwise deletion keeps).</summary>
    public required int CompleteRows { get; init; }
    /// <summary>Distinct industrial clusters in the data (0 without a cluster column).</summary>
    public required int Clusters { get; init; }
    public required BootstrapResult Bootstrap { get; init; }
    public required IReadOnlyList<HypothesisVerdict> Hypotheses { get; init; }
    public required IReadOnlyList<(string Parameter, double Population, double Estimate)> Recovery { get; init; }
    public required bool Simulated { get; init; }
    /// <summary>Small against larger firms (null without a size column).</summary>
    public GroupComparisonResults? Groups { get; init; }
    /// <summary>Common-method-bias checks of the first-order measurement model (Harman, common latent factor).</summary>
    public SemLib.CommonMethod.MethodBiasResult? MethodBias { get; init; }
    /// <summary>The sensitivity analysis with the 29 items ordered (WLSMV) beside FIML (MLR) and listwise ML.</summary>
    public required OrdinalSensitivityResults Ordinal { get; init; }
}

/// <summary>The thesis's analysis plan, in order, on the public SemLib API.</summary>
public static class StudyAnalysis
{
    public static StudyResults Run(DataSet data, int draws, int seed, bool simulated, IProgress<int>? progress)
    {
        var items = Design.Items.ToList();
        var scales = Design.FirstOrder.Select(c => new ScaleDefinition(c.Name, c.Items)).ToList();

        // 1. Sample description
        var descriptors = new List<(string, IReadOnlyList<(string, int)>)>();
        foreach (var v in new[] { "cluster", "size", "ownership" }.Where(data.Contains))
        {
            var col = data[v];
            var counts = Enumerable.Range(0, data.RowCount).Select(col.TextAt).Where(t => t is not null)
                .GroupBy(t => t!).OrderByDescending(g => g.Count()).Select(g => (g.Key, g.Count())).ToList();
            descriptors.Add((v, counts));
        }
        var age = data.Contains("age") ? data["age"].Values.ToArray().Where(x => !double.IsNaN(x)).ToArray() : [];
        double ageMean = age.Length > 0 ? age.Average() : double.NaN;
        double ageSd = age.Length > 1 ? Math.Sqrt(age.Sum(a => (a - ageMean) * (a - ageMean)) / (age.Length - 1)) : double.NaN;

        // Missing answers: how many cells, how many firms answered everything (what listwise deletion keeps).
        int missingCells = items.Sum(i => data[i].MissingCount);
        int completeRows = Enumerable.Range(0, data.RowCount).Count(row => items.All(i => !double.IsNaN(data[i][row])));
        int clusters = data.Contains(Design.ClusterColumn)
            ? Enumerable.Range(0, data.RowCount).Select(data[Design.ClusterColumn].TextAt).Where(t => t is not null).Distinct().Count()
            : 0;

        // 2–3. Reliability, KMO/Bartlett, EFA (Kaiser's eigenvalue > 1 rule, principal axis + varimax as in SPSS),
        // CFA-based CR/AVE and discriminant validity. On incomplete data alpha, the item statistics, the eigenvalues and
        // the EFA, KMO and Bartlett use pairwise-complete correlations (psych's convention), HTMT the complete rows, and
        // the CFA behind CR/AVE is fitted by FIML.
        var eigen = ExploratoryFactorAnalysis.Eigenvalues(data, items);
        int k = Math.Max(1, eigen.Count(e => e > 1));
        var reliability = ReliabilityStudy.Run(data, scales, new ReliabilityStudyOptions
        {
            EfaRuns = [(k, new EfaOptions { Extraction = FactorExtraction.PrincipalAxis, Rotation = FactorRotation.Varimax })],
            CfaOptions = Design.Fiml,
        });
        var (scaleChecks, efaChecks) = SplitChecks(reliability);
        var measurement = Cfa.Fit(Design.MeasurementSyntax(), data, Design.Fiml);
        var upgLoadings = Design.Upgrade.Select(u => measurement.Parameter("upg", "=~", u.Facet)?.StdAll ?? double.NaN).ToList();
        var upgStd = new FactorLoadings("upg", Design.Upgrade.Select(u => u.Facet).ToList(), upgLoadings);
        var secondOrder = (ConstructReliability.CompositeReliability(upgStd), ConstructReliability.AverageVarianceExtracted(upgStd));

        // 4. Structural model, and the nested model with direct paths for H6 (scaled difference under MLR); the same
        // by listwise ML for the comparison of the two ways of handling the missing answers.
        var structural = Sem.Fit(Design.StructuralSyntax(), data, Design.Fiml);
        var direct = Sem.Fit(Design.StructuralSyntax(directPaths: true), data, Design.Fiml);
        var comparison = ModelComparison.ChiSquareDifference([structural, direct], ["structural model", "with direct paths"]);
        var structuralListwise = Sem.Fit(Design.StructuralSyntax(), data, Design.Listwise);
        var directListwise = Sem.Fit(Design.StructuralSyntax(directPaths: true), data, Design.Listwise);
        var comparisonListwise = ModelComparison.ChiSquareDifference([structuralListwise, directListwise], ["structural model", "with direct paths"]);

        // 5. Bootstrap mediation: bias-corrected percentile intervals, as AMOS reports them. The draws resample the
        // incomplete rows, keep their missing cells and are refitted by FIML.
        var boot = SemLib.Resampling.Bootstrap.Run(structural, new BootstrapOptions
        {
            Draws = draws,
            Seed = seed,
            Interval = BootstrapInterval.BiasCorrected,
            Effects = [("scale", "upg"), ("centr", "upg"), ("ties", "upg")],
            Progress = progress,
        });

        var verdicts = new List<HypothesisVerdict>();
        var methods = new List<MethodComparisonRow>();
        foreach (var h in Design.PathHypotheses)
        {
            var p = structural.Parameter(h.Outcome, "~", h.Predictor)!;
            verdicts.Add(new HypothesisVerdict(h.Id, h.Statement,
                $"β = {Format.N(p.StdAll)}, {Format.PIs(p.PValue)}", MethodComparisonRow.Supports(p)));
            methods.Add(new MethodComparisonRow(h.Id, $"{h.Outcome} ~ {h.Predictor}", p, structuralListwise.Parameter(h.Outcome, "~", h.Predictor)!));
        }
        var lrt = comparison[1];
        verdicts.Add(new HypothesisVerdict("H6", Design.H6, DescribeDifference(lrt), lrt.PValue >= 0.05));
        var indirect = boot.Effects.Where(e => e.Kind == "indirect").ToList();
        verdicts.Add(new HypothesisVerdict("H7", Design.H7,
            string.Join("; ", indirect.Select(e => $"{e.From}: {Format.N(e.Estimate)} [{Format.N(e.CiLower)}, {Format.N(e.CiUpper)}]")),
            indirect.All(e => e.Estimate > 0 && e.ExcludesZero)));

        // 6. Estimates against the population values that generated the data (standardized metric).
        var recovery = new List<(string, double, double)>();
        foreach (var (outcome, predictor, value) in Design.Paths)
            recovery.Add(($"{outcome} ~ {predictor}", value, structural.Parameter(outcome, "~", predictor)?.StdAll ?? double.NaN));
        foreach (var (facet, loading) in Design.Upgrade)
            recovery.Add(($"upg =~ {facet}", loading, structural.Parameter("upg", "=~", facet)?.StdAll ?? double.NaN));
        foreach (var c in Design.FirstOrder)
            for (int i = 0; i < c.Items.Count; i++)
                recovery.Add(($"{c.Name} =~ {c.Items[i]}", c.Loadings[i], structural.Parameter(c.Name, "=~", c.Items[i])?.StdAll ?? double.NaN));

        // 7. Sensitivity: the five-point items as ordered categories (WLSMV), hypothesis by hypothesis.
        var ordinal = OrdinalSensitivity.Run(data, structural, structuralListwise, comparison, comparisonListwise, verdicts);

        return new StudyResults
        {
            Ordinal = ordinal,
            Data = data,
            Rows = data.RowCount,
            Descriptors = descriptors,
            Age = (ageMean, ageSd, age.Length > 0 ? age.Min() : double.NaN, age.Length > 0 ? age.Max() : double.NaN),
            Reliability = reliability,
            ScaleChecks = scaleChecks,
            EfaChecks = efaChecks,
            Eigenvalues = eigen,
            Efa = reliability.Efa[0],
            Measurement = measurement,
            SecondOrder = secondOrder,
            Structural = structural,
            WithDirectPaths = direct,
            Comparison = comparison,
            StructuralListwise = structuralListwise,
            ComparisonListwise = comparisonListwise,
            MethodComparison = methods,
            MissingCells = missingCells,
            ItemCells = items.Count * data.RowCount,
            CompleteRows = completeRows,
            Clusters = clusters,
            Bootstrap = boot,
            Hypotheses = verdicts,
            Recovery = recovery,
            Simulated = simulated,
            Groups = GroupComparison.Run(data),
            // Every answer came from one respondent per firm at one time: the checks a committee asks for, by the same
            // estimator as the study's models (Harman's principal component uses the firms that answered every item).
            MethodBias = SemLib.CommonMethod.MethodBias.Run(Design.TraitSyntax(), data, new SemLib.CommonMethod.MethodBiasOptions { Fit = Design.Fiml }),
        };
    }

    /// <summary>"Δχ²(3) = 2.41, p = .492", with "scaled" for the scaled difference of robust fits (Satorra–Bentler 2001; satorra.2000 for WLSMV).</summary>
    public static string DescribeDifference(ModelComparisonRow lrt) =>
        $"{(lrt.Method == "standard" ? "" : "scaled ")}Δχ²({lrt.DfDifference}) = {Format.N(lrt.ChiSquareDifference, 2)}, {Format.PIs(lrt.PValue)}";

    /// <summary>
    /// The reliability study's verdicts split into the confirmatory checks and the EFA's loading checks, which
    /// <see cref="ValidityAssessment.Check(EfaResult, ValidityCutoffs?)"/> makes again from the EFA results (with the
    /// study's default cut-offs) so that each is taken out of the verdicts once.
    /// </summary>
    public static (ValidityReport Scales, ValidityReport Efa) SplitChecks(ReliabilityStudyResult reliability)
    {
        var efa = reliability.Efa.SelectMany(e => ValidityAssessment.Check(e)).ToList();
        var rest = reliability.Verdicts.Checks.ToList();
        foreach (var check in efa)
            if (!rest.Remove(check)) throw new InvalidOperationException($"The EFA check {check.Describe()} is not among the study's verdicts.");
        return (new ValidityReport(rest), new ValidityReport(efa));
    }

    /// <summary>
    /// One sentence on the EFA's loading checks, e.g. "All 24 items load ≥ .50 on their main factor." or "2 of 24
    /// items load below .50 on their main factor: cr1 (0.452 on PA1) and cr3 (0.401 on PA2)."
    /// </summary>
    public static string DescribeEfa(ValidityReport efa)
    {
        if (efa.Checks.Count == 0) return "No EFA loadings were checked.";
        string cut = efa.Checks[0].Threshold.ToString(".00", System.Globalization.CultureInfo.InvariantCulture);
        if (efa.AllPassed) return $"All {efa.Checks.Count} items load ≥ {cut} on their main factor.";
        var low = efa.Failures.Select(f => $"{f.Item} ({Format.N(f.Value)} on {f.Scale})").ToList();
        string list = low.Count == 1 ? low[0] : string.Join(", ", low.Take(low.Count - 1)) + " and " + low[^1];
        return $"{efa.Failures.Count} of {efa.Checks.Count} items load below {cut} on their main factor: {list}.";
    }
}
