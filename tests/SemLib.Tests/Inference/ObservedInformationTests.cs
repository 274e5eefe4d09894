using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Tests.Support;
using SemLib.Syntax;

namespace SemLib.Tests.Inference;

/// <summary>Standard errors from the observed information do not depend on the units the variables are measured in.</summary>
public sealed class ObservedInformationTests
{
    [Theory]
    [InlineData(1e-7)]
    [InlineData(1e-4)]
    [InlineData(1e5)]
    public void Rescaling_a_variable_rescales_its_standard_errors_and_keeps_the_others(double scale)
    {
        // ML is scale-equivariant: with x2 multiplied by c, the loading on x2 and its SE scale by c, x2's residual
        // variance and its SE by c², and every other estimate and SE is unchanged. Expected: the unscaled fit, whose
        // observed-information SEs agree with lavaan (Reference/lavaan-extra/hs-observed-info).
        var hs = TestData.HolzingerSwineford();
        var names = new[] { "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9" };
        DataSet Data(double c) => DataSet.FromColumns(names.Select(v =>
            new KeyValuePair<string, double[]>(v, hs[v].Values.ToArray().Select(x => v == "x2" ? x * c : x).ToArray())).ToList());
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
        var options = ModelOptions.Default with { Information = InformationType.Observed };
        var reference = Sem.Fit(model, Data(1), options);
        var fit = Sem.Fit(model, Data(scale), options);
        Assert.DoesNotContain(fit.Warnings, w => w.Message.Contains("identified", StringComparison.Ordinal));
        foreach (var p in reference.Parameters)
        {
            var mine = fit.Parameter(p.Lhs, p.Op, p.Rhs)!;
            double power = p.Rhs == "x2" && p.Op == ModelOperator.MeasuredBy ? 1 : p.Lhs == "x2" && p.Rhs == "x2" ? 2 : 0;
            double factor = Math.Pow(scale, power);
            if (p.StandardError is not double se || se == 0) continue;
            Assert.NotNull(mine.StandardError);
            Assert.True(Math.Abs(mine.StandardError!.Value / factor - se) <= 1e-4 * se,
                $"{p.Name}: SE {mine.StandardError / factor:G8} after rescaling back, {se:G8} unscaled");
        }
    }
}
