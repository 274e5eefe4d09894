using System.CommandLine;
using SemLib.Cli;

namespace SemLib.Tests.Cli;

/// <summary>
/// Issue 8 (fuzzing): a value that is not a whole number, or out of range, for a numeric option used to throw
/// inside System.CommandLine (a stack trace, exit 134). Every numeric option of every command now answers with one
/// line naming the option and what it accepts, exit code 2.
/// </summary>
public sealed class NumberOptionCliTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _hsData = Path.Combine(SemLib.Tests.Support.ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// A command line that is valid apart from the option under test, so that the option's own message is the one
    /// reported (System.CommandLine leaves option conversions unreported once a command-level check has failed).
    /// </summary>
    private string[] ValidRest(string command, string option)
    {
        string model = _files.Write("m.lav", "f =~ x1 + x2 + x3\n");
        string pop = _files.Write("pop.lav", "f =~ 0.7*x1 + 0.7*x2 + 0.7*x3\n");
        string cov = _files.Write("cov.csv", "x1,x2,x3\n1,0.5,0.5\n0.5,1,0.5\n0.5,0.5,1\n");
        string[] data = option == "--nobs" ? ["--cov", cov] : ["--data", _hsData];
        return command switch
        {
            "fit" when option == "--min-mi" => ["--model", model, .. data, "--modindices"],
            "fit" or "bench" => ["--model", model, .. data, .. option == "--nobs" ? Array.Empty<string>() : ["--se", "bootstrap"]],
            "compare" => ["--model", model, "--model", model, .. data],
            "simulate" => ["--model", pop],
            "power" => ["--population", pop, "--model", model, "--n", "50"],
            "reliability" => ["--data", _hsData, "--scale", "visual=x1,x2,x3"],
            _ => [],
        };
    }
    /// <summary>Every (command, option) pair of the command tree whose option takes a number.</summary>
    public static TheoryData<string, string> NumericOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in SemLibCli.Build(TextWriter.Null, TextWriter.Null).Subcommands)
            foreach (var option in command.Options)
                if (option is Option<int> or Option<double>)
                    data.Add(command.Name, option.Name);
        return data;
    }

    [Fact]
    public void The_tree_has_the_numeric_options_the_issue_names()
    {
        var names = NumericOptions().Select(row => $"{row[0]} {row[1]}").ToHashSet();
        foreach (var expected in new[] { "fit --iter-max", "fit --bootstrap", "fit --nobs", "fit --seed", "bench --repeat", "simulate --n",
                     "power --replications", "power --alpha", "reliability --efa" })
            Assert.Contains(expected, names);
    }

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public void Garbage_and_out_of_range_values_are_one_line_usage_errors(string command, string option)
    {
        // "abc" is no number, "1e4" is no whole number (and for --alpha out of range), 99999999999 does not fit an int,
        // and 1e400 overflows a double. --min-mi is a real with no upper bound (1e4 is a fine minimum), but no negative.
        string[] values = option == "--min-mi" ? ["abc", "-1", "1e400", ""] : ["abc", "1e4", "99999999999", "1e400", ""];
        foreach (var value in values)
        {
            var run = CliRun.Of([command, .. ValidRest(command, option), option, value]);
            Assert.True(run.ExitCode == 2, $"{command} {option} '{value}': exit {run.ExitCode}; {run.Stderr}");
            Assert.Equal("", run.Stdout);
            var line = Assert.Single(run.ErrorLines);
            Assert.DoesNotContain("   at ", run.Stderr);
            Assert.Contains($"{option} '{value}' is not valid; give a", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fit", "--iter-max", "0", "from 1 to 10000000")]
    [InlineData("fit", "--bootstrap", "1", "from 2 to 10000000")]
    [InlineData("fit", "--nobs", "1", "of at least 2")]
    [InlineData("bench", "--repeat", "0", "from 1 to 10000000")]
    [InlineData("simulate", "--n", "-5", "of at least 1")]
    [InlineData("power", "--replications", "10000001", "from 1 to 10000000")]
    [InlineData("power", "--alpha", "1", "strictly between 0 and 1")]
    [InlineData("reliability", "--efa", "0", "from 1 to 10000")]
    [InlineData("reliability", "--efa", "2147483647", "from 1 to 10000")]
    public void The_message_states_the_accepted_range(string command, string option, string value, string range)
    {
        var line = CliRun.Of([command, .. ValidRest(command, option), option, value]).AssertOneLineError(2);
        Assert.Contains($"{option} '{value}' is not valid", line, StringComparison.Ordinal);
        Assert.Contains(range, line, StringComparison.Ordinal);
    }
}
