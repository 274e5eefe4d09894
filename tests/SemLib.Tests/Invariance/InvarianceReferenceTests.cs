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
}
