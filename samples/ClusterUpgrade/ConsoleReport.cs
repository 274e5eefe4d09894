using System.Text;
using SemLib.Reliability;
using SemLib.Syntax;

namespace ClusterUpgrade;

/// <summary>The results chapter as plain text, in the order of the analysis plan.</summary>
public static class ConsoleReport
{
    public static string Render(StudyResults r)
    {
        var sb = new StringBuilder();
        void H(string title)
        {
            sb.AppendLine();
            sb.AppendLine(title);
            sb.AppendLine(new string('=', title.Length));
        }

        H("1. Sample");
        sb.AppendLine($"{r.Rows} firms{(r.Simulated ? " (simulated from the design's population values)" : "")}.");
        foreach (var (variable, counts) in r.Descriptors)
            sb.AppendLine($"  {variable,-10} " + string.Join("; ", counts.Select(c => $"{c.Value} {c.Count} ({100.0 * c.Count / r.Rows:F1}%)")));
        if (double.IsFinite(r.Age.Mean))
            sb.AppendLine($"  {"age",-10} mean {Format.N(r.Age.Mean, 1)} years, SD {Format.N(r.Age.Sd, 1)}, range {r.Age.Min}–{r.Age.Max}");
        sb.AppendLine();
        Wrap(sb, StudyNotes.MissingAnswers(r));
        if (StudyNotes.Missing(r) is { } md)
        {
            sb.AppendLine("  Coverage (share of firms that answered each item):");
            var cov = StudyNotes.Coverage(md);
            for (int i = 0; i < cov.Count; i += 8)
                sb.AppendLine("   " + string.Join("", cov.Skip(i).Take(8).Select(c => $" {c.Variable,-4}{Format.N(c.Coverage, 2)}")));
        }
        Wrap(sb, StudyNotes.Clusters(r));
        sb.AppendLine();
        sb.AppendLine("  item   mean     SD   skew   kurt");
        foreach (var s in r.Reliability.Scales)
            foreach (var i in s.ItemStatistics)
                sb.AppendLine($"  {i.Item,-5} {Format.N(i.Mean, 2),5} {Format.N(i.StandardDeviation, 2),6} {Format.N(i.Skewness, 2),6} {Format.N(i.Kurtosis, 2),6}");

        H("2. Reliability (Cronbach's alpha, corrected item-total correlations)");
        Wrap(sb, StudyNotes.ItemStatistics(r));
        sb.AppendLine("  scale   items  alpha   r.drop range   alpha if deleted (max)");
        foreach (var s in r.Reliability.Scales)
            sb.AppendLine($"  {s.Scale,-7} {s.Items.Count,5}  {Format.N(s.Alpha)}   {Format.N(s.ItemStatistics.Min(i => i.CorrectedItemTotalCorrelation))}–{Format.N(s.ItemStatistics.Max(i => i.CorrectedItemTotalCorrelation))}   {Format.N(s.ItemStatistics.Max(i => i.AlphaIfDeleted))}");

        H("3. Validity");
        var kmo = r.Reliability.Kmo;
        var bart = r.Reliability.Bartlett;
        sb.AppendLine($"  KMO = {Format.N(kmo.Overall)} ({KmoResult.KaiserLabel(kmo.Overall)}); Bartlett χ²({bart.DegreesOfFreedom}) = {Format.N(bart.ChiSquare, 1)}, p {Format.P(bart.PValue)}");
        sb.AppendLine($"  Eigenvalues > 1: {r.Eigenvalues.Count(e => e > 1)} ({string.Join(", ", r.Eigenvalues.Take(10).Select(e => Format.N(e, 2)))}, …)");
        sb.AppendLine($"  EFA ({r.Efa.Extraction}, {r.Efa.Rotation}): each item's largest rotated loading");
        for (int i = 0; i < r.Efa.Items.Count; i++)
        {
            int best = 0;
            for (int fi = 1; fi < r.Efa.FactorNames.Count; fi++)
                if (Math.Abs(r.Efa.Loadings[i, fi]) > Math.Abs(r.Efa.Loadings[i, best])) best = fi;
            sb.Append($"    {r.Efa.Items[i],-4}{r.Efa.FactorNames[best],-4}{Format.N(r.Efa.Loadings[i, best], 2),6}");
            if (i % 4 == 3 || i == r.Efa.Items.Count - 1) sb.AppendLine();
        }
        var mf = r.Measurement.FitMeasures;
        sb.AppendLine($"  CFA measurement model (8 factors, second-order upg; {Design.FimlLabel}): χ²({mf["df"]}) = {Format.N(mf["chisq"], 2)}{Scaled(mf)}, CFI = {Format.N(mf["cfi"])}, TLI = {Format.N(mf["tli"])}, RMSEA = {Format.N(mf["rmsea"])}, SRMR = {Format.N(mf["srmr"])}");
        sb.AppendLine("  factor   min λ   CR      AVE     √AVE   max r   omega");
        var fl = r.Reliability.FornellLarcker;
        foreach (var c in Design.FirstOrder)
        {
            var lam = r.Reliability.StandardizedLoadings.First(l => l.Factor == c.Name).Loadings.Min();
            int idx = fl?.Factors.ToList().IndexOf(c.Name) ?? -1;
            sb.AppendLine($"  {c.Name,-7} {Format.N(lam),6}  {Format.N(r.Reliability.CompositeReliability[c.Name])}   {Format.N(r.Reliability.AverageVarianceExtracted[c.Name])}   {Format.N(Math.Sqrt(r.Reliability.AverageVarianceExtracted[c.Name]))}  {(idx >= 0 ? Format.N(fl!.MaxCorrelation[idx]) : "—")}   {Format.N(r.Reliability.Omega.GetValueOrDefault(c.Name, double.NaN))}");
        }
        sb.AppendLine($"  upg (2nd order)  CR = {Format.N(r.SecondOrder.Cr)}, AVE = {Format.N(r.SecondOrder.Ave)}");
        if (r.Reliability.Htmt is { } htmt)
        {
            double maxHtmt = 0;
            for (int a = 0; a < htmt.Constructs.Count; a++)
                for (int b = 0; b < a; b++) maxHtmt = Math.Max(maxHtmt, htmt.Matrix[a, b]);
            sb.AppendLine($"  HTMT: largest ratio {Format.N(maxHtmt)} (cut-off .85)");
        }
        sb.AppendLine("  Scale checks (confirmatory): " + r.ScaleChecks.Describe());
        sb.AppendLine("  EFA loading checks (exploratory): " + StudyAnalysis.DescribeEfa(r.EfaChecks));

        H($"4. Structural model ({Design.FimlLabel}, N = {r.Structural.NObs[0]})");
        Wrap(sb, StudyNotes.Estimators(r));
        var f = r.Structural.FitMeasures;
        double chiDf = f["chisq"]!.Value / f["df"]!.Value;
        sb.AppendLine($"  χ²({f["df"]}) = {Format.N(f["chisq"], 2)}, p {Format.P(f["pvalue"])}, χ²/df = {Format.N(chiDf, 2)} {(chiDf < 3 ? "(< 3)" : "(≥ 3: misses the cut-off)")}{Scaled(f)}");
        sb.AppendLine($"  RMSEA = {Format.N(f["rmsea"])} [90% CI {Format.N(f["rmsea.ci.lower"])}, {Format.N(f["rmsea.ci.upper"])}], SRMR = {Format.N(f["srmr"])}, CFI = {Format.N(f["cfi"])}, TLI = {Format.N(f["tli"])}");
        if (f.TryGetValue("cfi.robust", out var cfiRobust))
            sb.AppendLine($"  robust: CFI = {Format.N(cfiRobust)}, TLI = {Format.N(f["tli.robust"])}, RMSEA = {Format.N(f["rmsea.robust"])}");
        // β is the standardized (std.all) estimate; SE, z and p belong to the unstandardized estimate B.
        sb.AppendLine($"  {"path",-16} {"β (std.all)",-11} {"B",7} {"SE(B)",7} {"z(B)",6}  p");
        foreach (var p in r.Structural.Parameters.Where(p => p.Op == ModelOperator.Regression))
            sb.AppendLine($"  {p.Lhs + " <- " + p.Rhs,-16} {Format.N(p.StdAll),8}{Format.Stars(p.PValue),-3} {Format.N(p.Estimate),7} {Format.N(p.StandardError),7} {Format.N(p.Z, 2),6}  {Format.P(p.PValue)}");
        sb.AppendLine($"  R²: acq {Format.N(r.Structural.RSquare["acq"])}, crea {Format.N(r.Structural.RSquare["crea"])}, upg {Format.N(r.Structural.RSquare["upg"])}");

        H($"5. {Design.FimlLabel} against {Design.ListwiseLabel}");
        var l = r.StructuralListwise.FitMeasures;
        sb.AppendLine($"  {"",-16} {Design.FimlLabel,-32} {Design.ListwiseLabel}");
        sb.AppendLine($"  {"N used",-16} {r.Structural.NObs[0],-32} {r.StructuralListwise.NObs[0]}");
        sb.AppendLine($"  {"χ² (df)",-16} {$"{Format.N(f["chisq"], 2)} ({f["df"]})",-32} {Format.N(l["chisq"], 2)} ({l["df"]})");
        if (f.TryGetValue("chisq.scaled", out var fScaled))
            sb.AppendLine($"  {"scaled χ² (c)",-16} {$"{Format.N(fScaled, 2)} ({Format.N(f["chisq.scaling.factor"])})",-32} —");
        sb.AppendLine($"  {"CFI / RMSEA",-16} {$"{Format.N(f["cfi"])} / {Format.N(f["rmsea"])}",-32} {Format.N(l["cfi"])} / {Format.N(l["rmsea"])}");
        sb.AppendLine($"  {"path",-16} {"β      SE(B)  p      verdict",-32} β      SE(B)  p      verdict");
        foreach (var m in r.MethodComparison)
            sb.AppendLine($"  {m.Id + " " + m.Path,-16} {Cells(m.Fiml, m.FimlSupported),-32} {Cells(m.Listwise, m.ListwiseSupported)}");
        sb.AppendLine($"  {"H6",-16} {StudyAnalysis.DescribeDifference(r.Comparison[1]),-32} {StudyAnalysis.DescribeDifference(r.ComparisonListwise[1])}");

        H("6. Hypotheses");
        foreach (var h in r.Hypotheses)
            sb.AppendLine($"  {h.Id,-4} {(h.Supported ? "supported    " : "not supported")}  {h.Statement}; {h.Evidence}");
        var boot = r.Bootstrap;
        sb.AppendLine($"  Bootstrap: {boot.Converged} of {boot.Requested} draws converged; bias-corrected {Format.N(100 * boot.Options.ConfidenceLevel, 0)}% intervals (seed {boot.Options.Seed}).");
        sb.AppendLine("  indirect effect     estimate   95% BC interval     std.");
        foreach (var e in boot.Effects.Where(e => e.Kind is "indirect" or "specific"))
            sb.AppendLine($"  {(e.Kind == "indirect" ? e.From + " -> upg (total)" : "  " + e.Path),-32} {Format.N(e.Estimate),7}  [{Format.N(e.CiLower)}, {Format.N(e.CiUpper)}]  {Format.N(e.StdAll)}");

        H($"7. Sensitivity: the items as ordered categories ({OrdinalSensitivity.WlsmvLabel})");
        var o = r.Ordinal;
        var w = o.Structural.FitMeasures;
        Wrap(sb, SensitivityNote(r));
        sb.AppendLine($"  {OrdinalSensitivity.WlsmvLabel}, N = {o.Structural.NObs[0]}: χ²({w["df"]}) = {Format.N(w["chisq"], 2)}{ScaledShifted(w)}, CFI = {Format.N(w["cfi"])}, RMSEA = {Format.N(w["rmsea"])}{(o.Structural.Converged ? "" : " (did not converge)")}; {Format.N(o.Elapsed.TotalSeconds, 1)} s for both WLSMV fits and the tests");
        sb.AppendLine($"  {"",-4} {Design.FimlLabel + $", N = {r.Structural.NObs[0]}",-26} {Design.ListwiseLabel + $", N = {r.StructuralListwise.NObs[0]}",-26} {OrdinalSensitivity.WlsmvLabel + $", N = {o.Structural.NObs[0]}",-26} verdict");
        sb.AppendLine($"  {"",-4} {"β      p      verdict",-26} {"β      p      verdict",-26} {"β      p      verdict",-26} changes");
        foreach (var row in o.Rows)
            sb.AppendLine($"  {row.Id,-4} {Outcome(row.Fiml),-26} {Outcome(row.Listwise),-26} {Outcome(row.Wlsmv),-26} {row.Change}");
        sb.AppendLine($"  {o.Rows.Count(x => x.ChangesFromFiml)} of {o.Rows.Count} verdicts change from {Design.FimlLabel} to {OrdinalSensitivity.WlsmvLabel}, {o.Rows.Count(x => x.ChangesFromListwise)} from {Design.ListwiseLabel} (on the complete rows only).");
        sb.AppendLine($"  H6 ({OrdinalSensitivity.WlsmvLabel}): {o.Rows.Single(x => x.Id == "H6").Wlsmv.Evidence} (Wald χ²({o.H6Wald.Df}) = {Format.N(o.H6Wald.ChiSquare, 2)}, {Format.PIs(o.H6Wald.PValue)}); H7: {o.Rows.Single(x => x.Id == "H7").Wlsmv.Evidence}");
        if (o.Structural.Warnings.Count > 0)
        {
            sb.AppendLine($"  {OrdinalSensitivity.WlsmvLabel} warnings ({o.Structural.Warnings.Count}):");
            foreach (var warning in o.Structural.Warnings.Take(5)) Wrap(sb, "- " + warning.Message);
            if (o.Structural.Warnings.Count > 5) sb.AppendLine($"  … and {o.Structural.Warnings.Count - 5} more (structural-model-wlsmv.txt).");
        }

        int section = 8;
        if (r.Groups is { } g)
        {
            H($"{section++}. Small against larger firms ({Design.FimlLabel})");
            sb.AppendLine($"  {string.Join(", ", g.Invariance.Groups.Select((name, i) => $"{name}: {g.Sizes[i]} firms"))}; the five network and knowledge scales (20 items).");
            sb.AppendLine($"  {"step",-11} {"χ²",8} {"df",4} {"CFI",6} {"RMSEA",6}  {"Δχ²",7} {"Δdf",3} {"p",6} {"ΔCFI",7} {"ΔRMSEA",7}  verdict");
            foreach (var s in g.Invariance.Steps)
                sb.AppendLine($"  {s.Step.ToString().ToLowerInvariant(),-11} {Format.N(s.ChiSquare, 2),8} {s.Df,4} {Format.N(s.Cfi),6} {Format.N(s.Rmsea),6}  {(s.DeltaChiSquare is null ? "" : Format.N(s.DeltaChiSquare, 2)),7} {s.DeltaDf,3} {(s.DeltaPValue is null ? "" : Format.P(s.DeltaPValue)),6} {(s.DeltaCfi is null ? "" : Format.N(s.DeltaCfi)),7} {(s.DeltaRmsea is null ? "" : Format.N(s.DeltaRmsea)),7}  {(s.Holds is bool h ? (h ? "holds" : "does not hold") : "")}");
            sb.AppendLine($"  Paths across the groups (B per group; difference {g.Invariance.Groups[1]} − {g.Invariance.Groups[0]}, Wald z and p, and Δχ² and p with that path equal across the groups):");
            sb.AppendLine($"  {"path",-14} {"B " + g.Invariance.Groups[0],14} {"B " + g.Invariance.Groups[1],15} {"diff",7} {"z",6} {"p",6} {"Δχ²",6} {"p",6}");
            foreach (var d in g.Paths.Paths)
                sb.AppendLine($"  {d.Dependent + " ~ " + d.Predictor,-14} {Format.N(d.Estimates[0]),14} {Format.N(d.Estimates[1]),15} {Format.N(d.Difference),7} {Format.N(d.Z, 2),6} {Format.P(d.WaldPValue),6} {Format.N(d.DeltaChiSquare, 2),6} {Format.P(d.DeltaPValue),6}");
        }

        if (r.MethodBias is { } mb)
        {
            H($"{section++}. Common-method bias ({Design.FimlLabel}; every answer from one respondent per firm at one time)");
            foreach (var line in SemLib.Reporting.Text.MethodBiasText.Format(mb).TrimEnd().Split('\n').Skip(1))
                sb.AppendLine("  " + line.TrimEnd('\r'));
        }

        H($"{section}. Estimates against the population values");
        sb.AppendLine("  parameter          population  estimate  difference");
        foreach (var (name, pop, est) in r.Recovery.Take(12))
            sb.AppendLine($"  {name,-18} {Format.N(pop, 2),10}  {Format.N(est),8}  {Format.N(est - pop),+10}");
        var loadings = r.Recovery.Where(x => x.Parameter.Contains("=~")).ToList();
        var paths = r.Recovery.Where(x => x.Parameter.Contains(" ~ ")).ToList();
        sb.AppendLine($"  loadings ({loadings.Count}): mean difference {Format.N(loadings.Average(x => x.Estimate - x.Population))} — five-point categories attenuate correlations");
        sb.AppendLine($"  paths ({paths.Count}): mean |difference| {Format.N(paths.Average(x => Math.Abs(x.Estimate - x.Population)))} — sampling error at N = {r.Rows}");
        return sb.ToString();
    }

    /// <summary>What the sensitivity analysis does and how H6 and H7 are tested there (console and documents).</summary>
    public static string SensitivityNote(StudyResults r) =>
        $"Five-point answers are ordered categories. {OrdinalSensitivity.WlsmvLabel} with all 29 items ordered fits the structural model to the items' thresholds and polychoric correlations (robust standard errors, scaled-shifted χ²; lavaan: ordered = all 29 items, estimator \"WLSMV\") with each threshold and polychoric correlation from the firms that answered its items (lavaan: missing = \"pairwise\"; all {r.Ordinal.Structural.NObs[0]} firms, where listwise deletion would keep only the firms of {Design.ListwiseLabel}). β is std.all; a path hypothesis is supported when β > 0 and p < .05. H6 is tested by the scaled-shifted difference of the WLSMV fits with and without the three direct paths (lavaan's lavTestLRT, satorra.2000), with the robust Wald test of those paths beside it, and H7 by the delta-method p of each indirect effect (β: the smallest std.all indirect effect, p: the largest); the {Design.FimlLabel} verdict on H7 is the study's bootstrap one.";

    /// <summary>"β p verdict" cells of one hypothesis under one fit.</summary>
    private static string Outcome(HypothesisOutcome o) =>
        $"{Format.N(o.Estimate),-6} {Format.P(o.PValue),-6} {(o.Supported ? "yes" : "no")}";

    /// <summary>", scaled-shifted χ² = 380.12" when the fit has a scaled test, else nothing.</summary>
    private static string ScaledShifted(SemLib.Results.FitMeasures f) =>
        f.TryGetValue("chisq.scaled", out var scaled) ? $", scaled-shifted χ² = {Format.N(scaled, 2)}" : "";

    /// <summary>", scaled χ² = 412.20 (c = 1.087)" when the fit has a scaled test, else nothing.</summary>
    private static string Scaled(SemLib.Results.FitMeasures f) =>
        f.TryGetValue("chisq.scaled", out var scaled) ? $", scaled χ² = {Format.N(scaled, 2)} (c = {Format.N(f["chisq.scaling.factor"])})" : "";

    private static string Cells(SemLib.Results.ParameterEstimate p, bool supported) =>
        $"{Format.N(p.StdAll),-6} {Format.N(p.StandardError),-6} {Format.P(p.PValue),-6} {(supported ? "yes" : "no")}";

    /// <summary>A paragraph indented by two spaces, wrapped at about 110 characters.</summary>
    private static void Wrap(StringBuilder sb, string text)
    {
        var line = new StringBuilder("  ");
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length > 112 && line.Length > 2)
            {
                sb.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append("  ");
            }
            line.Append(word).Append(' ');
        }
        sb.AppendLine(line.ToString().TrimEnd());
    }
}
