using System.Globalization;
using System.Text;
using SemLib.Reliability;
using static SemLib.Reporting.Text.TextColumns;
using SemLib.Reporting.Json;

namespace SemLib.Reporting.Text;

/// <summary>
/// A <see cref="ReliabilityStudyResult"/> as a readable plain-text report, in the order a reliability and validity
/// chapter presents it: per scale psych's alpha statistics (alpha, std. alpha, G6(smc), average r, mean, SD, Feldt
/// interval) and item statistics (r.drop, r.cor, alpha if deleted); KMO with Kaiser's label and the per-item MSA,
/// Bartlett's test; the CFA measurement model with CR, AVE and semTools' omega and AVE per scale; the
/// Fornell–Larcker table and HTMT; the EFA loadings with communalities (and factor correlations for oblique
/// rotations); the verdicts in one sentence (<see cref="ValidityReport.Describe"/>) followed by every failed check;
/// and the warnings. Three decimals, as psych and lavaan print; lines carry no trailing blanks.
/// <code>
/// Console.Write(ReliabilityText.Format(ReliabilityStudy.Run(data, scales)));
/// </code>
/// </summary>
public static class ReliabilityText
{
    /// <summary>The report as text (lines end with <see cref="Environment.NewLine"/>).</summary>
    public static string Format(ReliabilityStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        void Line(string s = "") => text.Append(s.TrimEnd()).Append(Environment.NewLine);
        void Table(IEnumerable<string[]> rows, int leftColumns = 1)
        {
            foreach (var l in Layout(rows.ToList(), leftColumns)) Line("  " + l);
        }

        int items = result.ScaleDefinitions.Sum(s => s.Items.Count);
        Line($"Reliability and validity: {Count(result.Scales.Count, "scale")}, {Count(items, "item")}, {Count(result.CompleteRows, "complete row")}");

        foreach (var s in result.Scales)
        {
            Line();
            string reversed = s.ReverseKeyed.Count > 0 ? $"; reverse-keyed: {string.Join(", ", s.ReverseKeyed)}" : "";
            Line($"Scale '{s.Scale}' ({string.Join(", ", s.Items)}{reversed}):");
            Line();
            string level = Percent(s.FeldtInterval.Level);
            Table(
            [
                ["alpha", "std.alpha", "G6(smc)", "average_r", "mean", "sd", $"{level} CI (Feldt)"],
                [F(s.Alpha), F(s.StandardizedAlpha), F(s.LambdaSix), F(s.AverageCorrelation), F(s.Mean), F(s.StandardDeviation),
                    $"{F(s.FeldtInterval.Lower)} to {F(s.FeldtInterval.Upper)}"],
            ], leftColumns: 0);
            Line();
            List<string[]> rows = [["Item", "r.drop", "r.cor", "alpha if deleted"]];
            rows.AddRange(s.ItemStatistics.Select(i => new[]
            {
                i.Item + (i.Reversed ? " (-)" : ""), F(i.CorrectedItemTotalCorrelation), F(i.OverlapCorrectedItemTotalCorrelation), F(i.AlphaIfDeleted),
            }));
            Table(rows);
        }

        Line();
        Line("Sampling adequacy:");
        Line();
        var kmo = result.Kmo;
        Line($"  KMO (Kaiser-Meyer-Olkin)        {F(kmo.Overall)} ({KmoResult.KaiserLabel(kmo.Overall)})");
        var b = result.Bartlett;
        Line($"  Bartlett's test of sphericity   chi-square = {F(b.ChiSquare)}, df = {b.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture)}, p {P(b.PValue)}");
        Line();
        Table(new[] { new[] { "Item", "MSA" } }.Concat(kmo.Items.Select((name, i) => new[] { name, F(kmo.ItemAdequacy[i]) })));

        Line();
        Line("Confirmatory factor analysis (one factor per scale):");
        Line();
        foreach (var l in result.CfaModel.Split('\n')) Line("  " + l);
        Line();
        if (result.CompositeReliability.Count == 0)
        {
            Line(result.Cfa is null ? "  (not run: every scale needs at least two items)" : "  (the CFA did not converge: no CR, AVE or omega)");
        }
        else
        {
            List<string[]> rows = [["Scale", "CR", "AVE", "omega", "AVE (semTools)"]];
            rows.AddRange(result.ScaleDefinitions.Select(s => new[]
            {
                s.Name, Get(result.CompositeReliability, s.Name), Get(result.AverageVarianceExtracted, s.Name),
                Get(result.Omega, s.Name), Get(result.AverageVarianceExtractedSemTools, s.Name),
            }));
            Table(rows);
            Line();
            Line("  CR and AVE from the standardized loadings (Fornell & Larcker 1981); omega and AVE (semTools) as");
            Line("  semTools' compRelSEM() and AVE().");
        }
        if (result.OrdinalAlpha.Count > 0)
        {
            Line();
            List<string[]> rows = [["Scale", "Ordinal alpha", "Categorical omega"]];
            rows.AddRange(result.ScaleDefinitions.Select(s => new[]
            {
                s.Name, F(result.OrdinalAlpha.FirstOrDefault(a => a.Scale == s.Name)?.Alpha), Get(result.CategoricalOmega, s.Name),
            }));
            Table(rows);
            Line();
            Line("  Ordinal items: alpha of the polychoric correlations (Zumbo, Gadermann & Zeisser 2007; psych) and");
            Line("  categorical omega (Green & Yang 2009; semTools' compRelSEM) from the CFA fitted by WLSMV.");
        }
        if (result.Cfa is { Converged: true } cfa)
        {
            Line();
            List<string[]> rows = [["Scale", "Item", "Loading", "Std.all"]];
            foreach (var s in result.ScaleDefinitions)
                foreach (var item in s.Items)
                {
                    var p = cfa.Parameter(s.Name, "=~", item);
                    rows.Add([s.Name, item, F(p?.Estimate), F(p?.StdAll)]);
                }
            Table(rows, leftColumns: 2);
        }

        if (result.FornellLarcker is { } fl)
        {
            Line();
            Line("Fornell-Larcker criterion (square root of AVE on the diagonal, latent correlations off it):");
            Line();
            Table(MatrixRows(fl.Matrix));
            Line();
            for (int i = 0; i < fl.Factors.Count; i++)
                Line($"  {fl.Factors[i]}: sqrt(AVE) {F(fl.SqrtAve[i])} {(fl.Passed[i] ? ">" : "<=")} |r| {F(fl.MaxCorrelation[i])} with {fl.MostCorrelatedWith[i]}: {(fl.Passed[i] ? "passes" : "fails")}");
        }
        if (result.Htmt is { } htmt)
        {
            Line();
            Line("Heterotrait-monotrait ratios (HTMT; Henseler, Ringle & Sarstedt 2015):");
            Line();
            Table(MatrixRows(htmt.Matrix));
        }

        foreach (var efa in result.Efa)
        {
            Line();
            Line($"Exploratory factor analysis ({Count(efa.FactorCount, "factor")}, {ReliabilityJson.ExtractionName(efa.Extraction)} extraction, {efa.Rotation.ToString().ToLowerInvariant()} rotation):");
            Line();
            List<string[]> rows = [["Item", .. efa.FactorNames, "h2"]];
            for (int i = 0; i < efa.Items.Count; i++)
                rows.Add([efa.Items[i], .. Enumerable.Range(0, efa.FactorCount).Select(j => F(efa.Loadings[i, j])), F(efa.Communalities[i])]);
            rows.Add(["SS loadings", .. efa.SsLoadings.Select(v => F(v)), ""]);
            rows.Add(["Proportion Var", .. efa.ProportionVariance.Select(v => F(v)), ""]);
            Table(rows);
            if (efa.FactorCorrelations is { } phi)
            {
                Line();
                Line("  Factor correlations:");
                Line();
                foreach (var l in Layout(MatrixRows(phi).ToList(), 1)) Line("    " + l);
            }
        }

        Line();
        Line("Verdicts:");
        Line();
        Line("  " + result.Verdicts.Describe());
        var failures = result.Verdicts.Failures;
        if (failures.Count > 0)
        {
            Line();
            foreach (var c in failures) Line("  - " + c.Describe());
        }

        if (result.Warnings.Count > 0)
        {
            Line();
            Line("Warnings:");
            Line();
            foreach (var w in result.Warnings) Line("  " + w);
        }
        return text.ToString();
    }

    /// <summary>A matrix as rows: a header of column names, then each row name with its values.</summary>
    private static IEnumerable<string[]> MatrixRows(LabeledMatrix m)
    {
        yield return ["", .. m.ColumnNames];
        for (int i = 0; i < m.RowCount; i++)
            yield return [m.RowNames[i], .. Enumerable.Range(0, m.ColumnCount).Select(j => F(m[i, j]))];
    }

    private static string Get(IReadOnlyDictionary<string, double> values, string key) => values.TryGetValue(key, out var v) ? F(v) : "NA";

    private static string P(double p) => p < 0.001 ? "< .001" : "= " + p.ToString("F3", CultureInfo.InvariantCulture);

    private static string Percent(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
