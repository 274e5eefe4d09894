using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

/// <summary>
/// The least-squares discrepancy of ordered items: its analytic gradient and its Jacobian Δ = ∂σ/∂θ against central
/// finite differences (expected values: the formula (f(x+h) − f(x−h))/2h on the objective and on the implied statistics),
/// under delta and theta, with two groups whose scale factors (delta) or residual variances (theta) are free, with a
/// continuous variable next to ordered ones, with a latent regression and with each estimator's weight; and the
/// objective, gradient and information allocate nothing.
/// </summary>
public sealed class CategoricalGradientTests
{
    private const string Cfa = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
    private const string Sem = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nspeed ~ visual + textual\nx2 ~~ x3";
    private static readonly string[] All = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

    public static TheoryData<string, Estimator, CategoricalParameterization, bool, bool> Cases()
    {
        var data = new TheoryData<string, Estimator, CategoricalParameterization, bool, bool>();
        foreach (var model in new[] { Cfa, Sem })
            foreach (var p in new[] { CategoricalParameterization.Delta, CategoricalParameterization.Theta })
            {
                data.Add(model, Estimator.WLSMV, p, false, false);
                data.Add(model, Estimator.WLSMV, p, true, false);
                data.Add(model, Estimator.WLSMV, p, false, true);
            }
        data.Add(Cfa, Estimator.WLS, CategoricalParameterization.Delta, false, false);
        data.Add(Cfa, Estimator.ULSMV, CategoricalParameterization.Delta, false, false);
        return data;
    }

    private static DataSet Data(bool groups) =>
        groups ? ReferenceCase.Load("ordinal-fit/hs-groups-wlsmv").Data() : ReferenceCase.Load("ordinal-fit/hs-cfa-wlsmv").Data();

    internal static (Objective Objective, double[] Start, LossWorkspace[] Workspaces) Build(string model, Estimator estimator,
        CategoricalParameterization parameterization, bool groups, bool mixed)
    {
        var ordered = mixed ? All[..6] : All;
        DataSet data = mixed ? ReferenceCase.Load("ordinal-fit/hs-mixed").Data() : Data(groups);
        var options = ModelOptions.Default with
        {
            Estimator = estimator, Ordered = ordered, Parameterization = parameterization,
            Group = groups ? "school" : null, GroupEqual = groups ? ["thresholds", "loadings"] : [],
        };
        var (table, sample) = FitEngine.Prepare(ModelSyntax.Parse(model), options, data, null);
        var est = new EstimationSample(sample, estimator);
        var lisrel = FitEngine.Compile(table, est);
        var objective = new Objective(lisrel, est);
        var start = lisrel.Constraints.ToZeta(StartValues.Compute(lisrel, est, StartValues.Kind.ModelImplied));
        return (objective, start, Enumerable.Range(0, lisrel.Groups.Length).Select(objective.Workspace).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analytic_gradient_matches_finite_differences(string model, Estimator estimator, CategoricalParameterization parameterization, bool groups, bool mixed)
    {
        var (objective, start, _) = Build(model, estimator, parameterization, groups, mixed);
        GradientCheck.AgainstFiniteDifferences(objective, start, 11);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jacobian_matches_finite_differences_of_the_implied_statistics(string model, Estimator estimator, CategoricalParameterization parameterization, bool groups, bool mixed)
    {
        var (objective, start, workspaces) = Build(model, estimator, parameterization, groups, mixed);
        var lisrel = objective.Model;
        int q = lisrel.ThetaCount;
        var rng = new Random(5);
        var zeta = start.Select(v => v + 0.05 * (2 * rng.NextDouble() - 1) * Math.Max(0.2, Math.Abs(v))).ToArray();
        var theta = new double[q];
        lisrel.Constraints.ToTheta(zeta, theta);
        foreach (var w in workspaces)
        {
            Assert.True(w.State.Update(theta));
            CategoricalDiscrepancy.Jacobian(w);
            var jac = (double[])w.Jacobian.Clone();
            int m = w.Sample.Layout!.Count;
            var plus = new double[m];
            var minus = new double[m];
            var scale = new double[w.P];
            for (int t = 0; t < q; t++)
            {
                double h = 1e-6 * Math.Max(1, Math.Abs(theta[t]));
                var tp = (double[])theta.Clone();
                tp[t] += h;
                w.State.Update(tp);
                CategoricalDiscrepancy.Implied(w.State, w.Sample.Layout, plus, scale);
                tp[t] -= 2 * h;
                w.State.Update(tp);
                CategoricalDiscrepancy.Implied(w.State, w.Sample.Layout, minus, scale);
                for (int k = 0; k < m; k++)
                {
                    double fd = (plus[k] - minus[k]) / (2 * h);
                    Assert.True(Math.Abs(fd - jac[k * q + t]) <= 1e-6 * Math.Max(1, Math.Abs(fd)),
                        $"statistic {k}, parameter {t} ({lisrel.Table.Rows[lisrel.FreeRows[t]].Name}): analytic {jac[k * q + t]:G10}, finite difference {fd:G10}");
                }
            }
        }
    }

    [Fact]
    public void Evaluation_and_information_allocate_nothing()
    {
        var (objective, start, _) = Build(Sem, Estimator.WLSMV, CategoricalParameterization.Theta, true, false);
        var grad = new double[start.Length];
        var info = new double[start.Length * start.Length];
        void Run()
        {
            objective.Evaluate(start, grad);
            objective.Evaluate(start, []);
            objective.Information(info);
        }
        // Measured on the second call, as GradientTests: the first JIT-compiles the code, and many calls in the measured
        // window would reach the runtime's tier-up counter, whose bookkeeping allocates on the calling thread.
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
