using System.CommandLine;
using System.CommandLine.Parsing;

namespace SemLib.Cli;

/// <summary>
/// Validators the commands share. Each adds a one-line parse error (exit code 2), hand-written rather than
/// System.CommandLine's <c>AcceptOnlyFromAmong</c>, whose message spans several lines and cannot say "not supported yet".
/// </summary>
internal static class OptionChecks
{
    /// <summary>
    /// Accepts the supported values (case-insensitive, as lavaan); values SemLib does not do yet, and anything else,
    /// are errors with their own one-line messages.
    /// </summary>
    public static void Choice(Option<string> option, string[] supported, string[] later, Func<string, string>? notYet, Func<string, string> invalid)
    {
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is null || supported.Contains(value, StringComparer.OrdinalIgnoreCase)) return;
            r.AddError(notYet is not null && later.Contains(value, StringComparer.OrdinalIgnoreCase) ? notYet(value) : invalid(value));
        });
    }

    /// <summary>Any use of the option is an error with this message.</summary>
    public static void Rejected(Option option, string message) => option.Validators.Add(r => r.AddError(message));

    /// <summary>The option names a file that exists (and is not a directory).</summary>
    public static void ExistingFile(Option option, string what) => option.Validators.Add(r =>
    {
        var path = r.GetValueOrDefault<string?>();
        if (path is null) return;
        if (Directory.Exists(path)) r.AddError($"The {what} file '{path}' is a directory, not a file.");
        else if (!File.Exists(path)) r.AddError($"The {what} file '{path}' does not exist.");
    });

    /// <summary>An integer option is at least <paramref name="minimum"/>.</summary>
    public static void AtLeast(Option<int> option, int minimum) => option.Validators.Add(r =>
    {
        int value = r.GetValueOrDefault<int>();
        if (value < minimum) r.AddError($"{option.Name} must be at least {minimum} (got {value}).");
    });

    /// <summary>True when the option is on the command line (an option with a default has an implicit result otherwise).</summary>
    public static bool Given(OptionResult? result) => result is { Implicit: false };

    /// <summary>Reads a text file; a file that vanished or cannot be read is a usage error naming it.</summary>
    public static string ReadText(string path, string what) => Read(path, what, () => File.ReadAllText(path));

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

    /// <summary>A comma-separated list of numbers (invariant culture), or null when one of them is not a number.</summary>
    public static double[]? Numbers(string text)
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
