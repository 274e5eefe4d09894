using SemLib.Reporting.Diagrams.Layout;

namespace SemLib.Reporting.Diagrams;

/// <summary>
/// A laid-out path diagram of a fitted model: latent variables as ellipses, observed variables as rectangles,
/// one-headed arrows for loadings and regressions, curved two-headed arrows for covariances, each labelled with its
/// (by default standardized) coefficient and significance stars, and the R² of endogenous variables. The layout runs
/// left to right in the model's causal order and keeps nodes and labels apart; write it as SVG
/// (<see cref="ToSvg"/>) or as Graphviz DOT (<see cref="ToDot"/>) to restyle it elsewhere.
/// <code>
/// var fit = Sem.Fit(model, data);
/// File.WriteAllText("model.svg", PathDiagram.Create(fit).ToSvg());
/// </code>
/// </summary>
public sealed record PathDiagram
{
    /// <summary>The title (the SVG <c>title</c> element and the DOT graph name).</summary>
    public required string Title { get; init; }

    /// <summary>Width of the drawing in user units (pixels at 100 %).</summary>
    public required double Width { get; init; }

    /// <summary>Height of the drawing in user units.</summary>
    public required double Height { get; init; }

    /// <summary>Every node: variables first (in order of appearance in the model), then error terms.</summary>
    internal IReadOnlyList<DiagramNode> Nodes { get; init; } = [];

    /// <summary>Every arrow, in the order of the estimates (loadings, regressions, covariances), then error paths.</summary>
    internal IReadOnlyList<DiagramEdge> Edges { get; init; } = [];

    /// <summary>Every text label: node names, coefficients, R² values and the legend.</summary>
    internal IReadOnlyList<DiagramLabel> Labels { get; init; } = [];

    /// <summary>The options the diagram was drawn with.</summary>
    public required DiagramOptions Options { get; init; }

    /// <summary>Draws the diagram of a fitted model.</summary>
    /// <param name="fit">The fitted model.</param>
    /// <param name="options">What to show; null for <see cref="DiagramOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options ask for a group the model does not have.</exception>
    public static PathDiagram Create(SemFit fit, DiagramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var o = options ?? DiagramOptions.Default;
        return DiagramLayout.Run(DiagramSpecBuilder.From(fit, o), o);
    }

    /// <summary>The node with the given id (a variable's name); <see cref="KeyNotFoundException"/> naming it when absent.</summary>
    internal DiagramNode Node(string id) => Nodes.FirstOrDefault(n => n.Id == id)
        ?? throw new KeyNotFoundException($"The diagram has no node '{id}'.");

    /// <summary>
    /// The diagram as a standalone SVG 1.1 document (no scripts, no external resources, presentation attributes
    /// only, generic <c>sans-serif</c> font). Element ids start with <paramref name="idPrefix"/>, so several diagrams
    /// can be inlined in one HTML page when each gets its own prefix.
    /// </summary>
    /// <param name="idPrefix">Prefix of the ids of the arrowhead markers (letters, digits, '-' and '_').</param>
    /// <param name="xmlDeclaration">Start with an XML declaration (leave it out to inline the SVG in HTML).</param>
    public string ToSvg(string idPrefix = "semlib", bool xmlDeclaration = true) => SvgWriter.Write(this, idPrefix, xmlDeclaration);

    /// <summary>The same diagram in Graphviz DOT (<c>rankdir=LR</c>; ellipses and boxes; coefficient labels;
    /// <c>dir=both</c> for covariances) for users who want Graphviz to lay it out or restyle it.</summary>
    public string ToDot() => DotWriter.Write(this);
}
