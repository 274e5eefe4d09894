using SemLib.Reliability;
using Xunit.Abstractions;

namespace SemLib.Tests.Reliability;

/// <summary>
/// <see cref="ReliabilityStudy"/> with <see cref="ReliabilityStudyOptions.Ordinal"/>: ordinal alpha per scale against
/// psych, and categorical omega from SemLib's own WLSMV CFA against semTools::compRelSEM on lavaan's WLSMV CFA
/// (fixtures Reference/ordinal-reliability/{hs5,bfi}.json, make-ordinal-reliability-cases.R; the 1e-3 rule).
/// </summary>
public sealed class OrdinalStudyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("hs5")]
    [InlineData("bfi")]
    public void OrdinalStudyMatchesPsychAndSemTools(string name)
    {
        var c = OrdinalReliabilityReferenceTests.Case(name);
        var reversed = c.GetProperty("reversed").Strings();
        var scales = c.GetProperty("scales").EnumerateArray().Select(s =>
        {
            var items = s.GetProperty("items").Strings();
            return new ScaleDefinition(s.GetProperty("name").GetString()!, items, items.Where(reversed.Contains).ToArray());
        }).ToList();
        var study = ReliabilityStudy.Run(OrdinalReliabilityReferenceTests.DataOf(c), scales, new ReliabilityStudyOptions { Ordinal = true });
        Assert.True(study.Cfa!.Converged);
        Assert.Equal(SemLib.Estimation.Estimator.WLSMV, study.Cfa.Estimator);
        var agree = new Agreement();
        var alphas = c.GetProperty("ordinal_alpha").EnumerateArray().ToList();
        Assert.Equal(scales.Count, study.OrdinalAlpha.Count);
        for (int s = 0; s < scales.Count; s++)
            agree.Near(alphas[s].GetProperty("alpha").GetDouble(), study.OrdinalAlpha[s].Alpha, $"{name} {scales[s].Name} ordinal alpha");
        foreach (var f in c.GetProperty("categorical_omega").EnumerateArray())
        {
            string factor = f.GetProperty("factor").GetString()!;
            agree.Near(f.GetProperty("omega").GetDouble(), study.CategoricalOmega[factor], $"{name} {factor} categorical omega");
            agree.Near(f.GetProperty("omega_latent_scale").GetDouble(), study.Omega[factor], $"{name} {factor} omega (ord.scale = FALSE)");
            var std = f.GetProperty("std_loadings").Doubles();
            var ours = study.StandardizedLoadings.Single(l => l.Factor == factor).Loadings;
            for (int i = 0; i < std.Length; i++) agree.Near(std[i], ours[i], $"{name} {factor} std loading {i + 1}");
        }
        output.WriteLine(agree.ToString());
    }

    [Fact]
    public void WithoutTheOptionNothingOrdinalIsComputed()
    {
        var c = OrdinalReliabilityReferenceTests.Case("hs5");
        var study = ReliabilityStudy.Run(OrdinalReliabilityReferenceTests.DataOf(c), [new ScaleDefinition("visual", ["x1", "x2", "x3"])]);
        Assert.Empty(study.OrdinalAlpha);
        Assert.Empty(study.CategoricalOmega);
        Assert.Equal(SemLib.Estimation.Estimator.ML, study.Cfa!.Estimator);
    }
}
