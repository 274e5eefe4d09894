using SemLib.Data;

namespace SemLib.Tests.Data;

/// <summary>
/// The moments of selected rows, which a bootstrap draw or a Monte Carlo replication computes into buffers it keeps:
/// the same numbers as the moments of the rows written out (the same sums in the same order), and no allocation.
/// </summary>
public sealed class GroupSampleMomentsTests
{
    private static double[][] Rows(int n, int p, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, p).Select(_ => 10 * rng.NextDouble() - 3).ToArray()).ToArray();
    }

    [Fact]
    public void Selected_rows_give_the_moments_of_those_rows_written_out()
    {
        const int p = 4;
        var rows = Rows(12, p, 5);
        int[] draw = [3, 3, 0, 11, 7, 7, 7, 2, 9, 1];
        var (expectedMean, expectedCov) = GroupSample.Moments(draw.Select(i => rows[i]).ToArray(), p);

        var mean = new double[p];
        var cov = new double[p * p];
        Array.Fill(mean, 99.0); // stale values from an earlier draw are cleared
        Array.Fill(cov, 99.0);
        GroupSample.Moments(rows, draw, mean, cov, new double[p]);
        Assert.Equal(expectedMean, mean);
        Assert.Equal(expectedCov, cov);
    }

    [Fact]
    public void Moments_into_buffers_allocate_nothing()
    {
        const int p = 5;
        var rows = Rows(50, p, 8);
        int[] draw = Enumerable.Range(0, 50).Select(i => (7 * i) % 50).ToArray();
        var mean = new double[p];
        var cov = new double[p * p];
        var deviation = new double[p];
        GroupSample.Moments(rows, draw, mean, cov, deviation);
        long before = GC.GetAllocatedBytesForCurrentThread();
        GroupSample.Moments(rows, draw, mean, cov, deviation);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
