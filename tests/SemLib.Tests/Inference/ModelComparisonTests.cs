using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

public sealed class ModelComparisonTests
{
    /// <summary>Expected: R 4.2.2, lavaan 0.6.14, <c>lavTestLRT(f1, f2, f3)</c> for the HS CFA (f1), orthogonal (f2)
    /// and with x7 ~~ x8 (f3).</summary>
    [Fact]
    public void Matches_lavTestLRT()
    {
        var hs = TestData.HolzingerSwineford();
        const string three = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n";
        var f1 = Sem.Fit(three, hs);
        var f2 = Sem.Fit(three, hs, SemLib.Specification.ModelOptions.Default with { Orthogonal = true });
        var f3 = Sem.Fit(three + "x7 ~~ x8\n", hs);
        var rows = ModelComparison.ChiSquareDifference([f1, f2, f3], ["f1", "f2", "f3"]);
        Assert.Equal(["f3", "f1", "f2"], rows.Select(r => r.Name));
        var agree = new Agreement("lavTestLRT");
        double?[][] expected =
        [
            [23, 7487.45656784, 7569.01299366, 53.2722363542, null, null, null, null],
            [24, 7517.48985325, 7595.33916881, 85.30552177, 32.0332854158, 0.321092846384, 1, 1.51553456159e-08],
            [27, 7579.71142943, 7646.43941419, 153.527097943, 68.2215761732, 0.268752040191, 3, 1.02566475608e-14],
        ];
        for (int i = 0; i < 3; i++)
        {
            var r = rows[i];
            var e = expected[i];
            agree.Check($"{r.Name} df", r.Df, e[0]);
            agree.Check($"{r.Name} aic", r.Aic, e[1]);
            agree.Check($"{r.Name} bic", r.Bic, e[2]);
            agree.Check($"{r.Name} chisq", r.ChiSquare, e[3]);
            agree.Check($"{r.Name} chisq diff", r.ChiSquareDifference, e[4]);
            agree.Check($"{r.Name} rmsea", r.RmseaDifference, e[5]);
            agree.Check($"{r.Name} df diff", r.DfDifference, e[6]);
            agree.Check($"{r.Name} p", r.PValue, e[7]);
        }
        agree.Assert();
    }

    [Fact]
    public void Different_data_are_refused()
    {
        var hs = TestData.HolzingerSwineford();
        var a = Sem.Fit("visual =~ x1 + x2 + x3", hs);
        var b = Sem.Fit("visual =~ x1 + x2 + x3", hs.SelectRows(Enumerable.Range(0, 200).ToList()));
        Assert.Throws<SemLibException>(() => ModelComparison.ChiSquareDifference([a, b]));
    }

    /// <summary>
    /// Issue 8: models of different observed variables gave Δχ² = 0 without a word. They are fitted to different data,
    /// so they are not nested (lavaan's lavTestLRT requires the same data): an error naming the variables.
    /// </summary>
    [Fact]
    public void Models_of_different_variables_are_refused_naming_them()
    {
        var hs = TestData.HolzingerSwineford();
        var a = Sem.Fit("visual =~ x1 + x2 + x3\n", hs);
        var b = Sem.Fit("visual =~ x1 + x2 + x4\n", hs);
        var e = Assert.Throws<SemLibException>(() => ModelComparison.ChiSquareDifference([a, b], ["a", "b"]));
        Assert.Contains("a has x3, which b does not", e.Message, StringComparison.Ordinal);
        Assert.Contains("b has x4, which a does not", e.Message, StringComparison.Ordinal);
        Assert.Contains("not nested", e.Message, StringComparison.Ordinal);
    }
}
