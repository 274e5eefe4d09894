using System.CommandLine;
using System.CommandLine.Parsing;

namespace SemLib.Cli;

/// <summary>
/// The checks the commands share: validators, each adding a one-line parse error (exit code 2), hand-written rather
/// than System.CommandLine's <c>AcceptOnlyFromAmong</c>, whose message spans several lines and cannot say "not
/// supported yet"; the reading of input files (an unreadable one is a usage error); the parsing of --likert.
/// </summary>
internal static class OptionChecks
{
    /// <summary>
    /// Accepts the supported values (case-insensitive, as lavaan); values SemLib does not do yet, and anything else,
    /// are errors with their own one-line messages.
    /// </summary>
    public static void Choice(Option option, string[] supported, string[] later, Func<string, string>? notYet, Func<string, string> invalid)
    {
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string?>();
            if (value is null || supported.Contains(value, StringComparer.OrdinalIgnoreCase)) return;
            r.AddError(notYet is not null && later.Contains(value, StringComparer.OrdinalIgnoreCase) ? notYet(value) : invalid(value));
        });
    }

    /// <summary>Any use of the option is an error with this message.</summary>
    public static void Rejected(Option option, string message) => option.Validators.Add(r => r.AddError(message));

    /// <summary>The option names a file that exists (and is not a directory).</summary>
    public static void ExistingFile(Option option, string what) =>
        option.Validators.Add(r => CheckFile(r, r.GetValueOrDefault<string?>(), what));

    /// <summary>Each use of a repeatable option names a file that exists (and is not a directory).</summary>
    public static void ExistingFiles(Option<string[]> option, string what) => option.Validators.Add(r =>
    {
        foreach (var path in r.GetValueOrDefault<string[]>() ?? []) CheckFile(r, path, what);
    });

    private static void CheckFile(OptionResult r, string? path, string what)
    {
        if (path is null) return;
        if (Directory.Exists(path)) r.AddError($"The {what} file '{path}' is a directory, not a file.");
        else if (!File.Exists(path)) r.AddError($"The {what} file '{path}' does not exist.");
    }

    /// <summary>True when the option is on the command line (an option with a default has an implicit result otherwise).</summary>
    public static bool Given(OptionResult? result) => result is { Implicit: false };

    /// <summary>
    /// Reads a text file: UTF-8, or what its byte-order mark says (UTF-16, UTF-32). A file that vanished or cannot be
    /// read, or that is not valid UTF-8 (a GBK model file, say: the message says where and how to convert it), is a
    /// usage error naming it.
    /// </summary>
    public static string ReadText(string path, string what) => Read(path, what, () =>
    {
        try
        {
            return SemLib.Data.TextFile.ReadAllText(path, $"The {what} file '{path}'", encodingCanBeGiven: false);
        }
        catch (SemLib.Data.DataException e)
        {
            throw new CliUsageException(e.Message, e);
        }
    });

    /// <summary>Reads an input file with <paramref name="read"/>; a file that vanished or cannot be read is a usage error naming it.</summary>
    public static T Read<T>(string path, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"The {what} file '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Parses --likert (simulate, power): numbers, strictly increasing; reports a one-line error otherwise.</summary>
    public static double[]? LikertThresholds(string? text, Action<string> error)
    {
        if (text is null) return null;
        var values = Numbers(text);
        if (values is null)
        {
            error($"--likert {MessageText.Quote(text)} is not valid; give increasing numbers separated by commas, e.g. --likert=-1.5,-0.5,0.5,1.5.");
            return null;
        }
        for (int i = 1; i < values.Length; i++)
        {
            if (!(values[i] > values[i - 1]))
            {
                error($"--likert {MessageText.Quote(text)}: the thresholds must be strictly increasing.");
                return null;
            }
        }
        return values;
    }

    /// <summary>A comma-separated list of numbers (invariant culture), or null when one of them is not a number.</summary>
    private static double[]? Numbers(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out values[i])
                || !double.IsFinite(values[i]))
                return null;
        return values;
    }
}
