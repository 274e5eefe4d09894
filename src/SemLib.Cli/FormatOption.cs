using System.CommandLine;

namespace SemLib.Cli;

/// <summary>
/// --format text|json, which every command that prints results offers: readable text (the default) or the JSON
/// document of the contract, with nothing else on standard output.
/// </summary>
internal sealed class FormatOption : Option<string>
{
    public FormatOption(string description) : base("--format")
    {
        Description = description;
        HelpName = "text|json";
        DefaultValueFactory = _ => "text";
        OptionChecks.Choice(this, ["text", "json"], [], null, v => $"--format {v} is not valid; use text or json.");
    }

    /// <summary>True for --format json.</summary>
    public bool Json(ParseResult parse) => parse.GetValue(this)!.Equals("json", StringComparison.OrdinalIgnoreCase);
}
