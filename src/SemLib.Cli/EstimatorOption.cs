using System.CommandLine;
using SemLib.Estimation;

namespace SemLib.Cli;

/// <summary>
/// --estimator, for every command that fits models: ML (the default), GLS, ULS, MLM (ML with Satorra-Bentler robust
/// standard errors and scaled test) or MLR (ML with Huber-White sandwich standard errors and the Yuan-Bentler scaled
/// test); for the commands that take --ordered also WLSMV, DWLS, WLS and ULSMV (ordered items), and then the option has
/// no fixed default: not given, it is lavaan's (ML, or WLSMV with ordered items). Values are case-insensitive. lavaan's
/// other estimators are recognised so that the message can say "not supported yet" rather than "not an estimator".
/// </summary>
internal sealed class EstimatorOption : Option<string>
{
    private static readonly string[] Continuous = ["ML", "GLS", "ULS", "MLM", "MLR"];

    /// <summary>The estimators of ordered (categorical) items.</summary>
    private static readonly string[] Categorical = ["WLSMV", "DWLS", "WLS", "ULSMV"];

    /// <summary>lavaan's estimators (lavOptions "estimator").</summary>
    private static readonly string[] Lavaan =
        [.. Continuous, .. Categorical, "MLMV", "MLMVS", "MLF", "WLSM", "WLSMVS", "ULSM", "ULSMVS", "DLS", "PML", "FML", "IV", "MML", "REML", "BAYES", "CATML"];

    private readonly string[] _supported;

    /// <param name="description">The option's help text.</param>
    /// <param name="categorical">
    /// Whether the command fits ordered items (takes --ordered): then WLSMV, DWLS, WLS and ULSMV are accepted too, and
    /// the option has no default value (lavaan's default depends on the data).
    /// </param>
    public EstimatorOption(string description, bool categorical = false) : base("--estimator")
    {
        Description = description;
        _supported = categorical ? [.. Continuous, .. Categorical] : Continuous;
        string list = string.Join(", ", _supported[..^1]) + " or " + _supported[^1];
        HelpName = string.Join('|', _supported);
        if (!categorical) DefaultValueFactory = _ => "ML";
        OptionChecks.Choice(this, _supported, Lavaan,
            v => $"--estimator {v} is not supported yet; use {list}.",
            v => $"--estimator {v} is not an estimator; use {list}.");
    }

    /// <summary>The estimator the command line names, or null when it names none (lavaan's default then applies).</summary>
    public Estimator? Value(ParseResult parse) => Parse(parse.GetValue(this));

    /// <summary>An estimator's name (any case) as the enum; null for null or a name the validator reports.</summary>
    public static Estimator? Parse(string? name) =>
        name is not null && Lavaan.Contains(name, StringComparer.OrdinalIgnoreCase) && Enum.TryParse<Estimator>(name, ignoreCase: true, out var e) ? e : null;
}
