using System.CommandLine;
using System.CommandLine.Parsing;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Cli;

/// <summary>
/// <c>--group-equal</c> and <c>--group-partial</c> (lavaan's group.equal and group.partial), shared by <c>fit</c>,
/// <c>bench</c> and <c>invariance</c>. A keyword lavaan does not know, or a partial parameter not written as
/// "lhs op rhs", is a parse error (exit 2); so is a partial parameter the model does not have (<see cref="Check"/>).
/// </summary>
internal sealed class GroupEqualityOptions
{
    public Option<string[]> GroupEqual { get; } = new("--group-equal")
    {
        Description = "Parameters constrained equal across groups (lavaan's group.equal), comma-separated or repeated: loadings, intercepts, means, thresholds, regressions, residuals, residual.covariances, lv.variances, lv.covariances. As in lavaan, equal intercepts free the latent means of the later groups.",
        HelpName = "loadings,intercepts,...",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> GroupPartial { get; } = new("--group-partial")
    {
        Description = "Parameters exempted from --group-equal (lavaan's group.partial), each \"lhs op rhs\" such as \"x1 ~ 1\" or \"visual =~ x2\"; repeat the option or separate with commas.",
        HelpName = "\"lhs op rhs\"",
        AllowMultipleArgumentsPerToken = false,
    };

    public GroupEqualityOptions()
    {
        GroupEqual.Validators.Add(r =>
        {
            try
            {
                GroupEquality.ParseKeywords(Split(r.GetValueOrDefault<string[]>()));
            }
            catch (SemLibException e)
            {
                r.AddError("--group-equal: " + e.Message.Replace("group.equal: ", "", StringComparison.Ordinal));
            }
        });
        GroupPartial.Validators.Add(r =>
        {
            foreach (var p in Split(r.GetValueOrDefault<string[]>()))
            {
                try
                {
                    GroupEquality.ParsePartial(p);
                }
                catch (SemLibException e)
                {
                    r.AddError("--group-partial: " + e.Message.Replace("group.partial: ", "", StringComparison.Ordinal));
                }
            }
        });
    }

    public IEnumerable<Option> All => [GroupEqual, GroupPartial];

    public IReadOnlyList<string> Equal(ParseResult parse) => Split(parse.GetValue(GroupEqual));

    public IReadOnlyList<string> Partial(ParseResult parse) => Split(parse.GetValue(GroupPartial));

    /// <summary>Values given comma-separated or with the option repeated, trimmed, empty ones dropped.</summary>
    internal static IReadOnlyList<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    /// <summary>A --group-partial parameter that the model does not have is a usage error (exit 2) naming it.</summary>
    public static void Check(ParsedModel model, ModelOptions options)
    {
        try
        {
            GroupEquality.CheckPartial(model, options);
        }
        catch (SemLibException e)
        {
            throw new CliUsageException("--group-partial: " + e.Message.Replace("group.partial: ", "", StringComparison.Ordinal));
        }
    }
}
