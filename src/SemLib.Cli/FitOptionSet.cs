using System.CommandLine;
using System.CommandLine.Parsing;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Resampling;
using SemLib.Specification;
using static SemLib.Cli.OptionChecks;

namespace SemLib.Cli;

/// <summary>
/// The options <c>fit</c> and <c>bench</c> share: input files and lavaan's model options, in lavaan's kebab-case
/// names with lavaan's defaults. Values the library cannot honour yet are parse errors (exit code 2) saying so,
/// never silently ignored. Each command gets its own instances.
/// </summary>
internal sealed class FitOptionSet
{
    public Option<string> Model { get; } = new("--model")
    {
        Description = "The model in lavaan syntax: a text file.",
        HelpName = "MODEL.lav",
        Required = true,
    };

    /// <summary>--data, or --cov with --nobs, and --group.</summary>
    public DataOptions Source { get; } = new();

    /// <summary>--estimator, --test, --missing, --cluster, --information, --ordered and --parameterization.</summary>
    public EstimationOptions Estimation { get; } = new EstimationOptions("The estimator: ML (the default), GLS, ULS, MLM (ML with Satorra-Bentler robust standard errors and scaled test; complete data) or MLR (ML with Huber-White sandwich standard errors and the Yuan-Bentler scaled test; also with --missing ml and --cluster); for --ordered items WLSMV (the default with --ordered: DWLS estimates, robust standard errors, scaled-shifted test), DWLS, WLS or ULSMV. Case-insensitive.").Validated();

    public Option<bool> StdLv { get; } = new("--std-lv")
    {
        Description = "Identify factors by fixing their variances to 1 instead of their first loadings (lavaan's std.lv).",
    };

    public Option<bool> MeanStructure { get; } = new("--meanstructure")
    {
        Description = "Estimate intercepts and means (lavaan's meanstructure; on by default with --group, as in lavaan). Needs --data.",
    };

    public Option<bool> FixedX { get; } = new("--fixed-x")
    {
        Description = "Fix the variances and covariances of exogenous observed covariates at their sample values (lavaan's fixed.x; default true for ML, false for GLS and ULS, as in lavaan).",
        HelpName = "true|false",
        Arity = ArgumentArity.ExactlyOne,
    };

    public Option<bool> Orthogonal { get; } = new("--orthogonal")
    {
        Description = "Make latent variables uncorrelated unless the model says otherwise (lavaan's orthogonal).",
    };

    /// <summary>--group-equal and --group-partial.</summary>
    public GroupEqualityOptions GroupEquality { get; } = new();

    public Option<string?> Se { get; } = new("--se")
    {
        Description = "Standard errors (lavaan's se): standard (information-based), robust (robust.sem with complete data, robust.huber.white with --missing ml, as lavaan), robust.sem (Satorra-Bentler sandwich), robust.huber.white (Huber-White sandwich from casewise scores, cluster-robust with --cluster), none, or bootstrap (nonparametric, resampling rows; needs --data). Default: the estimator's (standard for ML, GLS, ULS, DWLS and WLS; robust.sem for MLM, WLSMV and ULSMV; robust.huber.white for MLR).",
        HelpName = "standard|robust|robust.sem|robust.huber.white|none|bootstrap",
    };

    public Option<int> Bootstrap { get; } = new("--bootstrap")
    {
        Description = "Bootstrap draws for --se bootstrap (lavaan's bootstrap = 1000 by default).",
        HelpName = "R",
        DefaultValueFactory = _ => 1000,
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Random seed of the bootstrap (default 1): the same seed gives the same draws, whatever the number of cores.",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
    };

    public Option<string> Ci { get; } = new("--ci")
    {
        Description = "Confidence intervals. Alone: add the ci.lower and ci.upper columns (normal-theory 95% intervals, est ± 1.96·SE) to the text summary, as lavaan's summary(fit, ci = TRUE). With a value and --se bootstrap: the bootstrap interval (lavaan's boot.ci.type): perc (percentile, the default), bc (bias-corrected; lavaan's bca.simple) or bca (bias-corrected and accelerated).",
        HelpName = "perc|bc|bca",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "perc",
    };

    public Option<bool> BollenStine { get; } = new("--bollen-stine")
    {
        Description = "With --se bootstrap, also the Bollen-Stine bootstrap p-value of the model chi-square (as many draws again; lavaan's test = \"bollen.stine\").",
    };

    public Option<string[]> Effect { get; } = new("--effect")
    {
        Description = "With --se bootstrap, bootstrap the total, direct, total indirect and specific indirect effects of FROM on TO (repeat the option for more effects).",
        HelpName = "FROM:TO",
    };

    public Option<int> IterMax { get; } = new("--iter-max")
    {
        Description = "Maximum optimizer iterations per attempt (lavaan's control = list(iter.max = N)).",
        HelpName = "N",
        DefaultValueFactory = _ => Specification.ModelOptions.Default.MaxIterations,
    };

    public FormatOption Format { get; } = new("Output: text (a lavaan-style summary) or json (the documented JSON document, nothing else on standard output).");

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Report progress on standard error, and the stack trace when something fails.",
    };

    public FitOptionSet()
    {
        Choice(Se, ["standard", "robust", "robust.sem", "robust.huber.white", "none", "bootstrap", "boot"], ["robust.cluster", "robust.cluster.sem", "sandwich", "first.order", "two.stage", "robust.two.stage"],
            v => $"--se {v} is not supported yet; use standard, robust, robust.sem, robust.huber.white, none or bootstrap.",
            v => $"--se {v} is not valid; use standard, robust, robust.sem, robust.huber.white, none or bootstrap.");
        Choice(Ci, ["perc", "bc", "bca.simple", "bca"], ["norm", "basic"],
            v => $"--ci {v} is not supported yet; use perc, bc or bca.",
            v => $"--ci {v} is not valid; use perc, bc or bca.");
        NumberOptions.Integer(Bootstrap, 2, NumberOptions.MaxRepetitions);
        NumberOptions.Integer(Seed, int.MinValue);
        Effect.Validators.Add(r =>
        {
            foreach (var e in r.GetValueOrDefault<string[]>() ?? [])
                if (ParseEffect(e) is null) r.AddError($"--effect '{e}' is not valid; write FROM:TO with two variable names, e.g. --effect cond:reaction.");
        });
        ExistingFile(Model, "model");
        NumberOptions.Integer(IterMax, 1, NumberOptions.MaxIterations);
    }

    /// <summary>Adds the options to a command, with the checks that involve more than one option.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
        command.Validators.Add(Source.Check);
        command.Validators.Add(r => Estimation.Check(r, Source));
        command.Validators.Add(Combinations);
    }

    private IEnumerable<Option> All =>
    [
        Model, Source.Data, Source.Cov, Source.NObs, Source.Encoding, .. Estimation.All, StdLv, MeanStructure, FixedX, Orthogonal, Source.Group,
        GroupEquality.GroupEqual, GroupEquality.GroupPartial, Se, Bootstrap, Seed, Ci, BollenStine, Effect, IterMax, Format, Verbose,
    ];

    private void Combinations(CommandResult result)
    {
        bool cov = Source.IsCovariance(result);
        if (cov && Given(result.GetResult(MeanStructure)) && result.GetValue(MeanStructure))
            result.AddError("--meanstructure needs raw data (--data); a covariance matrix has no means.");
        if (string.Equals(result.GetValue(Se), "robust.sem", StringComparison.OrdinalIgnoreCase) && Estimation.IsFullInformation(result))
            result.AddError("--se robust.sem needs complete data (it uses the moments of complete rows); with --missing ml use --se robust.huber.white (or robust, which means it there).");
        bool bootstrap = IsBootstrapValue(result.GetValue(Se));
        if (bootstrap && cov)
            result.AddError("--se bootstrap resamples rows, so it needs raw data (--data), not a covariance matrix.");
        if (bootstrap && IsCategorical(result) && result.GetValue(BollenStine))
            result.AddError("--bollen-stine is not available with ordered items: its transformation of the rows is for continuous data; use the ordinary bootstrap (--se bootstrap).");
        if (!bootstrap)
        {
            foreach (var option in new Option[] { Bootstrap, Seed, BollenStine, Effect })
                if (Given(result.GetResult(option)))
                    result.AddError($"{option.Name} only goes with --se bootstrap.");
            if (result.GetResult(Ci) is { Implicit: false, Tokens.Count: > 0 } ci)
                result.AddError($"--ci {ci.Tokens[0].Value} chooses a bootstrap interval, so it only goes with --se bootstrap; --ci alone adds the normal-theory interval columns.");
        }
    }

    /// <summary>True when the command line asks for ordered items: --ordered, or an estimator of ordered items (WLSMV, DWLS, WLS, ULSMV).</summary>
    public bool IsCategorical(CommandResult result) =>
        Given(result.GetResult(Estimation.Ordering.Ordered)) || EstimatorOption.Parse(result.GetValue(Estimation.Estimator)) is { } e && e.IsCategorical();

    /// <summary>True when --ci was given (with or without a value): the summary shows the interval columns.</summary>
    public bool ConfidenceIntervals(ParseResult parse) => Given(parse.GetResult(Ci));

    /// <summary>True for --se bootstrap (or lavaan's alias boot).</summary>
    public bool IsBootstrap(ParseResult parse) => IsBootstrapValue(parse.GetValue(Se));

    private static bool IsBootstrapValue(string? se) =>
        string.Equals(se, "bootstrap", StringComparison.OrdinalIgnoreCase) || string.Equals(se, "boot", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The bootstrap settings of the command line (draws, seed, interval, Bollen-Stine, effects) for this fit. Said
    /// before any draw: a fit that did not converge has nothing to bootstrap (exit 1), and --effect must name variables
    /// of the model (exit 2).
    /// </summary>
    public BootstrapOptions BootstrapOptions(ParseResult parse, SemFit fit)
    {
        if (!fit.Converged)
            throw new AnalysisFailedException($"the model did not converge after {fit.Iterations} iterations, so there is nothing to bootstrap.");
        var settings = BootstrapSettings(parse);
        CheckEffects(fit, settings);
        CheckMemory(fit, settings);
        return settings;
    }

    /// <summary>
    /// Refuses a --bootstrap whose draws cannot be kept: each converged draw keeps an array of its statistics (every
    /// parameter, and up to 16 per --effect: total, direct, indirect and specific paths), plus a reference and a sorted
    /// copy per statistic while summarising; Bollen-Stine keeps one more small array per draw (<see cref="MemoryLimits"/>).
    /// </summary>
    private static void CheckMemory(SemFit fit, BootstrapOptions settings)
    {
        double statistics = fit.Parameters.Count + 16.0 * settings.Effects.Count;
        double perDraw = statistics * sizeof(double) + MemoryLimits.ArrayOverhead + 2 * sizeof(double)
            + (settings.BollenStine ? MemoryLimits.ArrayOverhead + 2 * sizeof(double) : 0);
        MemoryLimits.Check("--bootstrap", MemoryLimits.Times(settings.Draws, perDraw), $"{settings.Draws} draws of {statistics} statistics");
    }

    private BootstrapOptions BootstrapSettings(ParseResult parse) => new()
    {
        Draws = parse.GetValue(Bootstrap),
        Seed = parse.GetValue(Seed),
        Interval = parse.GetValue(Ci)!.ToLowerInvariant() switch
        {
            "bc" or "bca.simple" => BootstrapInterval.BiasCorrected,
            "bca" => BootstrapInterval.BiasCorrectedAccelerated,
            _ => BootstrapInterval.Percentile,
        },
        BollenStine = parse.GetValue(BollenStine),
        Effects = (parse.GetValue(Effect) ?? []).Select(e => ParseEffect(e)!.Value).ToList(),
    };

    private static void CheckEffects(SemFit fit, BootstrapOptions settings)
    {
        var variables = fit.Table.ObservedVariables.Concat(fit.Table.LatentVariables).ToHashSet(StringComparer.Ordinal);
        foreach (var (from, to) in settings.Effects)
        {
            foreach (var name in new[] { from, to })
                if (!variables.Contains(name))
                    throw new CliUsageException($"--effect {from}:{to}: '{name}' is not a variable of the model (its variables are: {string.Join(", ", variables)}).");
            if (from == to) throw new CliUsageException($"--effect {from}:{to}: an effect needs two different variables.");
        }
    }

    /// <summary>FROM:TO as a pair of names, or null when it is not of that form.</summary>
    private static (string From, string To)? ParseEffect(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2) return null;
        string from = parts[0].Trim(), to = parts[1].Trim();
        return from.Length == 0 || to.Length == 0 ? null : (from, to);
    }

    /// <summary>The lavaan options the command line asked for, with lavaan's defaults where it did not say.</summary>
    public ModelOptions ModelOptions(ParseResult parse)
    {
        var options = new ModelOptions
        {
            StdLv = parse.GetValue(StdLv),
            // lavaan's meanstructure = "default" is TRUE with more than one group.
            MeanStructure = Given(parse.GetResult(MeanStructure)) ? parse.GetValue(MeanStructure) : null,
            // lavaan 0.6's fixed.x = "default" is TRUE for ML and FALSE for GLS and ULS (lavInspect(fit, "options")$fixed.x).
            FixedX = Given(parse.GetResult(FixedX)) ? parse.GetValue(FixedX) : null,
            Orthogonal = parse.GetValue(Orthogonal),
            Group = parse.GetValue(Source.Group),
            MaxIterations = parse.GetValue(IterMax),
            GroupEqual = GroupEquality.Equal(parse),
            GroupPartial = GroupEquality.Partial(parse),
        };
        options = Estimation.Apply(options, parse);
        return options with { StandardErrors = StandardErrorsValue(parse.GetValue(Se), options.Missing) };
    }

    /// <summary>
    /// lavaan's se: null (not given, or bootstrap, whose fit has the estimator's own standard errors) leaves the
    /// estimator's default; robust is robust.sem with complete data and robust.huber.white with full-information ML.
    /// </summary>
    private static StandardErrorType? StandardErrorsValue(string? se, Data.MissingPolicy missing) => se?.ToLowerInvariant() switch
    {
        "standard" => StandardErrorType.Standard,
        "robust" => missing.IsFullInformation() ? StandardErrorType.RobustHuberWhite : StandardErrorType.RobustSem,
        "robust.sem" => StandardErrorType.RobustSem,
        "robust.huber.white" => StandardErrorType.RobustHuberWhite,
        "none" => StandardErrorType.None,
        _ => null,
    };
}
