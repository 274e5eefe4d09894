using System.Text.Json;
using SemLib.Reliability;
using Xunit.Abstractions;

namespace SemLib.Tests.Reliability;

public sealed class AdequacyAndHtmtReferenceTests(ITestOutputHelper output)
{
    private static readonly string[] HsItems = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

    /// <summary>
    /// The default from raw data with missing values is psych's: pairwise-complete correlations, Bartlett's n = the rows.
    /// Expected values: kmo-pairwise.json, psych::KMO(bfi[items]) and psych::cortest.bartlett(bfi[items]) (psych 2.2.9,
    /// scripts/make-kmo-pairwise-case.R).
    /// </summary>
    [Fact]
    public void KmoAndBartlettOnIncompleteDataAreComputedAsPsychDoes()
    {
        var refs = Reference.Json("kmo-pairwise.json");
        var items = refs.GetProperty("items").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var data = Reference.Data("bfi.csv");
        var agree = new Agreement();
        var kmo = SamplingAdequacy.Kmo(data, items);
        agree.Near(refs.GetProperty("kmo").GetProperty("overall").GetDouble(), kmo.Overall, "KMO overall");
        foreach (var p in refs.GetProperty("kmo").GetProperty("items").EnumerateObject())
            agree.Near(p.Value.GetDouble(), kmo.Msa(p.Name), $"MSA {p.Name}");
        var b = SamplingAdequacy.Bartlett(data, items);
        agree.Near(refs.GetProperty("bartlett").GetProperty("chisq").GetDouble(), b.ChiSquare, "Bartlett chisq");
        Assert.Equal(refs.GetProperty("bartlett").GetProperty("df").GetInt32(), b.DegreesOfFreedom);
        Assert.Equal(refs.GetProperty("rows").GetInt32(), b.N);
        output.WriteLine(agree.ToString());
    }

    [Theory]
    [InlineData("hs.json", "hs.csv", "")]
    [InlineData("reliability-extra.json", "bfi.csv", "bfi")]
    public void KmoAndBartlettMatchPsych(string json, string csv, string section)
    {
        // Expected values: hs.json (psych 2.2.9 KMO / cortest.bartlett on the complete rows) and
        // reliability-extra.json bfi.kmo / bfi.bartlett: psych::KMO(cor(complete_rows)),
        // psych::cortest.bartlett(cor(complete_rows), n = complete_rows).
        var root = Reference.Json(json);
        var refs = section.Length == 0 ? root : root.GetProperty(section);
        var data = Reference.Data(csv);
        var kmoRef = refs.GetProperty("kmo");
        var items = kmoRef.GetProperty("items").EnumerateObject().Select(p => p.Name).ToArray();
        var agree = new Agreement();

        var kmo = SamplingAdequacy.Kmo(data, items, CorrelationMissingData.Listwise);
        Assert.Equal(refs.GetProperty("complete_rows").GetInt32(), kmo.N);
        agree.Near(kmoRef.GetProperty("overall").GetDouble(), kmo.Overall, "KMO overall");
        foreach (var p in kmoRef.GetProperty("items").EnumerateObject())
            agree.Near(p.Value.GetDouble(), kmo.Msa(p.Name), $"MSA {p.Name}");

        var bRef = refs.GetProperty("bartlett");
        var b = SamplingAdequacy.Bartlett(data, items, CorrelationMissingData.Listwise);
        agree.Near(bRef.GetProperty("chisq").GetDouble(), b.ChiSquare, "Bartlett chisq");
        Assert.Equal(bRef.GetProperty("df").GetInt32(), b.DegreesOfFreedom);
        agree.Near(bRef.GetProperty("pvalue").GetDouble(), b.PValue, "Bartlett p");
        Assert.Equal(refs.GetProperty("complete_rows").GetInt32(), b.N);
        output.WriteLine(agree.ToString());
    }

    [Fact]
    public void BartlettPValueIsAnUpperTailNotOneMinusCdf()
    {
        // hs.json: psych reports p = 1.91207887406147e-166; the upper tail must keep that magnitude.
        var b = SamplingAdequacy.Bartlett(Reference.Data("hs.csv"), HsItems);
        var expected = Reference.Json("hs.json").GetProperty("bartlett").GetProperty("pvalue").GetDouble();
        Assert.InRange(b.PValue / expected, 0.999, 1.001);
    }

    [Fact]
    public void HtmtMatchesSemToolsOnHolzingerSwineford()
    {
        // Expected values: hs.json htmt (semTools::htmt 0.5.6 defaults: htmt2 = TRUE, absolute = TRUE).
        var json = Reference.Json("hs.json");
        var constructs = json.GetProperty("scales").EnumerateObject()
            .Select(s => new ScaleDefinition(s.Name, s.Value.GetProperty("items").Strings())).ToList();
        var h = Htmt.Compute(Reference.Data("hs.csv"), constructs);
        output.WriteLine(CheckMatrix(json.GetProperty("htmt"), h).ToString());
    }

    [Fact]
    public void HtmtMatchesSemToolsOnBfiWithMissingValuesAndNegativeCorrelations()
    {
        // Expected values: reliability-extra.json bfi.htmt: semTools::htmt(model, data = bfi) (listwise, |r|, HTMT2).
        var href = Reference.Json("reliability-extra.json").GetProperty("bfi").GetProperty("htmt");
        var constructs = href.GetProperty("model").GetString()!.Split('\n').Select(line =>
        {
            var parts = line.Split("=~");
            return new ScaleDefinition(parts[0].Trim(), parts[1].Split('+').Select(s => s.Trim()).ToArray());
        }).ToList();
        var h = Htmt.Compute(Reference.Data("bfi.csv"), constructs);
        Assert.Equal(2563, h.N); // complete rows over all 15 items (reliability-extra.json bfi.complete_rows)
        output.WriteLine(CheckMatrix(href, h).ToString());
    }

    [Fact]
    public void ArithmeticHtmtIsTheOriginalRatio()
    {
        // Henseler et al. (2015) HTMT with arithmetic means, checked by hand on a 4-item correlation matrix:
        // heterotrait mean (.3 + .2 + .4 + .1)/4 = .25; monotrait .5 and .8; HTMT = .25/√(.5·.8) = .395284707521.
        var r = new LabeledMatrix(["a1", "a2", "b1", "b2"], new double[,]
        {
            { 1, .5, .3, .2 }, { .5, 1, .4, .1 }, { .3, .4, 1, .8 }, { .2, .1, .8, 1 },
        });
        var h = Htmt.Compute(r, [new ScaleDefinition("A", ["a1", "a2"]), new ScaleDefinition("B", ["b1", "b2"])], HtmtMean.Arithmetic);
        Assert.Equal(0.25 / Math.Sqrt(0.4), h.Ratio("A", "B"), 12);
        // Geometric: (.3·.2·.4·.1)^(1/4) / √(.5·.8)
        var g = Htmt.Compute(r, [new ScaleDefinition("A", ["a1", "a2"]), new ScaleDefinition("B", ["b1", "b2"])]);
        Assert.Equal(Math.Pow(.3 * .2 * .4 * .1, 0.25) / Math.Sqrt(0.4), g.Ratio("B", "A"), 12);
    }

    private static Agreement CheckMatrix(JsonElement refs, HtmtResult h)
    {
        var names = refs.GetProperty("names").Strings();
        var m = refs.GetProperty("matrix").Matrix();
        var agree = new Agreement();
        for (int i = 0; i < names.Length; i++)
            for (int j = 0; j < names.Length; j++)
                agree.Near(m[i, j], h.Ratio(names[i], names[j]), $"HTMT {names[i]}-{names[j]}");
        return agree;
    }
}
