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

    /// <summary>
    /// The fit was done and its whole output written, but the solution is not a clean convergence: the optimizer did
    /// not converge, a variance is negative or a matrix not positive definite (a Heywood case), or the information
    /// matrix is singular. Scripts can tell it from success without parsing the output.
    /// </summary>
    public const int NotClean = 3;
}
