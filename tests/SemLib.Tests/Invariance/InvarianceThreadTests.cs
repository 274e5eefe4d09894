using SemLib.Data;
using SemLib.MeasurementInvariance;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Invariance;

/// <summary>The steps are fitted independently: one thread or several give the same numbers, bit for bit.</summary>
public sealed class InvarianceThreadTests
{
    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "invariance", "hs-partial", "data.csv"));
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
        InvarianceResult Run(int threads) => SemLib.Invariance.Run(model, data,
            new InvarianceOptions { Model = new ModelOptions { Group = "school" }, MaxDegreeOfParallelism = threads });
        var one = Run(1);
        var four = Run(4);
        Assert.Equal(one.Steps.Count, four.Steps.Count);
        for (int i = 0; i < one.Steps.Count; i++)
        {
            Assert.Equal(one.Steps[i].ChiSquare, four.Steps[i].ChiSquare);
            Assert.Equal(one.Steps[i].DeltaChiSquare, four.Steps[i].DeltaChiSquare);
            Assert.Equal(one.Steps[i].Verdict, four.Steps[i].Verdict);
            Assert.Equal(one.Steps[i].ScoreTests.Select(t => t.ChiSquare), four.Steps[i].ScoreTests.Select(t => t.ChiSquare));
            Assert.Equal(one.Steps[i].Fit.Parameters.Select(p => p.Estimate), four.Steps[i].Fit.Parameters.Select(p => p.Estimate));
        }
        var p1 = SemLib.Invariance.PathDifferences(model + "\nspeed ~ visual + textual", data, new ModelOptions { Group = "school" }, 1);
        var p4 = SemLib.Invariance.PathDifferences(model + "\nspeed ~ visual + textual", data, new ModelOptions { Group = "school" }, 4);
        Assert.Equal(p1.Paths.Select(p => p.DeltaChiSquare), p4.Paths.Select(p => p.DeltaChiSquare));
    }
}
