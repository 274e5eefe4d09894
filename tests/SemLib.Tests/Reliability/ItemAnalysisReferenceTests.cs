using System.Text.Json;
using SemLib.Reliability;
using Xunit.Abstractions;

namespace SemLib.Tests.Reliability;

public sealed class ItemAnalysisReferenceTests(ITestOutputHelper output)
{
    [Fact]
    public void HolzingerSwinefordScalesMatchPsychAlpha()
    {
        // Expected values: hs.json, reference "psych 2.2.9, semTools 0.5.6, lavaan 0.6.14" (psych::alpha per scale).
        var json = Reference.Json("hs.json");
        var data = Reference.Data("hs.csv");
        var agree = new Agreement();
        foreach (var scaleJson in json.GetProperty("scales").EnumerateObject())
        {
            var s = scaleJson.Value;
            var result = ItemAnalysis.Analyze(data, new ScaleDefinition(scaleJson.Name, s.GetProperty("items").Strings()));
            string p = scaleJson.Name;
            CheckTotals(s, result, agree);
            foreach (var item in s.GetProperty("items_stats").EnumerateArray())
            {
                var st = result.Item(item.GetProperty("item").GetString()!);
                agree.Near(item.GetProperty("r_drop").GetDouble(), st.CorrectedItemTotalCorrelation, $"{p} {st.Item} r.drop");
                agree.Near(item.GetProperty("r_cor").GetDouble(), st.OverlapCorrectedItemTotalCorrelation, $"{p} {st.Item} r.cor");
                agree.Near(item.GetProperty("alpha_if_deleted").GetDouble(), st.AlphaIfDeleted, $"{p} {st.Item} alpha if deleted");
            }
            Assert.Empty(result.Warnings);
        }
        output.WriteLine(agree.ToString());
    }

    [Theory]
    [InlineData("agreeableness")]
    [InlineData("conscientiousness")]
    [InlineData("extraversion")]
    public void BfiScalesWithReverseKeysAndMissingValuesMatchPsychAlpha(string scale)
    {
        // Expected values: reliability-extra.json (bfi.scales.*), computed with psych 2.2.9:
        // psych::alpha(bfi[items], keys = <reverse-keyed items>), skew/kurtosis with psych::skew/kurtosi (type 3).
        var s = Reference.Json("reliability-extra.json").GetProperty("bfi").GetProperty("scales").GetProperty(scale);
        var result = ItemAnalysis.Analyze(Reference.Data("bfi.csv"),
            new ScaleDefinition(scale, s.GetProperty("items").Strings(), s.GetProperty("keys").Strings()));
        var agree = CheckScale(s, result);
        Assert.Empty(result.Warnings);
        output.WriteLine(agree.ToString());
    }

    [Fact]
    public void ReverseKeyedItemUsesTheScaleRangeAsPsychDoes()
    {
        // Expected values: reliability-extra.json (bfi_restricted.scale): psych::alpha(x, keys = 'A1') on 200 bfi rows
        // where A1 never takes the value 1; psych rescores with min + max over all items (7 − x), not A1's own 2..6.
        var s = Reference.Json("reliability-extra.json").GetProperty("bfi_restricted").GetProperty("scale");
        var def = new ScaleDefinition("agreeableness", s.GetProperty("items").Strings(), ["A1"]);
        var result = ItemAnalysis.Analyze(Reference.Data("bfi-restricted.csv"), def);
        output.WriteLine(CheckScale(s, result).ToString());

        // The other conventions: the item's own range (8 − x) or a given response range shift A1's mean only.
        var own = ItemAnalysis.Analyze(Reference.Data("bfi-restricted.csv"), def with { ReverseKeyRange = ReverseKeyRange.ItemObserved });
        Assert.Equal(result.Item("A1").Mean + 1, own.Item("A1").Mean, 10);
        Assert.Equal(result.Alpha, own.Alpha, 12);
        var given = ItemAnalysis.Analyze(Reference.Data("bfi-restricted.csv"), def with { ResponseMinimum = 1, ResponseMaximum = 6 });
        Assert.Equal(result.Item("A1").Mean, given.Item("A1").Mean, 10);
    }

    [Fact]
    public void UnkeyedAgreeablenessWarnsAboutA1LikePsych()
    {
        // Expected: reliability-extra.json (bfi.unkeyed_warning): psych::alpha(bfi[A1:A5]) without keys warns that
        // A1 (negative loading on psych::principal's first component) probably should be reversed; raw alpha as psych.
        var w = Reference.Json("reliability-extra.json").GetProperty("bfi").GetProperty("unkeyed_warning");
        var result = ItemAnalysis.Analyze(Reference.Data("bfi.csv"), new ScaleDefinition("agreeableness", w.GetProperty("items").Strings()));
        Assert.Equal(w.GetProperty("negative_items").Strings(), result.NegativelyCorrelatedItems);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("agreeableness", warning);
        Assert.Contains("A1", warning);
        Assert.Contains("reversed", warning);
        new Agreement().Near(w.GetProperty("alpha").GetDouble(), result.Alpha, "unkeyed alpha");
    }

    private static Agreement CheckScale(JsonElement s, ScaleReliability result)
    {
        var agree = new Agreement();
        string p = result.Scale;
        Assert.Equal(s.GetProperty("n_rows").GetInt32(), result.Rows);
        CheckTotals(s, result, agree);
        foreach (var item in s.GetProperty("items_stats").EnumerateArray())
        {
            var st = result.Item(item.GetProperty("item").GetString()!);
            string q = $"{p} {st.Item}";
            Assert.Equal(item.GetProperty("n").GetInt32(), st.N);
            agree.Near(item.GetProperty("mean").GetDouble(), st.Mean, $"{q} mean");
            agree.Near(item.GetProperty("sd").GetDouble(), st.StandardDeviation, $"{q} sd");
            agree.Near(item.GetProperty("skew").GetDouble(), st.Skewness, $"{q} skew");
            agree.Near(item.GetProperty("kurtosis").GetDouble(), st.Kurtosis, $"{q} kurtosis");
            agree.Near(item.GetProperty("raw_r").GetDouble(), st.ItemTotalCorrelation, $"{q} raw.r");
            agree.Near(item.GetProperty("std_r").GetDouble(), st.StandardizedItemTotalCorrelation, $"{q} std.r");
            agree.Near(item.GetProperty("r_cor").GetDouble(), st.OverlapCorrectedItemTotalCorrelation, $"{q} r.cor");
            agree.Near(item.GetProperty("r_drop").GetDouble(), st.CorrectedItemTotalCorrelation, $"{q} r.drop");
            agree.Near(item.GetProperty("alpha_if_deleted").GetDouble(), st.AlphaIfDeleted, $"{q} alpha if deleted");
            agree.Near(item.GetProperty("std_alpha_if_deleted").GetDouble(), st.StandardizedAlphaIfDeleted, $"{q} std alpha if deleted");
            agree.Near(item.GetProperty("g6_if_deleted").GetDouble(), st.LambdaSixIfDeleted, $"{q} G6 if deleted");
            agree.Near(item.GetProperty("average_r_if_deleted").GetDouble(), st.AverageCorrelationIfDeleted, $"{q} average r if deleted");
        }
        return agree;
    }

    /// <summary>The scale-level values every reference scale has (psych::alpha's total and Feldt interval).</summary>
    private static void CheckTotals(JsonElement s, ScaleReliability result, Agreement agree)
    {
        string p = result.Scale;
        agree.Near(s.GetProperty("alpha").GetDouble(), result.Alpha, $"{p} alpha");
        agree.Near(s.GetProperty("alpha_std").GetDouble(), result.StandardizedAlpha, $"{p} alpha_std");
        agree.Near(s.GetProperty("g6").GetDouble(), result.LambdaSix, $"{p} g6");
        agree.Near(s.GetProperty("average_r").GetDouble(), result.AverageCorrelation, $"{p} average_r");
        agree.Near(s.GetProperty("mean").GetDouble(), result.Mean, $"{p} mean");
        agree.Near(s.GetProperty("sd").GetDouble(), result.StandardDeviation, $"{p} sd");
        var ci = s.GetProperty("alpha_ci_feldt").Doubles();
        agree.Near(ci[0], result.FeldtInterval.Lower, $"{p} feldt lower");
        agree.Near(ci[1], result.FeldtInterval.Upper, $"{p} feldt upper");
    }
}
