using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib compare</c> against lavaan 0.6.14's <c>lavTestLRT()</c> of three nested Holzinger–Swineford CFAs:
/// Reference/cli/hs-lrt/lrt.json (numbers at full precision) and lrt.txt (lavaan's printout), written with the model
/// files by Reference/scripts/make-cli-lrt.R. Numbers agree under the project's rule 1e-3·max(1, |lavaan|); the tiny
/// p-value also relatively.
/// </summary>
public sealed class CompareCliTests
{
    private static readonly string Folder = Path.Combine(ReferenceCase.BaseDirectory, "cli", "hs-lrt");
    private static readonly string Data = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");

    private static string Model(string name) => Path.Combine(Folder, name + ".lav");

    private static CliRun Compare(params string[] extra)
    {
        var run = CliRun.Of(["compare", "--data", Data, .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run;
    }

    [Fact]
    public void Json_rows_agree_with_lavTestLRT()
    {
        var run = Compare("--model", Model("free"), "--model", Model("orth"), "--model", Model("equal"), "--format", "json");
        Assert.Equal("", run.Stderr);
        var rows = run.Json().EnumerateArray().ToList();
        var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "lrt.json"))).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(reference.Count, rows.Count);
        var agree = new Agreement("semlib compare --format json against lavTestLRT");
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(["name", "df", "aic", "bic", "chisq", "chisq_diff", "rmsea", "df_diff", "pvalue", "method"], rows[i].EnumerateObject().Select(p => p.Name));
            Assert.Equal("standard", rows[i].GetProperty("method").GetString());
            Assert.Equal(reference[i].GetProperty("name").GetString(), rows[i].GetProperty("name").GetString());
            foreach (var key in new[] { "df", "aic", "bic", "chisq", "chisq_diff", "rmsea", "df_diff", "pvalue" })
                agree.Check($"{reference[i].GetProperty("name").GetString()} {key}", ReferenceCase.Number(rows[i].GetProperty(key)), ReferenceCase.Number(reference[i].GetProperty(key)));
        }
        agree.Assert();
        double p = rows[1].GetProperty("pvalue").GetDouble(), lavaanP = reference[1].GetProperty("pvalue").GetDouble();
        Assert.True(Math.Abs(p - lavaanP) <= 1e-3 * lavaanP, $"p-value {p:G6}, lavaan {lavaanP:G6}");
    }

    [Fact]
    public void Text_is_lavaans_table_with_the_same_order_whatever_the_order_given()
    {
        var run = Compare("--model", Model("equal"), "--model", Model("free"), "--model", Model("orth"));
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var lavaan = File.ReadAllLines(Path.Combine(Folder, "lrt.txt")).Where(l => l.Length > 0).ToList();
        Assert.Equal("Chi-Squared Difference Test", lines[0]);
        Assert.Equal("", lines[1]);
        Assert.Matches(@"^ +Df +AIC +BIC +Chisq +Chisq diff +RMSEA +Df diff +Pr\(>Chisq\)$", lines[2]);
        for (int i = 0; i < 3; i++)
        {
            var mine = lines[3 + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var theirs = lavaan[2 + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Name, Df, AIC and BIC as lavaan prints them; for the difference rows also Df diff, Pr(>Chisq) and its stars.
            Assert.Equal(theirs[..4], mine[..4]);
            if (i > 0) Assert.Equal(theirs[^3..], mine[^3..]);
        }
        Assert.Equal("---", lines[6]);
        Assert.StartsWith("Signif. codes:", lines[7], StringComparison.Ordinal);
    }

    [Fact]
    public void Uls_has_no_information_criteria()
    {
        var rows = Compare("--model", Model("free"), "--model", Model("orth"), "--estimator", "ULS", "--format", "json").Json().EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("aic").ValueKind));
        Assert.Equal(3, rows[1].GetProperty("df_diff").GetInt32()); // orth fixes free's 3 factor covariances at 0 (lrt.json df_diff)
    }

    [Fact]
    public void Usage_and_model_errors()
    {
        Assert.Contains("at least two models", CliRun.Of("compare", "--data", Data, "--model", Model("free")).AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains("Give the data", CliRun.Of("compare", "--model", Model("free"), "--model", Model("orth")).AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains("--estimator MLMV is not supported yet", CliRun.Of("compare", "--data", Data, "--model", Model("free"), "--model", Model("orth"), "--estimator", "MLMV").AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains("--format xml is not valid", CliRun.Of("compare", "--data", Data, "--model", Model("free"), "--model", Model("orth"), "--format", "xml").AssertOneLineError(2), StringComparison.Ordinal);
        using var files = new TempFiles();
        var bad = files.Write("bad.lav", "visual =~ x1 + x2 x3\n");
        Assert.StartsWith(bad + ":1:", CliRun.Of("compare", "--data", Data, "--model", Model("free"), "--model", bad).AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains("does not exist", CliRun.Of("compare", "--data", Data, "--model", Model("free"), "--model", Path.Combine(files.Root, "no.lav")).AssertOneLineError(2), StringComparison.Ordinal);
        Assert.Contains($"The model file '{files.Root}' is a directory", CliRun.Of("compare", "--data", Data, "--model", Model("free"), "--model", files.Root).AssertOneLineError(2), StringComparison.Ordinal);
    }

    [Fact]
    public void Covariance_input_has_the_same_usage_rules_as_fit()
    {
        using var files = new TempFiles();
        var cov = files.Write("cov.csv", "x1,x2\n1.0,0.5\n0.5,1.0\n");
        string[] models = ["--model", Model("free"), "--model", Model("orth")];
        foreach (var command in new[] { "fit", "compare" })
        {
            string[] model = command == "fit" ? ["--model", Model("free")] : models;
            Assert.Contains("--nobs '1' is not valid; give a whole number of at least 2", CliRun.Of([command, .. model, "--cov", cov, "--nobs", "1"]).AssertOneLineError(2), StringComparison.Ordinal);
            Assert.Contains("--group needs raw data", CliRun.Of([command, .. model, "--cov", cov, "--nobs", "100", "--group", "school"]).AssertOneLineError(2), StringComparison.Ordinal);
            Assert.Contains("--nobs only goes with --cov", CliRun.Of([command, .. model, "--data", Data, "--nobs", "100"]).AssertOneLineError(2), StringComparison.Ordinal);
        }
    }
}
