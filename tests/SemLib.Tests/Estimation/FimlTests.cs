using SemLib.Data;
using SemLib.Estimation;
using SemLib.Resampling;
using SemLib.Simulation;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

/// <summary>
/// Full-information ML: the analytic gradient against finite differences, allocation-free evaluation, agreement with
/// complete-data ML when nothing is missing, and the bad-input cases (each a clear message naming what and where).
/// The incomplete data are the reference cases' own (Reference/fiml, Reference/missing).
/// </summary>
public sealed class FimlTests
{
    internal static DataSet Data(string folder) => DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, folder, "data.csv"));

    private static readonly (string Folder, string Model, MissingPolicy Missing)[] GradientCases =
    [
        ("fiml/hs-fiml-mi", "visual =~ x1 + x2 + x3 + x9\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nx2 ~~ x3", MissingPolicy.ML),
        ("fiml/hs-fiml-mi", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\ng =~ visual + textual + speed\nx1 ~ 0*1\nvisual ~ NA*1", MissingPolicy.ML),
        ("fiml/hs-fiml-covariate", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual + textual ~ ageyr + sex", MissingPolicy.ML),
        ("fiml/hs-fiml-covariate", "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual + textual ~ ageyr + sex", MissingPolicy.MLX),
        ("fiml/poldem-fiml", "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + a*y2 + b*y3 + c*y4\ndem65 =~ y5 + a*y6 + b*y7 + c*y8\ndem60 ~ ind60\ndem65 ~ ind60 + dem60\ny1 ~~ y5\ny2 ~~ y4", MissingPolicy.ML),
        ("fiml/mono-small-fiml", "f =~ y1 + y2 + y3 + y4", MissingPolicy.ML),
    ];

    public static TheoryData<int> Gradients()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < GradientCases.Length; i++) data.Add(i);
        return data;
    }

    private static (Objective Objective, double[] Start) Build(int index, string? group = null)
    {
        var (folder, model, missing) = GradientCases[index];
        var options = ModelOptions.Default with { Missing = missing, Group = group };
        var (table, sample) = FitEngine.Prepare(ModelSyntax.Parse(model), options, Data(folder), null);
        var est = new EstimationSample(sample, Estimator.ML);
        Assert.True(est.FullInformation);
        var lisrel = FitEngine.Compile(table, est);
        var objective = new Objective(lisrel, est);
        var start = lisrel.Constraints.ToZeta(StartValues.Compute(lisrel, est, StartValues.Kind.ModelImplied));
        return (objective, start);
    }

    /// <summary>Expected values: central differences (f(x+h) − f(x−h))/2h of the FIML objective itself.</summary>
    [Theory]
    [MemberData(nameof(Gradients))]
    public void Analytic_gradient_matches_finite_differences(int index)
    {
        var (objective, start) = Build(index);
        GradientCheck.AgainstFiniteDifferences(objective, start, 11 + index);
    }

    [Theory]
    [MemberData(nameof(Gradients))]
    public void Evaluation_and_information_allocate_nothing(int index)
    {
        var (objective, start) = Build(index);
        var grad = new double[start.Length];
        var info = new double[start.Length * start.Length];
        var hessian = new double[start.Length * start.Length];
        void Run()
        {
            objective.Evaluate(start, grad);
            objective.Evaluate(start, []);
            objective.Information(info);
            objective.Hessian(start, hessian);
            objective.FullInformationHessian(start, hessian, []);
        }
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// The analytic observed information (standard errors under FIML) against the Hessian by central differences of
    /// the (checked) analytic gradient, at the estimates and away from them.
    /// </summary>
    [Theory]
    [MemberData(nameof(Gradients))]
    public void Analytic_observed_information_matches_the_finite_difference_hessian(int index)
    {
        var (objective, start) = Build(index);
        var rng = new Random(5 + index);
        var x = start.Select(v => v + 0.05 * (2 * rng.NextDouble() - 1) * Math.Max(0.2, Math.Abs(v))).ToArray();
        int n = x.Length;
        var analytic = new double[n * n];
        var numeric = new double[n * n];
        objective.FullInformationHessian(x, analytic, []);
        objective.Hessian(x, numeric);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Assert.True(Math.Abs(analytic[i * n + j] - numeric[i * n + j]) <= 1e-5 * Math.Max(1, Math.Abs(numeric[i * n + j])),
                    $"H[{i},{j}]: analytic {analytic[i * n + j]:G10}, finite differences {numeric[i * n + j]:G10}");
    }

    /// <summary>
    /// With no missing cell FIML is ML with a mean structure: the same estimates, standard errors (observed and
    /// expected information) and χ²; the expected values are SemLib's own complete-data ML fit.
    /// </summary>
    [Theory]
    [InlineData(InformationType.Observed)]
    [InlineData(InformationType.Expected)]
    public void Complete_data_FIML_is_ML_with_a_mean_structure(InformationType information)
    {
        var data = TestData.HolzingerSwineford();
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
        var ml = Sem.Fit(model, data, ModelOptions.Default with { MeanStructure = true, Information = information });
        var fiml = Sem.Fit(model, data, ModelOptions.Default with { Missing = MissingPolicy.ML, Information = information });
        Assert.True(fiml.Converged);
        Assert.Equal(1, fiml.MissingData![0].Patterns);
        Assert.Equal(ml.Parameters.Count, fiml.Parameters.Count);
        for (int i = 0; i < ml.Parameters.Count; i++)
        {
            Assert.Equal(ml.Parameters[i].Estimate, fiml.Parameters[i].Estimate, 5);
            Assert.Equal(ml.Parameters[i].StandardError!.Value, fiml.Parameters[i].StandardError!.Value, 5);
        }
        Assert.Equal(ml.FitMeasures["chisq"]!.Value, fiml.FitMeasures["chisq"]!.Value, 4);
        Assert.Equal(ml.FitMeasures["logl"]!.Value, fiml.FitMeasures["logl"]!.Value, 4);
    }

    /// <summary>
    /// Effects under FIML: the total effect of ind60 on dem65 and its delta-method SE equal lavaan's "total := c + a*b"
    /// row of the poldem-fiml-mediation case (est and se from its case.json).
    /// </summary>
    [Fact]
    public void Effects_under_fiml_match_lavaans_defined_total()
    {
        var c = ReferenceCase.Load(Path.Combine("fiml", "poldem-fiml-mediation"));
        var fit = c.Fit();
        var total = c.Parameters.Single(p => p.GetProperty("lhs").GetString() == "total");
        var effects = fit.Effects("ind60", "dem65");
        var agree = new Agreement(c.Name);
        agree.Check("total effect", effects.Total.Estimate, total.GetProperty("est").GetDouble());
        agree.Check("total effect se", effects.Total.StandardError, total.GetProperty("se").GetDouble());
        agree.Assert();
    }

    internal static double[] Column(DataSet data, string name) => data.NumericColumns([name])[0];
}
