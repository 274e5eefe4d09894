namespace SemLib.Cli;

/// <summary>The analysis ran but the user asked to treat its outcome as a failure (non-convergence): exit code 1.</summary>
internal sealed class AnalysisFailedException : Exception
{
    public AnalysisFailedException(string message) : base(message) { }
}
