using SemLib.Data;
using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

/// <summary>Ordinal alpha and categorical omega refuse input they cannot use with a message naming the scale, factor or item.</summary>
public sealed class OrdinalBadInputTests
{
    private static DataSet Data(params (string Name, double[] Values)[] cols) =>
        DataSet.FromColumns(cols.Select(c => new KeyValuePair<string, double[]>(c.Name, c.Values)));

    private static readonly double[] A = [1, 2, 3, 4, 5, 2, 3, 1];
    private static readonly double[] B = [2, 2, 3, 5, 4, 1, 3, 1];

    [Fact]
    public void ItemWithASingleCategory()
    {
        var data = Data(("a", A), ("b", B), ("flat", [3, 3, double.NaN, 3, 3, 3, 3, 3]));
        var ex = Assert.Throws<ReliabilityException>(() => OrdinalReliability.Alpha(data, new ScaleDefinition("grit", ["a", "b", "flat"])));
        Assert.Contains("'grit'", ex.Message);
        Assert.Contains("'flat'", ex.Message);
        Assert.Contains("'flat' is constant (every observed value is 3)", ex.Message);
    }

    [Fact]
    public void NonIntegerCode()
    {
        var data = Data(("a", A), ("b", [2, 2, 3, 5, 4.5, 1, 3, 1]));
        var ex = Assert.Throws<ReliabilityException>(() => OrdinalReliability.Alpha(data, new ScaleDefinition("grit", ["a", "b"])));
        Assert.Contains("'grit'", ex.Message);
        Assert.Contains("'b' has the value 4.5 in row 5", ex.Message);
    }

    [Fact]
    public void MoreThanEightCategories()
    {
        var data = Data(("a", A), ("b", [2, 2, 3, 9, 4, 1, 3, 1]));
        var ex = Assert.Throws<ReliabilityException>(() => OrdinalReliability.Alpha(data, new ScaleDefinition("grit", ["a", "b"])));
        Assert.Contains("'grit'", ex.Message);
        Assert.Contains("9 categories", ex.Message);
    }

    [Fact]
    public void ItemsNeverObservedTogether()
    {
        double n = double.NaN;
        var data = Data(("a", [1, 2, 1, 2, n, n, n, n]), ("b", [n, n, n, n, 1, 2, 2, 1]), ("c", [1, 2, 2, 1, 2, 1, 2, 1]));
        var ex = Assert.Throws<ReliabilityException>(() => OrdinalReliability.Alpha(data, new ScaleDefinition("grit", ["a", "b", "c"])));
        Assert.Contains("'grit'", ex.Message);
        Assert.Contains("'b' and 'a' are never observed together", ex.Message);
    }

    private static readonly string[] Items = ["y1", "y2", "y3"];
    private static readonly LabeledMatrix R = new(Items, new double[,] { { 1, 0.3, 0.3 }, { 0.3, 1, 0.3 }, { 0.3, 0.3, 1 } });

    [Fact]
    public void ThresholdsThatDoNotIncrease()
    {
        var ex = Assert.Throws<ReliabilityException>(() => new CategoricalMeasurement(new FactorLoadings("f", Items, [0.5, 0.5, 0.5]), 1,
            [[-1.0, 0.5], [0.2, 0.1], [0.0]], R));
        Assert.Contains("'f'", ex.Message);
        Assert.Contains("'y2' are not increasing", ex.Message);
    }

    [Fact]
    public void ThresholdListsMissing()
    {
        var ex = Assert.Throws<ReliabilityException>(() => new CategoricalMeasurement(new FactorLoadings("f", Items, [0.5, 0.5, 0.5]), 1,
            [[-1.0, 0.5], [0.2]], R));
        Assert.Contains("2 threshold lists were given for 3 indicators", ex.Message);
    }

    [Fact]
    public void IndicatorMissingFromTheCorrelationMatrix()
    {
        var ex = Assert.Throws<ReliabilityException>(() => new CategoricalMeasurement(new FactorLoadings("f", ["y1", "y2", "zz"], [0.5, 0.5, 0.5]), 1,
            [[0.0], [0.0], [0.0]], R));
        Assert.Contains("'zz' is not in the latent-response correlation matrix", ex.Message);
    }

    /// <summary>λ²ψ &gt; 1: the indicator's common variance exceeds its latent-response variance (a Heywood case).</summary>
    [Fact]
    public void HeywoodCaseNamesTheIndicator()
    {
        var m = new CategoricalMeasurement(new FactorLoadings("f", Items, [0.5, 1.2, 0.5]), 1, [[0.0], [0.0], [0.0]], R);
        var ex = Assert.Throws<ReliabilityException>(() => OrdinalReliability.CategoricalOmega(m));
        Assert.Contains("'f'", ex.Message);
        Assert.Contains("'y2'", ex.Message);
        Assert.Contains("Heywood", ex.Message);
    }
}
