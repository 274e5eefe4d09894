using SemLib.Reporting;
using SemLib.Tests.Support;
using SemLib.Syntax;
using SemLib.Reporting.Diagrams;
using SemLib.Reporting.Diagrams.Layout;
using SemLib.Reporting.Documents;

namespace SemLib.Tests.Reporting;

public sealed class PathDiagramTests
{
    private static readonly DiagramOptions WithErrors = new() { ShowErrorTerms = true, ShowIndicatorRSquare = true };

    /// <summary>The relations the diagram must draw: loadings, regressions and covariances of group 1 (variances, and
    /// paths and covariances fixed at zero, are not relations).</summary>
    private static List<SemLib.Results.ParameterEstimate> Relations(SemFit fit) =>
        fit.Parameters.Where(p => p.Group == 1 && (p.Op is ModelOperator.MeasuredBy or ModelOperator.Regression || (p.Op == ModelOperator.Covariance && p.Lhs != p.Rhs))
            && !(p.Free == false && p.Estimate == 0)).ToList();

    [Theory]
    [MemberData(nameof(ReportingModels.Required), MemberType = typeof(ReportingModels))]
    public void SvgIsWellFormedAndDrawsEveryVariableWithItsShapeAndName(string model)
    {
        var fit = ReportingModels.Get(model);
        var svg = new SvgInspector(PathDiagram.Create(fit).ToSvg());

        Assert.Equal("svg", svg.Root.Name.LocalName);
        Assert.Equal("1.1", (string?)svg.Root.Attribute("version"));
        Assert.NotNull(svg.Root.Attribute("viewBox"));
        Assert.NotEmpty(svg.Root.Elements(SvgInspector.Svg + "title").Single().Value);
        // Arrowheads: an end and a start marker, each in the dark and the soft ink.
        Assert.Equal(4, svg.Root.Descendants(SvgInspector.Svg + "marker").Count());
        foreach (var latent in fit.Table.Roles.Latent)
            Assert.Contains(svg.Texts, t => t.Class == "name" && t.Text == latent &&
                svg.Ellipses.Any(e => e.Class == "latent" && e.Box.Contains(t.Box.Center)));
        foreach (var observed in fit.Table.Roles.Observed)
            Assert.Contains(svg.Texts, t => t.Class == "name" && t.Text == observed && svg.Rects.Any(r => r.Contains(t.Box.Center)));
        Assert.Equal(fit.Table.Roles.Latent.Count, svg.Ellipses.Count(e => e.Class == "latent"));
        Assert.Equal(fit.Table.Roles.Observed.Count, svg.Rects.Count);
    }

    [Theory]
    [MemberData(nameof(ReportingModels.Required), MemberType = typeof(ReportingModels))]
    public void EveryLoadingRegressionAndCovarianceIsAnArrowBetweenItsNodes(string model)
    {
        var fit = ReportingModels.Get(model);
        var diagram = PathDiagram.Create(fit);
        var svg = new SvgInspector(diagram.ToSvg());
        foreach (var p in Relations(fit))
        {
            var path = Assert.Single(svg.Paths, x => x.Title.StartsWith(p.Name + " = ", StringComparison.Ordinal));
            var (start, end) = path.Ends();
            var (from, to) = p.Op == ModelOperator.Regression ? (p.Rhs, p.Lhs) : (p.Lhs, p.Rhs);
            Assert.True(diagram.Node(from).Bounds.Inflate(1.5).Contains(start), $"{p.Name} should start at {from}");
            Assert.True(diagram.Node(to).Bounds.Inflate(1.5).Contains(end), $"{p.Name} should end at {to}");
            Assert.True(path.EndMarker);
            Assert.Equal(p.Op == ModelOperator.Covariance, path.StartMarker);
            Assert.Equal(p.Op switch { ModelOperator.MeasuredBy => "loading", ModelOperator.Regression => "regression", _ => "covariance" }, path.Class);
            // The coefficient is written on the arrow, stars included.
            string text = diagram.Edges.Single(e => e.Id == p.Name).Text;
            Assert.Contains(svg.Texts, t => t.Class == "coefficient" && t.Text == text);
        }
        Assert.Equal(Relations(fit).Count, svg.Paths.Count);
    }

    [Theory]
    [MemberData(nameof(ReportingModels.All), MemberType = typeof(ReportingModels))]
    public void NoTwoLabelsAndNoTwoNodesOverlap(string model)
    {
        var fit = ReportingModels.Get(model);
        foreach (var options in new[] { DiagramOptions.Default, WithErrors })
        {
            var diagram = PathDiagram.Create(fit, options);
            AssertNoOverlap(diagram);
            // The same check on the SVG as written: text boxes from the layout's font metrics, shapes from the attributes.
            var svg = new SvgInspector(diagram.ToSvg());
            for (int i = 0; i < svg.Texts.Count; i++)
                for (int j = i + 1; j < svg.Texts.Count; j++)
                    Assert.False(svg.Texts[i].Box.Intersects(svg.Texts[j].Box), $"{model}: '{svg.Texts[i].Text}' overlaps '{svg.Texts[j].Text}'");
            var shapes = svg.Ellipses.Select(e => e.Box).Concat(svg.Rects).ToList();
            foreach (var t in svg.Texts.Where(t => t.Class != "name"))
                Assert.False(shapes.Any(s => s.Intersects(t.Box)), $"{model}: '{t.Text}' overlaps a shape");
        }
    }

    public static TheoryData<string> ReferenceCases => new(ReferenceCase.All("lavaan", "lavaan-extra"));

    /// <summary>Every model shape of the reference cases (constraints, covariates, intercepts, cross-loadings,
    /// single indicators, covariance-matrix input, other estimators) draws and reports cleanly.</summary>
    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void EveryReferenceModelDrawsWithoutOverlapAndReportsAsXhtml(string folder)
    {
        var fit = ReferenceCase.Load(folder).Fit();
        var diagram = PathDiagram.Create(fit, new DiagramOptions { ShowErrorTerms = folder.Length % 2 == 0 });
        AssertNoOverlap(diagram);
        Assert.Equal(Relations(fit).Count, diagram.Edges.Count(e => e.Kind != DiagramEdgeKind.Error));
        Assert.NotNull(System.Xml.Linq.XDocument.Parse(SemReport.Create(fit, folder).ToHtml()).Root);
    }

    internal static void AssertNoOverlap(PathDiagram diagram)
    {
        var labels = diagram.Labels;
        for (int i = 0; i < labels.Count; i++)
            for (int j = i + 1; j < labels.Count; j++)
                Assert.False(labels[i].Bounds.Intersects(labels[j].Bounds), $"label '{labels[i].Text}' overlaps '{labels[j].Text}'");
        var nodes = diagram.Nodes;
        for (int i = 0; i < nodes.Count; i++)
            for (int j = i + 1; j < nodes.Count; j++)
                Assert.False(nodes[i].Bounds.Intersects(nodes[j].Bounds), $"node {nodes[i].Id} overlaps {nodes[j].Id}");
        foreach (var l in labels.Where(l => l.Kind != DiagramLabelKind.NodeName))
            foreach (var n in nodes)
                Assert.False(n.Bounds.Intersects(l.Bounds), $"label '{l.Text}' overlaps node {n.Id}");
        foreach (var n in nodes)
            Assert.True(n.Bounds.X >= 0 && n.Bounds.Y >= 0 && n.Bounds.Right <= diagram.Width && n.Bounds.Bottom <= diagram.Height, $"node {n.Id} is off the canvas");
        foreach (var l in labels)
            Assert.True(l.Bounds.X >= 0 && l.Bounds.Y >= 0 && l.Bounds.Right <= diagram.Width && l.Bounds.Bottom <= diagram.Height, $"label '{l.Text}' is off the canvas");
        AssertLabelsOnOwnPaths(diagram);
    }

    /// <summary>
    /// No coefficient can be read as another arrow's: the centre of each edge's label is nearer its own arrow than any
    /// other arrow (by the placer's margin, less a little for rounding).
    /// </summary>
    internal static void AssertLabelsOnOwnPaths(PathDiagram diagram)
    {
        var lines = diagram.Edges.Select(e => (e.Id, Line: new Polyline(e.Path))).ToList();
        foreach (var e in diagram.Edges.Where(e => e.Label is not null))
        {
            var c = e.Label!.Center;
            double own = lines.First(l => l.Id == e.Id).Line.DistanceTo(c);
            foreach (var (id, line) in lines.Where(l => l.Id != e.Id))
            {
                double other = line.DistanceTo(c);
                Assert.True(other > own + LabelPlacer.OwnPathMargin - 0.5,
                    $"the label '{e.Text}' of {e.Id} is {own:F1} from its arrow but {other:F1} from {id}'s");
            }
        }
    }

    [Fact]
    public void TheClusterUpgradeModelIsLaidOutInCausalOrder()
    {
        var d = PathDiagram.Create(ReportingModels.Get("cluster-upgrade"));
        double X(string v) => d.Node(v).Center.X;
        // Exogenous factors first, then acq, crea, upg, and the first-order factors of upg after it.
        foreach (var exo in new[] { "scale", "centr", "ties" })
            Assert.True(X(exo) < X("acq"));
        Assert.True(X("acq") < X("crea"));
        Assert.True(X("crea") < X("upg"));
        foreach (var first in new[] { "proc", "prod", "func" })
            Assert.True(X("upg") < X(first));
        // Indicators of the exogenous factors on the far left, of the last column's factors on the far right.
        var items = d.Nodes.Where(n => n.Kind == DiagramNodeKind.Observed).ToList();
        double left = items.Where(n => n.Id[..2] is "sc" or "ce" or "ti").Max(n => n.Center.X);
        Assert.True(left < d.Nodes.Where(n => n.Kind == DiagramNodeKind.Latent).Min(n => n.Center.X));
        Assert.All(items.Where(n => n.Id[..2] is "pr" or "pd" or "fu"), n => Assert.True(n.Center.X > X("upg") && n.Center.X > X("func")));
        // Every arrow between structural variables points left to right.
        foreach (var e in d.Edges.Where(e => e.Kind == DiagramEdgeKind.Regression || (e.Kind == DiagramEdgeKind.Loading && e.From == "upg")))
            Assert.True(X(e.From) < X(e.To), e.Id);
        // R² of the endogenous variables, not of the indicators by default.
        var withR2 = d.Nodes.Where(n => n.RSquare is not null).Select(n => n.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["acq", "crea", "func", "proc", "prod", "upg"], withR2);
    }

    [Fact]
    public void CoefficientsCarryStarsOnlyForFreeParametersAndFollowTheOptions()
    {
        var fit = ReportingModels.Get("hs-cfa");
        var std = PathDiagram.Create(fit);
        var marker = std.Edges.Single(e => e.Id == "visual=~x1");
        Assert.False(marker.Free);
        // lavaan (hs-cfa/case.json): visual=~x1 fixed at 1, std.all .772; visual=~x2 est .5535, p 2.8e-8, std.all .424.
        Assert.Equal(".77", marker.Text);   // fixed: no stars
        Assert.Equal(".42***", std.Edges.Single(e => e.Id == "visual=~x2").Text);
        var raw = PathDiagram.Create(fit, new DiagramOptions { Standardized = false, Decimals = 3 });
        Assert.Equal("1.000", raw.Edges.Single(e => e.Id == "visual=~x1").Text);
        Assert.Equal("0.554***", raw.Edges.Single(e => e.Id == "visual=~x2").Text);
        // One level, 1e-7: p 2.8e-8 is below it, so one star.
        var strict = PathDiagram.Create(fit, new DiagramOptions { SignificanceLevels = [0.0000001] });
        Assert.Equal(".42*", strict.Edges.Single(e => e.Id == "visual=~x2").Text);
        Assert.Equal("", Significance.Stars(null));
        Assert.Equal("**", Significance.Stars(0.004));
        Assert.Equal("*", Significance.Stars(0.049));
        Assert.Equal("", Significance.Stars(0.05));
    }

    [Fact]
    public void ErrorTermsAreCirclesWithAnArrowToTheirVariable()
    {
        var fit = ReportingModels.Get("poldem-sem");
        var d = PathDiagram.Create(fit, WithErrors);
        var errors = d.Nodes.Where(n => n.Kind == DiagramNodeKind.Error).ToList();
        // 11 indicators (e1–e11) and the two endogenous factors (d1, d2).
        Assert.Equal(13, errors.Count);
        Assert.Equal(11, errors.Count(n => n.Name.StartsWith('e')));
        foreach (var err in errors)
            Assert.Single(d.Edges, e => e.Kind == DiagramEdgeKind.Error && e.From == err.Id);
        var svg = new SvgInspector(d.ToSvg());
        Assert.Equal(13, svg.Ellipses.Count(e => e.Class == "error"));
    }

    [Fact]
    public void DotOutputDeclaresEveryNodeAndEdge()
    {
        var fit = ReportingModels.Get("poldem-sem");
        var d = PathDiagram.Create(fit);
        string dot = d.ToDot();
        Assert.StartsWith("digraph \"", dot, StringComparison.Ordinal);
        Assert.Contains("rankdir=LR", dot, StringComparison.Ordinal);
        Assert.Equal(dot.Count(c => c == '{'), dot.Count(c => c == '}'));
        Assert.Equal(dot.Count(c => c == '['), dot.Count(c => c == ']'));
        Assert.Equal(0, dot.Count(c => c == '"') % 2);
        foreach (var v in fit.Table.Roles.Latent)
            Assert.Contains($"\"{v}\" [shape=ellipse", dot, StringComparison.Ordinal);
        foreach (var v in fit.Table.Roles.Observed)
            Assert.Contains($"\"{v}\" [shape=box", dot, StringComparison.Ordinal);
        var lines = dot.Split('\n');
        foreach (var p in Relations(fit))
        {
            var (from, to) = p.Op == ModelOperator.Regression ? (p.Rhs, p.Lhs) : (p.Lhs, p.Rhs);
            string label = $"label=\"{d.Edges.Single(e => e.Id == p.Name).Text}\"";
            Assert.Single(lines, l => l.Contains(label, StringComparison.Ordinal) &&
                (l.Contains($"\"{from}\" -> \"{to}\"", StringComparison.Ordinal) ||
                 (l.Contains($"\"{to}\" -> \"{from}\"", StringComparison.Ordinal) && l.Contains("dir=back", StringComparison.Ordinal))) &&
                (p.Op != ModelOperator.Covariance || l.Contains("dir=both", StringComparison.Ordinal)));
        }
        Assert.Contains("\\\"q\\\"", DotWriter.Id("\"q\""), StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralDiagramsGetDistinctMarkerIdsAndBadPrefixesAreRejected()
    {
        var d = PathDiagram.Create(ReportingModels.Get("talor-mediation"));
        Assert.Contains("id=\"fig2-end\"", d.ToSvg("fig2"), StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", d.ToSvg("fig2", xmlDeclaration: false), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => d.ToSvg("a b"));
        Assert.Throws<ArgumentOutOfRangeException>(() => PathDiagram.Create(ReportingModels.Get("talor-mediation"), new DiagramOptions { Group = 2 }));
    }
}
