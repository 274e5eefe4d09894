using System.CommandLine;
using SemLib.Estimation;

namespace SemLib.Cli;

/// <summary>
/// --estimator, for every command that fits models: ML (the default), GLS, ULS, MLM (ML with Satorra-Bentler robust
/// standard errors and scaled test) or MLR (ML with Huber-White sandwich standard errors and the Yuan-Bentler scaled
/// test). lavaan's other estimators are recognised so that the message can say "not supported yet" rather than "not an
/// estimator".
/// </summary>
internal sealed class EstimatorOption : Option<string>
{
    private static readonly string[] Supported = ["ML", "GLS", "ULS", "MLM", "MLR"];

    /// <summary>lavaan's other estimators (lavOptions "estimator").</summary>
    private static readonly string[] Later =
        ["MLMV", "MLMVS", "MLF", "WLS", "DWLS", "WLSM", "WLSMV", "WLSMVS", "ULSM", "ULSMV", "ULSMVS", "DLS", "PML", "FML", "IV", "MML", "REML", "BAYES", "CATML"];

    /// <param name="description">The option's help text.</param>
    public EstimatorOption(string description) : base("--estimator")
    {
        Description = description;
        const string list = "ML, GLS, ULS, MLM or MLR";
        HelpName = string.Join('|', Supported);
        DefaultValueFactory = _ => "ML";
        OptionChecks.Choice(this, Supported, [.. Supported, .. Later],
            v => $"--estimator {v} is not supported yet; use {list}.",
            v => $"--estimator {v} is not an estimator; use {list}.");
    }

    /// <summary>The estimator the command line names.</summary>
    public Estimator Value(ParseResult parse) => Parse(parse.GetValue(this));

    /// <summary>A supported estimator's name as the enum (ML for null or a name the validator reports).</summary>
    public static Estimator Parse(string? name) =>
        Enum.TryParse<Estimator>(name, ignoreCase: true, out var e) && Supported.Contains(name, StringComparer.OrdinalIgnoreCase) ? e : Estimator.ML;
}
