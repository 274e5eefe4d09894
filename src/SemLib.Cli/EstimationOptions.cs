using System.CommandLine;
using System.CommandLine.Parsing;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;
using static SemLib.Cli.OptionChecks;

namespace SemLib.Cli;

/// <summary>
/// How the models of a command are estimated and tested, for every command that fits models to given data (fit, bench,
/// compare): --estimator, --test, --missing, --cluster, --information, --ordered and --parameterization, in lavaan's
/// names with lavaan's defaults
/// (an option not given leaves the choice to <see cref="ModelOptions"/>, which applies lavaan's default for the
/// estimator). Combinations that cannot work are usage errors (exit code 2) saying why.
/// </summary>
internal sealed class EstimationOptions
{
    public EstimationOptions(string estimatorDescription) => Estimator = new EstimatorOption(estimatorDescription, categorical: true);

    public EstimatorOption Estimator { get; }

    /// <summary>--ordered and --parameterization.</summary>
    public OrderedOptions Ordering { get; } = new();

    public Option<string?> Test { get; } = new("--test")
    {
        Description = "The model test besides the standard chi-square (lavaan's test): standard, satorra.bentler (MLM's default), yuan.bentler.mplus (MLR's default), yuan.bentler or scaled.shifted (the mean- and variance-adjusted test, WLSMV's and ULSMV's default). Default: the estimator's.",
        HelpName = "TEST",
    };

    public Option<string> Missing { get; } = NewMissingOption();

    /// <summary>
    /// A --missing option with its value checks: here, and for a command with its own estimator option (invariance)
    /// that takes only this one of the estimation options.
    /// </summary>
    public static Option<string> NewMissingOption()
    {
        var option = new Option<string>("--missing")
        {
            Description = "Missing values: listwise (rows with a missing value on a model variable are dropped; the default) or ml (full-information ML: every row contributes the values it has; lavaan also calls it fiml and direct). ml.x also keeps rows with missing exogenous covariates. ml needs --data and an ML-family estimator (ML or MLR). With --ordered items: pairwise (each threshold and polychoric correlation from the rows that have its variables; lavaan also calls it available.cases).",
            HelpName = "listwise|ml|ml.x|pairwise",
            DefaultValueFactory = _ => "listwise",
        };
        Choice(option, [.. Listwise, .. Fiml, .. FimlX, .. Pairwise], ["two.stage", "robust.two.stage", "doubly.robust"],
            v => $"--missing {v} is not supported yet; use listwise, ml (full-information ML) or, with ordered items, pairwise.",
            v => $"--missing {v} is not valid; use listwise, ml (full-information ML), ml.x or pairwise.");
        return option;
    }

    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "A column naming the cluster (primary sampling unit) of each row: cluster-robust standard errors and test (lavaan's cluster, single-level model). Needs --data.",
        HelpName = "COLUMN",
    };

    public Option<string?> Information { get; } = new("--information")
    {
        Description = "The information matrix behind the standard errors: expected or observed. Default as lavaan's: observed for MLR and with --missing ml, expected otherwise.",
        HelpName = "expected|observed",
    };

    /// <summary>lavaan's names of the missing-data policies (lavOptions "missing").</summary>
    private static readonly string[] Listwise = ["listwise", "default"], Fiml = ["ml", "fiml", "direct"], FimlX = ["ml.x", "fiml.x", "direct.x"],
        Pairwise = ["pairwise", "available.cases"];

    /// <summary>The options, for a command's option list.</summary>
    public IEnumerable<Option> All => [Estimator, Test, Missing, Cluster, Information, .. Ordering.All];

    /// <summary>Adds the value checks of the options; <see cref="Check"/> adds those that involve more than one option.</summary>
    public EstimationOptions Validated()
    {
        Choice(Information, ["expected", "observed"], ["first.order"],
            v => $"--information {v} is not supported yet; use expected or observed.",
            v => $"--information {v} is not valid; use expected or observed.");
        Choice(Test, ["standard", "satorra.bentler", "yuan.bentler", "yuan.bentler.mplus", "scaled.shifted"],
            ["mean.var.adjusted", "satterthwaite", "browne.residual.adf", "browne.residual.nt", "browne.residual.nt.model", "browne.residual.adf.model", "bollen.stine", "none"],
            v => $"--test {v} is not supported yet; use standard, satorra.bentler, yuan.bentler, yuan.bentler.mplus or scaled.shifted"
                 + (v.Equals("bollen.stine", StringComparison.OrdinalIgnoreCase) ? " (the Bollen-Stine bootstrap is --se bootstrap --bollen-stine)." : "."),
            v => $"--test {v} is not valid; use standard, satorra.bentler, yuan.bentler, yuan.bentler.mplus or scaled.shifted.");
        return this;
    }

    /// <summary>
    /// The checks that involve the data source or the estimator: full-information ML and clusters need raw data, and
    /// FIML needs an estimator of the ML family other than MLM (lavaan refuses the others).
    /// </summary>
    public void Check(CommandResult result, DataOptions source)
    {
        Ordering.Check(result, source);
        bool cov = source.IsCovariance(result);
        var missing = MissingValue(result.GetValue(Missing));
        if (missing == MissingPolicy.Pairwise && cov)
            result.AddError($"--missing {result.GetValue(Missing)} needs raw data (--data): each statistic uses the rows that have its variables, and a covariance matrix has no rows.");
        if (missing.IsFullInformation())
        {
            string given = result.GetValue(Missing)!;
            if (cov)
                result.AddError($"--missing {given} (full-information ML) needs raw data (--data): it uses the values each row has, and a covariance matrix has no rows.");
            var estimator = EstimatorOption.Parse(result.GetValue(Estimator));
            if (estimator == SemLib.Estimation.Estimator.MLM)
                result.AddError($"--estimator MLM needs complete data: its Satorra-Bentler corrections come from the moments of complete rows, so lavaan does not allow missing = \"ml\" with MLM. Use --estimator MLR (robust full-information ML) or --missing listwise.");
            else if (estimator is SemLib.Estimation.Estimator.GLS or SemLib.Estimation.Estimator.ULS)
                result.AddError($"--missing {given} (full-information ML) needs an ML estimator (ML or MLR); lavaan does not allow it with {estimator}.");
            if (TestValue(result.GetValue(Test)) is TestType.SatorraBentler or TestType.ScaledShifted)
                result.AddError($"--test {result.GetValue(Test)} needs complete data (it uses the moments of complete rows); with --missing {given} use --test yuan.bentler.mplus or yuan.bentler.");
        }
        if (cov && Given(result.GetResult(Cluster)))
            result.AddError("--cluster needs raw data (--data): the clusters are a column of the rows, and a covariance matrix has no rows.");
        else if (Given(result.GetResult(Cluster)) && EstimatorOption.Parse(result.GetValue(Estimator)) != SemLib.Estimation.Estimator.MLR)
            result.AddError($"--cluster gives cluster-robust standard errors and test, which SemLib computes with --estimator MLR (Huber-White standard errors, Yuan-Bentler test); add --estimator MLR.");
    }

    /// <summary>True when the command line asks for full-information ML (--missing ml or ml.x).</summary>
    public bool IsFullInformation(CommandResult result) => MissingValue(result.GetValue(Missing)).IsFullInformation();

    /// <summary>The options the command line gives, on top of <paramref name="options"/> (what it does not give stays as it is).</summary>
    public ModelOptions Apply(ModelOptions options, ParseResult parse)
    {
        options = Ordering.Apply(options, parse);
        // Not given: lavaan's default for the data (ML, or WLSMV with ordered items), which ModelOptions applies.
        if (Estimator.Value(parse) is { } estimator) options = options with { Estimator = estimator };
        return options with
        {
            Test = TestValue(parse.GetValue(Test)),
            Missing = MissingValue(parse.GetValue(Missing)),
            Cluster = parse.GetValue(Cluster),
            Information = parse.GetValue(Information)?.ToLowerInvariant() switch
            {
                "observed" => InformationType.Observed,
                "expected" => InformationType.Expected,
                _ => null,
            },
        };
    }

    /// <summary>
    /// Checks what only the data can tell: the --cluster column exists (as a missing --group column, this is a problem
    /// of the data, exit code 1, naming the data file and its columns).
    /// </summary>
    public static void CheckData(Inputs inputs, ModelOptions options)
    {
        if (options.Cluster is not string cluster || inputs.Data is not DataSet data) return;
        if (!data.Names.Contains(cluster, StringComparer.Ordinal))
            throw new AnalysisFailedException($"{data.Source}: the cluster variable {MessageText.Quote(cluster)} is not a column of the data (columns are: {MessageText.List(data.Names)}).");
    }

    /// <summary>The missing-data policy a --missing value names (lavaan's aliases included).</summary>
    public static MissingPolicy MissingValue(string? value)
    {
        if (value is null) return MissingPolicy.Listwise;
        if (Fiml.Contains(value, StringComparer.OrdinalIgnoreCase)) return MissingPolicy.ML;
        if (FimlX.Contains(value, StringComparer.OrdinalIgnoreCase)) return MissingPolicy.MLX;
        if (Pairwise.Contains(value, StringComparer.OrdinalIgnoreCase)) return MissingPolicy.Pairwise;
        return MissingPolicy.Listwise;
    }

    private static TestType? TestValue(string? value) => value?.ToLowerInvariant() switch
    {
        "standard" => TestType.Standard,
        "satorra.bentler" => TestType.SatorraBentler,
        "yuan.bentler" => TestType.YuanBentler,
        "yuan.bentler.mplus" => TestType.YuanBentlerMplus,
        "scaled.shifted" => TestType.ScaledShifted,
        _ => null,
    };
}
