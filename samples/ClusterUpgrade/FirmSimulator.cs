using System.Globalization;
using SemLib.Data;
using SemLib.Simulation;

namespace ClusterUpgrade;

/// <summary>
/// Simulates the survey: N firms' responses drawn from the design's population model and cut into five-point
/// Likert categories, with item nonresponse missing at random (<see cref="Design.MissingDriver"/>: the sc items drive
/// it and stay complete; skipped answers are empty cells), plus firm descriptors (cluster, size band, age, ownership)
/// for the sample description.
/// </summary>
public static class FirmSimulator
{
    public static readonly string[] Clusters = ["equipment manufacturing", "petrochemicals", "metallurgy", "electronics & software"];
    public static readonly string[] SizeBands = ["<100", "100-499", ">=500"];
    public static readonly string[] Ownership = ["state", "private", "foreign/joint"];

    /// <summary>Writes the simulated survey to <paramref name="path"/> as CSV and returns it as read back.</summary>
    public static DataSet Write(string path, int n, int seed)
    {
        var population = PopulationModel.FromSyntax(Design.PopulationSyntax(), standardized: true);
        var complete = Likert.Cut(population.Sample(n, seed), Design.Thresholds);
        var responses = Missingness.AtRandom(complete, Design.MissingProportion, seed + 2, Design.SkippableItems, Design.MissingDrivers);
        var rng = new Random(seed + 1);
        var columns = new List<KeyValuePair<string, string[]>>
        {
            new("firm", Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()),
            new("cluster", Enumerable.Range(0, n).Select(_ => Pick(rng, Clusters, [0.35, 0.25, 0.20, 0.20])).ToArray()),
            new("size", Enumerable.Range(0, n).Select(_ => Pick(rng, SizeBands, [0.45, 0.38, 0.17])).ToArray()),
            new("age", Enumerable.Range(0, n).Select(_ => Math.Round(Math.Exp(2.5 + 0.55 * PopulationModelNormal(rng))).ToString(CultureInfo.InvariantCulture)).ToArray()),
            new("ownership", Enumerable.Range(0, n).Select(_ => Pick(rng, Ownership, [0.30, 0.55, 0.15])).ToArray()),
        };
        foreach (var item in Design.Items)
            columns.Add(new(item, Enumerable.Range(0, n).Select(i => Cell(responses[item][i])).ToArray()));

        var csv = new StringWriter(CultureInfo.InvariantCulture);
        csv.WriteLine(string.Join(",", columns.Select(c => Quote(c.Key))));
        for (int i = 0; i < n; i++) csv.WriteLine(string.Join(",", columns.Select(c => Quote(c.Value[i]))));
        StudyFiles.WriteAtomically(path, csv.ToString());
        return DataSet.ReadCsv(path);
    }

    private static string Cell(double v) => double.IsNaN(v) ? "" : v.ToString(CultureInfo.InvariantCulture);

    private static string Pick(Random rng, string[] values, double[] probabilities)
    {
        double u = rng.NextDouble(), c = 0;
        for (int i = 0; i < values.Length; i++)
        {
            c += probabilities[i];
            if (u < c) return values[i];
        }
        return values[^1];
    }

    private static double PopulationModelNormal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
