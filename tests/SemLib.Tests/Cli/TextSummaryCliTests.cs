using System.Globalization;
using System.Text.RegularExpressions;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib fit</c>'s text output against lavaan 0.6.14's own printout of the same fits:
/// <c>summary(fit, fit.measures = TRUE, standardized = TRUE, rsquare = TRUE)</c>, stored in Reference/cli/*-summary.txt by
/// Reference/scripts/make-cli-summaries.R. Lines must have lavaan's layout exactly (every digit position the same);
/// the printed numbers must agree under the project's rule 1e-3·max(1, |lavaan|), plus half a unit of the third
/// decimal for rounding. Only the first line (the program and its iterations) and lavaan's "Optimization method"
/// line (SemLib's optimizer is not NLMINB) are not compared.
/// </summary>
public sealed partial class TextSummaryCliTests
{
    private static string Reference(string relative) => Path.Combine(ReferenceCase.BaseDirectory, relative);

    private static CliRun Fit(string model, string data, params string[] extra)
    {
        var run = CliRun.Of(["fit", "--model", model, "--data", data, "--fit-measures", .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run;
    }

    [Fact]
    public void Hs_cfa_matches_lavaans_summary()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var run = Fit(files.Model(c), Path.Combine(c.Folder, "data.csv"));
        AssertLikeLavaan(run.Stdout, "cli/hs-cfa-summary.txt");
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Configural_groups_match_lavaans_summary()
    {
        var c = ReferenceCase.Load("cli/hs-cfa-groups");
        using var files = new TempFiles();
        var run = Fit(files.Model(c), Path.Combine(c.Folder, "data.csv"), "--group", "school");
        AssertLikeLavaan(run.Stdout, "cli/hs-cfa-groups-summary.txt");
    }

    [Fact]
    public void Labels_and_defined_parameters_match_lavaans_summary_under_gls()
    {
        var c = ReferenceCase.Load("lavaan/talor-mediation");
        using var files = new TempFiles();
        var run = Fit(files.Model(c), Path.Combine(c.Folder, "data.csv"), "--estimator", "GLS");
        AssertLikeLavaan(run.Stdout, "cli/talor-gls-summary.txt");
    }

    [Fact]
    public void Listwise_deletion_equality_labels_and_intercepts_match_lavaans_summary()
    {
        var run = Fit(Reference("cli/poldem-na/model.lav"), Reference("cli/poldem-na/data.csv"));
        var rest = AssertLikeLavaan(run.Stdout, "cli/poldem-na-summary.txt");
        // After lavaan's part: the warnings, which also go to standard error in text mode. lavaan used 74 of the 75
        // observations (poldem-na-summary.txt, "Number of observations").
        Assert.Equal("Warnings:", rest[0]);
        Assert.Contains(rest, l => l.Contains("1 of 75 rows were dropped", StringComparison.Ordinal));
        Assert.Single(run.ErrorLines);
        Assert.StartsWith("semlib fit: warning: 1 of 75 rows were dropped", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_fit_measures_only_the_user_model_test_is_printed()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var run = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"));
        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Stdout);
        Assert.Matches(@"^SemLib \d+\.\d+\.\d+\S* ended normally after \d+ iterations$", lines[0]);
        Assert.Contains("Model Test User Model:", lines);
        Assert.Contains("  Test statistic                                85.306", lines); // chisq 85.3055 in case.json
        Assert.DoesNotContain("Model Test Baseline Model:", lines);
        Assert.DoesNotContain("Root Mean Square Error of Approximation:", lines);
        var sections = lines.Where(l => l.EndsWith(':') && !l.StartsWith(' ')).ToList();
        Assert.Equal(["Model Test User Model:", "Parameter Estimates:", "Latent Variables:", "Covariances:", "Variances:", "R-Square:"], sections);
    }

    [Fact]
    public void Modification_indices_are_a_table_after_the_summary()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var run = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--modindices");
        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Stdout);
        int at = Array.IndexOf(lines, "Modification Indices:");
        Assert.True(at > Array.IndexOf(lines, "R-Square:"));
        // The largest index first: visual =~ x9, mi 36.411 (case.json's modification_indices, lavaan 0.6.14).
        var first = lines.Skip(at).First(l => l.Contains("x9", StringComparison.Ordinal));
        Assert.Matches(@"visual\s*\|\s*=~\s*\|\s*x9\s*\|\s*36\.41\d", first);
    }

    /// <summary>
    /// Compares with lavaan's lines (those before the first line equal to <paramref name="stopAt"/>, when given; trailing
    /// blanks of lavaan's lines ignored); returns SemLib's lines after them.
    /// </summary>
    internal static string[] AssertLikeLavaan(string output, string referenceFile, string? stopAt = null)
    {
        var expected = File.ReadAllLines(Reference(referenceFile)).Skip(1)
            .Where(l => !l.StartsWith("  Optimization method", StringComparison.Ordinal))
            .Select(l => l.TrimEnd())
            .TakeWhile(l => l != stopAt).ToList();
        while (expected.Count > 0 && expected[^1].Length == 0) expected.RemoveAt(expected.Count - 1);
        var actual = Lines(output);
        Assert.Matches(@"^SemLib \S+ ended normally after \d+ iterations?$", actual[0]);
        actual = actual.Skip(1).ToArray();
        Assert.True(actual.Length >= expected.Count, $"SemLib printed {actual.Length} lines after the first, lavaan {expected.Count}");
        var problems = new List<string>();
        for (int i = 0; i < expected.Count; i++)
        {
            string e = expected[i], a = actual[i];
            if (Shape(e) != Shape(a))
            {
                problems.Add($"line {i + 2}: lavaan '{e}'{Environment.NewLine}         SemLib '{a}'");
                continue;
            }
            var en = Number().Matches(e).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            var an = Number().Matches(a).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            for (int k = 0; k < en.Count; k++)
                if (Math.Abs(an[k] - en[k]) > Agreement.Tolerance * Math.Max(1, Math.Abs(en[k])) + 0.0005)
                    problems.Add($"line {i + 2}: lavaan {en[k]} SemLib {an[k]} in '{a}'");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
        return actual.Skip(expected.Count).SkipWhile(l => l.Length == 0).ToArray();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    /// <summary>The layout of a line: every digit replaced by 0.</summary>
    private static string Shape(string line) => Regex.Replace(line, "[0-9]", "0");

    [GeneratedRegex(@"-?\d+\.\d+")]
    private static partial Regex Number();
}
