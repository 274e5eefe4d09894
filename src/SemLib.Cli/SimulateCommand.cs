using System.CommandLine;
using System.Globalization;
using SemLib.Data;
using SemLib.Simulation;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib simulate</c>: draws N rows from a population model written in lavaan syntax (lavaan's
/// <c>simulateData</c> semantics, see <see cref="PopulationModel"/>), optionally cut into Likert categories, and
/// writes them as CSV (<see cref="DataSet.WriteCsv"/>) to a file or to standard output. The same seed gives the
/// same file. A file is written whole or not at all (<see cref="OutputFiles"/>): to a temporary file in the same
/// folder, then moved into place; the temporary file is removed when the run fails or is stopped.
/// </summary>
internal sealed class SimulateCommand
{
    private readonly Option<string> _model = new("--model")
    {
        Description = "The population model in lavaan syntax: the values written in it (f =~ 0.7*x1, y ~ 0.3*x) are the population values; factors have variance 1.",
        HelpName = "POP.lav",
        Required = true,
    };

    private readonly Option<int> _n = new("--n")
    {
        Description = "Rows to draw.",
        HelpName = "N",
        Required = true,
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Random seed (default 1): the same seed gives the same data.",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<bool> _standardized = new("--standardized")
    {
        Description = "Choose the residual variances not written in the model so that every latent and observed variable has variance 1 (lavaan's standardized = TRUE).",
    };

    private readonly Option<string?> _likert = new("--likert")
    {
        Description = "Cut every variable into ordered categories 1..K at these K-1 increasing thresholds (e.g. --likert=-1.5,-0.5,0.5,1.5 for five-point items).",
        HelpName = "t1,t2,...",
    };

    private readonly Option<string?> _output = new("--output")
    {
        Description = "The CSV file to write (replaced whole when complete; a symbolic link's target is replaced, a FIFO or character device is written into); without it the CSV goes to standard output.",
        HelpName = "OUT.csv",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Report what was written on standard error, and the stack trace when something fails.",
    };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("simulate", "Simulate data from a population model in lavaan syntax and write them as CSV.");
        foreach (var option in new Option[] { _model, _n, _seed, _standardized, _likert, _output, _verbose })
            command.Options.Add(option);
        OptionChecks.ExistingFile(_model, "model");
        NumberOptions.Integer(_n, 1);
        NumberOptions.Integer(_seed, int.MinValue);
        _likert.Validators.Add(r => OptionChecks.LikertThresholds(r.GetValueOrDefault<string?>(), r.AddError));
        _output.Validators.Add(r =>
        {
            var path = r.GetValueOrDefault<string?>();
            if (path is null) return;
            if (Directory.Exists(path)) r.AddError($"--output '{path}' is a directory; give a file name.");
            else if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
                r.AddError($"--output '{path}': the folder '{folder}' does not exist.");
        });
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    /// <summary>
    /// Refuses an N whose data cannot be held: the simulated columns, and with --likert their cut copies, take
    /// 8 bytes per value each; a third copy is allowed for the data set's own columns (<see cref="MemoryLimits"/>).
    /// </summary>
    private static void CheckMemory(int n, int variables)
    {
        MemoryLimits.Check("--n", MemoryLimits.Times(n, variables, 3 * sizeof(double)) + variables * MemoryLimits.ArrayOverhead,
            $"{n} rows of {variables} variables");
        if (n > Array.MaxLength)
            throw new CliUsageException($"--n: at most {Array.MaxLength} rows can be simulated (the longest array .NET allows); got {n}.");
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_verbose);
        string modelPath = parse.GetValue(_model)!;
        try
        {
            var syntax = OptionChecks.ReadText(modelPath, "model");
            var population = PopulationModel.FromSyntax(syntax, parse.GetValue(_standardized));
            int n = parse.GetValue(_n), seed = parse.GetValue(_seed);
            CheckMemory(n, population.ObservedVariables.Count);
            var data = population.Sample(n, seed);
            var thresholds = OptionChecks.LikertThresholds(parse.GetValue(_likert), _ => { });
            if (thresholds is not null) data = Likert.Cut(data, thresholds);

            // The CSV is written as it is formatted (a string of it would not fit for large N): to standard output, or
            // to a temporary file that is moved into place only when complete (OutputFiles).
            string? output = parse.GetValue(_output);
            if (output is null)
            {
                data.WriteCsv(stdout);
                stdout.Flush();
            }
            else
            {
                try
                {
                    OutputFiles.Write(output, data.WriteCsv);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliUsageException($"The output file '{output}' cannot be written: {e.Message}", e);
                }
            }
            if (verbose)
                stderr.WriteLine($"semlib simulate: {n} rows of {string.Join(", ", population.ObservedVariables)} (seed {seed}) written to {output ?? "standard output"}");
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            return Failures.Report(e, "simulate", modelPath, verbose, stderr);
        }
    }
}
