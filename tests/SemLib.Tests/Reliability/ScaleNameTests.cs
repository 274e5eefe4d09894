using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

/// <summary>
/// Issue 8: scale names are names, not lavaan syntax. Any name works (the CFA is built, not parsed from generated
/// syntax) and the results carry it; a scale named like an item, or a lone two-item scale, is refused with a message
/// naming the scale, never one about generated syntax. Data: hs.csv (Reference/reliability).
/// </summary>
public sealed class ScaleNameTests
{
    private static readonly Lazy<SemLib.Data.DataSet> Hs = new(() => Reference.Data("hs.csv"));

    [Fact]
    public void Names_that_are_not_lavaan_identifiers_work()
    {
        string[] names = ["视觉 量表", "2nd scale", "a+b =~ c"];
        var odd = ReliabilityStudy.Run(Hs.Value,
            [new ScaleDefinition(names[0], ["x1", "x2", "x3"]), new ScaleDefinition(names[1], ["x4", "x5", "x6"]), new ScaleDefinition(names[2], ["x7", "x8", "x9"])]);
        var plain = ReliabilityStudy.Run(Hs.Value,
            [new ScaleDefinition("a", ["x1", "x2", "x3"]), new ScaleDefinition("b", ["x4", "x5", "x6"]), new ScaleDefinition("c", ["x7", "x8", "x9"])]);
        Assert.True(odd.Cfa!.Converged);
        string[] plainNames = ["a", "b", "c"];
        for (int k = 0; k < 3; k++)
        {
            // Renaming a factor changes nothing but its name.
            Assert.Equal(plain.CompositeReliability[plainNames[k]], odd.CompositeReliability[names[k]], 12);
            Assert.NotNull(odd.Cfa.Parameter(names[k], "=~", $"x{3 * k + 2}"));
        }
        Assert.Equal(names, odd.LatentCorrelations!.RowNames);
    }

    [Fact]
    public void A_scale_named_like_a_column_outside_the_scales_works()
    {
        // x9 is a column of hs.csv that no scale uses; the CFA's data are the items only.
        var r = ReliabilityStudy.Run(Hs.Value, [new ScaleDefinition("x9", ["x1", "x2", "x3"]), new ScaleDefinition("t", ["x4", "x5", "x6"])]);
        Assert.True(r.CompositeReliability["x9"] > 0);
    }

    [Fact]
    public void A_scale_named_like_an_item_is_refused_naming_it()
    {
        var e = Assert.Throws<ReliabilityException>(() => ReliabilityStudy.Run(Hs.Value,
            [new ScaleDefinition("v", ["x1", "x2", "x3"]), new ScaleDefinition("x2", ["x4", "x5", "x6"])]));
        Assert.Equal("The scale name 'x2' is also the name of an item (of scale 'v'); the CFA gives each scale a latent variable of its name, which cannot also be an item. Rename the scale.", e.Message);
    }

    [Fact]
    public void A_lone_two_item_scale_is_refused_naming_it_and_saying_why()
    {
        var e = Assert.Throws<ReliabilityException>(() => ReliabilityStudy.Run(Hs.Value, [new ScaleDefinition("grit", ["x1", "x2"])]));
        Assert.StartsWith("Scale 'grit' has two items and is the only scale", e.Message, StringComparison.Ordinal);
        Assert.Contains("df = -1", e.Message, StringComparison.Ordinal);
        // Without the CFA the scale is analysed: alpha needs two items only.
        var r = ReliabilityStudy.Run(Hs.Value, [new ScaleDefinition("grit", ["x1", "x2"])], new ReliabilityStudyOptions { Cfa = false });
        Assert.Single(r.Scales);
        // Next to another scale the two-item factor is identified (its covariance with the other factor): fitted.
        var two = ReliabilityStudy.Run(Hs.Value, [new ScaleDefinition("grit", ["x1", "x2"]), new ScaleDefinition("t", ["x4", "x5", "x6"])]);
        Assert.True(two.Cfa!.Converged);
        Assert.Contains("grit", two.CompositeReliability.Keys);
    }

    [Fact]
    public void Blank_and_repeated_names_are_refused()
    {
        Assert.Contains("has no name", Assert.Throws<ReliabilityException>(() => ReliabilityStudy.Run(Hs.Value,
            [new ScaleDefinition(" ", ["x1", "x2", "x3"])])).Message, StringComparison.Ordinal);
        Assert.Contains("belongs to more than one scale ('a' and 'b')", Assert.Throws<ReliabilityException>(() => ReliabilityStudy.Run(Hs.Value,
            [new ScaleDefinition("a", ["x1", "x2", "x3"]), new ScaleDefinition("b", ["x3", "x4", "x5"])])).Message, StringComparison.Ordinal);
    }
}
