using System.CommandLine;
using SemLib.MeasurementInvariance;
using SemLib.Specification;
using SemLib.Reporting.Documents;
using SemLib.Reporting.Json;
using SemLib.Reporting.Text;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib invariance</c>: the measurement-invariance sequence (<see cref="Invariance.Run(Syntax.ParsedModel, Data.DataSet, InvarianceOptions)"/>)
/// and, with <c>--paths</c>, the regression paths compared across groups
/// (<see cref="Invariance.PathDifferences(Syntax.ParsedModel, Data.DataSet, ModelOptions, int)"/>).
/// </summary>
internal sealed class InvarianceCommand
{
    private readonly Option<string> _model = new("--model") { Description = "The model in lavaan syntax: a text file.", HelpName = "MODEL.lav", Required = true };
    private readonly Option<string?> _data = new("--data") { Description = "The raw data (CSV).", HelpName = "DATA.csv", Required = true };
    private readonly Option<string?> _group = new("--group") { Description = "The column that splits the data into the groups compared.", HelpName = "COLUMN", Required = true };
    private readonly EncodingOption _encoding = new();
    private readonly Option<string[]> _steps = new("--steps")
    {
        Description = "The steps, comma-separated, in order: configural, metric, scalar, strict (default all four). Each is compared with the one before it in the list.",
        HelpName = "configural,metric,scalar,strict",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly GroupEqualityOptions _equality = new();
    private readonly Option<bool> _paths = new("--paths")
    {
        Description = "Also test every regression path for equality across groups (Wald z of the difference and the chi-square difference of the path made equal); --group-equal sets the constraints of the free model (e.g. loadings). With --steps none, only the paths.",
    };
    private readonly EstimatorOption _estimator = new("The estimator of every model: ML (the default), GLS, ULS, MLM or MLR (with MLM and MLR the χ² differences are lavaan's Satorra-Bentler 2001 scaled tests); for --ordered items WLSMV (their default), DWLS, WLS or ULSMV (the scalar step then equates thresholds instead of intercepts). Case-insensitive.", categorical: true);
    private readonly OrderedOptions _ordered = new();
    private readonly Option<bool> _stdLv = new("--std-lv") { Description = "Identify factors by fixing their variances to 1 (lavaan's std.lv); equal loadings then free the later groups' factor variances, as in lavaan." };
    private readonly Option<string> _missing = EstimationOptions.NewMissingOption();
    private readonly Option<int> _iterMax = new("--iter-max") { Description = "Maximum optimizer iterations per attempt.", HelpName = "N", DefaultValueFactory = _ => ModelOptions.Default.MaxIterations };
    private readonly FormatOption _format = new("Output: text (tables and verdicts) or json (the documented JSON document, nothing else on standard output).");
    private readonly Option<string[]> _report = new("--report")
    {
        Description = "Also write a report with the invariance table (and the path table with --paths); the extension chooses the format: .html (self-contained) or .md. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Report progress on standard error, and the stack trace when something fails." };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("invariance", "Measurement invariance across groups: configural, metric, scalar and strict models compared step by step (lavTestLRT, ΔCFI, ΔRMSEA, ΔSRMR, score tests), and group differences in regression paths (--paths).");
        foreach (var option in new Option[] { _model, _data, _encoding, _group, _steps, _equality.GroupEqual, _equality.GroupPartial, _paths, _estimator, _ordered.Ordered, _ordered.Parameterization, _missing, _stdLv, _iterMax, _format, _report, _verbose })
            command.Options.Add(option);
        OptionChecks.ExistingFile(_model, "model");
        OptionChecks.ExistingFile(_data, "data");
        NumberOptions.Integer(_iterMax, 1, NumberOptions.MaxIterations);
        _steps.Validators.Add(r =>
        {
            var steps = GroupEqualityOptions.Split(r.GetValueOrDefault<string[]>());
            foreach (var s in steps)
                if (s != "none" && InvarianceSteps.Parse(s) is null)
                    r.AddError($"--steps: '{s}' is not a step; use configural, metric, scalar or strict (comma-separated).");
            if (steps.Where(s => s != "none").GroupBy(s => InvarianceSteps.Parse(s)).Any(g => g.Count() > 1))
                r.AddError("--steps names a step twice.");
        });
        command.Validators.Add(result =>
        {
            if (OptionChecks.Given(result.GetResult(_equality.GroupEqual)) && !result.GetValue(_paths))
                result.AddError("--group-equal goes with --paths (the constraints of the free model); the invariance steps choose their own group.equal.");
        });
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_verbose);
        string? modelPath = parse.GetValue(_model);
        try
        {
            bool json = _format.Json(parse);
            var inputs = Inputs.Load(modelPath!, parse.GetValue(_data), null, 0, _encoding.Get(parse));
            if (verbose) stderr.WriteLine($"semlib invariance: read {inputs.Description}");
            var options = _ordered.Apply(new ModelOptions
            {
                Group = parse.GetValue(_group),
                StdLv = parse.GetValue(_stdLv),
                Missing = EstimationOptions.MissingValue(parse.GetValue(_missing)),
                MaxIterations = parse.GetValue(_iterMax),
            }, parse);
            // Not given: lavaan's default (ML, or WLSMV with ordered items).
            if (_estimator.Value(parse) is { } estimator) options = options with { Estimator = estimator };
            var reports = parse.GetValue(_report) ?? [];
            foreach (var r in reports)
                if (Path.GetExtension(r).ToLowerInvariant() is not (".html" or ".htm" or ".md"))
                    throw new CliUsageException($"--report {r}: the extension must be .html or .md (it chooses the format).");
            var partial = _equality.Partial(parse);
            GroupEqualityOptions.Check(inputs.Model, options with { GroupPartial = partial });
            OrderedOptions.Check(inputs.Model, options);
            var stepNames = GroupEqualityOptions.Split(parse.GetValue(_steps));
            var steps = stepNames.Count == 0 ? InvarianceSteps.All
                : stepNames.Where(s => s != "none").Select(s => InvarianceSteps.Parse(s)!.Value).OrderBy(s => s).ToList();
            bool paths = parse.GetValue(_paths);
            if (steps.Count == 0 && !paths)
                throw new CliUsageException("--steps none leaves nothing to do; add --paths or name a step.");

            InvarianceResult? result = steps.Count == 0 ? null
                : Invariance.Run(inputs.Model, inputs.Data!, new InvarianceOptions { Model = options, Steps = steps, GroupPartial = partial });
            PathComparison? comparison = paths
                ? Invariance.PathDifferences(inputs.Model, inputs.Data!, options with { GroupEqual = _equality.Equal(parse), GroupPartial = partial })
                : null;

            // The whole output is built before anything is written, so it is never half-written.
            if (reports.Length > 0)
            {
                var doc = new ReportDocument("Measurement invariance") { Subtitle = $"{Path.GetFileName(modelPath)}, groups by {options.Group}" };
                if (result is not null) doc = doc.Add(InvarianceReportSections.Invariance(result));
                if (comparison is not null) doc = doc.Add(InvarianceReportSections.PathDifferences(comparison));
                foreach (var r in reports)
                {
                    string content = Path.GetExtension(r).ToLowerInvariant() == ".md" ? doc.ToMarkdown() : doc.ToHtml();
                    OutputFiles.Write(r, w => w.Write(content));
                    stderr.WriteLine($"semlib invariance: report written to {r}");
                }
            }
            string output = json ? InvarianceJson.ToJson(result, comparison) + Environment.NewLine : InvarianceText.Format(result, comparison);
            return CommandOutput.Success("invariance", output, json, (comparison?.Warnings ?? []).Select(w => w.Message), stdout, stderr);
        }
        catch (Exception e)
        {
            return Failures.Report(e, "invariance", modelPath, verbose, stderr);
        }
    }
}
