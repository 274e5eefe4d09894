namespace SemLib.Cli;

/// <summary>
/// A problem with the command line found while running (a file that cannot be read, an option combination the
/// library rejects): exit code 2, like a parse error.
/// </summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message) : base(message) { }

    public CliUsageException(string message, Exception inner) : base(message, inner) { }
}
