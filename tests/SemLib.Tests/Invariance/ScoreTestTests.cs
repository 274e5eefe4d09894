using System.Text.Json;
using SemLib.Data;
using SemLib.MeasurementInvariance;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Invariance;

/// <summary>
/// The score tests over every equality of a model: group.equal labels, a user label shared by the groups and an
/// explicit <c>b == c</c>. Expected: Reference/invariance/score-explicit.json (lavaan 0.6.14 lavTestScore, make-invariance-cases.R).
/// </summary>
public sealed class ScoreTestTests
{
    [Fact]
    public void Every_constraint_and_the_total_agree_with_lavTestScore()
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "invariance", "score-explicit.json"))).RootElement;
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "invariance", "hs-partial", "data.csv"));
        var fit = Sem.Fit(root.GetProperty("model").GetString()!, data, new ModelOptions { Group = "school", GroupEqual = ["intercepts"] });
        var (uni, total) = ScoreTestCalculator.Compute(fit.Fitted, (_, _) => true);
        var expected = root.GetProperty("chisq").EnumerateArray().Select(x => x.GetDouble()).Order().ToList();
        var mine = uni.Select(u => u.ChiSquare).Order().ToList();
        Assert.Equal(expected.Count, mine.Count);
        var agree = new Agreement("score-explicit");
        for (int i = 0; i < expected.Count; i++) agree.Check($"univariate #{i + 1} (ascending)", mine[i], expected[i]);
        agree.Check("total", total, root.GetProperty("total").GetProperty("chisq").GetDouble());
        agree.Assert();
    }
}
