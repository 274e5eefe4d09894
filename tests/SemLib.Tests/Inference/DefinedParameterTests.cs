using System.Diagnostics;
using SemLib.Tests.Support;
using SemLib.Results;

namespace SemLib.Tests.Inference;

/// <summary>Defined parameters (<c>:=</c>): chains of definitions, and values that do not exist.</summary>
public sealed class DefinedParameterTests
{
    private const string Cfa = "visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + x5 + x6\n";

    [Fact]
    public void Thirty_doubling_definitions_scale_the_first_by_two_to_the_29th()
    {
        // d_k := d_(k-1) + d_(k-1): each definition uses the previous one twice, so evaluating by re-expanding the
        // earlier definitions costs 2^k; evaluated once each it is instant. Expected by algebra: d30 = 2^29·d1 and,
        // the delta method being linear, SE(d30) = 2^29·SE(d1).
        var lines = new List<string> { "d1 := a*b" };
        for (int k = 2; k <= 30; k++) lines.Add($"d{k} := d{k - 1} + d{k - 1}");
        var watch = Stopwatch.StartNew();
        var fit = Sem.Fit(Cfa + string.Join("\n", lines), TestData.HolzingerSwineford());
        var d1 = fit.Parameter("d1")!;
        var d30 = fit.Parameter("d30")!;
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        double scale = Math.Pow(2, 29);
        Assert.Equal(scale * fit.Parameter("a")!.Estimate * fit.Parameter("b")!.Estimate, d30.Estimate, 1e-12 * scale);
        Assert.Equal(scale * d1.StandardError!.Value, d30.StandardError!.Value, 1e-9 * scale);
    }

    [Fact]
    public void Ten_thousand_chained_definitions_finish()
    {
        // e_k := e_(k-1) + e_(k-1) - e_(k-1) = e_1 (by algebra), using the previous definition three times.
        var lines = new List<string> { "e1 := a*b" };
        for (int k = 2; k <= 10_000; k++) lines.Add($"e{k} := e{k - 1} + e{k - 1} - e{k - 1}");
        var watch = Stopwatch.StartNew();
        var fit = Sem.Fit(Cfa + string.Join("\n", lines), TestData.HolzingerSwineford());
        var first = fit.Parameter("e1")!;
        var last = fit.Parameter("e10000")!;
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.Equal(first.Estimate, last.Estimate, 10);
        Assert.Equal(first.StandardError!.Value, last.StandardError!.Value, 10);
    }

    [Fact]
    public void A_constraint_on_a_deep_chain_of_definitions_is_expanded_once()
    {
        // a == d40 with d_k := d_(k-1) + d_(k-1) - d_(k-1) = d1 = b: the constraint is a == b (by algebra), so a and b
        // take one value; re-expanding each definition would take 3^40 steps.
        var lines = new List<string> { "d1 := b" };
        for (int k = 2; k <= 40; k++) lines.Add($"d{k} := d{k - 1} + d{k - 1} - d{k - 1}");
        lines.Add("a == d40");
        var fit = Sem.Fit(Cfa + string.Join("\n", lines), TestData.HolzingerSwineford());
        Assert.Equal(fit.Parameter("a")!.Estimate, fit.Parameter("b")!.Estimate, 10);
    }

    [Fact]
    public void Undefined_values_are_NA_with_a_warning_naming_the_definition()
    {
        var fit = Sem.Fit(Cfa + "q := a/0\nl := log(-a)\nr := sqrt(-b)\nafter := q + 1\nfine := a*b",
            TestData.HolzingerSwineford());
        foreach (var name in new[] { "q", "l", "r", "after" })
        {
            var p = fit.Parameter(name)!;
            Assert.True(double.IsNaN(p.Estimate), name);
            Assert.Null(p.StandardError);
            Assert.Null(p.Z);
            Assert.Null(p.PValue);
            Assert.Null(p.CiLower);
            Assert.Null(p.CiUpper);
            Assert.Contains(fit.Warnings, w => w.Kind == FitWarningKind.UndefinedDefinedParameter && w.Variables.SequenceEqual([name])
                && w.Message.Contains($"'{name}'", StringComparison.Ordinal));
        }
        Assert.NotNull(fit.Parameter("fine")!.StandardError);
        Assert.DoesNotContain(fit.Warnings, w => w.Message.Contains("'fine'", StringComparison.Ordinal));

        using var json = System.Text.Json.JsonDocument.Parse(SemLib.Reporting.Json.FitJson.ToJson(fit));
        var q = json.RootElement.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("lhs").GetString() == "q");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, q.GetProperty("est").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, q.GetProperty("se").ValueKind);

        string text = SemLib.Reporting.Text.TextSummary.Format(fit);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_defined_value_is_printed_in_scientific_notation()
    {
        // exp(1000·a) with a ≈ 0.55 (the HS loading of x2) is about 1e240: finite, and printed as a 240-digit fixed
        // number it would break the table; exp(2000·a) ≈ 1e480 is beyond double range, so NA.
        var fit = Sem.Fit(Cfa + "big := exp(1000*a)\nhuge := exp(2000*a)", TestData.HolzingerSwineford());
        var big = fit.Parameter("big")!;
        Assert.True(double.IsFinite(big.Estimate) && big.Estimate > 1e200);
        Assert.True(double.IsNaN(fit.Parameter("huge")!.Estimate));
        string text = SemLib.Reporting.Text.TextSummary.Format(fit);
        var line = text.Split('\n').Single(l => l.TrimStart().StartsWith("big", StringComparison.Ordinal));
        Assert.True(line.Length < 120, line);
        Assert.Contains("e+", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finite_value_with_an_infinite_derivative_has_no_standard_error_and_a_warning()
    {
        // exp(k·a) with k·a = 709.5: e^709.5 ≈ 1.4e308 is finite, its derivative k·e^709.5 overflows to infinity.
        double a = Sem.Fit(Cfa, TestData.HolzingerSwineford()).Parameter("a")!.Estimate;
        string k = (709.5 / a).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var fit = Sem.Fit(Cfa + $"edge := exp({k}*a)", TestData.HolzingerSwineford());
        var edge = fit.Parameter("edge")!;
        Assert.True(double.IsFinite(edge.Estimate));
        Assert.Null(edge.StandardError);
        Assert.Null(edge.CiLower);
        Assert.Contains(fit.Warnings, w => w.Kind == FitWarningKind.UndefinedDefinedParameter && w.Variables.SequenceEqual(["edge"])
            && w.Message.Contains("'edge'", StringComparison.Ordinal) && w.Message.Contains("derivative", StringComparison.Ordinal));
    }
}
