using System.Text.Json;
using SemLib.Data;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// <see cref="SemFit.Residuals"/> against lavaan 0.6.14's <c>resid(fit, type = "raw")</c> and
/// <c>resid(fit, type = "standardized")</c> (Reference/residuals, written by Reference/scripts/make-residual-cases.R),
/// under |SemLib − lavaan| ≤ 1e-3·max(1, |lavaan|).
/// </summary>
public sealed class ResidualMatrixTests
{
    [Theory]
    [InlineData("hs-cfa")]
    [InlineData("hs-cfa-means")]
    [InlineData("hs-cfa-groups")]
    [InlineData("hs-fixed-x")] // fixed covariates: their moments drop out of the ACOV, their residuals are 0
    [InlineData("hs-cfa-observed")] // information = "observed": the observed h1 information replaces W
    [InlineData("hs-fixed-x-observed")]
    [InlineData("hs-cfa-gls")] // GLS: W at the sample S
    [InlineData("wheaton-cov")] // a covariance matrix as input (rescaled to divisor N)
    public void RawAndStandardizedResidualsMatchLavaan(string name)
    {
        var dir = Path.Combine(ReferenceCase.BaseDirectory, "residuals", name);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "case.json")));
        var root = doc.RootElement;
        var options = ModelOptions.Default;
        if (root.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Object)
        {
            if (o.TryGetProperty("meanstructure", out var ms)) options = options with { MeanStructure = ms.GetBoolean() };
            if (o.TryGetProperty("group", out var gr)) options = options with { Group = gr.GetString() };
            if (o.TryGetProperty("estimator", out var est)) options = options with { Estimator = Enum.Parse<SemLib.Estimation.Estimator>(est.GetString()!) };
            if (o.TryGetProperty("information", out var inf) && inf.GetString() == "observed")
                options = options with { Information = SemLib.Estimation.InformationType.Observed };
        }
        var fit = root.TryGetProperty("fit_case", out var fitCase)
            ? ReferenceCase.Load(fitCase.GetString()!).Fit()
            : Sem.Fit(root.GetProperty("model").GetString()!, DataSet.ReadCsv(Path.Combine(dir, "data.csv")), options);
        var variables = root.GetProperty("variables").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var agreement = new Agreement(name);
        foreach (var (type, key) in new[] { (ResidualType.Raw, "raw"), (ResidualType.Standardized, "standardized") })
        {
            var actual = fit.Residuals(type);
            var expected = root.GetProperty(key).EnumerateArray().ToArray();
            Assert.Equal(expected.Length, actual.Count);
            for (int g = 0; g < expected.Length; g++)
            {
                var res = actual[g];
                Assert.Equal(variables, res.Names);
                Assert.Equal(root.GetProperty("groups")[g].GetString(), res.GroupLabel);
                var cov = expected[g].GetProperty("cov").EnumerateArray().Select(r => r.EnumerateArray().Select(Value).ToArray()).ToArray();
                for (int i = 0; i < variables.Length; i++)
                    for (int j = 0; j <= i; j++)
                        agreement.Check($"{key} group {g + 1} [{variables[i]}, {variables[j]}]", Nullable(res[i, j]), cov[i][j]);
                if (expected[g].TryGetProperty("mean", out var mean))
                {
                    var m = mean.EnumerateArray().Select(Value).ToArray();
                    Assert.NotNull(res.Means);
                    for (int i = 0; i < m.Length; i++) agreement.Check($"{key} group {g + 1} mean {variables[i]}", Nullable(res.Means![i]), m[i]);
                }
                else Assert.Null(res.Means);
            }
        }
        agreement.Assert();
    }

    [Fact]
    public void StandardizedResidualsAreNotDefinedForUls()
    {
        var dir = Path.Combine(ReferenceCase.BaseDirectory, "residuals", "hs-cfa");
        var fit = Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", DataSet.ReadCsv(Path.Combine(dir, "data.csv")),
            ModelOptions.Default with { Estimator = SemLib.Estimation.Estimator.ULS });
        Assert.NotEmpty(fit.Residuals(ResidualType.Raw));
        var e = Assert.Throws<InvalidOperationException>(() => fit.Residuals(ResidualType.Standardized));
        Assert.Contains("not defined for ULS", e.Message);
    }

    private static double? Value(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
    private static double? Nullable(double v) => double.IsNaN(v) ? null : v;
}
