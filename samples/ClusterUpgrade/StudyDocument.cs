using SemLib.Reporting.Diagrams;
using SemLib.Reporting.Documents;

namespace ClusterUpgrade;

/// <summary>The results chapter as a report document (Markdown and self-contained HTML) with the path diagram.</summary>
public static class StudyDocument
{
    public static ReportDocument Build(StudyResults r, PathDiagram diagram)
    {
        var rel = r.Reliability;
        var doc = new ReportDocument("Network structure, knowledge behaviour and cluster upgrade: a 218-firm study")
        {
            Subtitle = r.Simulated
                ? $"{r.Rows} firms simulated from the design's population values (samples/ClusterUpgrade)"
                : $"{r.Rows} firms",
        };

        // 1. Sample
        var descriptors = new ReportTable(["Variable", "Category", ReportColumn.Numeric("n"), ReportColumn.Numeric("%")],
            r.Descriptors.SelectMany(d => d.Counts.Select(c => (IReadOnlyList<ReportCell>)[d.Variable, c.Value, c.Count.ToString(), Format.N(100.0 * c.Count / r.Rows, 1)])))
        { Caption = "Firms by cluster, size band and ownership" };
        var items = new ReportTable(["Item", "Wording", ReportColumn.Numeric("Mean"), ReportColumn.Numeric("SD"), ReportColumn.Numeric("Skewness"), ReportColumn.Numeric("Kurtosis")],
            rel.Scales.SelectMany(s => s.ItemStatistics).Select(i => (IReadOnlyList<ReportCell>)[i.Item, Design.Wording.GetValueOrDefault(i.Item, ""),
                Format.N(i.Mean, 2), Format.N(i.StandardDeviation, 2),
                ReportCell.FlagIf(Math.Abs(i.Skewness) > 2, Format.N(i.Skewness, 2)), ReportCell.FlagIf(Math.Abs(i.Kurtosis) > 7, Format.N(i.Kurtosis, 2))]))
        { Caption = "Item descriptives (five-point scales)", FlagLegend = "|skewness| > 2 or |kurtosis| > 7 (Curran, West & Finch 1996)" };
        var sampleBlocks = new List<ReportBlock>
        {
            new ReportParagraph(double.IsFinite(r.Age.Mean) ? $"Firm age: mean {Format.N(r.Age.Mean, 1)} years (SD {Format.N(r.Age.Sd, 1)}, range {r.Age.Min}–{r.Age.Max})." : "No firm age in the data."),
            descriptors,
            new ReportParagraph("Missing answers. " + StudyNotes.MissingAnswers(r)),
        };
        if (StudyNotes.Missing(r) is { } md)
            sampleBlocks.Add(new ReportTable(["Item", ReportColumn.Numeric("Coverage"), ReportColumn.Numeric("Firms answering")],
                StudyNotes.Coverage(md).Select(c => (IReadOnlyList<ReportCell>)[c.Variable, Format.N(c.Coverage), Math.Round(c.Coverage * md.Rows).ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            { Caption = $"Missing-data summary ({Design.FimlLabel}): {md.Rows} rows used, {md.Patterns} missing-data patterns; coverage = share of firms that answered the item" });
        sampleBlocks.Add(new ReportParagraph("Clusters. " + StudyNotes.Clusters(r)));
        sampleBlocks.Add(items);
        var sample = new ReportSection("Sample", sampleBlocks.ToArray());

        // 2–3. Reliability and validity
        var eigen = new ReportParagraph($"Eigenvalues of the item correlations: {string.Join(", ", r.Eigenvalues.Take(10).Select(e => Format.N(e, 2)))}, …; {r.Eigenvalues.Count(e => e > 1)} exceed 1 (Kaiser's rule), so {r.Efa.FactorNames.Count} factors were extracted ({r.Efa.Extraction}, {r.Efa.Rotation} rotation).");
        var efa = new ReportTable(new[] { (ReportColumn)"Item" }.Concat(r.Efa.FactorNames.Select(ReportColumn.Numeric)).Append(ReportColumn.Numeric("h²")).ToList(),
            r.Efa.Items.Select((item, i) =>
            {
                int best = Enumerable.Range(0, r.Efa.FactorNames.Count).MaxBy(f => Math.Abs(r.Efa.Loadings[i, f]));
                var cells = new List<ReportCell> { item };
                for (int f = 0; f < r.Efa.FactorNames.Count; f++)
                {
                    double l = r.Efa.Loadings[i, f];
                    cells.Add(f == best ? ReportCell.FlagIf(Math.Abs(l) < 0.5, Format.N(l, 2)) : Math.Abs(l) >= 0.3 ? Format.N(l, 2) : "");
                }
                cells.Add(Format.N(r.Efa.Communalities[i], 2));
                return (IReadOnlyList<ReportCell>)cells;
            }))
        { Caption = "Rotated loadings (|λ| < .30 blank)", FlagLegend = "largest loading below .50" };
        var measurementFit = SemReportSections.ModelFit(r.Measurement) with { Heading = "Measurement model (CFA with the second-order factor)" };
        var reliability = new ReportSection("Reliability", ReliabilityReportSections.ScaleReliability(rel.Scales).Blocks
            .Prepend(new ReportParagraph(StudyNotes.ItemStatistics(r))).ToArray());
        var validity = new ReportSection("Validity",
            ReliabilityReportSections.SamplingAdequacy(rel.Kmo, rel.Bartlett).Blocks
                .Append(eigen).Append(efa)
                .Append(new ReportParagraph("Measurement model (CFA, eight factors and the second-order cluster upgrade):"))
                .Concat(measurementFit.Blocks)
                .Concat(ReliabilityReportSections.ConstructReliability(rel.StandardizedLoadings).Blocks)
                .Append(new ReportParagraph($"Second-order cluster upgrade: CR = {Format.N(r.SecondOrder.Cr)}, AVE = {Format.N(r.SecondOrder.Ave)}."))
                .Concat(rel.FornellLarcker is { } fl ? ReliabilityReportSections.FornellLarcker(fl).Blocks : [])
                .Concat(rel.Htmt is { } h ? ReliabilityReportSections.Htmt(h).Blocks : [])
                .Append(new ReportParagraph("Scale checks (confirmatory):"))
                .Concat(ReliabilityReportSections.ValidityChecks(r.ScaleChecks).Blocks)
                .Append(new ReportParagraph("EFA loading checks (exploratory): " + StudyAnalysis.DescribeEfa(r.EfaChecks))).ToArray());

        // 4. Structural model
        var structural = new ReportSection("Structural model",
            SemReportSections.ModelFit(r.Structural).Blocks
                .Concat(SemReportSections.StructuralPaths(r.Structural).Blocks)
                .Concat(SemReportSections.RSquare(r.Structural).Blocks)
                .Append(new ReportDiagram(diagram, "Standardized solution; * p < .05, ** p < .01, *** p < .001; dashed: not significant"))
                .ToArray());

        // 5. Hypotheses, mediation, nested models
        var hypotheses = new ReportTable(["Hypothesis", "Statement", "Evidence", "Verdict"],
            r.Hypotheses.Select(h => (IReadOnlyList<ReportCell>)[h.Id, h.Statement, h.Evidence, ReportCell.FlagIf(!h.Supported, h.Supported ? "supported" : "not supported")]))
        { Caption = "Directional hypotheses are supported when the standardized path has the stated sign and p < .05", FlagLegend = "not supported" };
        var boot = r.Bootstrap;
        var effects = new ReportTable(["Effect", "Path", ReportColumn.Numeric("Estimate"), ReportColumn.Numeric("95% BC interval"), ReportColumn.Numeric("Std.")],
            boot.Effects.Where(e => e.Kind is "indirect" or "specific").Select(e => (IReadOnlyList<ReportCell>)[
                e.Kind == "indirect" ? $"{e.From} → upg (total indirect)" : "specific", e.Path, Format.N(e.Estimate),
                ReportCell.FlagIf(!e.ExcludesZero, $"[{Format.N(e.CiLower)}, {Format.N(e.CiUpper)}]"), Format.N(e.StdAll)]))
        { Caption = $"Bootstrap: {boot.Converged} of {boot.Requested} draws converged (seed {boot.Options.Seed}); bias-corrected percentile intervals", FlagLegend = "interval includes 0" };
        var lrt = new ReportTable(["Model", ReportColumn.Numeric("df"), ReportColumn.Numeric("χ²"), ReportColumn.Numeric("Δχ²"), ReportColumn.Numeric("Δdf"), ReportColumn.Numeric("p"), ReportColumn.Numeric("AIC"), ReportColumn.Numeric("BIC")],
            r.Comparison.Select(c => (IReadOnlyList<ReportCell>)[c.Name, c.Df.ToString(), Format.N(c.ChiSquare, 2), Format.N(c.ChiSquareDifference, 2),
                c.DfDifference?.ToString() ?? "", Format.P(c.PValue), Format.N(c.Aic, 1), Format.N(c.Bic, 1)]))
        { Caption = $"H6: adding the direct paths network structure → upgrade ({Design.FimlLabel}; {(r.Comparison[1].Method == "standard" ? "χ² difference test" : "Satorra–Bentler 2001 scaled χ² difference")})" };
        var hyp = new ReportSection("Hypotheses and mediation", hypotheses, effects, lrt);

        // FIML against listwise deletion
        var f = r.Structural.FitMeasures;
        var l = r.StructuralListwise.FitMeasures;
        static IReadOnlyList<ReportCell> PathCells(MethodComparisonRow m) =>
        [
            $"{m.Id}: {m.Path}",
            Format.N(m.Fiml.StdAll), Format.N(m.Fiml.StandardError), Format.P(m.Fiml.PValue), ReportCell.FlagIf(!m.FimlSupported, m.FimlSupported ? "supported" : "not supported"),
            Format.N(m.Listwise.StdAll), Format.N(m.Listwise.StandardError), Format.P(m.Listwise.PValue), ReportCell.FlagIf(!m.ListwiseSupported, m.ListwiseSupported ? "supported" : "not supported"),
        ];
        var versus = new ReportTable(["Hypothesis / measure",
                ReportColumn.Numeric($"β {Design.FimlLabel}"), ReportColumn.Numeric("SE(B)"), ReportColumn.Numeric("p"), "Verdict",
                ReportColumn.Numeric($"β {Design.ListwiseLabel}"), ReportColumn.Numeric("SE(B)"), ReportColumn.Numeric("p"), "Verdict"],
            r.MethodComparison.Select(PathCells).Concat(
            [
                ["H6: direct paths", StudyAnalysis.DescribeDifference(r.Comparison[1]), "", "", r.Comparison[1].PValue >= 0.05 ? "supported" : "not supported",
                    StudyAnalysis.DescribeDifference(r.ComparisonListwise[1]), "", "", r.ComparisonListwise[1].PValue >= 0.05 ? "supported" : "not supported"],
                ["N used", r.Structural.NObs[0].ToString(), "", "", "", r.StructuralListwise.NObs[0].ToString(), "", "", ""],
                ["χ² (df)", $"{Format.N(f["chisq"], 2)} ({f["df"]})", "", "", f.TryGetValue("chisq.scaled", out var sc) ? $"scaled {Format.N(sc, 2)}" : "", $"{Format.N(l["chisq"], 2)} ({l["df"]})", "", "", ""],
                ["CFI", Format.N(f["cfi"]), "", "", f.TryGetValue("cfi.robust", out var cr) ? $"robust {Format.N(cr)}" : "", Format.N(l["cfi"]), "", "", ""],
                ["RMSEA", Format.N(f["rmsea"]), "", "", f.TryGetValue("rmsea.robust", out var rr) ? $"robust {Format.N(rr)}" : "", Format.N(l["rmsea"]), "", "", ""],
            ]))
        { Caption = $"The hypothesis paths by {Design.FimlLabel} on all {r.Structural.NObs[0]} firms and by {Design.ListwiseLabel} on the {r.StructuralListwise.NObs[0]} firms that answered every item (β = std.all; SE and p of the unstandardized B)", FlagLegend = "not supported" };
        var missingSection = new ReportSection($"{Design.FimlLabel} against {Design.ListwiseLabel}", new ReportParagraph(StudyNotes.Estimators(r)), versus);

        // 6. Recovery of the population values
        var recovery = new ReportTable(["Parameter", ReportColumn.Numeric("Population"), ReportColumn.Numeric("Estimate (std.)"), ReportColumn.Numeric("Difference")],
            r.Recovery.Select(x => (IReadOnlyList<ReportCell>)[x.Parameter, Format.N(x.Population, 2), Format.N(x.Estimate), Format.N(x.Estimate - x.Population)]))
        { Caption = "Standardized estimates against the values that generated the data" };
        var sections = new List<ReportSection> { sample, reliability, validity, structural, missingSection, hyp, Sensitivity(r) };
        if (r.Groups is { } g)
        {
            sections.Add(new ReportSection("Small against larger firms",
                new ReportParagraph($"Measurement invariance of the five network and knowledge scales (20 items) and the paths to knowledge acquisition and creation across {string.Join(" and ", g.Invariance.Groups.Select((name, i) => $"{name} ({g.Sizes[i]} firms)"))}, by {Design.FimlLabel}. The whole second-order model has more free parameters per group than the small firms can identify.")));
            sections.Add(InvarianceReportSections.Invariance(g.Invariance) with { Heading = "Measurement invariance: small against larger firms" });
            sections.Add(InvarianceReportSections.PathDifferences(g.Paths) with { Heading = "Path differences: small against larger firms" });
        }
        if (r.MethodBias is { } mb) sections.Add(MethodBiasReportSections.Section(mb) with { Heading = "Common-method bias" });
        if (r.Simulated) sections.Add(new ReportSection("Estimates against the population values", recovery));
        sections.Add(SemReportSections.Warnings(r.Structural) with { Heading = "Warnings" });
        return doc.Add(sections);
    }

    /// <summary>The sensitivity analysis: the verdicts with the items ordered (WLSMV) beside FIML (MLR) and listwise ML.</summary>
    private static ReportSection Sensitivity(StudyResults r)
    {
        var o = r.Ordinal;
        var w = o.Structural.FitMeasures;
        static IEnumerable<ReportCell> Cells(HypothesisOutcome h) =>
            [Format.N(h.Estimate), Format.P(h.PValue), ReportCell.FlagIf(!h.Supported, h.Supported ? "supported" : "not supported")];
        var table = new ReportTable(
            [
                "Hypothesis",
                ReportColumn.Numeric($"β {Design.FimlLabel}"), ReportColumn.Numeric("p"), "Verdict",
                ReportColumn.Numeric($"β {Design.ListwiseLabel}"), ReportColumn.Numeric("p"), "Verdict",
                ReportColumn.Numeric($"β {OrdinalSensitivity.WlsmvLabel}"), ReportColumn.Numeric("p"), "Verdict",
                "Verdict changes",
            ],
            o.Rows.Select(x => (IReadOnlyList<ReportCell>)new ReportCell[] { x.Id }.Concat(Cells(x.Fiml)).Concat(Cells(x.Listwise)).Concat(Cells(x.Wlsmv))
                .Append(ReportCell.FlagIf(x.Change != "no", x.Change)).ToList()))
        {
            Caption = $"Each hypothesis by {Design.FimlLabel} (N = {r.Structural.NObs[0]}), {Design.ListwiseLabel} (N = {r.StructuralListwise.NObs[0]}) and {OrdinalSensitivity.WlsmvLabel} with the 29 items ordered (N = {o.Structural.NObs[0]}, pairwise); β = std.all",
            FlagLegend = "not supported; or a verdict that changes under WLSMV",
        };
        return new ReportSection($"Sensitivity: the items as ordered categories ({OrdinalSensitivity.WlsmvLabel})",
            new ReportParagraph(ConsoleReport.SensitivityNote(r)),
            new ReportParagraph($"{OrdinalSensitivity.WlsmvLabel}, N = {o.Structural.NObs[0]}: χ²({w["df"]}) = {Format.N(w["chisq"], 2)}" +
                (w.TryGetValue("chisq.scaled", out var scaled) ? $", scaled-shifted χ² = {Format.N(scaled, 2)}" : "") +
                $", CFI = {Format.N(w["cfi"])}, RMSEA = {Format.N(w["rmsea"])}. {o.Rows.Count(x => x.ChangesFromFiml)} of {o.Rows.Count} verdicts change from {Design.FimlLabel} to {OrdinalSensitivity.WlsmvLabel}, {o.Rows.Count(x => x.ChangesFromListwise)} from {Design.ListwiseLabel} (the complete rows only). " +
                $"H6: {o.Rows.Single(x => x.Id == "H6").Wlsmv.Evidence}. H7: {o.Rows.Single(x => x.Id == "H7").Wlsmv.Evidence}."),
            table);
    }
}
