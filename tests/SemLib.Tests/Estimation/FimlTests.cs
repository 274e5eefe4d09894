using SemLib.Data;
using SemLib.Estimation;
using SemLib.Reporting;
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
    private static DataSet Data(string folder) => DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, folder, "data.csv"));

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
        var rng = new Random(11 + index);
        var x = start.Select(v => v + 0.05 * (2 * rng.NextDouble() - 1) * Math.Max(0.2, Math.Abs(v))).ToArray();
        var grad = new double[x.Length];
        Assert.True(double.IsFinite(objective.Evaluate(x, grad)));
        for (int j = 0; j < x.Length; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            var xp = (double[])x.Clone();
            var xm = (double[])x.Clone();
            xp[j] += h;
            xm[j] -= h;
            double fd = (objective.Evaluate(xp, []) - objective.Evaluate(xm, [])) / (2 * h);
            Assert.True(Math.Abs(fd - grad[j]) <= 1e-6 * Math.Max(1, Math.Abs(fd)),
                $"parameter {j}: analytic {grad[j]:G10}, finite difference {fd:G10}");
        }
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

    [Fact]
    public void A_variable_missing_in_every_row_is_named()
    {
        var data = Data("fiml/hs-fiml-mi");
        var cols = data.Names.Where(n => n != "school").Select(n => new KeyValuePair<string, double[]>(n, n == "x5" ? new double[data.RowCount].Select(_ => double.NaN).ToArray() : Column(data, n))).ToList();
        var broken = DataSet.FromColumns(cols, "hs.csv");
        var e = Assert.Throws<DataException>(() => Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", broken, ModelOptions.Default with { Missing = MissingPolicy.ML }));
        Assert.Contains("'x5'", e.Message);
        Assert.Contains("missing in every row", e.Message);
    }

    [Fact]
    public void A_variable_missing_in_every_row_of_one_group_names_the_group()
    {
        var data = Data("fiml/hs-fiml-mi");
        var school = data["school"];
        var x5 = Column(data, "x5");
        for (int i = 0; i < x5.Length; i++)
            if (school.TextAt(i) == "Pasteur") x5[i] = double.NaN;
        var cols = data.Names.Where(n => n != "school").Select(n => new KeyValuePair<string, double[]>(n, n == "x5" ? x5 : Column(data, n)))
            .Append(new("g", Enumerable.Range(0, data.RowCount).Select(i => school.TextAt(i) == "Pasteur" ? 1.0 : 2.0).ToArray())).ToList();
        var broken = DataSet.FromColumns(cols, "hs.csv");
        var e = Assert.Throws<DataException>(() => Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", broken,
            ModelOptions.Default with { Missing = MissingPolicy.ML, Group = "g" }));
        Assert.Contains("group '1'", e.Message);
        Assert.Contains("'x5'", e.Message);
    }

    [Fact]
    public void A_pattern_with_a_single_row_is_used_and_an_empty_row_is_dropped_with_a_warning()
    {
        // mono-small: row 39 misses only y1 (its own pattern), row 40 misses everything.
        var fit = Sem.Fit("f =~ y1 + y2 + y3 + y4", Data("fiml/mono-small-fiml"), ModelOptions.Default with { Missing = MissingPolicy.ML });
        Assert.True(fit.Converged);
        Assert.Equal(39, fit.MissingData![0].Rows);
        Assert.Contains(fit.Fitted.Sample.Groups[0].Patterns!.Patterns, p => p.Count == 1);
        Assert.Contains(fit.Warnings, w => w.Contains("every model variable", StringComparison.Ordinal) && w.Contains("40", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_missing_a_fixed_covariate_are_dropped_under_ml_and_kept_under_mlx()
    {
        var data = Data("fiml/hs-fiml-covariate");
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual + textual ~ ageyr + sex";
        var ml = Sem.Fit(model, data, ModelOptions.Default with { Missing = MissingPolicy.ML });
        var mlx = Sem.Fit(model, data, ModelOptions.Default with { Missing = MissingPolicy.MLX });
        // lavaan: 281 rows under "ml" (20 miss ageyr), 301 under "ml.x" (the cases' nobs).
        Assert.Equal(281, ml.NObs[0]);
        Assert.Equal(301, mlx.NObs[0]);
        Assert.Contains(ml.Warnings, w => w.Contains("'ageyr'", StringComparison.Ordinal) && w.Contains("20 of 301", StringComparison.Ordinal));
    }

    [Fact]
    public void Switching_the_mean_structure_off_under_fiml_is_overridden_with_a_warning()
    {
        // lavaan 0.6.14: "missing argument forces meanstructure = TRUE" (9 free parameters: 6 + 3 intercepts).
        var fit = Sem.Fit("visual =~ x1 + x2 + x3", Data("fiml/hs-fiml-mi"), ModelOptions.Default with { Missing = MissingPolicy.ML, MeanStructure = false });
        Assert.True(fit.Fitted.Table.MeanStructure);
        Assert.Equal(9, fit.Fitted.Npar);
        Assert.Contains(fit.Warnings, w => w.Contains("mean structure", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_ml_with_a_covariance_matrix_is_refused()
    {
        var cov = new CovarianceData(["a", "b", "c"], new double[,] { { 1, 0.5, 0.4 }, { 0.5, 1, 0.3 }, { 0.4, 0.3, 1 } }, 100);
        var e = Assert.Throws<SemLibException>(() => Sem.Fit("f =~ a + b + c", cov, ModelOptions.Default with { Missing = MissingPolicy.ML }));
        Assert.Contains("raw rows", e.Message);
    }

    [Theory]
    [InlineData(Estimator.MLM, "MLM")]
    [InlineData(Estimator.GLS, "GLS")]
    [InlineData(Estimator.ULS, "ULS")]
    [InlineData(Estimator.MLR, "MLR")]
    public void Estimators_that_cannot_use_fiml_are_refused_with_the_reason(Estimator estimator, string name)
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit("visual =~ x1 + x2 + x3", Data("fiml/hs-fiml-mi"),
            ModelOptions.Default with { Missing = MissingPolicy.ML, Estimator = estimator }));
        Assert.Contains(name, e.Message);
        Assert.Contains("missing = ml", e.Message);
        if (estimator == Estimator.MLM) Assert.Contains("complete data", e.Message);
    }

    /// <summary>
    /// The bootstrap of a FIML fit: each draw keeps its missing cells and is refitted by FIML. Its loadings' standard
    /// errors are compared with lavaan 0.6.14's bootstrap of the same fit (cfa(..., missing = "ml", se = "bootstrap",
    /// bootstrap = 200) after set.seed(3): x2 0.129, x3 0.122, x5 0.073, x6 0.059, x8 0.178, x9 0.405); both are
    /// 200 random draws, so they agree within their spread (±40%), not digit for digit. A draw that kept the original
    /// patterns would give standard errors of zero.
    /// </summary>
    [Fact]
    public void The_bootstrap_refits_each_draw_by_fiml()
    {
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
        var fit = Sem.Fit(model, Data("fiml/hs-fiml-mi"), ModelOptions.Default with { Missing = MissingPolicy.ML });
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 200, Seed = 3 });
        Assert.True(boot.Converged >= 190, $"{boot.Converged} of 200 draws converged");
        var lavaan = new Dictionary<string, double> { ["x2"] = 0.129, ["x3"] = 0.122, ["x5"] = 0.073, ["x6"] = 0.059, ["x8"] = 0.178, ["x9"] = 0.405 };
        foreach (var (rhs, se) in lavaan)
        {
            var b = boot.Parameters.Single(x => x.Op == "=~" && x.Rhs == rhs);
            double ratio = b.StandardError!.Value / se;
            Assert.True(ratio is > 0.6 and < 1.4, $"{b.Lhs}=~{rhs}: bootstrap SE {b.StandardError:G4}, lavaan's bootstrap {se:G4}");
        }
    }

    [Fact]
    public void The_bca_bootstrap_of_a_fiml_fit_refits_the_jackknife_by_fiml()
    {
        var fit = Sem.Fit("f =~ y1 + y2 + y3 + y4", Data("fiml/mono-small-fiml"), ModelOptions.Default with { Missing = MissingPolicy.ML });
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 60, Seed = 5, Interval = BootstrapInterval.BiasCorrectedAccelerated });
        Assert.True(boot.Converged >= 40);
        var loading = boot.Parameters.Single(b => b.Lhs == "f" && b.Rhs == "y2");
        Assert.True(loading.CiLower < loading.Estimate && loading.Estimate < loading.CiUpper);
    }

    [Fact]
    public void Bollen_stine_refuses_fiml_with_a_reason()
    {
        var fit = Sem.Fit("visual =~ x1 + x2 + x3", Data("fiml/hs-fiml-mi"), ModelOptions.Default with { Missing = MissingPolicy.ML });
        var e = Assert.Throws<SemLibException>(() => Bootstrap.Run(fit, new BootstrapOptions { Draws = 10, BollenStine = true }));
        Assert.Contains("Bollen–Stine", e.Message);
        Assert.Contains("full-information ML", e.Message);
    }

    /// <summary>
    /// A Monte Carlo study with 20% of the cells deleted at random, fitted by FIML: the estimates are unbiased and the
    /// observed-information standard errors cover the population values about 95% of the time (expected values: the
    /// population model's own loadings; a tolerance for 200 replications).
    /// </summary>
    [Fact]
    public void Monte_carlo_replications_with_missing_cells_are_fitted_by_fiml()
    {
        var pop = PopulationModel.FromSyntax("f =~ 0.8*y1 + 0.7*y2 + 0.6*y3 + 0.7*y4", standardized: true);
        var result = MonteCarlo.Run(pop, "f =~ y1 + y2 + y3 + y4", new MonteCarloOptions
        {
            Replications = 200, SampleSize = 300, Seed = 11, MissingProportion = 0.2,
            Analysis = ModelOptions.Default with { Missing = MissingPolicy.ML },
        });
        Assert.True(result.Converged >= 195, $"{result.Converged} of 200 converged");
        foreach (var p in result.Parameters.Where(p => p.Op == "=~"))
        {
            Assert.True(Math.Abs(p.RelativeBias ?? 0) < 0.05, $"{p.Lhs}=~{p.Rhs}: relative bias {p.RelativeBias:G3}");
            Assert.True(p.Coverage is > 0.88 and < 0.99, $"{p.Lhs}=~{p.Rhs}: coverage {p.Coverage:G3}");
        }
        // The intercepts are estimated (a mean structure, as FIML has).
        Assert.Contains(result.Parameters, p => p.Op == "~1");
        // The deleted cells cost precision: the same study on complete data has smaller standard errors.
        var complete = MonteCarlo.Run(pop, "f =~ y1 + y2 + y3 + y4", new MonteCarloOptions
        {
            Replications = 200, SampleSize = 300, Seed = 11,
            Analysis = ModelOptions.Default with { Missing = MissingPolicy.ML },
        });
        foreach (var p in result.Parameters.Where(p => p.Op == "=~"))
            Assert.True(p.MeanSe > complete.Parameters.Single(c => c.Op == "=~" && c.Rhs == p.Rhs).MeanSe * 1.05, $"{p.Rhs}: SE with missing cells {p.MeanSe:G3}");
    }

    [Fact]
    public void Monte_carlo_missing_cells_need_fiml()
    {
        var pop = PopulationModel.FromSyntax("f =~ 0.7*y1 + 0.7*y2 + 0.7*y3", standardized: true);
        var m = Assert.Throws<SemLibException>(() => MonteCarlo.Run(pop, "f =~ y1 + y2 + y3",
            new MonteCarloOptions { Replications = 5, SampleSize = 100, MissingProportion = 0.1 }));
        Assert.Contains("missing = ML", m.Message);
    }

    [Fact]
    public void The_summary_gives_the_number_of_missing_patterns()
    {
        var one = Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", Data("missing/hs-cfa-fiml"),
            ModelOptions.Default with { Missing = MissingPolicy.ML });
        // lavaan's summary: "  Number of missing patterns                        36" (36 = the case's npatterns).
        Assert.Contains("  Number of missing patterns                        36", TextSummary.Format(one));
        var two = Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", Data("fiml/hs-fiml-groups"),
            ModelOptions.Default with { Missing = MissingPolicy.ML, Group = "school" });
        var text = TextSummary.Format(two);
        Assert.Contains("Number of missing patterns per group:", text);
        Assert.Contains("    Pasteur                                         27", text);
    }

    private static double[] Column(DataSet data, string name) => data.NumericColumns([name])[0];
}
