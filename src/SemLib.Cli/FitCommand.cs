using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SemLib.Reporting;

namespace SemLib.Cli;

/// <summary><c>semlib fit</c>: fits a model and prints lavaan's summary (text) or the documented JSON document.</summary>
internal sealed class FitCommand
{
    private readonly FitOptionSet _options = new();

    private readonly Option<bool> _fitMeasures = new("--fit-measures")
    {
        Description = "Text output: add the baseline test, CFI/TLI, log-likelihood and information criteria, RMSEA and SRMR (lavaan's fit.measures = TRUE). JSON always has every fit measure.",
    };

    private readonly Option<bool> _modIndices = new("--modindices")
    {
        Description = "Add modification indices (lavaan's modindices()): a table in text output, a \"modification_indices\" array in JSON (an extension of the JSON contract).",
    };

    private readonly Option<bool> _failOnNonConvergence = new("--fail-on-nonconvergence")
    {
        Description = "Exit with code 1 (and print nothing on standard output) when the optimizer does not converge; by default non-convergence is a warning.",
    };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("fit", "Fit a structural equation model written in lavaan syntax to raw data or a covariance matrix.");
        _options.AddTo(command);
        command.Options.Add(_fitMeasures);
        command.Options.Add(_modIndices);
        command.Options.Add(_failOnNonConvergence);
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_options.Verbose);
        string? modelPath = parse.GetValue(_options.Model);
        try
        {
            bool json = _options.Json(parse);
            var modelOptions = _options.ModelOptions(parse);
            var inputs = Inputs.Load(modelPath!, parse.GetValue(_options.Data), parse.GetValue(_options.Cov), parse.GetValue(_options.NObs));
            if (verbose) stderr.WriteLine($"semlib fit: read {inputs.Description}");

            var clock = Stopwatch.StartNew();
            var fit = inputs.Fit(modelOptions);
            clock.Stop();
            if (verbose)
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"semlib fit: {fit.Status} after {fit.Iterations} iterations in {clock.Elapsed.TotalMilliseconds:F1} ms"));
            if (!fit.Converged && parse.GetValue(_failOnNonConvergence))
                throw new AnalysisFailedException($"the model did not converge after {fit.Iterations} iterations (--fail-on-nonconvergence); its estimates are not reported.");

            // The whole output is built before anything is written, so it is never half-written.
            bool modIndices = parse.GetValue(_modIndices);
            string output = json
                ? FitJson.ToJson(fit, new FitJsonOptions { ModificationIndices = modIndices }) + Environment.NewLine
                : TextSummary.Format(fit, new TextSummaryOptions { FitMeasures = parse.GetValue(_fitMeasures) })
                  + (modIndices ? ModificationIndexTable.Render(fit) : "");
            stdout.Write(output);
            stdout.Flush();
            if (!json && fit.Warnings.Count > 0)
                stderr.Write(string.Concat(fit.Warnings.Select(w => $"semlib fit: warning: {Failures.OneLine(w)}{Environment.NewLine}")));
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            return Failures.Report(e, "fit", modelPath, verbose, stderr);
        }
    }
}
