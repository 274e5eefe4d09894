using System.Text.Json;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.MeasurementInvariance;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Invariance;

/// <summary>
/// The invariance sequence with ordered items (WLSMV) against lavaan 0.6.14: each step's npar, df, scaled χ², p, CFI,
/// TLI, RMSEA and SRMR, and lavTestLRT's satorra.2000 difference against the step before, with ΔCFI/ΔRMSEA of the
/// scaled measures. Expected values: Reference/ordinal-lrt/groups-wlsmv.json (delta) and groups-theta-wlsmv.json
/// (theta, with strict), written by scripts/make-ordinal-lrt-cases.R (field <c>reference</c>): "models" holds
/// fitMeasures() of each step, the first "comparisons" entry lavTestLRT(configural, metric, scalar[, strict]).
/// </summary>
public sealed class OrdinalInvarianceTests
{
    private static string Folder => Path.Combine(ReferenceCase.BaseDirectory, "ordinal-lrt");

    private static (JsonElement Root, InvarianceResult Result) Run(string name, Func<InvarianceOptions, InvarianceOptions>? adjust = null)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json"))).RootElement.Clone();
        var data = DataSet.ReadCsv(Path.Combine(Folder, "data.csv"));
        var o = root.GetProperty("options");
        var options = new InvarianceOptions
        {
            Model = new ModelOptions
            {
                Ordered = ReferenceCase.Strings(root.GetProperty("ordered")),
                Group = o.GetProperty("group").GetString(),
                Parameterization = o.GetProperty("parameterization").GetString() == "theta" ? CategoricalParameterization.Theta : CategoricalParameterization.Delta,
            },
            ScoreTests = false,
        };
        if (adjust is not null) options = adjust(options);
        return (root, SemLib.Invariance.Run(root.GetProperty("models")[0].GetProperty("model").GetString()!, data, options));
    }

    [Theory]
    [InlineData("groups-wlsmv")]
    [InlineData("groups-theta-wlsmv")]
    public void Steps_agree_with_lavaan(string name)
    {
        var (root, result) = Run(name);
        var models = root.GetProperty("models").EnumerateArray().ToList();
        var lrt = root.GetProperty("comparisons")[0].GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(models.Select(m => m.GetProperty("name").GetString()), result.Steps.Select(s => s.Step.Name()));
        var agree = new Agreement(name);
        for (int i = 0; i < models.Count; i++)
        {
            var e = models[i];
            var r = result.Steps[i];
            string step = r.Step.Name();
            Assert.True(r.Converged);
            Assert.Equal("scaled", r.Measures);
            Assert.Equal(ReferenceCase.Strings(e.GetProperty("group_equal")), r.GroupEqual);
            agree.Check(step + " npar", r.Npar, ReferenceCase.Number(e.GetProperty("npar")));
            agree.Check(step + " df", r.Df, ReferenceCase.Number(e.GetProperty("df")));
            agree.Check(step + " chisq.scaled", r.ChiSquare, ReferenceCase.Number(e.GetProperty("chisq.scaled")));
            agree.Check(step + " pvalue.scaled", r.PValue, ReferenceCase.Number(e.GetProperty("pvalue.scaled")));
            agree.Check(step + " cfi.scaled", r.Cfi, ReferenceCase.Number(e.GetProperty("cfi.scaled")));
            agree.Check(step + " tli.scaled", r.Tli, ReferenceCase.Number(e.GetProperty("tli.scaled")));
            agree.Check(step + " rmsea.scaled", r.Rmsea, ReferenceCase.Number(e.GetProperty("rmsea.scaled")));
            agree.Check(step + " srmr", r.Srmr, ReferenceCase.Number(e.GetProperty("srmr")));
            agree.Check(step + " delta chisq", r.DeltaChiSquare, ReferenceCase.Number(lrt[i].GetProperty("chisq_diff")));
            agree.Check(step + " delta df", r.DeltaDf, ReferenceCase.Number(lrt[i].GetProperty("df_diff")));
            agree.Check(step + " delta p", r.DeltaPValue, ReferenceCase.Number(lrt[i].GetProperty("pvalue")));
            if (i > 0)
            {
                var p = models[i - 1];
                agree.Check(step + " delta cfi", r.DeltaCfi, ReferenceCase.Number(e.GetProperty("cfi.scaled")) - ReferenceCase.Number(p.GetProperty("cfi.scaled")));
                agree.Check(step + " delta rmsea", r.DeltaRmsea, ReferenceCase.Number(e.GetProperty("rmsea.scaled")) - ReferenceCase.Number(p.GetProperty("rmsea.scaled")));
                Assert.Contains("satorra.2000", r.Verdict);
                Assert.Contains("ΔCFI (scaled)", r.Verdict);
            }
        }
        agree.Assert();
    }

    [Fact]
    public void Score_tests_of_each_steps_constraints_agree_with_lavTestScore()
    {
        // Reference: groups-wlsmv.json score_tests (lavTestScore univariate and total with release, WLSMV delta).
        var (root, result) = Run("groups-wlsmv");
        var agree = new Agreement("groups-wlsmv score tests");
        foreach (var e in root.GetProperty("score_tests").EnumerateArray())
        {
            int i = result.Steps.ToList().FindIndex(s => s.Step.Name() == e.GetProperty("model").GetString());
            var r = SemLib.Invariance.WithScoreTests(result.Steps[i], result.Steps[i - 1].Step);
            var expected = e.GetProperty("univariate").EnumerateArray().ToList();
            Assert.Equal(expected.Count, r.ScoreTests.Count);
            foreach (var x in expected)
            {
                string constraint = x.GetProperty("constraint").GetString()!;
                var t = r.ScoreTests.SingleOrDefault(t => t.Constraint == constraint);
                Assert.True(t is not null, $"{r.Step.Name()}: no score test for {constraint}");
                Assert.Equal(x.GetProperty("parameter").GetString(), t!.Parameter);
                agree.Check($"{r.Step.Name()} {constraint} chisq", t.ChiSquare, ReferenceCase.Number(x.GetProperty("chisq")));
                agree.Check($"{r.Step.Name()} {constraint} pvalue", t.PValue, ReferenceCase.Number(x.GetProperty("pvalue")));
            }
            var total = e.GetProperty("total");
            agree.Check($"{r.Step.Name()} total chisq", r.TotalScoreTest?.ChiSquare, ReferenceCase.Number(total.GetProperty("chisq")));
            Assert.Equal(total.GetProperty("df").GetInt32(), r.TotalScoreTest!.Df);
        }
        agree.Assert();
    }

    [Fact]
    public void Under_delta_strict_is_left_out_with_a_warning_that_says_why()
    {
        // lavaan 0.6.14 gives the strict model under delta the scalar model's df (78 = 78: group.equal "residuals" adds
        // no constraint), which groups-wlsmv's fixture reflects by having no strict model.
        var (_, result) = Run("groups-wlsmv");
        Assert.DoesNotContain(result.Steps, s => s.Step == InvarianceStep.Strict);
        var w = Assert.Single(result.Warnings, w => w.Message.StartsWith("strict:", StringComparison.Ordinal));
        Assert.Contains("theta", w.Message);
        Assert.Contains("not parameters", w.Message);
    }

    [Fact]
    public void Asking_for_strict_alone_under_delta_is_refused_with_a_message()
    {
        var ex = Assert.Throws<SemLibException>(() => Run("groups-wlsmv", o => o with { Steps = [InvarianceStep.Strict] }));
        Assert.Contains("parameterization = \"theta\"", ex.Message);
    }

    [Fact]
    public void The_scalar_step_equates_thresholds_and_frees_the_later_groups_scale_factors()
    {
        var (_, result) = Run("groups-wlsmv", o => o with { Steps = [InvarianceStep.Configural, InvarianceStep.Scalar] });
        var scalar = result.Steps.Single(s => s.Step == InvarianceStep.Scalar);
        Assert.Equal(["loadings", "thresholds"], scalar.GroupEqual);
        var table = scalar.Fit.Table;
        Assert.Contains(table.Rows, r => r.Group == 2 && r.Op == ModelOperator.Scaling && r.Free);
        Assert.Contains("thresholds", scalar.Verdict);
    }
}
