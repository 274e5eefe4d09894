using System.CommandLine;
using SemLib.Reporting;
using SemLib.Specification;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib compare</c>: fits two or more nested models to the same data and prints lavaan's <c>lavTestLRT()</c>
/// table (<see cref="ModelComparison.ChiSquareDifference"/>): models by degrees of freedom, each tested against the
/// one before by the χ² difference, with AIC, BIC and the RMSEA of the difference. Models are named after their
/// files (without the extension).
/// </summary>
internal sealed class CompareCommand
{
    private readonly Option<string[]> _model = new("--model")
    {
        Description = "A model in lavaan syntax; give the option once per model (at least two, nested, on the same variables).",
        HelpName = "MODEL.lav",
        Required = true,
    };

    private readonly Option<string?> _data = new("--data")
    {
        Description = "Raw data: a CSV file with a header row of variable names; empty cells and NA are missing.",
        HelpName = "DATA.csv",
    };

    private readonly Option<string?> _cov = new("--cov")
    {
        Description = "A covariance matrix instead of raw data (header row of names, full symmetric matrix, divisor N-1). Needs --nobs.",
        HelpName = "COV.csv",
    };

    private readonly Option<int> _nobs = new("--nobs")
    {
        Description = "The number of observations behind --cov.",
        HelpName = "N",
    };

    private readonly Option<string> _estimator = new("--estimator")
    {
        Description = "The estimator of every model: ML, GLS or ULS.",
        HelpName = "ML|GLS|ULS",
        DefaultValueFactory = _ => "ML",
    };

    private readonly Option<bool> _stdLv = new("--std-lv")
    {
        Description = "Identify factors by fixing their variances to 1 (lavaan's std.lv).",
    };

    private readonly Option<string?> _group = new("--group")
    {
        Description = "A column that splits the data into groups (configural multi-group models). Needs --data.",
        HelpName = "COLUMN",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "Output: text (lavaan's lavTestLRT table) or json (an array of rows, nothing else on standard output).",
        HelpName = "text|json",
        DefaultValueFactory = _ => "text",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Report progress on standard error, and the stack trace when something fails.",
    };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("compare", "Compare nested models fitted to the same data: chi-square difference tests (lavaan's lavTestLRT).");
        foreach (var option in new Option[] { _model, _data, _cov, _nobs, _estimator, _stdLv, _group, _format, _verbose })
            command.Options.Add(option);
        _model.Validators.Add(r =>
        {
            var models = r.GetValueOrDefault<string[]>() ?? [];
            foreach (var m in models)
                if (Directory.Exists(m)) r.AddError($"The model file '{m}' is a directory, not a file.");
                else if (!File.Exists(m)) r.AddError($"The model file '{m}' does not exist.");
            if (models.Length < 2) r.AddError("Give at least two models to compare (--model A.lav --model B.lav).");
        });
        OptionChecks.ExistingFile(_data, "data");
        OptionChecks.ExistingFile(_cov, "covariance");
        OptionChecks.Choice(_estimator, ["ML", "GLS", "ULS"], [], null, v => $"--estimator {v} is not valid here; use ML, GLS or ULS.");
        OptionChecks.Choice(_format, ["text", "json"], [], null, v => $"--format {v} is not valid; use text or json.");
        command.Validators.Add(result =>
        {
            bool data = OptionChecks.Given(result.GetResult(_data)), cov = OptionChecks.Given(result.GetResult(_cov));
            if (data == cov) result.AddError(data ? "Give either --data or --cov, not both." : "Give the data: --data DATA.csv, or --cov COV.csv with --nobs N.");
            if (cov && !OptionChecks.Given(result.GetResult(_nobs))) result.AddError("--cov needs --nobs N, the number of observations behind the covariance matrix.");
            if (!cov && OptionChecks.Given(result.GetResult(_nobs))) result.AddError("--nobs only goes with --cov (with --data the observations are counted).");
            if (cov && OptionChecks.Given(result.GetResult(_group))) result.AddError("--group needs raw data (--data); a single covariance matrix has no groups.");
        });
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    /// <summary>Model names: the file names without extension, or with it, or m1, m2, ... when those repeat.</summary>
    internal static IReadOnlyList<string> Names(IReadOnlyList<string> paths)
    {
        var stems = paths.Select(Path.GetFileNameWithoutExtension).Select(n => n ?? "").ToList();
        if (stems.All(n => n.Length > 0) && stems.Distinct(StringComparer.Ordinal).Count() == stems.Count) return stems;
        var files = paths.Select(Path.GetFileName).Select(n => n ?? "").ToList();
        if (files.All(n => n.Length > 0) && files.Distinct(StringComparer.Ordinal).Count() == files.Count) return files;
        return Enumerable.Range(1, paths.Count).Select(i => $"m{i}").ToList();
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_verbose);
        string? current = null;
        try
        {
            bool json = parse.GetValue(_format)!.Equals("json", StringComparison.OrdinalIgnoreCase);
            var paths = parse.GetValue(_model)!;
            var options = ModelOptions.Default with
            {
                Estimator = Enum.Parse<Estimation.Estimator>(parse.GetValue(_estimator)!, ignoreCase: true),
                StdLv = parse.GetValue(_stdLv),
                Group = parse.GetValue(_group),
            };
            var fits = new List<SemFit>();
            Inputs? first = null;
            foreach (var path in paths)
            {
                current = path;
                var inputs = first is null
                    ? Inputs.Load(path, parse.GetValue(_data), parse.GetValue(_cov), parse.GetValue(_nobs))
                    : first.WithModel(path);
                first ??= inputs;
                var fit = inputs.Fit(options);
                if (verbose) stderr.WriteLine($"semlib compare: {path}: {fit.Status} after {fit.Iterations} iterations");
                if (!fit.Converged)
                    throw new AnalysisFailedException($"{path}: the model did not converge after {fit.Iterations} iterations; a model that did not converge cannot be compared.");
                fits.Add(fit);
            }
            current = null;
            var rows = ModelComparison.ChiSquareDifference(fits, Names(paths));

            // The whole output is built before anything is written, so it is never half-written.
            string output = json ? ModelComparisonJson.ToJson(rows) + Environment.NewLine : ModelComparisonText.Format(rows);
            stdout.Write(output);
            stdout.Flush();
            var warnings = fits.SelectMany((f, i) => f.Warnings.Select(w => $"{paths[i]}: {w}")).ToList();
            if (!json && warnings.Count > 0)
                stderr.Write(string.Concat(warnings.Select(w => $"semlib compare: warning: {Failures.OneLine(w)}{Environment.NewLine}")));
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            return Failures.Report(e, "compare", current, verbose, stderr);
        }
    }
}
