namespace SemLib.Cli;

/// <summary>
/// How a command that succeeded ends, as the contract asks: its whole output (built before anything is written, so
/// it is never half-written) at once on standard output; then, for text output only, each warning as one line on
/// standard error. A JSON document carries its own warnings, and nothing else is written.
/// </summary>
internal static class CommandOutput
{
    public static int Success(string command, string output, bool json, IEnumerable<string> warnings, TextWriter stdout, TextWriter stderr)
    {
        stdout.Write(output);
        stdout.Flush();
        if (!json)
            Failures.WriteError(stderr, string.Concat(warnings.Select(w => $"semlib {command}: warning: {Failures.OneLine(w)}{Environment.NewLine}")));
        return ExitCodes.Success;
    }
}
