using SemLib.Data;
using SemLib.Data.Ordinal;
using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Simulation;

/// <summary>
/// Monte Carlo replications analysed with ordered items (WLSMV, DWLS, WLS, ULSMV): the simulated scores are cut into
/// categories (<see cref="MonteCarloOptions.LikertThresholds"/>), each replication's thresholds, polychoric correlations
/// and Γ are computed from its rows, and the model is refitted to them with the estimator's weights, robust standard
/// errors and test. The population values are those of the latent responses (delta parameterization): the analysis
/// model fitted to the population correlation matrix of the cut variables' scores, and thresholds
/// τ = (cut − μ)/σ of the score's population mean μ and standard deviation σ.
/// </summary>
internal static class OrdinalReplication
{
    /// <summary>The ordered analysis variables (empty when the analysis treats every variable as continuous).</summary>
    public static IReadOnlyList<string> OrderedVariables(ParsedModel parsed, IReadOnlyList<string> names, ModelOptions analysis) =>
        OrdinalRows.OrderedVariables(names, parsed.Statements.SelectMany(st => st.Lhs.Select(l => (l, st.Operator))), analysis);

    /// <summary>Refuses what a study with ordered items cannot do, saying why.</summary>
    public static void Check(IReadOnlyList<string> ordered, MonteCarloOptions options)
    {
        if (options.LikertThresholds is null)
            throw new SemLibException($"The analysis treats {MessageText.List(ordered)} as ordered items, but the simulated scores are continuous: set the Likert thresholds (LikertThresholds, --likert) to cut them into categories.");
        if (options.MissingProportion > 0 && options.Analysis.Missing != MissingPolicy.Pairwise)
            throw new SemLibException("Replications with missing cells and ordered items are analysed with missing = pairwise (full-information ML is not available with ordered items); set the analysis option missing = pairwise, or MissingProportion to 0.");
        if (options.Analysis.Parameterization == CategoricalParameterization.Theta)
            throw new SemLibException("Monte Carlo population values of ordered items are computed on the scale of the delta parameterization (latent responses with variance 1); use the default parameterization = delta.");
    }

    /// <summary>
    /// The population fit on the latent-response scale: the analysis model fitted by ML (ordered items as continuous) to
    /// the population covariance matrix with the ordered variables standardized and their means 0.
    /// </summary>
    public static SemFit FitToPopulation(PopulationModel population, ParsedModel parsed, IReadOnlyList<string> names, int[] columns,
        IReadOnlyCollection<string> ordered, ModelOptions analysis)
    {
        const int n = 1_000_000;
        double scale = n / (double)(n - 1); // CovarianceData is read as unbiased and rescaled by (N − 1)/N for ML
        int p = names.Count;
        var sd = new double[p];
        for (int i = 0; i < p; i++)
            sd[i] = ordered.Contains(names[i]) ? Math.Sqrt(population.Covariance[columns[i], columns[i]]) : 1;
        var cov = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) cov[i, j] = population.Covariance[columns[i], columns[j]] / (sd[i] * sd[j]) * scale;
        var means = Enumerable.Range(0, p).Select(i => ordered.Contains(names[i]) ? 0 : population.Means[columns[i]]).ToArray();
        var ml = analysis with
        {
            Ordered = [],
            Estimator = Estimator.ML,
            Missing = MissingPolicy.Listwise,
            StandardErrors = StandardErrorType.Standard,
            Test = TestType.Standard,
            Parameterization = CategoricalParameterization.Delta,
        };
        return Sem.Fit(parsed, new CovarianceData(names, cov, n, means), ml);
    }

    /// <summary>
    /// The population value of threshold k of an ordered variable: the cut between its (k)th and (k+1)th observed
    /// categories (category c lies above c − 1 cuts) standardized by the score's population mean and SD.
    /// </summary>
    public static double Threshold(ParameterRow row, OrdinalSampleStatistics template, PopulationModel population, int[] columns,
        IReadOnlyList<double> cuts)
    {
        int i = Array.IndexOf(template.Variables, row.Lhs);
        if (i < 0 || !template.IsOrdered[i] || !row.Rhs.StartsWith('t') || !int.TryParse(row.Rhs.AsSpan(1), out int k)) return double.NaN;
        var categories = template.Categories[i];
        if (k < 1 || k >= categories.Length) return double.NaN;
        int cut = (int)categories[k] - 2;
        if (cut < 0 || cut >= cuts.Count) return double.NaN;
        double mean = population.Means[columns[i]], sd = Math.Sqrt(population.Covariance[columns[i], columns[i]]);
        return (cuts[cut] - mean) / sd;
    }

    /// <summary>
    /// A session fitted to the ordinal statistics of the rows (the template's categories), or the reason the rows cannot
    /// be fitted (a category absent, a constant continuous variable).
    /// </summary>
    public static (FitSession? Session, string? Failure) Session(LisrelModel model, SampleData template, ModelOptions analysis, double[][] rows, int[] all)
    {
        var (stats, failure) = SampleData.OrdinalStatisticsOf(template.Groups[0].Ordinal!, rows, all);
        if (stats is null) return (null, failure);
        var sample = new EstimationSample(template.WithOrdinalStatistics([stats]), analysis.Estimator);
        return (new FitSession(model, sample, analysis), null);
    }

    /// <summary>
    /// The robust (robust.sem) covariance of the estimates and the scaled test of a replication's fit at
    /// <paramref name="res"/>, as <see cref="Sem.Fit(string, DataSet, ModelOptions?)"/> computes them.
    /// </summary>
    public static (double[]? CovTheta, double ChiSquare) Robust(ParameterTable table, FitSession session, OptimizerResult res,
        ModelOptions analysis, double standardChiSquare) =>
        MonteCarlo.RobustAt(table, session.Model, session.Sample, session.Objective, res, analysis, standardChiSquare);
}

