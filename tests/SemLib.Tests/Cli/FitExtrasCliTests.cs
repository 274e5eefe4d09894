using System.Globalization;
using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib fit</c>'s --residuals, --min-mi, --ci (without a value) and the line naming what --report wrote. Expected
/// numbers come from lavaan 0.6.14: Reference/residuals (make-residual-cases.R: <c>resid()</c>) and
/// Reference/lavaan/hs-cfa (make-lavaan-cases.R: <c>parameterEstimates()</c>, <c>modindices()</c>).
/// </summary>
public sealed class FitExtrasCliTests
{
    private static CliRun Fit(ReferenceCase c, TempFiles files, params string[] extra) =>
        CliRun.Of(["fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), .. extra]);

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    [Theory]
    [InlineData("hs-cfa", new string[0])]
    [InlineData("hs-cfa-groups", new[] { "--group", "school" })]
    public void Residuals_print_lavaans_matrices(string name, string[] options)
    {
        var c = ReferenceCase.Load("residuals/" + name);
        using var files = new TempFiles();
        var run = Fit(c, files, [.. options, "--residuals"]);
        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Stdout);
        var variables = c.Root.GetProperty("variables").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var groups = c.Root.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToArray();
        int at = 0;
        var problems = new List<string>();
        foreach (var (title, key) in new[] { ("Raw Residuals", "raw"), ("Standardized Residuals", "standardized") })
        {
            at = Array.FindIndex(lines, at, l => l.StartsWith(title, StringComparison.Ordinal));
            Assert.True(at >= 0, $"no '{title}' section");
            var expected = c.Root.GetProperty(key).EnumerateArray().ToArray();
            for (int g = 0; g < groups.Length; g++)
            {
                if (groups.Length > 1)
                    at = Array.IndexOf(lines, $"Group {g + 1} [{groups[g]}]:", at);
                at = Array.IndexOf(lines, "Covariances:", at);
                Assert.True(at >= 0);
                Assert.Equal(variables, lines[at + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                var cov = expected[g].GetProperty("cov").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
                for (int i = 0; i < variables.Length; i++)
                {
                    var cells = lines[at + 2 + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    Assert.Equal(variables[i], cells[0]);
                    Assert.Equal(i + 2, cells.Length); // the lower triangle only
                    for (int j = 0; j <= i; j++)
                    {
                        // Printed with 3 decimals: the agreement rule plus half a unit of the last printed digit.
                        double printed = double.Parse(cells[j + 1], CultureInfo.InvariantCulture);
                        if (Math.Abs(printed - cov[i][j]) > 0.0005 + Agreement.Tolerance * Math.Max(1, Math.Abs(cov[i][j])))
                            problems.Add($"{key} group {g + 1} [{variables[i]}, {variables[j]}]: lavaan {cov[i][j]}, printed {printed}");
                    }
                }
                at += 2 + variables.Length;
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Residuals_show_mean_residuals_with_a_mean_structure()
    {
        var c = ReferenceCase.Load("residuals/hs-cfa-means");
        using var files = new TempFiles();
        var run = Fit(c, files, "--meanstructure", "--residuals");
        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Stdout);
        int at = Array.IndexOf(lines, "Means:");
        Assert.True(at > 0);
        // lavaan's mean residuals of this CFA are all zero (the intercepts are saturated): resid(fit)$mean in case.json.
        Assert.All(c.Root.GetProperty("raw")[0].GetProperty("mean").EnumerateArray(), m => Assert.True(Math.Abs(m.GetDouble()) < 1e-6));
        Assert.Equal(Enumerable.Repeat("0.000", 9), lines[at + 2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Residuals_are_text_only_and_standardized_ones_are_not_defined_for_uls()
    {
        var c = ReferenceCase.Load("residuals/hs-cfa");
        using var files = new TempFiles();
        var json = Fit(c, files, "--residuals", "--format", "json");
        Assert.Equal(2, json.ExitCode);
        Assert.Equal("", json.Stdout);
        Assert.Contains("--residuals is text output only", json.Stderr);

        var uls = Fit(c, files, "--residuals", "--estimator", "ULS");
        Assert.Equal(0, uls.ExitCode);
        Assert.Contains("Raw Residuals (S - Sigma-hat, lavaan's resid(fit, type = \"raw\")):", Lines(uls.Stdout));
        Assert.Contains("Standardized Residuals: not available with ULS (lavaan 0.6.14 cannot compute them either).", Lines(uls.Stdout));
    }

    [Fact]
    public void Min_mi_keeps_the_indices_above_it_in_text_and_json()
    {
        // case.json's modindices(): 4 of 54 rows have mi > 10 (visual=~x9 36.41, x7~~x8 34.15, visual=~x7 18.63,
        // x8~~x9 14.95); lavaan's minimum.value keeps mi > X.
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        var expected = c.Root.GetProperty("modification_indices").EnumerateArray().Where(m => m.GetProperty("mi").GetDouble() > 10).ToList();
        Assert.Equal(4, expected.Count);
        using var files = new TempFiles();
        var json = Fit(c, files, "--modindices", "--min-mi", "10", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        var rows = json.Json().GetProperty("modification_indices").EnumerateArray().ToList();
        Assert.Equal(expected.Count, rows.Count);
        foreach (var e in expected) FitJsonCliTests.Find(rows, e);

        var text = Fit(c, files, "--modindices", "--min-mi", "10");
        Assert.Equal(0, text.ExitCode);
        var lines = Lines(text.Stdout);
        int at = Array.IndexOf(lines, "Modification Indices:");
        var body = lines.Skip(at).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| lhs", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, body.Count);

        var none = Fit(c, files, "--modindices", "--min-mi", "1000");
        Assert.Contains("  (none above 1000.000: --min-mi)", Lines(none.Stdout));
    }

    [Theory]
    [InlineData(new[] { "--min-mi", "5" }, "only goes with --modindices")]
    [InlineData(new[] { "--modindices", "--min-mi", "abc" }, "--min-mi")]
    [InlineData(new[] { "--ci", "bc" }, "only goes with --se bootstrap")]
    public void Misused_options_are_command_line_errors(string[] options, string message)
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var run = Fit(c, files, options);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public void Ci_adds_lavaans_interval_columns()
    {
        // lavaan's summary(fit, ci = TRUE): ci.lower and ci.upper after P(>|z|); visual =~ x2 has ci.lower 0.3537 and
        // ci.upper 0.7511 in case.json (parameterEstimates(), normal-theory 95%).
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        var x2 = c.Root.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("lhs").GetString() == "visual" && p.GetProperty("rhs").GetString() == "x2");
        using var files = new TempFiles();
        var run = Fit(c, files, "--ci");
        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Stdout);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+Estimate\s+Std\.Err\s+z-value\s+P\(>\|z\|\)\s+ci\.lower\s+ci\.upper\s+Std\.lv\s+Std\.all$"));
        var cells = lines.First(l => l.StartsWith("    x2 ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(x2.GetProperty("ci.lower").GetDouble().ToString("F3", CultureInfo.InvariantCulture), cells[5]);
        Assert.Equal(x2.GetProperty("ci.upper").GetDouble().ToString("F3", CultureInfo.InvariantCulture), cells[6]);

        var without = Fit(c, files);
        Assert.DoesNotContain("ci.lower", without.Stdout);
    }

    [Fact]
    public void Ci_alone_with_a_bootstrap_keeps_the_percentile_default()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        var run = Fit(c, files, "--se", "bootstrap", "--bootstrap", "20", "--ci");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  Bootstrap confidence intervals            Percentile", Lines(run.Stdout));
    }

    [Fact]
    public void Report_says_where_it_wrote_its_files()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        using var files = new TempFiles();
        string html = Path.Combine(files.Root, "out.html"), md = Path.Combine(files.Root, "out.md");
        var run = Fit(c, files, "--report", html, "--report", md);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"semlib fit: report written to {html}", run.ErrorLines);
        Assert.Contains($"semlib fit: report written to {md} and {Path.ChangeExtension(md, ".svg")}", run.ErrorLines);
        Assert.True(File.Exists(html) && File.Exists(md) && File.Exists(Path.ChangeExtension(md, ".svg")));
    }
}
