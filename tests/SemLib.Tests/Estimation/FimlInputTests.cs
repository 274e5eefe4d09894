using SemLib.Data;
using SemLib.Estimation;
using SemLib.Resampling;
using SemLib.Simulation;
using SemLib.Specification;
using SemLib.Tests.Support;
using SemLib.Reporting.Text;

namespace SemLib.Tests.Estimation;

/// <summary>
/// Full-information ML and its data: rows and patterns kept or dropped as lavaan does, and the bad-input cases, each a
/// clear message naming what and where. The data are the reference cases' own (Reference/fiml, Reference/missing).
/// </summary>
public sealed class FimlInputTests
{
    private static DataSet Data(string folder) => FimlTests.Data(folder);

    private static double[] Column(DataSet data, string name) => FimlTests.Column(data, name);

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
        Assert.Contains(fit.Warnings, w => w.Message.Contains("every model variable", StringComparison.Ordinal) && w.Message.Contains("40", StringComparison.Ordinal));
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
        Assert.Contains(ml.Warnings, w => w.Message.Contains("'ageyr'", StringComparison.Ordinal) && w.Message.Contains("20 of 301", StringComparison.Ordinal));
    }

    [Fact]
    public void Switching_the_mean_structure_off_under_fiml_is_overridden_with_a_warning()
    {
        // lavaan 0.6.14: "missing argument forces meanstructure = TRUE" (9 free parameters: 6 + 3 intercepts).
        var fit = Sem.Fit("visual =~ x1 + x2 + x3", Data("fiml/hs-fiml-mi"), ModelOptions.Default with { Missing = MissingPolicy.ML, MeanStructure = false });
        Assert.True(fit.Fitted.Table.MeanStructure);
        Assert.Equal(9, fit.Fitted.Npar);
        Assert.Contains(fit.Warnings, w => w.Message.Contains("mean structure", StringComparison.Ordinal));
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
    public void Estimators_that_cannot_use_fiml_are_refused_with_the_reason(Estimator estimator, string name)
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit("visual =~ x1 + x2 + x3", Data("fiml/hs-fiml-mi"),
            ModelOptions.Default with { Missing = MissingPolicy.ML, Estimator = estimator }));
        Assert.Contains(name, e.Message);
        Assert.Contains("missing = ml", e.Message);
        if (estimator == Estimator.MLM) Assert.Contains("complete data", e.Message);
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
}
