using SemLib;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;

namespace ClusterUpgrade;

/// <summary>
/// The 218-firm study's design (docs/study-design.md): constructs and items, the population
/// values the data are simulated from, the analysis models and the hypotheses.
/// </summary>
public static class Design
{
    public sealed record Construct(string Name, string Label, string Block, IReadOnlyList<string> Items, IReadOnlyList<double> Loadings);

    public static readonly IReadOnlyList<Construct> FirstOrder =
    [
        new("scale", "Network scale", "Network structure", ["sc1", "sc2", "sc3", "sc4"], [0.78, 0.72, 0.81, 0.66]),
        new("centr", "Network centrality", "Network structure", ["ce1", "ce2", "ce3", "ce4"], [0.74, 0.79, 0.70, 0.77]),
        new("ties", "Tie strength", "Network structure", ["ti1", "ti2", "ti3", "ti4"], [0.80, 0.75, 0.71, 0.73]),
        new("acq", "Knowledge acquisition", "Knowledge behaviour", ["aq1", "aq2", "aq3", "aq4"], [0.76, 0.81, 0.72, 0.69]),
        new("crea", "Knowledge creation", "Knowledge behaviour", ["cr1", "cr2", "cr3", "cr4"], [0.73, 0.78, 0.80, 0.71]),
        new("proc", "Process upgrade", "Cluster upgrade", ["pr1", "pr2", "pr3"], [0.82, 0.77, 0.70]),
        new("prod", "Product upgrade", "Cluster upgrade", ["pd1", "pd2", "pd3"], [0.76, 0.83, 0.72]),
        new("func", "Functional upgrade", "Cluster upgrade", ["fu1", "fu2", "fu3"], [0.71, 0.77, 0.79]),
    ];

    /// <summary>Second-order loadings of cluster upgrade on its three facets.</summary>
    public static readonly IReadOnlyList<(string Facet, double Loading)> Upgrade = [("proc", 0.82), ("prod", 0.86), ("func", 0.74)];

    /// <summary>Population correlations of the exogenous factors.</summary>
    public static readonly IReadOnlyList<(string A, string B, double R)> ExogenousCorrelations =
        [("scale", "centr", 0.45), ("scale", "ties", 0.30), ("centr", "ties", 0.40)];

    /// <summary>Structural paths (standardized population values): outcome, predictor, value.</summary>
    public static readonly IReadOnlyList<(string Outcome, string Predictor, double Value)> Paths =
    [
        ("acq", "scale", 0.35), ("acq", "centr", 0.30), ("acq", "ties", 0.10),
        ("crea", "scale", 0.05), ("crea", "centr", 0.25), ("crea", "ties", 0.30), ("crea", "acq", 0.30),
        ("upg", "acq", 0.35), ("upg", "crea", 0.40),
    ];

    /// <summary>Likert cut points of the continuous scores (five categories).</summary>
    public static readonly IReadOnlyList<double> Thresholds = [-1.5, -0.5, 0.5, 1.5];

    public static IEnumerable<string> Items => FirstOrder.SelectMany(c => c.Items);

    /// <summary>
    /// Item nonresponse (missing at random): the network-scale items open the questionnaire and every firm answers
    /// them; firms with larger networks (a higher mean on sc1–sc4: busier, more outward-looking firms) skip more of
    /// the later items. The chance of a skipped answer on each of the other 25 items rises with the firm's rank on
    /// sc1–sc4, from 0 to twice <see cref="MissingProportion"/> (SemLib.Simulation.Missingness.AtRandom).
    /// </summary>
    public const string MissingDriver = "scale";

    /// <summary>The average share of skipped answers on the items that can be skipped.</summary>
    public const double MissingProportion = 0.05;

    public static IReadOnlyList<string> MissingDrivers => FirstOrder.Single(c => c.Name == MissingDriver).Items;

    public static IReadOnlyList<string> SkippableItems => Items.Except(MissingDrivers).ToList();

    /// <summary>
    /// The study's estimator: full-information ML on the incomplete data with robust (Huber–White) SEs and the
    /// Yuan–Bentler scaled test (lavaan: <c>estimator = "MLR", missing = "ml"</c>).
    /// </summary>
    public static readonly ModelOptions Fiml = new() { Estimator = Estimator.MLR, Missing = MissingPolicy.ML };

    /// <summary>The comparison: normal-theory ML on the firms that answered every item (lavaan's listwise default).</summary>
    public static readonly ModelOptions Listwise = ModelOptions.Default;

    public const string FimlLabel = "FIML (MLR)";
    public const string ListwiseLabel = "listwise ML";

    /// <summary>The firms' industrial clusters: too few for cluster-robust standard errors (see the report's note).</summary>
    public const string ClusterColumn = "cluster";

    /// <summary>The population model in lavaan syntax (standardized metric; residual variances make variances 1).</summary>
    public static string PopulationSyntax()
    {
        var lines = FirstOrder.Select(c =>
            $"{c.Name} =~ {string.Join(" + ", c.Items.Select((item, i) => $"{Num(c.Loadings[i])}*{item}"))}").ToList();
        lines.Add($"upg =~ {string.Join(" + ", Upgrade.Select(u => $"{Num(u.Loading)}*{u.Facet}"))}");
        lines.AddRange(ExogenousCorrelations.Select(r => $"{r.A} ~~ {Num(r.R)}*{r.B}"));
        lines.AddRange(Paths.GroupBy(p => p.Outcome).Select(g => $"{g.Key} ~ {string.Join(" + ", g.Select(p => $"{Num(p.Value)}*{p.Predictor}"))}"));
        return string.Join("\n", lines);
    }

    /// <summary>The measurement part: eight first-order factors and the second-order cluster upgrade.</summary>
    /// <summary>The first-order measurement model (every item on its construct), the traits of the common-method-bias checks.</summary>
    public static string TraitSyntax() => string.Join("\n", FirstOrder.Select(c => $"{c.Name} =~ {string.Join(" + ", c.Items)}"));

    public static string MeasurementSyntax() => string.Join("\n",
        FirstOrder.Select(c => $"{c.Name} =~ {string.Join(" + ", c.Items)}")
            .Append($"upg =~ {string.Join(" + ", Upgrade.Select(u => u.Facet))}"));

    /// <summary>The structural model of the hypotheses (H1a–H5), with labels for the indirect effects.</summary>
    public static string StructuralSyntax(bool directPaths = false) => MeasurementSyntax() + "\n" + string.Join("\n",
        [
            "acq ~ a1*scale + a2*centr + a3*ties",
            "crea ~ c1*scale + c2*centr + c3*ties + d*acq",
            "upg ~ b1*acq + b2*crea" + (directPaths ? " + scale + centr + ties" : ""),
        ]);

    public sealed record Hypothesis(string Id, string Statement, string Outcome, string Predictor);

    /// <summary>The directional hypotheses tested by a path (H6 and H7 are tested by model comparison and bootstrap).</summary>
    public static readonly IReadOnlyList<Hypothesis> PathHypotheses =
    [
        new("H1a", "Network scale raises knowledge acquisition", "acq", "scale"),
        new("H1b", "Network centrality raises knowledge acquisition", "acq", "centr"),
        new("H1c", "Tie strength raises knowledge acquisition", "acq", "ties"),
        new("H2a", "Network scale raises knowledge creation", "crea", "scale"),
        new("H2b", "Network centrality raises knowledge creation", "crea", "centr"),
        new("H2c", "Tie strength raises knowledge creation", "crea", "ties"),
        new("H3", "Knowledge acquisition raises knowledge creation", "crea", "acq"),
        new("H4", "Knowledge acquisition raises cluster upgrade", "upg", "acq"),
        new("H5", "Knowledge creation raises cluster upgrade", "upg", "crea"),
    ];

    public const string H6 = "Network structure acts on upgrade only through knowledge behaviour";
    public const string H7 = "Network structure has a positive indirect effect on upgrade";

    /// <summary>Item wording (this program's own, after the design's descriptions).</summary>
    public static readonly IReadOnlyDictionary<string, string> Wording = new Dictionary<string, string>
    {
        ["sc1"] = "We work with many partners inside the cluster.",
        ["sc2"] = "Our partners span many kinds (suppliers, customers, universities, institutes, agencies).",
        ["sc3"] = "Our set of partners has grown over the last three years.",
        ["sc4"] = "We maintain links with partners outside the region.",
        ["ce1"] = "Other firms seek our advice.",
        ["ce2"] = "We sit where information in the cluster flows.",
        ["ce3"] = "We connect partners who would otherwise not be in touch.",
        ["ce4"] = "We have a strong say in joint projects.",
        ["ti1"] = "We are in frequent contact with our partners.",
        ["ti2"] = "Our partner relations are long-standing.",
        ["ti3"] = "We trust our main partners.",
        ["ti4"] = "We share sensitive information with partners.",
        ["aq1"] = "We obtain technical knowledge from partners.",
        ["aq2"] = "We obtain market information from partners.",
        ["aq3"] = "Staff exchange and training bring knowledge into the firm.",
        ["aq4"] = "We scan our environment for new knowledge systematically.",
        ["cr1"] = "We combine outside knowledge with our own.",
        ["cr2"] = "We turn new knowledge into new products or processes.",
        ["cr3"] = "We obtain patents or set standards.",
        ["cr4"] = "Our R&D builds on partners' knowledge.",
        ["pr1"] = "Our production has become more efficient.",
        ["pr2"] = "We have adopted new production technology.",
        ["pr3"] = "Our product quality has improved.",
        ["pd1"] = "The share of new products in our sales has risen.",
        ["pd2"] = "The value added of our products has risen.",
        ["pd3"] = "Our brand has become better known.",
        ["fu1"] = "We have moved into design and R&D.",
        ["fu2"] = "We have moved into marketing and brand functions.",
        ["fu3"] = "We hold a higher position in the value chain.",
    };

    private static string Num(double v) => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
