using System.CommandLine;
using System.Globalization;
using SemLib.Simulation;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Reporting.Json;
using SemLib.Reporting.Text;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib power</c>: a Monte Carlo power curve (<see cref="MonteCarlo.PowerCurve"/>): at each sample size, data
/// sets are drawn from the population model, the analysis model is fitted to each, and per parameter the bias, SE
/// ratio, coverage and power are reported with the convergence and model rejection rates. Each sample size is one
/// stage of the progress bar on standard error; its results are those of the whole curve (each size has its own
/// random streams, derived from the seed and the size).
/// </summary>
internal sealed class PowerCommand
{
    private readonly Option<string> _population = new("--population")
    {
        Description = "The population model in lavaan syntax, with the population values written in it (as semlib simulate reads it).",
        HelpName = "POP.lav",
        Required = true,
    };

    private readonly Option<string> _model = new("--model")
    {
        Description = "The analysis model fitted to each simulated data set, in lavaan syntax.",
        HelpName = "ANALYSIS.lav",
        Required = true,
    };

    private readonly Option<string> _n = new("--n")
    {
        Description = "Sample sizes, separated by commas.",
        HelpName = "100,200,400",
        Required = true,
    };

    private readonly Option<int> _replications = new("--replications")
    {
        Description = "Data sets per sample size.",
        HelpName = "R",
        DefaultValueFactory = _ => 1000,
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Random seed (default 1): the same seed gives the same study, whatever the number of cores.",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<bool> _standardized = new("--standardized")
    {
        Description = "Population residual variances not written in the model make every variable's variance 1 (lavaan's simulateData standardized = TRUE).",
    };

    private readonly Option<string?> _likert = new("--likert")
    {
        Description = "Cut the simulated scores into ordered categories 1..K at these increasing thresholds before fitting (e.g. --likert=-1.5,-0.5,0.5,1.5).",
        HelpName = "t1,t2,...",
    };

    private readonly Option<double> _alpha = new("--alpha")
    {
        Description = "Significance level of the parameter tests (power) and of the model test (rejection rate); coverage uses 1 - alpha intervals.",
        HelpName = "0.05",
        DefaultValueFactory = _ => 0.05,
    };

    private readonly EstimatorOption _estimator = new("The analysis model's estimator: ML (the default), GLS, ULS, MLM or MLR (robust standard errors and the scaled test in every replication); with --ordered WLSMV (the default then), DWLS, WLS or ULSMV.", categorical: true);

    private readonly OrderedOptions _ordered = new();

    private readonly Option<bool> _stdLv = new("--std-lv")
    {
        Description = "Identify the analysis model's factors by unit variances instead of marker loadings (population values are then in that metric).",
    };

    private readonly FormatOption _format = new("Output: text (a table per sample size) or json (the documented JSON document, nothing else on standard output).");

    private readonly Option<bool> _progress = new("--progress")
    {
        Description = "Show the progress bar on standard error even when it is not a terminal (on a terminal it is always shown).",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Report the settings on standard error, and the stack trace when something fails.",
    };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("power", "Monte Carlo power analysis: bias, SE ratio, coverage, power and convergence of an analysis model over sample sizes.");
        foreach (var option in new Option[] { _population, _model, _n, _replications, _seed, _standardized, _likert, _alpha, _estimator, _stdLv, _format, _progress, _verbose })
            command.Options.Add(option);
        foreach (var option in _ordered.All) command.Options.Add(option);
        command.Validators.Add(r =>
        {
            // Ordered items are the Likert-cut ones: each replication is fitted to its thresholds and polychoric correlations.
            if (OptionChecks.Given(r.GetResult(_ordered.Ordered)) && !OptionChecks.Given(r.GetResult(_likert)))
                r.AddError("--ordered needs --likert: the simulated scores are continuous until they are cut into ordered categories.");
            if (!OptionChecks.Given(r.GetResult(_ordered.Ordered)) && r.GetValue(_estimator) is string e
                && e.ToUpperInvariant() is "WLSMV" or "DWLS" or "WLS" or "ULSMV")
                r.AddError($"--estimator {e} fits ordered items: cut the scores with --likert and name the items with --ordered (e.g. --ordered all).");
        });
        OptionChecks.ExistingFile(_population, "population model");
        OptionChecks.ExistingFile(_model, "model");
        NumberOptions.Integer(_replications, 1, NumberOptions.MaxRepetitions);
        NumberOptions.Integer(_seed, int.MinValue);
        _n.Validators.Add(r => SampleSizes(r.GetValueOrDefault<string>(), r.AddError));
        _likert.Validators.Add(r => OptionChecks.LikertThresholds(r.GetValueOrDefault<string?>(), r.AddError));
        NumberOptions.Real(_alpha, 0, 1, exclusive: true);
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    /// <summary>The analysis options: the estimator (lavaan's default for the items when not given), std.lv, ordered items.</summary>
    private ModelOptions AnalysisOptions(ParseResult parse)
    {
        var options = _ordered.Apply(ModelOptions.Default with { StdLv = parse.GetValue(_stdLv) }, parse);
        return _estimator.Value(parse) is { } estimator ? options with { Estimator = estimator } : options;
    }

    /// <summary>Parses --n: positive integers separated by commas; reports a one-line error otherwise.</summary>
    private static int[]? SampleSizes(string? text, Action<string> error)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 2)
            {
                error($"--n '{text}' is not valid; give whole-number sample sizes from 2 to {int.MaxValue} separated by commas, e.g. --n 100,200,400.");
                return null;
            }
        }
        return sizes;
    }

    /// <summary>
    /// Refuses sample sizes or replications whose arrays cannot be held (<see cref="MemoryLimits"/>). At each size
    /// every thread keeps a data set of N rows (of at most all the population's variables: 8 bytes per value and an
    /// array per row), and three more are made to set the study up; each replication keeps its estimates and
    /// standard errors, at most p(p + 3)/2 of each for p variables (the number of sample moments).
    /// </summary>
    private static void CheckMemory(int[] sizes, int replications, int variables)
    {
        double row = variables * (double)sizeof(double) + MemoryLimits.ArrayOverhead + sizeof(int);
        double copies = Environment.ProcessorCount + 3;
        double perReplication = 2 * (variables * (variables + 3) / 2.0 * sizeof(double) + MemoryLimits.ArrayOverhead) + 48;
        MemoryLimits.Check("--replications", MemoryLimits.Times(replications, perReplication), $"{replications} replications");
        int n = sizes.Max();
        MemoryLimits.Check("--n", MemoryLimits.Times(n, row, copies) + MemoryLimits.Times(replications, perReplication),
            $"samples of N = {n} on {variables} variables ({copies} data sets at once)");
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_verbose);
        string? current = null; // the model file being read, for syntax-error messages
        try
        {
            bool json = _format.Json(parse);
            current = parse.GetValue(_population)!;
            var population = PopulationModel.FromSyntax(OptionChecks.ReadText(current, "population model"), parse.GetValue(_standardized));
            current = parse.GetValue(_model)!;
            string analysis = OptionChecks.ReadText(current, "model");
            ModelSyntax.Parse(analysis); // syntax errors name the analysis model's file
            current = null;

            var sizes = SampleSizes(parse.GetValue(_n), _ => { })!;
            var options = new MonteCarloOptions
            {
                Replications = parse.GetValue(_replications),
                Seed = parse.GetValue(_seed),
                Alpha = parse.GetValue(_alpha),
                ConfidenceLevel = 1 - parse.GetValue(_alpha),
                LikertThresholds = OptionChecks.LikertThresholds(parse.GetValue(_likert), _ => { }),
                Analysis = AnalysisOptions(parse),
            };
            CheckMemory(sizes, options.Replications, population.ObservedVariables.Count);
            if (verbose)
                stderr.WriteLine($"semlib power: {options.Replications} replications at N = {string.Join(", ", sizes)}, seed {options.Seed}, alpha {options.Alpha.ToString(CultureInfo.InvariantCulture)}");

            // One stage per sample size: PowerCurve at a single size gives exactly that size's part of the curve.
            var studies = ProgressDisplay.Run(stderr, parse.GetValue(_progress), stage => sizes.Select(n =>
            {
                var progress = stage($"N = {n} ({options.Replications} replications)", options.Replications);
                return MonteCarlo.PowerCurve(population, analysis, [n], options with { Progress = progress })[0];
            }).ToList());

            // The whole output is built before anything is written, so it is never half-written.
            string output = json ? MonteCarloJson.ToJson(studies) + Environment.NewLine : MonteCarloText.Format(studies);
            return CommandOutput.Success("power", output, json, [], stdout, stderr);
        }
        catch (Exception e)
        {
            return Failures.Report(e, "power", current, verbose, stderr);
        }
    }
}
