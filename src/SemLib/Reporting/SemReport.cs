namespace SemLib.Reporting;

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
    /// A document with the model fit, the path diagram, the measurement model (if the model has factors), the
    /// structural paths (if it has regressions), the covariances (if any), the R² and the warnings.
    /// </summary>
    public static ReportDocument Create(SemFit fit, string title = "Structural equation model", FitCutoffs? fitCutoffs = null, DiagramOptions? diagram = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var sections = new List<ReportSection> { SemReportSections.ModelFit(fit, fitCutoffs), SemReportSections.Diagram(fit, diagram) };
        var ops = fit.Parameters.Where(p => p.Group == 1).ToList();
        if (ops.Any(p => p.Op == "=~")) sections.Add(SemReportSections.Loadings(fit));
        if (ops.Any(p => p.Op == "~")) sections.Add(SemReportSections.StructuralPaths(fit, diagram?.SignificanceLevels));
        if (ops.Any(SemReportSections.IsCovariance))
            sections.Add(SemReportSections.Covariances(fit, diagram?.SignificanceLevels));
        if (fit.RSquare.Count > 0) sections.Add(SemReportSections.RSquare(fit));
        sections.Add(SemReportSections.Warnings(fit));
        return new ReportDocument(title).Add(sections);
    }
}
