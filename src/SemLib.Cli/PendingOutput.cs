using System.Text;

namespace SemLib.Cli;

/// <summary>
/// An output written but not yet in place: for a regular file (or a new one) the content sits in a registered
/// temporary file beside the target until <see cref="Commit"/> renames it onto the target; for a FIFO or a character
/// device, which cannot be replaced, the content is written straight into it at <see cref="Commit"/>. Disposing an
/// uncommitted output deletes its temporary file, so a failed or interrupted write leaves nothing behind.
/// </summary>
internal sealed class PendingOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string? _temp;
    private readonly Action<TextWriter>? _direct;
    private bool _done;

    private PendingOutput(string target, string? temp, Action<TextWriter>? direct)
    {
        Target = target;
        _temp = temp;
        _direct = direct;
    }

    /// <summary>The file the content goes to (a symbolic link's final target).</summary>
    public string Target { get; }

    /// <summary>True when the target is replaced by a rename (a regular file or a new one).</summary>
    public bool Replaces => _temp is not null;

    /// <summary>Writes the content to a new temporary file beside <paramref name="target"/>.</summary>
    public static PendingOutput ViaTemporaryFile(string target, Action<TextWriter> write)
    {
        string temp = TempOutputs.Create(target);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Truncate, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new StreamWriter(stream, Utf8, 1 << 16))
                write(writer);
            KeepMode(target, temp);
            return new PendingOutput(target, temp, null);
        }
        catch
        {
            TempOutputs.Delete(temp);
            throw;
        }
    }

    /// <summary>Holds the content for a FIFO or character device, written into it at <see cref="Commit"/>.</summary>
    public static PendingOutput Direct(string target, Action<TextWriter> write) => new(target, null, write);

    /// <summary>Puts the content in place: the rename onto the target, or the write into the FIFO or device.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (_temp is not null)
        {
            TempOutputs.MoveIntoPlace(_temp, Target);
        }
        else
        {
            // FileMode.Open without truncation, and no lock: what a shell's > does to a FIFO or a device.
            using var stream = new FileStream(Target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            using var writer = new StreamWriter(stream, Utf8, 1 << 16);
            _direct!(writer);
        }
        _done = true;
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        if (_temp is not null) TempOutputs.Delete(_temp);
    }

    /// <summary>A replaced file keeps its permissions (the temporary file has the default ones).</summary>
    private static void KeepMode(string target, string temp)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(target)) return;
        try
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the content matters more than the mode.
        }
    }
}
