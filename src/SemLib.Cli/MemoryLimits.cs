using System.Globalization;

namespace SemLib.Cli;

/// <summary>
/// Refuses, before any work, a request whose arrays cannot fit in memory (<c>simulate --n 2147483647</c>,
/// <c>power --n 2147483647</c>, a huge <c>--bootstrap</c> or <c>--replications</c>), instead of running out of
/// memory half-way as an internal error. The estimate is the size of the arrays the command keeps (8 bytes per
/// number, plus the per-array overhead of the runtime) and is compared with three quarters of the memory the
/// runtime may use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: physical memory or the container's
/// limit). A refusal is a usage error (exit code 2) that names the option, the estimate and the limit.
/// </summary>
internal static class MemoryLimits
{
    /// <summary>Bytes the runtime adds to every array (header and length), rounded up.</summary>
    public const long ArrayOverhead = 32;

    /// <summary>The memory a command may plan to use: three quarters of what the runtime may use.</summary>
    public static long Budget => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 * 3;

    /// <summary>
    /// Throws a usage error when <paramref name="bytes"/> (already in bytes; saturated arithmetic is the caller's,
    /// see <see cref="Times"/>) exceeds the budget. <paramref name="what"/> says what would be stored.
    /// </summary>
    public static void Check(string option, double bytes, string what)
    {
        long budget = Budget;
        if (bytes <= budget) return;
        throw new CliUsageException(
            $"{option}: {what} would need about {Size(bytes)} of memory, more than the {Size(budget)} this machine allows "
            + "(three quarters of the memory available to the process); ask for less.");
    }

    /// <summary>A product in double precision, which cannot overflow as a long product of counts can.</summary>
    public static double Times(params double[] factors) => factors.Aggregate(1.0, (a, b) => a * b);

    private static string Size(double bytes) => bytes >= 1L << 30
        ? (bytes / (1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB";
}
