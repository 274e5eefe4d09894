using SemLib.Simulation;
using SemLib.Reporting.Diagrams;
using SemLib.Reporting.Diagrams.Layout;
using SemLib.Reporting.Documents;

namespace SemLib.Tests.Reporting;

/// <summary>
/// Diagrams whose labels could be misread: several residual covariances between two blocks of indicators (lavaan's
/// PoliticalDemocracy model), a growth model (two factors on the same indicators, one loading fixed at zero), and the
/// text size of diagrams in HTML reports.
/// </summary>
public sealed class DiagramLegibilityTests
{
    private static readonly DiagramOptions WithErrors = new() { ShowErrorTerms = true };

    [Fact]
    public void Political_democracys_residual_covariances_are_apart_and_each_label_is_on_its_own_arc()
    {
        var fit = ReportingModels.Get("poldem-sem");
        foreach (var options in new[] { DiagramOptions.Default, WithErrors, WithErrors with { Standardized = false } })
        {
            var d = PathDiagram.Create(fit, options);
            // Every label nearer its own arrow than any other (the ".29" of y2 ~~ y4 once sat on y1 ~~ y5's arc).
            PathDiagramTests.AssertNoOverlap(d);
            var arcs = d.Edges.Where(e => e.Kind == DiagramEdgeKind.Covariance).Select(e => (e.Id, Line: new Polyline(e.Path))).ToList();
            Assert.Equal(6, arcs.Count); // y1~~y5, y2~~y4, y2~~y6, y3~~y7, y4~~y8, y6~~y8
            // No two arcs run within 6 units of each other over more than 30 units (away from their ends; two arrows that
            // cross are that close over a few units only).
            foreach (var (id, line) in arcs)
                foreach (var (other, otherLine) in arcs.Where(a => a.Id != id))
                {
                    double along = line.NearShare(otherLine, 6, 18) * (line.Length - 36);
                    Assert.True(along < 30, $"{id} runs along {other} for {along:F0} units");
                }
        }
    }

    /// <summary>A linear growth model on four occasions (lavaan's Demo.growth design), data drawn from its population.</summary>
    private static SemFit Growth()
    {
        const string loadings = "i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4\ns =~ 0*t1 + 1*t2 + 2*t3 + 3*t4\n";
        var population = PopulationModel.FromSyntax(loadings + "i ~~ 1*i\ns ~~ 0.25*s\ni ~~ 0.1*s\nt1 ~~ 0.5*t1\nt2 ~~ 0.5*t2\nt3 ~~ 0.5*t3\nt4 ~~ 0.5*t4\n");
        return Sem.Fit(loadings, population.Sample(400, 12));
    }

    [Fact]
    public void A_growth_models_loading_fixed_at_zero_is_not_drawn_and_the_others_are_straight()
    {
        var fit = Growth();
        var d = PathDiagram.Create(fit);
        PathDiagramTests.AssertNoOverlap(d);
        // s =~ t1 is fixed at 0: no path (it was a large arc around i); s's other loadings are straight arrows.
        Assert.DoesNotContain(d.Edges, e => e.From == "s" && e.To == "t1");
        var slope = d.Edges.Where(e => e.From == "s" && e.Kind == DiagramEdgeKind.Loading).ToList();
        Assert.Equal(["t2", "t3", "t4"], slope.Select(e => e.To).Order());
        foreach (var e in slope)
            Assert.True(e.Path.Count == 4 && Polyline.IsStraight(e.Path[0], e.Path[1], e.Path[2], e.Path[3]), $"{e.Id} is not straight");

        var all = PathDiagram.Create(fit, new DiagramOptions { ShowFixedZeroPaths = true });
        Assert.Contains(all.Edges, e => e.From == "s" && e.To == "t1" && e.Text == ".00");
        PathDiagramTests.AssertNoOverlap(all);
    }

    [Fact]
    public void The_studys_r_square_labels_sit_clear_of_every_arrow()
    {
        // With error terms, crea's R² once sat across the arrow from its disturbance d2, where it read as that arrow's label.
        foreach (var options in new[] { DiagramOptions.Default, WithErrors })
        {
            var d = PathDiagram.Create(ReportingModels.Get("cluster-upgrade"), options);
            var lines = d.Edges.Select(e => (e.Id, Line: new Polyline(e.Path))).ToList();
            foreach (var l in d.Labels.Where(l => l.Kind == DiagramLabelKind.RSquare))
                foreach (var (id, line) in lines)
                    Assert.False(line.Intersects(l.Bounds), $"'{l.Text}' of {l.Owner} lies across {id} (errors {options.ShowErrorTerms})");
        }
    }

    [Fact]
    public void Html_reports_show_diagrams_at_their_own_size_with_text_of_10_px_or_more()
    {
        var fit = ReportingModels.Get("cluster-upgrade");
        string html = SemReport.Create(fit, "study", diagram: WithErrors).ToHtml();
        Assert.DoesNotContain("max-width: 100%", html, StringComparison.Ordinal);
        Assert.Contains("figure svg { max-width: none;", html, StringComparison.Ordinal);
        var svg = new SvgInspector(PathDiagram.Create(fit, WithErrors).ToSvg());
        var sizes = svg.Root.Descendants(SvgInspector.Svg + "text").Select(t => double.Parse((string)t.Attribute("font-size")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.True(s >= LayoutMetrics.MinimumFont, $"font-size {s}"));
    }
}
