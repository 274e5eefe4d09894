using System.Text.Json;
using SemLib.Data;
using SemLib.MeasurementInvariance;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Invariance;

/// <summary>
/// The invariance sequence against lavaan 0.6.14: every step's fit and lavTestLRT difference, the ΔCFI/ΔRMSEA/ΔSRMR,
/// and lavTestScore's univariate tests. Expected values: Reference/invariance/*/invariance.json (field <c>reference</c>;
/// hs-invariance from the shared reference folder, the others from Reference/scripts/make-invariance-cases.R).
/// </summary>
public sealed class InvarianceReferenceTests
{
    private static string Folder(string name) => Path.Combine(ReferenceCase.BaseDirectory, "invariance", name);

    internal static (JsonElement Root, InvarianceResult Result) Run(string name, Func<InvarianceOptions, InvarianceOptions>? adjust = null)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(name), "invariance.json"))).RootElement.Clone();
        var data = DataSet.ReadCsv(Path.Combine(Folder(name), "data.csv"));
        var options = new InvarianceOptions
        {
            Model = new ModelOptions
            {
                Group = root.GetProperty("group").GetString(),
                Estimator = root.TryGetProperty("estimator", out var e) ? Enum.Parse<SemLib.Estimation.Estimator>(e.GetString()!) : SemLib.Estimation.Estimator.ML,
                StdLv = root.TryGetProperty("std_lv", out var s) && s.GetBoolean(),
            },
            GroupPartial = root.TryGetProperty("group_partial", out var gp) ? ReferenceCase.Strings(gp) : [],
        };
        if (root.TryGetProperty("steps_run", out var sr)) options = options with { Steps = ReferenceCase.Strings(sr).Select(x => InvarianceSteps.Parse(x)!.Value).ToList() };
        if (adjust is not null) options = adjust(options);
        return (root, SemLib.Invariance.Run(root.GetProperty("model").GetString()!, data, options));
    }

    [Theory]
    [InlineData("hs-invariance")]
    [InlineData("hs-partial")]
    [InlineData("hs-stdlv")]
    [InlineData("hs-two-steps")]
    [InlineData("hs-mlr")]
    public void Steps_agree_with_lavaan(string name)
    {
        var (root, result) = Run(name);
        var agree = new Agreement(name);
        var expected = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(expected.Select(s => s.GetProperty("step").GetString()), result.Steps.Select(s => s.Step.Name()));
        Assert.Equal(ReferenceCase.Strings(root.GetProperty("groups")), result.Groups);
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var r = result.Steps[i];
            Assert.True(r.Converged);
            Assert.Equal(e.TryGetProperty("group_equal", out var ge) && ge.ValueKind != JsonValueKind.Array || (ge.ValueKind == JsonValueKind.Array && ge.GetArrayLength() > 0)
                ? ReferenceCase.Strings(ge) : [], r.GroupEqual);
            string step = r.Step.Name();
            agree.Check(step + " npar", r.Npar, ReferenceCase.Number(e.GetProperty("npar")));
            foreach (var (key, value) in new (string, double?)[]
            {
                ("chisq", r.ChiSquare), ("df", r.Df), ("pvalue", r.PValue), ("cfi", r.Cfi), ("tli", r.Tli), ("rmsea", r.Rmsea),
                ("srmr", r.Srmr), ("aic", r.Aic), ("bic", r.Bic),
                ("delta_chisq", r.DeltaChiSquare), ("delta_df", r.DeltaDf), ("delta_pvalue", r.DeltaPValue),
                ("delta_cfi", r.DeltaCfi), ("delta_rmsea", r.DeltaRmsea), ("delta_srmr", r.DeltaSrmr),
            })
            {
                double? reference = e.TryGetProperty(key, out var v) ? ReferenceCase.Number(v) : null;
                agree.Check($"{step} {key}", value, reference);
            }
        }
        agree.Assert();
    }

    [Fact]
    public void Score_tests_of_the_failing_scalar_step_agree_with_lavTestScore()
    {
        var (root, result) = Run("hs-invariance");
        var scalar = result.Steps.Single(s => s.Step == InvarianceStep.Scalar);
        Assert.False(scalar.Holds); // ΔCFI = −0.038 < −0.010 in the reference
        var expected = root.GetProperty("score_tests_scalar").EnumerateArray()
            .Where(e => e.GetProperty("parameter").GetString()!.Contains("~1", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Count, scalar.ScoreTests.Count); // the step's own constraints: the 9 intercepts
        var agree = new Agreement("hs-invariance score tests");
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var t = scalar.ScoreTests[i];
            Assert.Equal(e.GetProperty("constraint").GetString(), t.Constraint);
            Assert.Equal(e.GetProperty("parameter").GetString()!.Trim(), t.Parameter);
            agree.Check(t.Constraint + " chisq", t.ChiSquare, ReferenceCase.Number(e.GetProperty("chisq")));
            agree.Check(t.Constraint + " pvalue", t.PValue, ReferenceCase.Number(e.GetProperty("pvalue")));
        }
        agree.Assert();
    }

    [Theory]
    [InlineData("hs-partial")]
    [InlineData("hs-stdlv")]
    [InlineData("hs-two-steps")]
    [InlineData("hs-mlr")]
    public void Score_tests_of_each_steps_constraints_agree_with_lavTestScore(string name)
    {
        var (root, result) = Run(name);
        var agree = new Agreement(name + " score tests");
        var expectedSteps = root.GetProperty("steps").EnumerateArray().ToList();
        for (int i = 1; i < result.Steps.Count; i++)
        {
            var e = expectedSteps[i].GetProperty("score_tests");
            // Computed whether or not the step holds (Run computes them only for a step that does not).
            var r = SemLib.Invariance.WithScoreTests(result.Steps[i], result.Steps[i - 1].Step);
            var expected = e.GetProperty("univariate").EnumerateArray().ToList();
            Assert.Equal(expected.Count, r.ScoreTests.Count);
            foreach (var x in expected)
            {
                string constraint = x.GetProperty("constraint").GetString()!;
                var t = r.ScoreTests.SingleOrDefault(t => t.Constraint == constraint);
                Assert.True(t is not null, $"{name} {r.Step.Name()}: no score test for {constraint}");
                Assert.Equal(x.GetProperty("parameter").GetString(), t!.Parameter);
                agree.Check($"{r.Step.Name()} {constraint} chisq", t.ChiSquare, ReferenceCase.Number(x.GetProperty("chisq")));
                agree.Check($"{r.Step.Name()} {constraint} pvalue", t.PValue, ReferenceCase.Number(x.GetProperty("pvalue")));
            }
            Assert.Equal(r.ScoreTests.Select(t => t.ChiSquare).OrderByDescending(v => v), r.ScoreTests.Select(t => t.ChiSquare)); // largest first
            var total = e.GetProperty("total");
            agree.Check($"{r.Step.Name()} total chisq", r.TotalScoreTest?.ChiSquare, ReferenceCase.Number(total.GetProperty("chisq")));
            Assert.Equal(total.GetProperty("df").GetInt32(), r.TotalScoreTest!.Df);
            agree.Check($"{r.Step.Name()} total pvalue", r.TotalScoreTest.PValue, ReferenceCase.Number(total.GetProperty("pvalue")));
        }
        agree.Assert();
    }

    [Theory]
    [InlineData("hs-paths")]
    [InlineData("hs-paths-observed")]
    public void Path_differences_agree_with_lavaan(string name)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(name), "paths.json"))).RootElement;
        var data = DataSet.ReadCsv(Path.Combine(Folder(name), "data.csv"));
        var groupEqual = root.GetProperty("group_equal");
        var options = new ModelOptions
        {
            Group = root.GetProperty("group").GetString(),
            GroupEqual = groupEqual.ValueKind == JsonValueKind.Array && groupEqual.GetArrayLength() == 0 ? [] : ReferenceCase.Strings(groupEqual),
        };
        var result = SemLib.Invariance.PathDifferences(root.GetProperty("model").GetString()!, data, options);
        var expected = root.GetProperty("paths").EnumerateArray().ToList();
        Assert.Equal(expected.Count, result.Paths.Count);
        var agree = new Agreement(name);
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var p = result.Paths[i];
            Assert.Equal(e.GetProperty("dependent").GetString(), p.Dependent);
            Assert.Equal(e.GetProperty("predictor").GetString(), p.Predictor);
            string what = $"{p.Dependent} ~ {p.Predictor}";
            var est = e.GetProperty("estimates").EnumerateArray().Select(x => x.GetDouble()).ToList();
            for (int g = 0; g < est.Count; g++) agree.Check($"{what} est group {g + 1}", p.Estimates[g], est[g]);
            agree.Check(what + " difference", p.Difference, ReferenceCase.Number(e.GetProperty("difference")));
            agree.Check(what + " se", p.StandardError, ReferenceCase.Number(e.GetProperty("se")));
            agree.Check(what + " z", p.Z, ReferenceCase.Number(e.GetProperty("z")));
            agree.Check(what + " wald p", p.WaldPValue, ReferenceCase.Number(e.GetProperty("wald_pvalue")));
            agree.Check(what + " delta_chisq", p.DeltaChiSquare, ReferenceCase.Number(e.GetProperty("delta_chisq")));
            agree.Check(what + " delta_df", p.DeltaDf, ReferenceCase.Number(e.GetProperty("delta_df")));
            agree.Check(what + " delta_pvalue", p.DeltaPValue, ReferenceCase.Number(e.GetProperty("delta_pvalue")));
        }
        agree.Assert();
    }
}
