using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;

namespace SemLib.Cli;

/// <summary>
/// The <c>semlib</c> command line, callable in-process: <see cref="Run"/> parses the arguments with
/// System.CommandLine, runs the command and returns the exit code of the contract (0 success, 1 the analysis
/// could not be done, 2 bad command line or model syntax). Parse errors are printed as one line on standard error
/// instead of System.CommandLine's error-and-help page, because the contract asks for one line.
/// </summary>
internal static class SemLibCli
{
    /// <summary>Runs the command line with the given writers for standard output and standard error.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        stdout = StandardOutput.Guard(stdout);
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        string command = parse.CommandResult.Command == root ? "semlib" : "semlib " + parse.CommandResult.Command.Name;
        if (parse.Action is ParseErrorAction)
        {
            var messages = parse.Errors.Select(e => Failures.OneLine(e.Message)).Distinct();
            Failures.WriteError(stderr, $"{command}: {string.Join(" ", messages)} (see '{command} --help'){Environment.NewLine}");
            return ExitCodes.Usage;
        }
        try
        {
            int code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            stdout.Flush();
            return code;
        }
        catch (StandardOutputException e)
        {
            // Help or version text that could not be written (the commands report this themselves).
            Failures.WriteError(stderr, $"{command}: {Failures.OneLine(e.Message)}{Environment.NewLine}");
            return ExitCodes.AnalysisFailed;
        }
    }

    /// <summary>The command tree, every command writing to the given writers.</summary>
    internal static Command Build(TextWriter stdout, TextWriter stderr)
    {
        // The root is a plain "semlib" command rather than RootCommand, whose name (in usage lines) is the host
        // executable's: "SemLib.Cli" for the tool, "testhost" under the tests.
        var root = new Command("semlib", "Structural equation models in lavaan syntax: fit them (with bootstrap standard errors), benchmark them, check scale reliability and validity, simulate data and plan sample sizes.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption { Action = new PrintVersion() });
        root.Subcommands.Add(new FitCommand().Build(stdout, stderr));
        root.Subcommands.Add(new BenchCommand().Build(stdout, stderr));
        root.Subcommands.Add(new ReliabilityCommand().Build(stdout, stderr));
        root.Subcommands.Add(new SimulateCommand().Build(stdout, stderr));
        root.Subcommands.Add(new PowerCommand().Build(stdout, stderr));
        root.Subcommands.Add(new CompareCommand().Build(stdout, stderr));
        root.Subcommands.Add(new InvarianceCommand().Build(stdout, stderr));
        root.Subcommands.Add(new MethodBiasCommand().Build(stdout, stderr));

        NumberOptions.CoverAll(root);
        return root;
    }

    /// <summary>The tool's informational version (the package version and, when built from git, the commit).</summary>
    public static string Version =>
        typeof(SemLibCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SemLibCli).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>--version prints this assembly's version (System.CommandLine's default reads the entry assembly's, the test host's under tests).</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
