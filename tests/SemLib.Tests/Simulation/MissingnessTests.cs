using SemLib.Data;
using SemLib.Simulation;
using Xunit;

namespace SemLib.Tests.Simulation;

public class MissingnessTests
{
    /// <summary>Standard-normal columns d, a, b, c from a fixed seed (the values only need to vary).</summary>
    private static DataSet Data(int n)
    {
        var rng = new Random(7);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var cols = new[] { "d", "a", "b", "c" }.Select(name => new KeyValuePair<string, double[]>(name,
            Enumerable.Range(0, n).Select(_ => Normal()).ToArray())).ToList();
        return DataSet.FromColumns(cols);
    }

    private static double MissingShare(DataSet data, IEnumerable<int> rows, params string[] columns) =>
        rows.SelectMany(i => columns.Select(c => double.IsNaN(data[c][i]) ? 1.0 : 0.0)).Average();

    [Fact]
    public void CompletelyAtRandomDeletesAboutTheProportionAndIsDeterministic()
    {
        var data = Data(4000);
        var a = Missingness.CompletelyAtRandom(data, 0.10, seed: 3, columns: ["a", "b", "c"]);
        var b = Missingness.CompletelyAtRandom(data, 0.10, seed: 3, columns: ["a", "b", "c"]);
        // 12 000 Bernoulli(0.1) cells: SD of the share 0.0027, so ±0.012 is > 4 SD.
        Assert.InRange(MissingShare(a, Enumerable.Range(0, 4000), "a", "b", "c"), 0.088, 0.112);
        Assert.Equal(0, a["d"].MissingCount);
        foreach (var name in new[] { "a", "b", "c" })
            Assert.Equal(a[name].Values.ToArray(), b[name].Values.ToArray());
    }

    [Fact]
    public void AtRandomDependsOnTheDriverAndKeepsTheOverallProportion()
    {
        var data = Data(4000);
        var m = Missingness.AtRandom(data, 0.05, seed: 11, columns: ["a", "b", "c"], drivers: ["d"]);
        Assert.Equal(0, m["d"].MissingCount);
        var all = Enumerable.Range(0, 4000).ToList();
        Assert.InRange(MissingShare(m, all, "a", "b", "c"), 0.04, 0.06);
        // The chance rises linearly in the driver's rank: about 2.5 % in the lower half, 7.5 % in the upper one.
        var low = all.Where(i => data["d"][i] < 0).ToList();
        var high = all.Where(i => data["d"][i] >= 0).ToList();
        Assert.True(MissingShare(m, high, "a", "b", "c") > 2 * MissingShare(m, low, "a", "b", "c"));
    }

    [Fact]
    public void NoRowLosesEverySelectedValue()
    {
        var data = Data(300);
        var m = Missingness.CompletelyAtRandom(data, 0.9, seed: 5, columns: ["a", "b"]);
        for (int i = 0; i < 300; i++) Assert.False(double.IsNaN(m["a"][i]) && double.IsNaN(m["b"][i]), $"row {i + 1} lost both values");
    }

    [Fact]
    public void BadArgumentsSayWhatIsWrong()
    {
        var data = Data(20);
        Assert.Contains("'zz'", Assert.Throws<DataException>(() => Missingness.CompletelyAtRandom(data, 0.1, 1, ["zz"])).Message);
        Assert.Contains("driver", Assert.Throws<ArgumentException>(() => Missingness.AtRandom(data, 0.1, 1, ["a", "d"], ["d"])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Missingness.AtRandom(data, 0.6, 1, ["a"], ["d"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Missingness.CompletelyAtRandom(data, 1.0, 1));
    }
}
