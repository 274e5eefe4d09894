using System.CommandLine;
using SemLib.CommonMethod;
using SemLib.Data;
using SemLib.Specification;
using SemLib.Reporting.Documents;
using SemLib.Reporting.Json;
using SemLib.Reporting.Text;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib method-bias</c>: the common-method-bias checks of <see cref="MethodBias"/> (Harman's single-factor test,
/// the common latent factor, and with --marker the CFA marker technique) as a readable report or the JSON document of
/// the contract. Exit codes: 2 for a bad command line, an unreadable file or bad model syntax; 1 when the checks cannot
/// be done (no latent variable, too few items, a marker not in the data or also in the model, bad data); 3 when the
/// whole output was written but one of the models did not converge cleanly (not converged: its numbers are null; or an
/// inadmissible solution such as a negative variance), as for <c>fit</c>.
/// </summary>
internal sealed class MethodBiasCommand
{
    private static readonly string[] ReportExtensions = [".html", ".htm", ".md"];

    private readonly Option<string> _model = new("--model")
    {
        Description = "The measurement model in lavaan syntax: traits measured by items (trait =~ item1 + item2 + ...).",
        HelpName = "MEASUREMENT.lav",
        Required = true,
    };

    private readonly Option<string> _data = new("--data")
    {
        Description = "Raw data: a CSV file with a header row of variable names; empty cells and NA are missing.",
        HelpName = "DATA.csv",
        Required = true,
    };

    private readonly Option<string[]> _marker = new("--marker")
    {
        Description = "Marker items for the CFA marker technique (Williams, Hartman & Cavazotte 2010): columns of the data, not in the model, theoretically unrelated to the traits; at least two (--marker m1 m2 or --marker m1,m2).",
        HelpName = "ITEM",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly EncodingOption _encoding = new();

    // Its own --estimator (as invariance): the robust estimators are available to the library, and the χ² differences are
    // then lavaan's Satorra-Bentler (2001) scaled tests.
    private readonly Option<string> _estimator = new("--estimator")
    {
        Description = "The estimator of every model: ML, GLS, ULS, MLM or MLR (with MLM and MLR the χ² differences are lavaan's Satorra-Bentler 2001 scaled tests).",
        HelpName = "ML|GLS|ULS|MLM|MLR",
        DefaultValueFactory = _ => "ML",
    };

    private readonly Option<bool> _stdLv = new("--std-lv")
    {
        Description = "Identify the traits by fixing their variances to 1 (lavaan's std.lv) in the measurement, one-factor and common-latent-factor models; the marker-technique models always do.",
    };

    private readonly Option<int> _iterMax = new("--iter-max")
    {
        Description = "Most optimizer iterations per model.",
        HelpName = "N",
        DefaultValueFactory = _ => ModelOptions.Default.MaxIterations,
    };

    private readonly Option<string[]> _report = new("--report")
    {
        Description = "Also write a report; the extension chooses the format: .html (self-contained) or .md (Markdown). Repeatable.",
        HelpName = "FILE",
    };

    private readonly FormatOption _format = new("Output: text (a readable report) or json (the documented JSON document, nothing else on standard output).");

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Report progress on standard error, and the stack trace when something fails.",
    };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("method-bias", "Common-method-bias checks of a measurement model: Harman's single-factor test, a common latent factor, and with --marker the CFA marker technique.");
        foreach (var option in new Option[] { _model, _data, _encoding, _marker, _estimator, _stdLv, _iterMax, _report, _format, _verbose })
            command.Options.Add(option);
        OptionChecks.ExistingFile(_model, "model");
        OptionChecks.ExistingFile(_data, "data");
        NumberOptions.Integer(_iterMax, 1, NumberOptions.MaxIterations);
        OptionChecks.Choice(_estimator, ["ML", "GLS", "ULS", "MLM", "MLR"], ["MLMV", "MLMVS", "MLF", "WLS", "DWLS", "WLSM", "WLSMV", "WLSMVS", "ULSM", "ULSMV", "ULSMVS", "DLS", "PML", "FML", "IV", "MML", "REML", "BAYES", "CATML"],
            v => $"--estimator {v} is not supported yet by semlib method-bias; use ML, GLS, ULS, MLM or MLR.",
            v => $"--estimator {v} is not an estimator; use ML, GLS, ULS, MLM or MLR.");
        _marker.Validators.Add(r =>
        {
            if (Markers(r.GetValueOrDefault<string[]>() ?? [], out _) is { } error) r.AddError(error);
        });
        _report.Validators.Add(r =>
        {
            foreach (var path in r.GetValueOrDefault<string[]>() ?? [])
                if (!ReportExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                    r.AddError($"--report {path}: the extension must be .html or .md (it chooses the format).");
        });
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    /// <summary>The marker names from repeated and comma-separated values; the first problem, or null.</summary>
    private static string? Markers(string[] values, out List<string> markers)
    {
        markers = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (markers.Any(m => m.Length == 0)) return "--marker has an empty item name; separate items with blanks or single commas.";
        var twice = markers.GroupBy(m => m, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) return $"--marker names {MessageText.Quote(twice.Key)} twice.";
        if (markers.Count == 1) return $"--marker: the marker technique needs at least two marker items (got {MessageText.Quote(markers[0])}).";
        return null;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_verbose);
        string? modelPath = parse.GetValue(_model);
        try
        {
            bool json = _format.Json(parse);
            string syntax = OptionChecks.ReadText(modelPath!, "model");
            string dataPath = parse.GetValue(_data)!;
            var encoding = _encoding.Get(parse);
            var data = OptionChecks.Read(dataPath, "data", () => DataSet.ReadCsv(dataPath, encoding));
            if (verbose) stderr.WriteLine($"semlib method-bias: read {dataPath}: {data.RowCount} rows, {data.Names.Count} columns");
            Markers(parse.GetValue(_marker) ?? [], out var markers);
            var options = new MethodBiasOptions
            {
                Markers = markers,
                Fit = ModelOptions.Default with
                {
                    Estimator = Enum.Parse<Estimation.Estimator>(parse.GetValue(_estimator)!, ignoreCase: true),
                    StdLv = parse.GetValue(_stdLv),
                    MaxIterations = parse.GetValue(_iterMax),
                },
            };
            var result = MethodBias.Run(syntax, data, options);

            // The whole output is built before anything is written, so it is never half-written.
            string output = json ? MethodBiasJson.ToJson(result) + Environment.NewLine : MethodBiasText.Format(result);
            foreach (var path in parse.GetValue(_report) ?? [])
            {
                var doc = MethodBiasReportSections.Document(result, "Common method bias: " + Path.GetFileNameWithoutExtension(modelPath!));
                string content = Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase) ? doc.ToMarkdown() : doc.ToHtml();
                try
                {
                    OutputFiles.Write(path, w => w.Write(content));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new AnalysisFailedException($"cannot write the report '{path}': {e.Message}");
                }
                stderr.WriteLine($"semlib method-bias: report written to {path}");
            }
            int code = CommandOutput.Success("method-bias", output, json, result.Warnings, stdout, stderr);
            if (AllClean(result)) return code;
            Failures.WriteError(stderr, $"semlib method-bias: a model did not converge cleanly (not converged, an inadmissible solution or a singular information matrix; see the warnings); exit code {ExitCodes.NotClean}.{Environment.NewLine}");
            return ExitCodes.NotClean;
        }
        catch (Exception e)
        {
            return Failures.Report(e, "method-bias", modelPath, verbose, stderr);
        }
    }

    private static bool AllClean(MethodBiasResult r)
    {
        var fits = new List<ModelFitSummary> { r.Measurement, r.Harman.SingleFactor, r.CommonLatentFactor.Fit };
        if (r.Marker is { } m) fits.AddRange([m.Cfa, m.Baseline, m.MethodC, m.MethodU, m.MethodR]);
        return fits.All(f => f.Clean);
    }
}
