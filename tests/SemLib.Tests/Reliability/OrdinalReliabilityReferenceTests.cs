using System.Text.Json;
using Xunit.Abstractions;
using SemLib.Data;
using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

/// <summary>
/// Ordinal alpha against psych 2.2.9 (<c>psych::alpha(psych::polychoric(x)$rho)</c>) and categorical omega against
/// semTools 0.5.6 (<c>compRelSEM</c> on a lavaan 0.6.14 WLSMV CFA, fed the lavaan estimates recorded in the fixture).
/// Fixtures: Reference/ordinal-reliability/{hs5,bfi,unequal}.json from
/// Reference/scripts/make-ordinal-reliability-cases.R. Tolerance: the project's 1e-3 rule.
/// </summary>
public sealed class OrdinalReliabilityReferenceTests(ITestOutputHelper output)
{
    internal static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", "ordinal-reliability", file);

    internal static JsonElement Case(string name) => JsonDocument.Parse(File.ReadAllText(PathOf(name + ".json"))).RootElement;

    internal static DataSet DataOf(JsonElement c) => DataSet.ReadCsv(PathOf(c.GetProperty("data").GetString()!));

    /// <summary>A number of the fixture; jsonlite writes ±∞ as the strings "Inf" and "-Inf".</summary>
    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "Inf" => double.PositiveInfinity, "-Inf" => double.NegativeInfinity, var s => throw new FormatException(s) }
        : e.GetDouble();

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(Number).ToArray();

    private static double[,] Matrix(JsonElement e)
    {
        var rows = e.EnumerateArray().Select(Numbers).ToArray();
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) m[i, j] = rows[i][j];
        return m;
    }

    private static IReadOnlyList<ScaleDefinition> Scales(JsonElement c)
    {
        var reversed = c.GetProperty("reversed").Strings();
        return c.GetProperty("scales").EnumerateArray().Select(s =>
        {
            var items = s.GetProperty("items").Strings();
            return new ScaleDefinition(s.GetProperty("name").GetString()!, items, items.Where(reversed.Contains).ToArray());
        }).ToList();
    }

    [Theory]
    [InlineData("hs5")]
    [InlineData("bfi")]
    [InlineData("unequal")]
    public void OrdinalAlphaMatchesPsych(string name)
    {
        var c = Case(name);
        var data = DataOf(c);
        var agree = new Agreement();
        var expected = c.GetProperty("ordinal_alpha").EnumerateArray().ToList();
        var scales = Scales(c);
        for (int s = 0; s < scales.Count; s++)
        {
            var e = expected[s];
            var r = OrdinalReliability.Alpha(data, scales[s]);
            string scale = scales[s].Name;
            Assert.Equal(e.GetProperty("items").Strings(), r.Items);
            agree.Near(e.GetProperty("alpha").GetDouble(), r.Alpha, $"{name} {scale} ordinal alpha");
            agree.Near(e.GetProperty("average_r").GetDouble(), r.AverageCorrelation, $"{name} {scale} average r");
            var rho = Matrix(e.GetProperty("rho"));
            for (int i = 0; i < r.Items.Count; i++)
                for (int j = 0; j < i; j++) agree.Near(rho[i, j], r.Polychoric[i, j], $"{name} {scale} rho[{r.Items[i]},{r.Items[j]}]");
            var tau = Matrix(e.GetProperty("tau"));
            for (int i = 0; i < r.Items.Count; i++)
                for (int t = 0; t < tau.GetLength(1); t++)
                {
                    if (double.IsInfinity(tau[i, t])) Assert.Equal(tau[i, t], r.Thresholds[i][t]);
                    else agree.Near(tau[i, t], r.Thresholds[i][t], $"{name} {scale} tau[{r.Items[i]},{t + 1}]");
                }
            Assert.False(r.Smoothed);
        }
        output.WriteLine(agree.ToString());
    }

    /// <summary>psych's rule: in the "unequal" case x3 lacks the top category, so the visual scale uses local
    /// thresholds with the 0.5 correction (and says so); the textual scale's x4 lacks the lowest code only, so its
    /// thresholds stay global with −∞ first.</summary>
    [Fact]
    public void UnequalCategoriesSwitchToLocalThresholdsAsPsychDoes()
    {
        var c = Case("unequal");
        var scales = Scales(c);
        var visual = OrdinalReliability.Alpha(DataOf(c), scales[0]);
        var textual = OrdinalReliability.Alpha(DataOf(c), scales[1]);
        Assert.False(visual.GlobalThresholds);
        Assert.Contains(visual.Warnings, w => w.Contains("'visual'") && w.Contains("0.5"));
        Assert.True(textual.GlobalThresholds);
        Assert.Equal(double.NegativeInfinity, textual.Thresholds[0][0]);
        Assert.Empty(textual.Warnings);
    }

    [Theory]
    [InlineData("hs5")]
    [InlineData("bfi")]
    public void CategoricalOmegaMatchesSemTools(string name)
    {
        var agree = new Agreement();
        foreach (var f in Case(name).GetProperty("categorical_omega").EnumerateArray())
        {
            string factor = f.GetProperty("factor").GetString()!;
            var items = f.GetProperty("items").Strings();
            var loadings = new FactorLoadings(factor, items, f.GetProperty("loadings").Doubles());
            var thresholds = f.GetProperty("thresholds").EnumerateArray().Select(t => (IReadOnlyList<double>)t.Doubles()).ToList();
            double psi = f.GetProperty("factor_variance").GetDouble();
            var scales = f.GetProperty("scales").Doubles();
            var observed = new CategoricalMeasurement(loadings, psi, thresholds, new LabeledMatrix(items, Matrix(f.GetProperty("polychoric"))), scales);
            var implied = new CategoricalMeasurement(loadings, psi, thresholds, new LabeledMatrix(items, Matrix(f.GetProperty("implied"))), scales);
            agree.Near(f.GetProperty("omega").GetDouble(), OrdinalReliability.CategoricalOmega(observed), $"{name} {factor} omega (obs.var = TRUE)");
            agree.Near(f.GetProperty("omega_implied").GetDouble(), OrdinalReliability.CategoricalOmega(implied), $"{name} {factor} omega (obs.var = FALSE)");
        }
        output.WriteLine(agree.ToString());
    }

    /// <summary>On complete data in which every item uses every category, psych's polychoric (global thresholds) and
    /// lavaan's two-step estimator maximize the same likelihood with the same thresholds: the psych-style matrix
    /// must reproduce lavaan's sample polychoric matrix (lavInspect(fit, "sampstat")$cov in hs5.json) closely.</summary>
    [Fact]
    public void PsychPolychoricEqualsLavaansOnCompleteDataWithAllCategories()
    {
        var c = Case("hs5");
        var data = DataOf(c);
        var scales = Scales(c);
        foreach (var f in c.GetProperty("categorical_omega").EnumerateArray())
        {
            var scale = scales.Single(s => s.Name == f.GetProperty("factor").GetString());
            var lavaan = Matrix(f.GetProperty("polychoric"));
            var ours = OrdinalReliability.Alpha(data, scale).Polychoric;
            for (int i = 0; i < scale.Items.Count; i++)
                for (int j = 0; j < i; j++)
                    Assert.True(Math.Abs(lavaan[i, j] - ours[i, j]) < 1e-6, $"{scale.Name} {scale.Items[i]},{scale.Items[j]}: lavaan {lavaan[i, j]:R}, ours {ours[i, j]:R}");
        }
    }
}
