namespace SemLib.Cli;

/// <summary>The exit codes of the command-line contract (shared/spec/cli-json.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success, warnings included.</summary>
    public const int Success = 0;

    /// <summary>The analysis could not be done: bad data, an unidentified model, non-convergence when asked to fail on it.</summary>
    public const int AnalysisFailed = 1;

    /// <summary>Bad command line, unreadable model syntax or a missing file.</summary>
    public const int Usage = 2;
}
