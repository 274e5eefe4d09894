using System.CommandLine;
using System.CommandLine.Parsing;
using SemLib.Specification;
using SemLib.Syntax;
using static SemLib.Cli.OptionChecks;

namespace SemLib.Cli;

/// <summary>
/// Ordered (categorical) items, for the commands that fit models to raw data (fit, bench, compare, invariance):
/// <c>--ordered x1,x2,...</c> or <c>--ordered all</c> (lavaan's ordered) and <c>--parameterization delta|theta</c>.
/// A list that names no variable, or "all" among names, is a parse error (exit 2); so is a name that is not an observed
/// variable of the model (<see cref="Check"/>). With ordered items the estimator defaults to WLSMV, as in lavaan.
/// </summary>
internal sealed class OrderedOptions
{
    public Option<string?> Ordered { get; } = new("--ordered")
    {
        Description = "Ordered categorical items (lavaan's ordered): observed variables of the model, comma-separated, or all for every observed variable. Their categories are the distinct integer codes in the data; they are fitted to thresholds and polychoric correlations, by WLSMV unless --estimator says otherwise (DWLS, WLS or ULSMV). Needs --data.",
        HelpName = "x1,x2,...|all",
    };

    public Option<string?> Parameterization { get; } = new("--parameterization")
    {
        Description = "How the latent responses of ordered items are scaled (lavaan's parameterization): delta (the default: their total variances are 1, scale factors in \"Scales y*\") or theta (their residual variances are 1).",
        HelpName = "delta|theta",
    };

    public OrderedOptions()
    {
        Ordered.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is not string text) return;
            var names = Names(text);
            if (names.Count == 0 || names.Any(n => n.Length == 0))
                r.AddError($"--ordered {MessageText.Quote(text)} is not valid; give observed variables separated by commas (--ordered x1,x2,x3) or all.");
            else if (names.Count > 1 && names.Any(IsAll))
                r.AddError($"--ordered {MessageText.Quote(text)}: all orders every observed variable, so it comes alone.");
            else if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                r.AddError($"--ordered names {MessageText.Quote(twice.Key)} twice.");
        });
        Choice(Parameterization, ["delta", "theta"], [], null,
            v => $"--parameterization {v} is not valid; use delta or theta.");
    }

    /// <summary>The options, for a command's option list.</summary>
    public IEnumerable<Option> All => [Ordered, Parameterization];

    /// <summary>Ordered items need raw rows: with a covariance matrix (--cov) --ordered is a usage error.</summary>
    public void Check(CommandResult result, DataOptions source)
    {
        if (source.IsCovariance(result) && Given(result.GetResult(Ordered)))
            result.AddError("--ordered needs raw data (--data): ordered items are fitted to their thresholds and polychoric correlations, which come from the rows, and a covariance matrix has none.");
    }

    /// <summary>The options the command line gives, on top of <paramref name="options"/>.</summary>
    public ModelOptions Apply(ModelOptions options, ParseResult parse)
    {
        if (parse.GetValue(Ordered) is string text)
        {
            var names = Names(text);
            options = options with { Ordered = names.Count == 1 && IsAll(names[0]) ? [ModelOptions.AllOrdered] : names };
        }
        return parse.GetValue(Parameterization)?.ToLowerInvariant() switch
        {
            "theta" => options with { Parameterization = CategoricalParameterization.Theta },
            "delta" => options with { Parameterization = CategoricalParameterization.Delta },
            _ => options,
        };
    }

    /// <summary>
    /// A --ordered name that is not an observed variable of the model is a usage error (exit 2) naming it and the
    /// model's observed variables.
    /// </summary>
    public static void Check(ParsedModel model, ModelOptions options)
    {
        if (options.Ordered.Count == 0 || (options.Ordered.Count == 1 && options.Ordered[0] == ModelOptions.AllOrdered)) return;
        var observed = ParameterTableBuilder.ObservedVariables(model);
        var unknown = options.Ordered.Where(n => !observed.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new CliUsageException($"--ordered: {MessageText.List(unknown)} {(unknown.Count == 1 ? "is not an observed variable" : "are not observed variables")} of the model (its observed variables are: {MessageText.List(observed)}).");
    }

    private static List<string> Names(string text) => text.Split(',').Select(n => n.Trim()).ToList();

    private static bool IsAll(string name) => name.Equals(ModelOptions.AllOrdered, StringComparison.OrdinalIgnoreCase);
}
