using System.Diagnostics;
using System.Globalization;

namespace SemLib.Cli;

/// <summary>
/// The temporary files behind whole-or-nothing outputs. Each is named <c>.NAME.semlib-PID-RANDOM.tmp</c> beside its
/// target, so it is recognisable as semlib's and as the run's (PID). Every live one is registered here:
/// <see cref="DeleteAll"/> removes them when the process is stopped (SIGINT, SIGTERM, SIGHUP, SIGQUIT and process
/// exit, see <see cref="Signals"/>), and from then on no new one is created or moved into place. A run killed
/// outright (SIGKILL, power loss) cannot clean up; the next run writing the same target removes such leftovers:
/// temporary files of that target whose process is gone and that have not been written to for
/// <see cref="StaleAfter"/>.
/// </summary>
internal static class TempOutputs
{
    /// <summary>How long a dead run's temporary file must have been left untouched before another run removes it.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private const string Marker = ".semlib-";
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Live = new(StringComparer.Ordinal);
    private static bool _stopping;

    /// <summary>Creates (empty) and registers a new temporary file for <paramref name="target"/> (a full path) in the target's folder.</summary>
    public static string Create(string target)
    {
        string folder = Path.GetDirectoryName(target)!;
        string prefix = "." + Path.GetFileName(target) + Marker;
        RemoveStale(folder, prefix);
        string temp = Path.Combine(folder, $"{prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.tmp");
        lock (Gate)
        {
            ThrowIfStopping();
            new FileStream(temp, FileMode.CreateNew, FileAccess.Write).Dispose();
            Live.Add(temp);
        }
        return temp;
    }

    /// <summary>Moves a registered temporary file onto its target (atomically, replacing it) and unregisters it.</summary>
    public static void MoveIntoPlace(string temp, string target)
    {
        lock (Gate)
        {
            ThrowIfStopping();
            File.Move(temp, target, overwrite: true);
            Live.Remove(temp);
        }
    }

    /// <summary>Deletes a temporary file (best effort) and unregisters it.</summary>
    public static void Delete(string temp)
    {
        lock (Gate)
        {
            TryDelete(temp);
            Live.Remove(temp);
        }
    }

    /// <summary>The process is stopping: deletes every live temporary file, and refuses new ones from now on.</summary>
    public static void DeleteAll()
    {
        lock (Gate)
        {
            _stopping = true;
            foreach (var temp in Live) TryDelete(temp);
            Live.Clear();
        }
    }

    /// <summary>The temporary files this process has not yet moved into place or deleted (for tests).</summary>
    internal static int LiveCount
    {
        get
        {
            lock (Gate) return Live.Count;
        }
    }

    private static void ThrowIfStopping()
    {
        if (_stopping) throw new OperationCanceledException("semlib is stopping; the output was not written.");
    }

    /// <summary>Removes the leftovers of killed runs: <c>.NAME.semlib-PID-*.tmp</c> whose PID is not running, untouched for <see cref="StaleAfter"/>.</summary>
    private static void RemoveStale(string folder, string prefix)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, prefix + "*.tmp").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var path in candidates)
        {
            string rest = Path.GetFileName(path)[prefix.Length..];
            int dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            if (pid == Environment.ProcessId || IsRunning(pid)) continue;
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) >= StaleAfter) File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's file, or already gone: leave it.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the message about the failed write is what matters.
        }
    }
}
