using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

/// <summary>
/// Every analytic gradient against central finite differences of the objective, for each estimator and for
/// models that exercise every matrix (Λ, Θ off-diagonal, Ψ, B, ν, α, phantoms, equality constraints). Expected
/// values come from the finite-difference formula (f(x+h) − f(x−h))/2h on the objective itself.
/// </summary>
public sealed class GradientTests
{
    private static readonly string[] Models =
    [
        // CFA with correlated residuals and a cross-loading (with x7 ~~ x8 instead of x2 ~~ x3 GLS has no solution:
        // lavaan 0.6.14 reports that the optimizer did not find one, and so does SemLib)
        "visual =~ x1 + x2 + x3 + x9\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nx2 ~~ x3\nx1 ~~ x4",
        // second-order factor (Β among latent variables)
        "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\ng =~ visual + textual + speed",
        // latent regressions, observed covariates (phantoms, fixed.x), an indicator regressed on a covariate
        "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\ntextual ~ visual + ageyr\nvisual ~ sex\nx1 ~ sex",
        // observed path model with labels shared (equality) and an explicit linear constraint
        "x4 ~ a*x1 + a*x2 + x3\nx5 ~ b*x1 + c*x2\nx6 ~ x4 + x5\nb + c == 0.5",
    ];

    public static TheoryData<int, Estimator, bool> Cases()
    {
        var data = new TheoryData<int, Estimator, bool>();
        for (int m = 0; m < Models.Length; m++)
            foreach (var e in new[] { Estimator.ML, Estimator.GLS, Estimator.ULS })
                foreach (var means in new[] { false, true })
                    data.Add(m, e, means);
        return data;
    }

    internal static (Objective Objective, double[] Start) Build(string model, Estimator estimator, bool meanStructure, DataSet data)
    {
        var options = ModelOptions.Default with { Estimator = estimator, MeanStructure = meanStructure };
        var (table, sample) = FitEngine.Prepare(ModelSyntax.Parse(model), options, data, null);
        var est = new EstimationSample(sample, estimator);
        var lisrel = FitEngine.Compile(table, est);
        var objective = new Objective(lisrel, est);
        var start = lisrel.Constraints.ToZeta(StartValues.Compute(lisrel, est, StartValues.Kind.ModelImplied));
        return (objective, start);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analytic_gradient_matches_finite_differences(int model, Estimator estimator, bool meanStructure)
    {
        var data = TestData.HolzingerSwineford();
        var (objective, start) = Build(Models[model], estimator, meanStructure, data);
        GradientCheck.AgainstFiniteDifferences(objective, start, 7 + model);
    }

    /// <summary>
    /// The optimizer's inner loop allocates nothing: F with and without its gradient, the expected information and
    /// the finite-difference Hessian, measured on the second call (the first JIT-compiles the code).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluation_and_information_allocate_nothing(int model, Estimator estimator, bool meanStructure)
    {
        var (objective, start) = Build(Models[model], estimator, meanStructure, TestData.HolzingerSwineford());
        var grad = new double[start.Length];
        var info = new double[start.Length * start.Length];
        var hessian = new double[start.Length * start.Length];
        void Run()
        {
            objective.Evaluate(start, grad);
            objective.Evaluate(start, []);
            objective.Information(info);
            objective.Hessian(start, hessian);
        }
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// At a perfect fit (the data are the model-implied moments) the expected information equals the Hessian of
    /// the fit function; the Hessian here is the finite-difference derivative of the (checked) analytic gradient.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Information_equals_hessian_at_a_perfect_fit(int model, Estimator estimator, bool meanStructure)
    {
        var data = TestData.HolzingerSwineford();
        var options = ModelOptions.Default with { Estimator = estimator, MeanStructure = meanStructure };
        var fit = Sem.Fit(Models[model], data, options);
        Assert.True(fit.Converged);
        // Rows drawn so that their sample moments equal the fitted model's implied moments exactly.
        var perfect = TestData.WithMoments(data, fit, estimator);
        var (objective, _) = Build(Models[model], estimator, meanStructure, perfect);
        var zeta = fit.Fitted.Zeta;
        int n = zeta.Length;
        var grad = new double[n];
        double f0 = objective.Evaluate(zeta, grad);
        Assert.True(f0 < 1e-10, $"the perfect-fit data should fit exactly (F = {f0:G3})");
        var info = new double[n * n];
        objective.Information(info);
        var gp = new double[n];
        var gm = new double[n];
        for (int j = 0; j < n; j++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(zeta[j]));
            var xp = (double[])zeta.Clone();
            var xm = (double[])zeta.Clone();
            xp[j] += h;
            xm[j] -= h;
            objective.Evaluate(xp, gp);
            objective.Evaluate(xm, gm);
            for (int i = 0; i < n; i++)
            {
                double hess = (gp[i] - gm[i]) / (2 * h);
                Assert.True(Math.Abs(hess - info[i * n + j]) <= 1e-5 * Math.Max(1, Math.Abs(hess)),
                    $"H[{i},{j}]: information {info[i * n + j]:G8}, finite-difference Hessian {hess:G8}");
            }
        }
    }
}
