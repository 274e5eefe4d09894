using FsCheck;
using FsCheck.Fluent;
using SemLib.Data;
using SemLib.Data.Ordinal;

namespace SemLib.Tests.Data.Ordinal;

/// <summary>
/// Invariances of the ordinal statistics: the order of the rows, a monotone recoding of the categories and the number
/// of threads do not change them. Base data: the hs5 and mixed fixtures (Reference/ordinal-stats).
/// </summary>
public class OrdinalStatisticsPropertyTests
{
    private static DataSet Load(string file) => DataSet.ReadCsv(Path.Combine(OrdinalStatisticsReferenceTests.Dir, file));

    private static readonly string[] Hs = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

    private static OrdinalSampleStatistics Compute(DataSet data, string[] vars, string[] ordered, int threads = -1) =>
        OrdinalStatistics.Compute(data, vars, ordered, null, new List<string>(), maxDegreeOfParallelism: threads)[0];

    private static bool Same(OrdinalSampleStatistics a, OrdinalSampleStatistics b, double tol)
    {
        static bool Near(double x, double y, double tol) => Math.Abs(x - y) <= tol * Math.Max(1, Math.Abs(y));
        return a.Names.SequenceEqual(b.Names)
            && a.Observations.Zip(b.Observations).All(t => Near(t.First, t.Second, tol))
            && a.Gamma!.Zip(b.Gamma!).All(t => Near(t.First, t.Second, tol))
            && a.DwlsWeights!.Zip(b.DwlsWeights!).All(t => Near(t.First, t.Second, tol));
    }

    private static DataSet Permute(DataSet data, int seed)
    {
        var rows = Enumerable.Range(0, data.RowCount).ToArray();
        new Random(seed).Shuffle(rows);
        return data.SelectRows(rows);
    }

    [Fact]
    public void Permuting_the_rows_leaves_the_statistics_unchanged()
    {
        var hs5 = Load("hs5.csv");
        var baseline = Compute(hs5, Hs, Hs);
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), seed => Same(Compute(Permute(hs5, seed), Hs, Hs), baseline, 1e-9))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    [Fact]
    public void Permuting_the_rows_of_mixed_data_leaves_the_statistics_unchanged()
    {
        // x1, x2, x3 continuous (Pearson and polyserial pairs), x4..x9 ordered.
        var mixed = Load("mixed.csv");
        string[] vars = ["x1", "x4", "x2", "x5", "x3"], ordered = ["x4", "x5"];
        var baseline = Compute(mixed, vars, ordered);
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), seed => Same(Compute(Permute(mixed, seed), vars, ordered), baseline, 1e-8))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(15));
    }

    [Fact]
    public void A_monotone_recoding_of_the_categories_leaves_the_statistics_unchanged()
    {
        var hs5 = Load("hs5.csv");
        var baseline = Compute(hs5, Hs, Hs);
        // Per item an increasing map of the codes 1..5: a start in −10..10 and positive gaps 1..4 (e.g. 2, 4, 7, 8, 10).
        var gen = from starts in Gen.ArrayOf(Gen.Choose(-10, 10), Hs.Length)
                  from gaps in Gen.ArrayOf(Gen.Choose(1, 4), Hs.Length * 4)
                  select (starts, gaps);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var cols = Hs.Select((name, j) =>
            {
                var map = new double[6];
                map[1] = t.starts[j];
                for (int c = 2; c <= 5; c++) map[c] = map[c - 1] + t.gaps[j * 4 + c - 2];
                var values = hs5[name].Values.ToArray().Select(v => map[(int)v]).ToArray();
                return new KeyValuePair<string, double[]>(name, values);
            });
            var recoded = Compute(DataSet.FromColumns(cols), Hs, Hs);
            return Same(recoded, baseline, 1e-12) && recoded.Categories[0].Length == 5;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    [Fact]
    public void One_thread_and_two_give_identical_results()
    {
        var mixed = Load("mixed.csv");
        string[] vars = ["x1", "x4", "x2", "x5", "x6", "x3", "x7", "x8", "x9"], ordered = ["x4", "x5", "x6", "x7", "x8", "x9"];
        var one = Compute(mixed, vars, ordered, threads: 1);
        var two = Compute(mixed, vars, ordered, threads: 2);
        Assert.Equal(one.Observations, two.Observations);
        Assert.Equal(one.Gamma, two.Gamma);
        Assert.Equal(one.DwlsWeights, two.DwlsWeights);
    }
}
