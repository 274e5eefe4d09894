using SemLib.Data;
using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

/// <summary>Input that cannot be analysed throws <see cref="ReliabilityException"/> with a message naming the scale or item.</summary>
public sealed class BadInputTests
{
    private static DataSet Data(params (string Name, double[] Values)[] cols) =>
        DataSet.FromColumns(cols.Select(c => new KeyValuePair<string, double[]>(c.Name, c.Values)));

    private static readonly double[] A = [1, 2, 3, 4, 5, 2, 3];
    private static readonly double[] B = [2, 2, 3, 5, 4, 1, 3];
    private static readonly double[] C = [1, 3, 3, 4, 5, 2, 2];

    [Fact]
    public void ScaleWithOneItem()
    {
        var ex = Assert.Throws<ReliabilityException>(() => ItemAnalysis.Analyze(Data(("a", A), ("b", B)), new ScaleDefinition("grit", ["a"])));
        Assert.Contains("grit", ex.Message);
        Assert.Contains("at least 2", ex.Message);
    }

    [Fact]
    public void ItemNotInTheData()
    {
        var ex = Assert.Throws<ReliabilityException>(() => ItemAnalysis.Analyze(Data(("a", A), ("b", B)), new ScaleDefinition("grit", ["a", "b", "zz9"])));
        Assert.Contains("grit", ex.Message);
        Assert.Contains("'zz9'", ex.Message);
    }

    [Fact]
    public void ConstantItem()
    {
        var ex = Assert.Throws<ReliabilityException>(() => ItemAnalysis.Analyze(Data(("a", A), ("b", B), ("flat", [3, 3, double.NaN, 3, 3, 3, 3])), new ScaleDefinition("grit", ["a", "b", "flat"])));
        Assert.Contains("grit", ex.Message);
        Assert.Contains("'flat' is constant", ex.Message);
    }

    [Fact]
    public void ItemWithNoObservedValues()
    {
        var nan = Enumerable.Repeat(double.NaN, 7).ToArray();
        var ex = Assert.Throws<ReliabilityException>(() => ItemAnalysis.Analyze(Data(("a", A), ("b", B), ("empty", nan)), new ScaleDefinition("grit", ["a", "b", "empty"])));
        Assert.Contains("grit", ex.Message);
        Assert.Contains("'empty' has no observed values", ex.Message);
    }

    [Fact]
    public void NonNumericItem()
    {
        var data = DataSet.ReadCsv(new StringReader("a,b,c\n1,2,x\n2,3,4\n3,1,2\n"), "survey.csv");
        var ex = Assert.Throws<ReliabilityException>(() => ItemAnalysis.Analyze(data, new ScaleDefinition("grit", ["a", "b", "c"])));
        Assert.Contains("grit", ex.Message);
        Assert.Contains("'c' is not numeric", ex.Message);
    }

    [Fact]
    public void ReverseKeyedItemOutsideTheScale()
    {
        var ex = Assert.Throws<ReliabilityException>(() => ItemAnalysis.Analyze(Data(("a", A), ("b", B), ("c", C)), new ScaleDefinition("grit", ["a", "b"], ["c"])));
        Assert.Contains("grit", ex.Message);
        Assert.Contains("'c'", ex.Message);
    }

    [Fact]
    public void ItemsNeverObservedTogether()
    {
        double n = double.NaN;
        var ex = Assert.Throws<ReliabilityException>(() => ItemAnalysis.Analyze(
            Data(("a", [1, 2, 3, 4, n, n, n]), ("b", [n, n, n, n, 1, 2, 3]), ("c", C)), new ScaleDefinition("grit", ["a", "b", "c"])));
        Assert.Contains("grit", ex.Message);
        Assert.Contains("'a' and 'b'", ex.Message);
    }

    [Fact]
    public void SingularCorrelationMatrixForKmo()
    {
        var sum = A.Zip(B, (x, y) => x + y).ToArray();
        var ex = Assert.Throws<ReliabilityException>(() => SamplingAdequacy.Kmo(Data(("a", A), ("b", B), ("c", C), ("ab", sum)), ["a", "b", "c", "ab"]));
        Assert.Contains("KMO", ex.Message);
        Assert.Contains("singular", ex.Message);
        Assert.Contains("a, b, ab", ex.Message);
    }

    [Fact]
    public void SingularCorrelationMatrixForEfa()
    {
        var data = Reference.Data("hs.csv");
        var cols = new[] { "x1", "x2", "x3", "x4", "x5", "x6" }.Select(n => new KeyValuePair<string, double[]>(n, data[n].Values.ToArray())).ToList();
        cols.Add(new("x12", data["x1"].Values.ToArray().Zip(data["x2"].Values.ToArray(), (x, y) => x - 2 * y).ToArray()));
        var ex = Assert.Throws<ReliabilityException>(() => ExploratoryFactorAnalysis.Fit(DataSet.FromColumns(cols), cols.Select(c => c.Key).ToArray(), 2));
        Assert.Contains("factor analysis", ex.Message);
        Assert.Contains("x1, x2", ex.Message);
        Assert.Contains("x12", ex.Message);
    }

    [Fact]
    public void MoreFactorsThanTheItemsIdentify()
    {
        // 6 items, 4 factors: ((6 − 4)² − (6 + 4))/2 = −3 degrees of freedom.
        var ex = Assert.Throws<ReliabilityException>(() => ExploratoryFactorAnalysis.Fit(Reference.Data("hs.csv"), ["x1", "x2", "x3", "x4", "x5", "x6"], 4));
        Assert.Contains("4 factors cannot be identified from 6 items", ex.Message);
        Assert.Contains("x1, x2, x3, x4, x5, x6", ex.Message);
    }

    [Fact]
    public void HtmtConstructWithOneItem()
    {
        var ex = Assert.Throws<ReliabilityException>(() => Htmt.Compute(Reference.Data("hs.csv"),
            [new ScaleDefinition("visual", ["x1", "x2", "x3"]), new ScaleDefinition("speed", ["x7"])]));
        Assert.Contains("'speed'", ex.Message);
    }

    [Fact]
    public void HtmtItemNotInTheData()
    {
        var ex = Assert.Throws<ReliabilityException>(() => Htmt.Compute(Reference.Data("hs.csv"),
            [new ScaleDefinition("visual", ["x1", "x2", "x3"]), new ScaleDefinition("speed", ["x7", "x99"])]));
        Assert.Contains("'speed'", ex.Message);
        Assert.Contains("'x99'", ex.Message);
    }

    [Fact]
    public void LoadingsThatDoNotMatchTheItems()
    {
        var ex = Assert.Throws<ReliabilityException>(() => new FactorLoadings("visual", ["x1", "x2", "x3"], [0.7, 0.6]));
        Assert.Contains("'visual'", ex.Message);
        var one = Assert.Throws<ReliabilityException>(() => new FactorLoadings("visual", ["x1"], [0.7]));
        Assert.Contains("'visual'", one.Message);
        var s = new LabeledMatrix(["x1", "x2"], new double[,] { { 1, 0.3 }, { 0.3, 1 } });
        var missing = Assert.Throws<ReliabilityException>(() => new FactorMeasurement(new FactorLoadings("visual", ["x1", "x3"], [1, 0.5]), 0.8, s));
        Assert.Contains("'x3'", missing.Message);
    }

    [Fact]
    public void FornellLarckerFactorMissingFromTheCorrelations()
    {
        var r = new LabeledMatrix(["a", "b"], new double[,] { { 1, 0.3 }, { 0.3, 1 } });
        var ex = Assert.Throws<ReliabilityException>(() => ConstructReliability.FornellLarcker(new Dictionary<string, double> { ["a"] = .5, ["c"] = .6 }, r));
        Assert.Contains("'c'", ex.Message);
    }

    [Fact]
    public void NegativeAverageCovarianceIsAWarningNotAnException()
    {
        // Two items that move in opposite directions and one unrelated: alpha < 0 is data (psych warns too).
        double[] up = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
        double[] down = [5, 4, 3, 2, 1, 5, 4, 3, 2, 1.5];
        double[] other = [2, 4, 1, 5, 3, 3, 5, 1, 4, 2];
        var r = ItemAnalysis.Analyze(Data(("up", up), ("down", down), ("other", other)), new ScaleDefinition("mixed", ["up", "down", "other"]));
        Assert.True(r.Alpha < 0);
        Assert.Contains(r.Warnings, w => w.Contains("mixed") && w.Contains("average covariance among the items is negative"));
        Assert.Contains(r.Warnings, w => w.Contains("probably should be reversed") && (w.Contains("down") || w.Contains("up")));
    }
}
