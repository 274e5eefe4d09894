using System.Text.Json;
using Xunit.Abstractions;
using SemLib.Data;
using SemLib.Data.Ordinal;
using SemLib.Tests.Support;

namespace SemLib.Tests.Data.Ordinal;

/// <summary>
/// Thresholds, polychoric/polyserial correlations, wls.obs, Γ (NACOV) and the DWLS weights against lavaan 0.6.14
/// (tests/SemLib.Tests/Reference/ordinal-stats, written by Reference/scripts/make-ordinal-stats-cases.R; each case's
/// <c>reference</c> field; the cases ending in -pw and sparse6 by make-ordinal-pairwise-cases.R, the -pw ones with
/// lavaan's <c>missing = "pairwise"</c>), elementwise under the 1e-3 rule.
/// </summary>
public class OrdinalStatisticsReferenceTests(ITestOutputHelper output)
{
    internal static string Dir => Path.Combine(ReferenceCase.BaseDirectory, "ordinal-stats");

    internal static (JsonElement Case, IReadOnlyList<OrdinalSampleStatistics> Stats, List<string> Warnings) Run(string name, int threads = -1)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, name + ".json"))).RootElement;
        var data = DataSet.ReadCsv(Path.Combine(Dir, root.GetProperty("data").GetString()!));
        var vars = root.GetProperty("variables").EnumerateArray().Select(e => e.GetString()!).ToList();
        var ordered = root.GetProperty("ordered").ValueKind == JsonValueKind.Array
            ? root.GetProperty("ordered").EnumerateArray().Select(e => e.GetString()!).ToList()
            : [root.GetProperty("ordered").GetString()!];
        string group = root.GetProperty("group").GetString()!;
        var warnings = new List<string>();
        bool pairwise = root.TryGetProperty("missing", out var missing) && missing.GetString() == "pairwise";
        var stats = OrdinalStatistics.Compute(data, vars, ordered, group.Length == 0 ? null : group, warnings,
            maxDegreeOfParallelism: threads, pairwise: pairwise);
        return (root, stats, warnings);
    }

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    [Theory]
    [InlineData("hs5")]
    [InlineData("sparse")]
    [InlineData("binary")]
    [InlineData("mixed")]
    [InlineData("gaps")]
    [InlineData("twogroups")]
    [InlineData("bfi")]
    [InlineData("sparse6")]
    [InlineData("hs5-pw")]
    [InlineData("mixed-pw")]
    [InlineData("twogroups-pw")]
    [InlineData("sparse6-pw")]
    public void Agrees_with_lavaan(string name)
    {
        var (root, stats, _) = Run(name);
        var agree = new Agreement($"ordinal-stats/{name} ({root.GetProperty("reference").GetString()})");
        double worst = 0;
        string worstWhat = "";
        void Check(string what, double? actual, double expected)
        {
            agree.Check(what, actual, expected);
            double d = Math.Abs((actual ?? double.NaN) - expected) / Math.Max(1, Math.Abs(expected));
            if (!(d <= worst)) { worst = d; worstWhat = what; }
        }
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(groups.Count, stats.Count);
        for (int g = 0; g < groups.Count; g++)
        {
            var exp = groups[g];
            var mine = stats[g];
            string gl = $"group {g + 1}";
            Assert.Equal(exp.GetProperty("label").GetString(), mine.Label);
            Assert.Equal(exp.GetProperty("nobs").GetInt32(), mine.RowCount);
            Assert.Equal(exp.GetProperty("wls_names").EnumerateArray().Select(e => e.GetString()), mine.Names);

            for (int i = 0; i < mine.Variables.Length; i++)
                for (int j = 0; j < i; j++)
                    Assert.Equal($"{mine.Variables[j]}~~{mine.Variables[i]}", mine.Names[mine.PairIndex(i, j)]);
            var thNames = exp.GetProperty("th_names").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var th = Numbers(exp.GetProperty("th"));
            for (int k = 0; k < th.Length; k++)
            {
                int at = Array.IndexOf(mine.Names, thNames[k]);
                Check($"{gl} th {thNames[k]}", at < 0 ? null : mine.Observations[at], th[k]);
            }
            var mean = Numbers(exp.GetProperty("mean"));
            for (int i = 0; i < mean.Length; i++) Check($"{gl} mean {mine.Variables[i]}", mine.Means[i], mean[i]);
            var cov = exp.GetProperty("cov").EnumerateArray().Select(Numbers).ToArray();
            int p = mine.Variables.Length;
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) Check($"{gl} cov[{mine.Variables[i]},{mine.Variables[j]}]", mine.Covariance[i * p + j], cov[i][j]);
            var obs = Numbers(exp.GetProperty("wls_obs"));
            for (int k = 0; k < obs.Length; k++) Check($"{gl} wls.obs {mine.Names[k]}", mine.Observations[k], obs[k]);

            int m = mine.Count;
            var rows = exp.GetProperty("gamma_rows").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var gamma = exp.GetProperty("gamma").EnumerateArray().Select(Numbers).ToArray();
            for (int a = 0; a < rows.Length; a++)
                for (int b = 0; b < m; b++)
                    Check($"{gl} gamma[{mine.Names[rows[a]]},{mine.Names[b]}]", mine.Gamma![rows[a] * m + b], gamma[a][b]);
            var gd = Numbers(exp.GetProperty("gamma_diag"));
            for (int k = 0; k < m; k++) Check($"{gl} gamma diag {mine.Names[k]}", mine.Gamma![k * m + k], gd[k]);
            var wd = Numbers(exp.GetProperty("wls_v_diag"));
            for (int k = 0; k < m; k++) Check($"{gl} DWLS weight {mine.Names[k]}", mine.DwlsWeights![k], wd[k]);

            var zero = exp.GetProperty("zero_cell_tables").EnumerateArray()
                .Select(e => (e[0].GetString()!, e[1].GetString()!)).ToList();
            Assert.Equal(zero, mine.EmptyCellPairs);
        }
        output.WriteLine($"{name}: {agree.Count} values, largest scaled difference {worst:G3} ({worstWhat})");
        Assert.True(agree.Count > 20);
        agree.Assert();
    }
}
