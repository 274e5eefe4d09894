using SemLib.Results;

namespace ClusterUpgrade;

/// <summary>The sentences on missing answers, estimators and clusters that the console report and the documents share.</summary>
public static class StudyNotes
{
    /// <summary>The FIML summary of the structural model (one group).</summary>
    public static MissingDataSummary? Missing(StudyResults r) => r.Structural.MissingData?[0];

    public static string MissingAnswers(StudyResults r)
    {
        var md = Missing(r);
        string mechanism = r.Simulated
            ? $" They are missing at random: every firm answered the network-scale items ({string.Join(", ", Design.MissingDrivers)}), and firms with larger networks skipped more of the other {Design.SkippableItems.Count} items."
            : "";
        string fiml = md is null ? "" : $" {Design.FimlLabel} uses every firm's answers: {md.Rows} rows, {md.Patterns} missing-data patterns.";
        return $"{r.MissingCells} of {r.ItemCells} item answers are missing ({Format.N(100.0 * r.MissingCells / r.ItemCells, 1)}%).{mechanism}" +
               $" {r.CompleteRows} of {r.Rows} firms answered every item; listwise deletion keeps only those.{fiml}";
    }

    public static string Estimators(StudyResults r) =>
        $"The models are fitted by {Design.FimlLabel}: full-information maximum likelihood on the incomplete data, with robust (Huber–White) standard errors and the Yuan–Bentler scaled χ² (lavaan: estimator = \"MLR\", missing = \"ml\"); nested models are compared by the Satorra–Bentler (2001) scaled χ² difference. Beside it, {Design.ListwiseLabel} fits the same model to the {r.StructuralListwise.NObs[0]} complete rows.";

    public static string ItemStatistics(StudyResults r) =>
        $"On the incomplete data, alpha, the item statistics, the eigenvalues, the EFA, KMO and Bartlett's test use pairwise-complete correlations (psych's convention); HTMT uses the {r.CompleteRows} firms that answered every item (semTools' listwise default); the CFA behind the loadings, CR, AVE and omega is fitted by FIML (omega uses the EM estimate of the item covariances).";

    /// <summary>Why the design's clusters get no cluster-robust standard errors.</summary>
    public static string Clusters(StudyResults r)
    {
        if (r.Clusters == 0) return "The data name no industrial cluster, so the firms are treated as independent.";
        int npar = (int)r.Structural.FitMeasures["npar"]!.Value;
        return $"The firms come from {r.Clusters} industrial clusters, too few for cluster-robust standard errors: the cluster-robust sandwich (lavaan's cluster = \"cluster\") " +
               $"sums one score vector per cluster, so its middle matrix has rank at most {r.Clusters}, far below the model's {npar} free parameters, and it needs many clusters (dozens, not {r.Clusters}) to be trusted. " +
               "They are therefore not computed; the firms are treated as independent, and differences between clusters are a question for a multi-group model.";
    }

    /// <summary>The coverage of each variable (the diagonal of the FIML coverage matrix).</summary>
    public static IReadOnlyList<(string Variable, double Coverage)> Coverage(MissingDataSummary md) =>
        md.Variables.Select((v, i) => (v, md.Coverage[i, i])).ToList();
}
