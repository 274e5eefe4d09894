using System.CommandLine;
using SemLib.Estimation;

namespace SemLib.Cli;

/// <summary>
/// --estimator, for every command that fits models: ML (the default), GLS or ULS. lavaan's other estimators are
/// recognised so that the message can say "not supported yet" rather than "not an estimator".
/// </summary>
internal sealed class EstimatorOption : Option<string>
{
    private static readonly string[] Supported = ["ML", "GLS", "ULS"];

    /// <summary>lavaan's other estimators (lavOptions "estimator").</summary>
    private static readonly string[] Later =
        ["MLM", "MLMV", "MLMVS", "MLF", "MLR", "WLS", "DWLS", "WLSM", "WLSMV", "WLSMVS", "ULSM", "ULSMV", "ULSMVS", "DLS", "PML", "FML", "IV", "MML", "REML", "BAYES", "CATML"];

    public EstimatorOption(string description) : base("--estimator")
    {
        Description = description;
        HelpName = "ML|GLS|ULS";
        DefaultValueFactory = _ => "ML";
        OptionChecks.Choice(this, Supported, Later,
            v => $"--estimator {v} is not supported yet; SemLib estimates ML, GLS and ULS.",
            v => $"--estimator {v} is not an estimator; use ML, GLS or ULS.");
    }

    /// <summary>The estimator the command line names.</summary>
    public Estimator Value(ParseResult parse) => Enum.Parse<Estimator>(parse.GetValue(this)!, ignoreCase: true);
}
