using SemLib.Syntax;

namespace SemLib.Cli;

/// <summary>
/// Turns what went wrong into the contract's exit code and one line on standard error that says what and where
/// (file, line and column, row or variable); the stack trace only with --verbose.
/// </summary>
internal static class Failures
{
    public static int Report(Exception error, string command, string? modelPath, bool verbose, TextWriter stderr)
    {
        var (code, message) = error switch
        {
            ModelSyntaxException syntax => (ExitCodes.Usage, SyntaxMessage(syntax, modelPath ?? "model")),
            CliUsageException usage => (ExitCodes.Usage, $"semlib {command}: {usage.Message}"),
            AnalysisFailedException or SemLibException or StandardOutputException or OperationCanceledException => (ExitCodes.AnalysisFailed, $"semlib {command}: {error.Message}"),
            _ => (ExitCodes.AnalysisFailed, $"semlib {command}: internal error ({error.GetType().Name}): {error.Message}"
                + (verbose ? "" : " Run again with --verbose for the stack trace.")),
        };
        var text = OneLine(message) + Environment.NewLine;
        if (verbose) text += error + Environment.NewLine;
        WriteError(stderr, text);
        return code;
    }

    /// <summary>Writes to standard error; when that fails too (it is closed) there is no one left to tell, and the exit code says it.</summary>
    public static void WriteError(TextWriter stderr, string text)
    {
        try
        {
            stderr.Write(text);
            stderr.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Nothing more can be done.
        }
    }

    /// <summary>Compiler style: <c>MODEL.lav:LINE:COL: message</c>, for the first problem (and how many more there are).</summary>
    private static string SyntaxMessage(ModelSyntaxException e, string modelPath)
    {
        if (e.Diagnostics.Count == 0) return $"{modelPath}: {e.Message}";
        var first = e.Diagnostics[0];
        string more = e.Diagnostics.Count switch
        {
            1 => "",
            2 => " (and 1 more problem)",
            var n => $" (and {n - 1} more problems)",
        };
        return $"{modelPath}:{first.Span.Line}:{first.Span.Column}: {first.Message}{more}";
    }

    /// <summary>Messages are one line: newlines inside them become blanks.</summary>
    public static string OneLine(string message) => MessageText.OneLine(message);
}
