using SemLib.Cli;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib bench</c>'s warm-up rule, fed synthetic timings (no clock). The profiles imitate what was measured for
/// the HS CFA on the development machine with the batch timings and <c>JitInfo.GetCompiledMethodCount</c> printed per
/// 50 ms batch: about 1 ms per fit with a plateau of half a second while the JIT compiles 100–400 methods per 50 ms,
/// then a fall to a steady 0.115 ms per fit with one or two compilations per 50 ms.
/// </summary>
public sealed class BenchWarmUpTests
{
    /// <summary>One 50 ms batch of identical fits.</summary>
    private static double[] Batch(double msPerFit) => Enumerable.Repeat(msPerFit, Math.Max(1, (int)Math.Ceiling(50 / msPerFit))).ToArray();

    [Fact]
    public void A_tiering_plateau_does_not_count_as_settled_but_the_steady_state_does()
    {
        var warmUp = new BenchWarmUp();
        // 600 ms plateau at 1.03 ms per fit while the JIT is busy: timings agree, the JIT does not.
        for (int i = 0; i < 12; i++) Assert.False(warmUp.Add(Batch(1.03), jitted: 150));
        // The fall: medians change from batch to batch.
        foreach (double ms in new[] { 0.70, 0.60, 0.44, 0.30, 0.20, 0.17, 0.15, 0.14 })
            Assert.False(warmUp.Add(Batch(ms), jitted: 60));
        // Steady state: settles once the agreeing batches span the 500 ms window, not before.
        int steady = 0;
        while (!warmUp.Add(Batch(0.115), jitted: 2)) steady++;
        steady++;
        Assert.True(warmUp.Settled);
        Assert.InRange(steady * 50.0, warmUp.WindowMs, warmUp.WindowMs + 100);
    }

    [Fact]
    public void A_plateau_with_a_quiet_JIT_but_moving_timings_is_not_settled_and_the_cap_ends_the_warm_up()
    {
        var warmUp = new BenchWarmUp { MaximumMs = 3000 };
        int batches = 0;
        // Medians alternate 1.0 and 1.2 ms: more than 5% from their median whatever the window.
        while (!warmUp.Add(Batch(batches++ % 2 == 0 ? 1.0 : 1.2), jitted: 0)) { }
        Assert.False(warmUp.Settled);
        Assert.True(warmUp.Done);
        // The cap (MaximumMs = 3000 above) ends it within one batch past the cap.
        Assert.InRange(warmUp.ElapsedMs, warmUp.MaximumMs, warmUp.MaximumMs + BenchWarmUp.BatchMs);
    }

    [Fact]
    public void Timings_within_the_tolerance_settle_and_a_busy_JIT_blocks_settling()
    {
        var quiet = new BenchWarmUp();
        var busy = new BenchWarmUp { MaximumMs = 2000 };
        for (int i = 0; i < 40 && !quiet.Done; i++) quiet.Add(Batch(i % 2 == 0 ? 0.100 : 0.104), jitted: 1);
        for (int i = 0; i < 40 && !busy.Done; i++) busy.Add(Batch(i % 2 == 0 ? 0.100 : 0.104), jitted: 6); // 0.12 per ms > 0.1
        Assert.True(quiet.Settled);
        Assert.False(busy.Settled);
    }

    [Fact]
    public void Slow_fits_settle_after_the_minimum_number_of_batches()
    {
        // One fit of 2 s per batch: the window is spanned at once, so the minimum of three batches decides.
        var warmUp = new BenchWarmUp();
        Assert.False(warmUp.Add([2000.0], jitted: 5));
        Assert.False(warmUp.Add([2010.0], jitted: 0));
        Assert.True(warmUp.Add([1995.0], jitted: 0));
        Assert.True(warmUp.Settled);
        Assert.Equal(3, warmUp.Fits);
    }

    [Fact]
    public void Medians_of_odd_and_even_counts_and_bad_batches()
    {
        Assert.Equal(2.0, BenchWarmUp.Median([3.0, 1.0, 2.0]));
        Assert.Equal(2.5, BenchWarmUp.Median([4.0, 1.0, 2.0, 3.0]));
        var warmUp = new BenchWarmUp();
        Assert.Throws<ArgumentException>(() => warmUp.Add([], jitted: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => warmUp.Add([1.0], jitted: -1));
    }
}
