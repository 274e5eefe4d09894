using SemLib.Results;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SemLib.Resampling;
using SemLib.Reporting.Diagrams;
using SemLib.Reporting.Json;
using SemLib.Reporting.Text;

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

    private readonly Option<bool> _progress = new("--progress")
    {
        Description = "Show the bootstrap's progress bar on standard error even when it is not a terminal (on a terminal it is always shown).",
    };

    private readonly Option<string[]> _report = new("--report")
    {
        Description = "Also write a report; the extension chooses the format: .html (self-contained), .md (Markdown, with the diagram as a .svg file beside it), .svg (path diagram) or .dot (Graphviz). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _diagram = new("--diagram")
    {
        Description = "With --report, the values on the path diagram: std (completely standardized, lavaan's std.all; the default) or unstd (the estimates).",
        HelpName = "std|unstd",
    };

    private readonly Option<bool> _diagramErrors = new("--diagram-errors")
    {
        Description = "With --report, draw the error terms as AMOS does: a small circle per indicator (e1, e2, ...) and per dependent variable (d1, ...) with an arrow to it; residual covariances join the error terms.",
    };

    private readonly Option<double> _minMi = new("--min-mi")
    {
        Description = "With --modindices, only the modification indices above X (lavaan's modindices(fit, minimum.value = X), which keeps mi > X); in text and JSON.",
        HelpName = "X",
    };

    private readonly Option<bool> _residuals = new("--residuals")
    {
        Description = "Text output: add the residual matrices S − Σ̂ (and mean residuals with a mean structure) and, for ML and GLS, the standardized residuals, as lavaan's resid(fit, type = \"raw\") and resid(fit, type = \"standardized\"). The JSON contract defines no residuals, so JSON output does not have them.",
    };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("fit", "Fit a structural equation model written in lavaan syntax to raw data or a covariance matrix.");
        _options.AddTo(command);
        command.Options.Add(_fitMeasures);
        command.Options.Add(_modIndices);
        command.Options.Add(_minMi);
        command.Options.Add(_residuals);
        NumberOptions.Real(_minMi, 0, double.MaxValue);
        command.Options.Add(_failOnNonConvergence);
        command.Options.Add(_progress);
        command.Options.Add(_report);
        command.Options.Add(_diagram);
        command.Options.Add(_diagramErrors);
        OptionChecks.Choice(_diagram, ["std", "unstd", "std.all", "est"], [],
            null, v => $"--diagram {v} is not valid; use std (standardized values) or unstd (estimates).");
        command.Validators.Add(r =>
        {
            if (r.GetResult(_report) is null or { Implicit: true })
                foreach (var option in new Option[] { _diagram, _diagramErrors })
                    if (OptionChecks.Given(r.GetResult(option)))
                        r.AddError($"{option.Name} sets up the path diagram of a report, so it only goes with --report.");
        });
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_options.Verbose);
        string? modelPath = parse.GetValue(_options.Model);
        try
        {
            bool json = _options.Format.Json(parse);
            var modelOptions = _options.ModelOptions(parse);
            var inputs = _options.Source.Load(parse, modelPath!);
            EstimationOptions.CheckData(inputs, modelOptions);
            if (verbose) stderr.WriteLine($"semlib fit: read {inputs.Description}");

            // Checked here, after parsing, so that a bad number (--min-mi abc) is reported as such first.
            if (OptionChecks.Given(parse.GetResult(_minMi)) && !parse.GetValue(_modIndices))
                throw new CliUsageException("--min-mi filters the modification indices, so it only goes with --modindices.");
            if (json && parse.GetValue(_residuals))
                throw new CliUsageException("--residuals is text output only: the JSON contract defines no residual matrices; drop --format json or --residuals.");
            var reports = parse.GetValue(_report) ?? [];
            foreach (var r in reports) ReportFiles.CheckPath(r);
            var clock = Stopwatch.StartNew();
            var fit = inputs.Fit(modelOptions);
            clock.Stop();
            if (verbose)
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"semlib fit: {fit.Status} after {fit.Iterations} iterations in {clock.Elapsed.TotalMilliseconds:F1} ms"));
            if (!fit.Converged && parse.GetValue(_failOnNonConvergence))
                throw new AnalysisFailedException($"the model did not converge after {fit.Iterations} iterations (--fail-on-nonconvergence); its estimates are not reported.");

            BootstrapResult? boot = null;
            if (_options.IsBootstrap(parse))
                boot = RunBootstrap(parse, fit, verbose, stderr);

            // The whole output is built before anything is written, so it is never half-written.
            bool modIndices = parse.GetValue(_modIndices);
            double minMi = parse.GetValue(_minMi);
            string output = json
                ? FitJson.ToJson(fit, new FitJsonOptions { ModificationIndices = modIndices, MinimumModificationIndex = minMi, Bootstrap = boot }) + Environment.NewLine
                : TextSummary.Format(fit, new TextSummaryOptions
                {
                    FitMeasures = parse.GetValue(_fitMeasures),
                    ConfidenceIntervals = _options.ConfidenceIntervals(parse),
                    Bootstrap = boot,
                })
                  + (modIndices ? ModificationIndexTable.Render(fit, minMi) : "")
                  + (parse.GetValue(_residuals) ? ResidualTable.Render(fit) : "");
            foreach (var r in reports)
            {
                var written = ReportFiles.Write(r, fit, boot, Path.GetFileNameWithoutExtension(modelPath!), DiagramOptions(parse));
                stderr.WriteLine($"semlib fit: report written to {string.Join(" and ", written)}");
            }
            int code = CommandOutput.Success("fit", output, json, fit.Warnings.Select(w => w.Message).Concat(boot?.Warnings ?? []), stdout, stderr);
            if (fit.Status == FitStatus.Converged) return code;
            Failures.WriteError(stderr, $"semlib fit: the solution is not a clean convergence (status {fit.Status}; see the warnings); exit code {ExitCodes.NotClean}.{Environment.NewLine}");
            return ExitCodes.NotClean;
        }
        catch (Exception e)
        {
            return Failures.Report(e, "fit", modelPath, verbose, stderr);
        }
    }

    /// <summary>The path diagram's options: --diagram std|unstd and --diagram-errors, otherwise the library's defaults.</summary>
    private DiagramOptions DiagramOptions(ParseResult parse) => SemLib.Reporting.Diagrams.DiagramOptions.Default with
    {
        Standardized = parse.GetValue(_diagram)?.ToLowerInvariant() is null or "std" or "std.all",
        ShowErrorTerms = parse.GetValue(_diagramErrors),
    };

    /// <summary>The bootstrap of --se bootstrap, with a progress bar on standard error when it is a terminal or --progress.</summary>
    private BootstrapResult RunBootstrap(ParseResult parse, SemFit fit, bool verbose, TextWriter stderr)
    {
        var settings = _options.BootstrapOptions(parse, fit);
        var clock = Stopwatch.StartNew();
        var boot = ProgressDisplay.Run(stderr, parse.GetValue(_progress),
            stage => Bootstrap.Run(fit, settings with { Progress = stage($"Bootstrap ({settings.Draws} draws, seed {settings.Seed})", settings.Draws) }));
        if (verbose)
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"semlib fit: {boot.Converged} of {boot.Requested} bootstrap draws converged (seed {settings.Seed}) in {clock.Elapsed.TotalSeconds:F1} s"));
        return boot;
    }
}
