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

    private readonly string[] _supported;

    /// <summary>lavaan's other estimators (lavOptions "estimator").</summary>
    private static readonly string[] Later =
        ["MLMV", "MLMVS", "MLF", "WLS", "DWLS", "WLSM", "WLSMV", "WLSMVS", "ULSM", "ULSMV", "ULSMVS", "DLS", "PML", "FML", "IV", "MML", "REML", "BAYES", "CATML"];

    /// <param name="description">The option's help text.</param>
    /// <param name="robust">
    /// Whether the command takes MLM and MLR, whose robust standard errors and tests need raw data (a command that fits
    /// covariance matrices, as power's Monte Carlo does, says they are not supported there).
    /// </param>
    public EstimatorOption(string description, bool robust = true) : base("--estimator")
    {
        Description = description;
        _supported = robust ? Supported : ["ML", "GLS", "ULS"];
        string list = robust ? "ML, GLS, ULS, MLM or MLR" : "ML, GLS or ULS";
        HelpName = string.Join('|', _supported);
        DefaultValueFactory = _ => "ML";
        OptionChecks.Choice(this, _supported, [.. Supported, .. Later],
            v => robust || !Supported.Contains(v, StringComparer.OrdinalIgnoreCase)
                ? $"--estimator {v} is not supported yet; use {list}."
                : $"--estimator {v} is not supported yet here: its robust standard errors and test need each data set's rows, and this command fits covariance matrices; use {list}.",
            v => $"--estimator {v} is not an estimator; use {list}.");
    }

    /// <summary>The estimator the command line names.</summary>
    public Estimator Value(ParseResult parse) => Parse(parse.GetValue(this));

    /// <summary>A supported estimator's name as the enum (ML for null or a name the validator reports).</summary>
    public static Estimator Parse(string? name) =>
        Enum.TryParse<Estimator>(name, ignoreCase: true, out var e) && Supported.Contains(name, StringComparer.OrdinalIgnoreCase) ? e : Estimator.ML;
}
