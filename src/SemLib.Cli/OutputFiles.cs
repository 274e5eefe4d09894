namespace SemLib.Cli;

/// <summary>
/// Files the commands write (simulated data, reports): written whole or not at all, and never by destroying what is
/// at the path. What the path names decides how:
/// <list type="bullet">
/// <item>a regular file, or nothing: the content goes to a temporary file beside it (<see cref="TempOutputs"/>),
/// which is then renamed onto it, atomically;</item>
/// <item>a symbolic link: the same, at the link's final target, so the link stays a link (a dangling link's
/// target is created);</item>
/// <item>a FIFO or a character device (<c>/dev/null</c>, <c>/dev/stdout</c>, a terminal): the content is written
/// into it, as a shell's <c>&gt;</c> would; it is never replaced or unlinked;</item>
/// <item>a directory, a block device or a socket: refused with an <see cref="IOException"/> saying what it is.</item>
/// </list>
/// Failures are <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>, for the command to report.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Writes what <paramref name="write"/> writes to <paramref name="path"/>, whole or not at all.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        using var pending = Prepare(path, write);
        pending.Commit();
    }

    /// <summary>Writes the content (to a temporary file, or holds it for a FIFO or device) without putting it in place yet.</summary>
    public static PendingOutput Prepare(string path, Action<TextWriter> write)
    {
        // The kind of what the path finally names, links followed (including /dev/stdout's /proc magic links, whose
        // "target" of a pipe is no path at all): a FIFO or device is written through the path the user gave.
        string full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        return kind switch
        {
            FileKind.None or FileKind.Regular => PendingOutput.ViaTemporaryFile(Target(full), write),
            FileKind.Fifo or FileKind.CharacterDevice => PendingOutput.Direct(full, write),
            _ => throw new IOException($"'{path}' is {FileKinds.Describe(kind)}; semlib writes regular files, FIFOs and character devices (such as /dev/null) only."),
        };
    }

    /// <summary>The full path writes go to: a symbolic link's final target, otherwise the path itself.</summary>
    public static string Target(string path)
    {
        string full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is null) return full;
        var final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final is null ? full : Path.GetFullPath(final.FullName);
    }
}
