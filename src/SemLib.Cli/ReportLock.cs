using System.Diagnostics;

namespace SemLib.Cli;

/// <summary>
/// A per-report lock that makes a report's set of files (Markdown and its SVG diagram) come from one run when two runs
/// write the same <c>--report</c> at once. Each run first writes all its files to temporary files of its own
/// (unique names, <see cref="TempOutputs"/>), then takes this lock, renames them all into place, and releases it; so
/// whichever run renames last leaves a complete, matching set. The lock is an exclusive advisory lock (flock,
/// through <see cref="FileShare.None"/>) on a hidden file <c>.NAME.semlib-lock</c> beside the report, deleted when
/// released; a waiter that gets the lock on a file that was deleted meanwhile (its inode is no longer the path's)
/// opens it again. Where the inode cannot be read (no statx), the lock file is left in place instead.
/// </summary>
internal sealed class ReportLock : IDisposable
{
    /// <summary>How long a run waits for another to finish its renames.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly FileStream _stream;
    private readonly string _path;
    private readonly bool _delete;

    private ReportLock(FileStream stream, string path, bool delete)
    {
        _stream = stream;
        _path = path;
        _delete = delete;
    }

    /// <summary>Takes the lock of the report whose (resolved, full) path is <paramref name="target"/>.</summary>
    public static ReportLock Acquire(string target)
    {
        string path = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".semlib-lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            FileStream? stream = null;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < Timeout)
            {
                Thread.Sleep(10); // another run holds it
                continue;
            }
            catch (IOException e)
            {
                throw new IOException($"another run has been writing '{target}' for {Timeout.TotalSeconds:0} s (its lock file is '{path}'): {e.Message}", e);
            }
            var held = FileKinds.Inode(stream.SafeFileHandle);
            if (held is null) return new ReportLock(stream, path, delete: false);
            if (held == FileKinds.Inode(path)) return new ReportLock(stream, path, delete: true);
            stream.Dispose(); // the file we locked was deleted by the run before us: lock the new one
        }
    }

    public void Dispose()
    {
        if (_delete)
        {
            try
            {
                File.Delete(_path); // while still holding the lock, so no one locks a file that is then deleted under them
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover lock file is harmless.
            }
        }
        _stream.Dispose();
    }
}
