using System.Text.Json;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Cli;
using SemLib.Tests.Support;
using SemLib.Reporting.Text;

namespace SemLib.Tests.Reporting;

/// <summary>
/// The text summary of fits with ordered items laid out as lavaan 0.6.14 prints them, checking the rendering alone: SemLib's
/// fit of each case (its table, groups and numbers of observations) dressed with lavaan's parameter estimates, tests and
/// fit measures, printed as <c>summary(fit, fit.measures = TRUE)</c> and compared with lavaan's printout line by line and
/// digit position by digit position — Reference/ordinal-fit/*/summary.txt (Reference/scripts/make-ordinal-fit-cases.R)
/// and, with the standardized columns and R², Reference/cli/hs-cfa-ordinal*-summary.txt (make-cli-ordinal-summaries.R).
/// </summary>
public sealed class OrdinalTextSummaryTests
{
    [Theory]
    [InlineData("hs-cfa-wlsmv")]    // WLSMV: DWLS, Shift parameter, Thresholds, Scales y*
    [InlineData("hs-cfa-dwls")]     // DWLS: standard test only, standard errors Standard
    [InlineData("hs-cfa-wls")]      // WLS
    [InlineData("hs-cfa-ulsmv")]    // ULSMV: Estimator ULS, P-value (Unknown) NA beside the scaled p-value
    [InlineData("hs-binary-wlsmv")] // binary items: one threshold each
    [InlineData("hs-mixed")]        // x7..x9 continuous: their intercepts and variances, no thresholds or scales
    [InlineData("hs-groups-wlsmv")] // groups: each group's standard and shifted statistic
    [InlineData("sem-regression-wlsmv")] // regressions among factors
    [InlineData("hs-cfa-theta")]    // theta: residual variances fixed at 1, the scales y* follow
    [InlineData("hs-groups-theta")]
    [InlineData("hs-groups-thresholds")] // equal thresholds and loadings: equality labels, scales of group 2 estimated
    [InlineData("sem-equality-wlsmv")]
    [InlineData("study-wlsmv")]     // 29 items, a second-order factor, labelled regressions
    // Not yet: hs-pairwise (lavaan prints "Number of missing patterns 42" under missing = "pairwise") and bfi-wlsmv
    // (listwise deletion: lavaan's "Used 2436 / Total 2800" columns): the ordinal sample does not keep the rows read
    // or the missing patterns.
    public void Prints_lavaans_summary(string name)
    {
        var c = ReferenceCase.Load("ordinal-fit/" + name);
        var fit = Dressed(c.Fit(), c.Root);
        var text = TextSummary.Format(fit, new TextSummaryOptions { FitMeasures = true, Standardized = false, RSquare = false, Warnings = false });
        TextSummaryCliTests.AssertLikeLavaan(text, $"ordinal-fit/{name}/summary.txt");
    }

    [Theory]
    [InlineData("hs-cfa-ordinal-summary.txt", "hs-cfa-ordinal-measures.json", null)]
    [InlineData("hs-cfa-ordinal-groups-summary.txt", "hs-cfa-ordinal-groups-measures.json", "school")]
    public void Prints_lavaans_summary_with_standardized_columns_and_r_square(string summary, string measures, string? group)
    {
        // The estimates, standard errors and standardized values are SemLib's own (they agree with lavaan's: the CLI
        // tests compare them); the tests and fit measures are lavaan's, so every line of the printout is compared.
        var options = new ModelOptions { Ordered = [ModelOptions.AllOrdered], Group = group };
        var own = Sem.Fit("visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n",
            DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa-ordinal", "data.csv")), options);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, "cli", measures)));
        var fit = Dressed(own, doc.RootElement, parameters: false);
        var text = TextSummary.Format(fit, new TextSummaryOptions { FitMeasures = true, Warnings = false });
        var rest = TextSummaryCliTests.AssertLikeLavaan(text, "cli/" + summary);
        Assert.Empty(rest);
    }

    [Fact]
    public void The_shift_follows_from_the_statistics_when_the_test_does_not_carry_it()
    {
        // lavaan 0.6.14 (hs-cfa-ordinal-measures.json): standard 53.881, scaled-shifted 82.793 with scaling factor 0.690;
        // shift = 82.793 - 53.881/0.690 = 4.739, as lavaan prints it.
        var c = ReferenceCase.Load("ordinal-fit/hs-cfa-wlsmv");
        var fit = Dressed(c.Fit(), c.Root);
        var tests = fit.Tests.Select(t => t with { ShiftParameter = double.NaN }).ToList();
        var bare = new SemFit(fit.Fitted, fit.Status, fit.Parameters, fit.FitMeasures, fit.RSquareByGroup, fit.Warnings, fit.CovTheta, fit.CovZeta, tests, null);
        var lines = TextSummary.Format(bare).Split(Environment.NewLine);
        Assert.Contains("  Shift parameter                                            4.739", lines);
    }

    [Fact]
    public void Thresholds_and_scales_have_their_own_sections_in_lavaans_order()
    {
        var c = ReferenceCase.Load("ordinal-fit/hs-cfa-wlsmv");
        var lines = TextSummary.Format(c.Fit()).Split(Environment.NewLine);
        var sections = lines.Where(l => l.EndsWith(':') && !l.StartsWith(' ')).SkipWhile(l => l != "Parameter Estimates:").ToList();
        Assert.Equal(["Parameter Estimates:", "Latent Variables:", "Covariances:", "Intercepts:", "Thresholds:", "Variances:", "Scales y*:", "R-Square:"], sections);
    }

    /// <summary>
    /// The fit with lavaan's tests and fit measures from <paramref name="root"/> (a case.json or a Reference/cli measures
    /// file) and, with <paramref name="parameters"/>, lavaan's value of each parameter row (matched by lhs, op, rhs, group).
    /// </summary>
    private static SemFit Dressed(SemFit fit, JsonElement root, bool parameters = true)
    {
        var measures = new FitMeasures(root.GetProperty("fit_measures").EnumerateObject()
            .Select(p => new KeyValuePair<string, double?>(p.Name, ReferenceCase.Number(p.Value))).ToList());
        var tests = root.GetProperty("tests").EnumerateArray().Select(t => new ModelTest(
            Kind(t.GetProperty("test").GetString()!), t.GetProperty("stat").GetDouble(), t.GetProperty("df").GetDouble(),
            OrNaN(t.GetProperty("pvalue")), OrNaN(Either(t, "scaling.factor", "scaling_factor")), OrNaN(Either(t, "shift.parameter", "shift_parameter")))).ToList();
        var rows = fit.Parameters;
        if (parameters)
        {
            var lavaan = root.GetProperty("parameters").EnumerateArray().ToDictionary(
                p => (p.GetProperty("lhs").GetString()!, p.GetProperty("op").GetString()!, p.GetProperty("rhs").GetString()!, p.GetProperty("group").GetInt32()));
            rows = fit.Parameters.Select(p =>
            {
                var e = lavaan[(p.Lhs, p.Op.ToLavaan(), p.Rhs, p.Group)];
                return p with
                {
                    Estimate = e.GetProperty("est").GetDouble(), StandardError = ReferenceCase.Number(e.GetProperty("se")),
                    Z = ReferenceCase.Number(e.GetProperty("z")), PValue = ReferenceCase.Number(e.GetProperty("pvalue")),
                    StdLv = ReferenceCase.Number(e.GetProperty("std.lv")), StdAll = ReferenceCase.Number(e.GetProperty("std.all")),
                };
            }).ToList();
        }
        return new SemFit(fit.Fitted, fit.Status, rows, measures, fit.RSquareByGroup, fit.Warnings, fit.CovTheta, fit.CovZeta, tests, null);
    }

    private static JsonElement Either(JsonElement e, string a, string b) => e.TryGetProperty(a, out var v) ? v : e.GetProperty(b);

    /// <summary>A number, the first of an array (lavaan 0.6.14 keeps one shift parameter), or NaN.</summary>
    private static double OrNaN(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.Array when e.GetArrayLength() > 0 => e[0].GetDouble(),
        _ => double.NaN,
    };

    private static TestType Kind(string name) => name switch
    {
        "standard" => TestType.Standard,
        "scaled.shifted" => TestType.ScaledShifted,
        _ => throw new ArgumentException($"unexpected test '{name}'"),
    };
}
