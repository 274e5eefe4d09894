namespace SemLib.Cli;

/// <summary>Files the commands write (simulated data, reports): written whole or not at all.</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Writes a temporary file next to the target and moves it into place, so the target is never half-written.
    /// When that fails the temporary file is removed and the <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> is rethrown for the command to report.
    /// </summary>
    public static void WriteWhole(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw;
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
