namespace SemLib.Cli;

/// <summary>
/// Decides when <c>semlib bench</c> has warmed up. The warm-up runs batches of fits (each about
/// <see cref="BatchMs"/> long) and hands each batch's timings, with the number of methods the JIT compiled meanwhile,
/// to <see cref="Add"/>, which says whether to stop.
/// <para>
/// Why not stop at the first two similar batches: tiered compilation runs every method first as quickly jitted tier-0
/// code and recompiles it as optimized code only after about 30 calls and a background delay of about 100 ms without
/// new tier-0 work (with dynamic PGO, through an instrumented tier in between, and loops through on-stack
/// replacement). Measured on the HS CFA, the time per fit falls from about 1 ms to 0.12 ms over about 2 s in steps,
/// with plateaus up to half a second long, and the JIT compiles hundreds of methods per 100 ms until it has finished.
/// </para>
/// <para>
/// So the timings count as settled when, over the last batches covering at least <see cref="WindowMs"/> (and at least
/// <see cref="MinimumBatches"/> batches), every batch median lies within <see cref="Tolerance"/> of the window's
/// median and the JIT compiled at most <see cref="QuietJitPerMs"/> methods per ms of the window (the steady state
/// still sees a trickle of a few compilations). Whatever the timings, warm-up ends after <see cref="MaximumMs"/> of
/// fitting (the cap; <see cref="Settled"/> is then false). Pure arithmetic on what it is given, so it is tested
/// with synthetic timings; the clock and the JIT counter are the caller's.
/// </para>
/// </summary>
internal sealed class BenchWarmUp
{
    /// <summary>How long a batch should last, in ms (the caller runs fits until a batch has taken this long).</summary>
    public const double BatchMs = 50;

    /// <summary>The largest relative distance of a batch median from the window's median for settled timings.</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>The least span, in ms, of the batches that must agree (longer than the plateaus of tiering).</summary>
    public double WindowMs { get; init; } = 500;

    /// <summary>The least number of batches that must agree.</summary>
    public int MinimumBatches { get; init; } = 3;

    /// <summary>The most JIT compilations per ms of the window for the JIT to count as done (tiering: about 0.5).</summary>
    public double QuietJitPerMs { get; init; } = 0.1;

    /// <summary>Warm-up stops after this much fitting, in ms, even if the timings have not settled.</summary>
    public double MaximumMs { get; init; } = 10_000;

    private readonly List<(double Median, double Ms, long Jitted)> _batches = [];

    /// <summary>Batches seen.</summary>
    public int Batches => _batches.Count;

    /// <summary>Fits seen.</summary>
    public int Fits { get; private set; }

    /// <summary>Warm-up time seen, in ms (the sum of the timings).</summary>
    public double ElapsedMs { get; private set; }

    /// <summary>True when warm-up ended because the timings settled (false while it runs, and when it hit the cap).</summary>
    public bool Settled { get; private set; }

    /// <summary>True when warm-up is over (settled or capped).</summary>
    public bool Done { get; private set; }

    /// <summary>
    /// Adds one batch: its timings (ms per fit, at least one) and how many methods the JIT compiled while it ran.
    /// Returns <see cref="Done"/>.
    /// </summary>
    public bool Add(IReadOnlyList<double> timings, long jitted)
    {
        ArgumentNullException.ThrowIfNull(timings);
        if (timings.Count == 0) throw new ArgumentException("A warm-up batch needs at least one timing.", nameof(timings));
        ArgumentOutOfRangeException.ThrowIfNegative(jitted);
        if (Done) return true;
        double ms = timings.Sum();
        _batches.Add((Median(timings), ms, jitted));
        Fits += timings.Count;
        ElapsedMs += ms;
        Settled = WindowAgrees();
        Done = Settled || ElapsedMs >= MaximumMs;
        return Done;
    }

    /// <summary>True when the shortest run of last batches spanning the window agrees (see the class summary).</summary>
    private bool WindowAgrees()
    {
        double span = 0;
        long jitted = 0;
        int first = _batches.Count;
        while (first > 0 && (span < WindowMs || _batches.Count - first < MinimumBatches))
        {
            first--;
            span += _batches[first].Ms;
            jitted += _batches[first].Jitted;
        }
        if (span < WindowMs || _batches.Count - first < MinimumBatches) return false;
        if (jitted > QuietJitPerMs * span) return false;
        var medians = _batches.Skip(first).Select(b => b.Median).ToArray();
        double center = Median(medians);
        return medians.All(m => Math.Abs(m - center) <= Tolerance * center);
    }

    /// <summary>The median of the values (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("The median of no values is undefined.", nameof(values));
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
