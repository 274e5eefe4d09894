using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

/// <summary>
/// The active-set fit of linear inequality constraints. Agreement with lavaan is in the reference cases
/// lavaan-extra/hs-inequality-active, -inactive and -pair (LavaanAgreementTests); these tests cover the steps
/// lavaan's optimizer does not show: dropping an active constraint whose multiplier has the wrong sign, and the
/// brute-force optimum over all active sets.
/// </summary>
public sealed class InequalityFitTests
{
    private const string Labelled = "visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + c*x5 + x6\nspeed =~ x7 + x8 + x9\n";

    private static (ParameterTable Table, SemLib.Model.LisrelModel Model, EstimationSample Sample) Compile(string model)
    {
        var (table, sample) = FitEngine.Prepare(ModelSyntax.Parse(model), ModelOptions.Default, TestData.HolzingerSwineford(), null);
        var est = new EstimationSample(sample, Estimator.ML);
        return (table, FitEngine.Compile(table, est), est);
    }

    [Fact]
    public void An_active_constraint_with_a_multiplier_of_the_wrong_sign_is_dropped()
    {
        // Started with a > 0.3 held as a = 0.3, the fit improves by raising a (the multiplier is negative), so the
        // constraint leaves the active set and the result is the unconstrained fit (a = 0.553, lavaan's estimate in
        // lavaan-extra/hs-inequality-inactive).
        var (table, model, sample) = Compile(Labelled + "a > 0.3\n");
        int row = table.Rows.Select((r, i) => (r, i)).Single(x => x.r.Op == ModelOperator.Greater).i;
        var fitted = InequalityFit.Optimize(table, model, sample, ModelOptions.Default, [], new HashSet<int> { row });
        Assert.Empty(fitted.Model.ActiveInequalities);
        var unconstrained = Sem.Fit(Labelled, TestData.HolzingerSwineford());
        Assert.Equal(unconstrained.FitMeasures["chisq"]!.Value, fitted.ChiSquare, 1e-6);
    }

    [Theory]
    [InlineData("a > 0.7\nb < 0.75\na + b < 1.4\n")]
    [InlineData("b < 0.5\na + b > 1.2\nc < 1\n")]
    [InlineData("a > b\nb > c\n")]
    public void The_fit_is_the_best_feasible_fit_over_all_active_sets(string inequalities)
    {
        // Brute force: every subset of the inequalities written as equalities (== in place of < or >), keeping the
        // fits whose other inequalities hold; the constrained optimum is the one with the smallest χ².
        var lines = inequalities.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fit = Sem.Fit(Labelled + inequalities, TestData.HolzingerSwineford());
        Assert.True(fit.Converged);
        double best = double.PositiveInfinity;
        for (int mask = 0; mask < 1 << lines.Length; mask++)
        {
            var written = lines.Select((l, i) => (mask & (1 << i)) != 0 ? l.Replace(">", "==").Replace("<", "==") : "").Where(l => l.Length > 0);
            SemFit candidate;
            try
            {
                candidate = Sem.Fit(Labelled + string.Join("\n", written), TestData.HolzingerSwineford());
            }
            catch (ModelSyntaxException e) when (e.Message.Contains("contradict", StringComparison.Ordinal))
            {
                continue; // those equalities cannot all hold at once
            }
            bool feasible = lines.All(l => Holds(candidate, l));
            if (candidate.Converged && feasible) best = Math.Min(best, candidate.FitMeasures["chisq"]!.Value);
        }
        Assert.Equal(best, fit.FitMeasures["chisq"]!.Value, 1e-5);
        Assert.All(fit.Parameters.Where(p => p.Op is ModelOperator.Less or ModelOperator.Greater), p => Assert.True(p.Estimate >= -1e-6, $"{p.Lhs} {p.Op.ToLavaan()} {p.Rhs}: slack {p.Estimate}"));
    }

    /// <summary>Whether "left op right" holds at the fit's estimates, within 1e-6.</summary>
    private static bool Holds(SemFit fit, string line)
    {
        var statement = ModelSyntax.Parse(line).Statements[0];
        double Value(Expression e) => e.Evaluate(name => fit.Parameter(name)!.Estimate);
        double left = Value(statement.Left!), right = Value(statement.Right!);
        return statement.Operator == ModelOperator.Greater ? left >= right - 1e-6 : left <= right + 1e-6;
    }

    [Fact]
    public void A_nonlinear_inequality_is_refused_with_its_place()
    {
        var ex = Assert.Throws<ModelSyntaxException>(() => Sem.Fit(Labelled + "a*b > 1\n", TestData.HolzingerSwineford()));
        Assert.Contains("not linear", ex.Message);
        Assert.Equal(4, ex.Span.Line);
    }

    [Fact]
    public void Constraint_rows_are_in_the_json_and_in_the_text_summary_as_lavaan_prints_them()
    {
        var fit = Sem.Fit(Labelled + "a > 0.3\nb < 1\nb == 1.2*a\n", TestData.HolzingerSwineford());
        using var json = System.Text.Json.JsonDocument.Parse(SemLib.Reporting.Json.FitJson.ToJson(fit));
        var rows = json.RootElement.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("op").GetString() is "==" or "<" or ">").ToList();
        Assert.Equal(["a > 0.3", "b < 1", "b == 1.2*a"], rows.Select(r => $"{r.GetProperty("lhs").GetString()} {r.GetProperty("op").GetString()} {r.GetProperty("rhs").GetString()}"));
        Assert.All(rows, r => Assert.Equal(0, r.GetProperty("se").GetDouble()));
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("z").ValueKind));
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("free").ValueKind));

        // lavaan 0.6.14, summary(cfa(model, HolzingerSwineford1939), standardized = TRUE) for this model prints:
        string[] lavaan =
        [
            "Constraints:",
            "                                               |Slack|",
            "    a - (0.3)                                    0.289",
            "    1 - (b)                                      0.293",
            "    b - (1.2*a)                                  0.000",
        ];
        var text = SemLib.Reporting.Text.TextSummary.Format(fit).Split(Environment.NewLine);
        int at = Array.IndexOf(text, "Constraints:");
        Assert.True(at >= 0);
        Assert.Equal(lavaan, text[at..(at + 5)]);
    }

    [Fact]
    public void The_bootstrap_says_how_it_treats_inequality_constraints()
    {
        var fit = Sem.Fit(Labelled + "a > 0.7\n", TestData.HolzingerSwineford());
        var boot = SemLib.Resampling.Bootstrap.Run(fit, new SemLib.Resampling.BootstrapOptions { Draws = 10, Seed = 1 });
        Assert.Contains(boot.Warnings, w => w.Contains("inequality constraints", StringComparison.Ordinal));
        // a is held at its bound in every draw, as it is active in the original fit (lavaan-extra/hs-inequality-active).
        Assert.Equal(0, boot.Parameter("visual", "=~", "x2")!.StandardError!.Value, 12);
    }
}
