using System.CommandLine;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Reporting.Json;
using SemLib.Reporting.Text;

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

    private readonly DataOptions _source = new();

    private readonly EstimationOptions _estimation = new EstimationOptions("The estimator of every model: ML, GLS, ULS, MLM or MLR (with MLM and MLR the models are compared by the scaled chi-square difference test); for --ordered items WLSMV (their default), DWLS, WLS or ULSMV. Case-insensitive.").Validated();

    private readonly Option<bool> _stdLv = new("--std-lv")
    {
        Description = "Identify factors by fixing their variances to 1 (lavaan's std.lv).",
    };

    private readonly FormatOption _format = new("Output: text (lavaan's lavTestLRT table) or json (an array of rows, nothing else on standard output).");

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Report progress on standard error, and the stack trace when something fails.",
    };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("compare", "Compare nested models fitted to the same data: chi-square difference tests (lavaan's lavTestLRT).");
        foreach (var option in (Option[])[_model, _source.Data, _source.Cov, _source.NObs, _source.Encoding, .. _estimation.All, _stdLv, _source.Group, _format, _verbose])
            command.Options.Add(option);
        OptionChecks.ExistingFiles(_model, "model");
        _model.Validators.Add(r =>
        {
            if ((r.GetValueOrDefault<string[]>() ?? []).Length < 2) r.AddError("Give at least two models to compare (--model A.lav --model B.lav).");
        });
        command.Validators.Add(_source.Check);
        command.Validators.Add(r => _estimation.Check(r, _source));
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
            bool json = _format.Json(parse);
            var paths = parse.GetValue(_model)!;
            var options = _estimation.Apply(ModelOptions.Default with
            {
                StdLv = parse.GetValue(_stdLv),
                Group = parse.GetValue(_source.Group),
            }, parse);
            var fits = new List<SemFit>();
            Inputs? first = null;
            foreach (var path in paths)
            {
                current = path;
                var inputs = first is null
                    ? _source.Load(parse, path)
                    : first.WithModel(path);
                if (first is null) EstimationOptions.CheckData(inputs, options);
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
            var warnings = fits.SelectMany((f, i) => f.Warnings.Select(w => $"{paths[i]}: {w.Message}"));
            return CommandOutput.Success("compare", output, json, warnings, stdout, stderr);
        }
        catch (Exception e)
        {
            return Failures.Report(e, "compare", current, verbose, stderr);
        }
    }
}
