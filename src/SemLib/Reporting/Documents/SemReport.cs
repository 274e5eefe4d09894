using SemLib.Syntax;
using SemLib.Reporting.Diagrams;
namespace SemLib.Reporting.Documents;

/// <summary>
/// The usual report of a fitted model in one call:
/// <code>
/// var fit = Sem.Fit(model, data);
/// var report = SemReport.Create(fit, "Cluster upgrade: structural model");
/// File.WriteAllText("report.html", report.ToHtml());
/// File.WriteAllText("report.md", report.ToMarkdown());
/// </code>
/// Add reliability sections (<see cref="ReliabilityReportSections"/>) or tables of your own with
/// <see cref="ReportDocument.Add"/>.
/// </summary>
public static class SemReport
{
    /// <summary>
    /// A document with the model fit, the path diagram (which leaves out thresholds and scale factors), the measurement
    /// model (if the model has factors), the structural paths (if it has regressions), the covariances (if any), the
    /// thresholds (if it has ordered items), the R² and the warnings. A multi-group
    /// model gets one diagram and one table of each kind per group, each captioned with the group as lavaan's summary
    /// heads it ("Group 1 [Pasteur]"); the group of <paramref name="diagram"/>'s options is then ignored.
    /// </summary>
    public static ReportDocument Create(SemFit fit, string title = "Structural equation model", FitCutoffs? fitCutoffs = null, DiagramOptions? diagram = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        int groups = fit.Table.GroupCount;
        if (groups == 1)
            return Document(fit, title, fitCutoffs, diagram);
        var o = diagram ?? DiagramOptions.Default;
        var levels = diagram?.SignificanceLevels;
        var each = Enumerable.Range(1, groups).ToList();
        var sections = new List<ReportSection>
        {
            SemReportSections.ModelFit(fit, fitCutoffs),
            PerGroup("Path diagrams", each.Select(g => SemReportSections.Diagram(fit, o with { Group = g }))),
        };
        if (fit.Parameters.Any(p => p.Op == ModelOperator.MeasuredBy))
            sections.Add(PerGroup("Measurement model", each.Select(g => SemReportSections.Loadings(fit, group: g))));
        if (fit.Parameters.Any(p => p.Op == ModelOperator.Regression))
            sections.Add(PerGroup("Structural paths", each.Select(g => SemReportSections.StructuralPaths(fit, levels, g))));
        if (fit.Parameters.Any(ReportedEstimates.IsCovariance))
            sections.Add(PerGroup("Covariances", each.Select(g => SemReportSections.Covariances(fit, levels, g))));
        if (fit.Parameters.Any(p => p.Op == ModelOperator.Threshold))
            sections.Add(PerGroup("Thresholds", each.Select(g => SemReportSections.Thresholds(fit, g))));
        if (fit.RSquareByGroup.Any(r => r.Count > 0))
            sections.Add(PerGroup("Explained variance", each.Select(g => SemReportSections.RSquare(fit, g))));
        sections.Add(SemReportSections.Warnings(fit));
        return new ReportDocument(title).Add(sections);
    }

    private static ReportDocument Document(SemFit fit, string title, FitCutoffs? fitCutoffs, DiagramOptions? diagram)
    {
        var sections = new List<ReportSection> { SemReportSections.ModelFit(fit, fitCutoffs), SemReportSections.Diagram(fit, diagram) };
        var ops = fit.Parameters.Where(p => p.Group == 1).ToList();
        if (ops.Any(p => p.Op == ModelOperator.MeasuredBy)) sections.Add(SemReportSections.Loadings(fit));
        if (ops.Any(p => p.Op == ModelOperator.Regression)) sections.Add(SemReportSections.StructuralPaths(fit, diagram?.SignificanceLevels));
        if (ops.Any(ReportedEstimates.IsCovariance))
            sections.Add(SemReportSections.Covariances(fit, diagram?.SignificanceLevels));
        if (ops.Any(p => p.Op == ModelOperator.Threshold)) sections.Add(SemReportSections.Thresholds(fit));
        if (fit.RSquare.Count > 0) sections.Add(SemReportSections.RSquare(fit));
        sections.Add(SemReportSections.Warnings(fit));
        return new ReportDocument(title).Add(sections);
    }

    /// <summary>One section holding the blocks of every group's section, in group order.</summary>
    private static ReportSection PerGroup(string heading, IEnumerable<ReportSection> sections) =>
        new(heading, sections.SelectMany(s => s.Blocks).ToList());
}
