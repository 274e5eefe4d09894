using System.CommandLine;
using System.CommandLine.Parsing;

namespace SemLib.Cli;

/// <summary>
/// Where the data of a fit come from, for the commands that fit models to given data (fit, bench, compare): raw data
/// (--data) or a covariance matrix (--cov with --nobs), and the column that splits raw data into groups (--group).
/// Each command gets its own instances and adds <see cref="Check"/> to its validators.
/// </summary>
internal sealed class DataOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Raw data: a CSV file with a header row of variable names; empty cells and NA are missing.",
        HelpName = "DATA.csv",
    };

    public Option<string?> Cov { get; } = new("--cov")
    {
        Description = "A covariance matrix instead of raw data: a CSV file whose header row names the variables and whose rows hold the full symmetric matrix (divisor N-1). Needs --nobs.",
        HelpName = "COV.csv",
    };

    public Option<int> NObs { get; } = new("--nobs")
    {
        Description = "The number of observations behind --cov.",
        HelpName = "N",
    };

    public Option<string?> Group { get; } = new("--group")
    {
        Description = "A column that splits the data into groups: a configural multi-group model (every parameter free in every group). Needs --data.",
        HelpName = "COLUMN",
    };

    /// <summary>--encoding: the encoding of --data or --cov when it is not UTF-8.</summary>
    public EncodingOption Encoding { get; } = new();

    public DataOptions()
    {
        OptionChecks.ExistingFile(Data, "data");
        OptionChecks.ExistingFile(Cov, "covariance");
        NumberOptions.Integer(NObs, 2);
    }

    /// <summary>The checks that involve more than one of the options: one source of data, --nobs with --cov only, --group with raw data only.</summary>
    public void Check(CommandResult result)
    {
        bool data = OptionChecks.Given(result.GetResult(Data)), cov = IsCovariance(result);
        if (data == cov)
            result.AddError(data ? "Give either --data or --cov, not both." : "Give the data: --data DATA.csv, or --cov COV.csv with --nobs N.");
        if (cov && !OptionChecks.Given(result.GetResult(NObs)))
            result.AddError("--cov needs --nobs N, the number of observations behind the covariance matrix.");
        if (!cov && OptionChecks.Given(result.GetResult(NObs)))
            result.AddError("--nobs only goes with --cov (with --data the observations are counted).");
        if (cov && OptionChecks.Given(result.GetResult(Group)))
            result.AddError("--group needs raw data (--data); a single covariance matrix has no groups.");
    }

    /// <summary>True when the command line gives a covariance matrix (--cov) rather than raw data.</summary>
    public bool IsCovariance(CommandResult result) => OptionChecks.Given(result.GetResult(Cov));

    /// <summary>Reads and parses the model file and reads the data the command line names (see <see cref="Inputs.Load"/>).</summary>
    public Inputs Load(ParseResult parse, string modelPath) =>
        Inputs.Load(modelPath, parse.GetValue(Data), parse.GetValue(Cov), parse.GetValue(NObs), Encoding.Get(parse));
}
