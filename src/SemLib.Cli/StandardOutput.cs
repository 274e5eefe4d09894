using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SemLib.Cli;

/// <summary>
/// Standard output for the executable. .NET's console stream silently drops writes to a broken pipe
/// (<c>semlib fit ... | head -c0</c>), so a run would "succeed" with its output lost; on Unix the tool writes to
/// file descriptor 1 through a <see cref="FileStream"/> instead, which reports the broken pipe as an
/// <see cref="IOException"/>. A closed descriptor 1 (<c>&gt;&amp;-</c>) is first filled with /dev/null, so that no file
/// the run opens later becomes "standard output", and writing to it is then the error
/// <see cref="StandardOutputException"/>. Whatever the writer, <see cref="Guard"/> turns a failure to write into
/// <see cref="StandardOutputException"/>, which the command line reports as one line, exit code 1.
/// </summary>
internal static class StandardOutput
{
    private static FileStream? _placeholder;

    /// <summary>The writer for the process's standard output.</summary>
    public static TextWriter Open()
    {
        if (OperatingSystem.IsWindows()) return Console.Out;
        if (OperatingSystem.IsLinux() && !File.Exists("/proc/self/fd/1"))
        {
            // Take the lowest free descriptors (0 too, if it is also closed) until 1 is taken.
            for (int i = 0; i < 3 && !File.Exists("/proc/self/fd/1"); i++)
                _placeholder = new FileStream("/dev/null", FileMode.Open, FileAccess.Write);
            return new ClosedWriter();
        }
        try
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
            return new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Console.Out;
        }
    }

    /// <summary>Wraps a writer so that any failure to write or flush is a <see cref="StandardOutputException"/>.</summary>
    public static TextWriter Guard(TextWriter writer) => writer is GuardedWriter ? writer : new GuardedWriter(writer);

    /// <summary>Standard output was closed when the process started.</summary>
    private sealed class ClosedWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("it is closed");

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value)) throw new IOException("it is closed");
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (count > 0) throw new IOException("it is closed");
        }
    }

    private sealed class GuardedWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override IFormatProvider FormatProvider => inner.FormatProvider;

        public override string NewLine
        {
            get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null
            set => inner.NewLine = value;
#pragma warning restore CS8765
        }

        public override void Write(char value) => Do(() => inner.Write(value));

        public override void Write(string? value) => Do(() => inner.Write(value));

        public override void Write(char[] buffer, int index, int count) => Do(() => inner.Write(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                throw new StandardOutputException(e);
            }
        }

        public override void WriteLine(string? value) => Do(() => inner.WriteLine(value));

        public override void Flush() => Do(inner.Flush);

        public override string ToString() => inner.ToString() ?? "";

        private static void Do(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                throw new StandardOutputException(e);
            }
        }
    }
}
