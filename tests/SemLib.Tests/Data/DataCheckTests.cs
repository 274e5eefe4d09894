using SemLib.Data;
using SemLib.Syntax;
using SemLib.Results;

namespace SemLib.Tests.Data;

/// <summary>
/// Data that cannot be analysed with a model: <see cref="Sem.Fit(string, DataSet, SemLib.Specification.ModelOptions?)"/>
/// throws <see cref="DataException"/> (or <see cref="ModelSyntaxException"/> for a name clash) whose message names
/// the variable, and the row or the place in the syntax where there is one. The data are small hand-made tables
/// or the Holzinger-Swineford data of the reference cases.
/// </summary>
public sealed class DataCheckTests
{
    private const string OneFactor = "f =~ x1 + x2 + x3";

    internal static DataSet Hs() =>
        DataSet.ReadCsv(Path.Combine(AppContext.BaseDirectory, "Reference", "lavaan", "hs-cfa", "data.csv"));

    /// <summary>The first <paramref name="n"/> rows of x1..x3 from HS, with column <paramref name="replace"/> replaced.</summary>
    private static DataSet Hs3(int n = 301, string? replace = null, Func<int, double>? values = null, string? name = null)
    {
        var hs = Hs();
        var cols = new List<KeyValuePair<string, double[]>>();
        foreach (var v in new[] { "x1", "x2", "x3" })
            cols.Add(new(v, hs[v].Values[..n].ToArray()));
        if (replace is not null)
        {
            int i = cols.FindIndex(c => c.Key == replace);
            var col = Enumerable.Range(0, n).Select(values!).ToArray();
            if (i >= 0) cols[i] = new(replace, col);
            else cols.Add(new(replace, col));
        }
        return DataSet.FromColumns(cols, name ?? "hs3");
    }

    [Fact]
    public void A_non_numeric_cell_used_by_the_model_names_row_and_column()
    {
        var data = DataSet.ReadCsv(new StringReader("x1,x2,x3\n1,2,3\n2,1,3\n3,4,abc\n4,3,2\n"), "scores.csv");
        var ex = Assert.Throws<DataException>(() => Sem.Fit(OneFactor, data));
        Assert.Equal("scores.csv: row 3, column 'x3': 'abc' is not a number.", ex.Message);
    }

    [Fact]
    public void A_text_column_the_model_does_not_use_is_fine()
    {
        // The HS file has the text column "school"; the one-factor model does not use it (lavaan ignores it too).
        var hs = Hs();
        Assert.False(hs["school"].IsNumeric);
        Assert.True(Sem.Fit(OneFactor, hs).Converged);
    }

    [Fact]
    public void A_model_variable_missing_from_the_data_is_named_with_its_place_in_the_syntax()
    {
        // "x10" is the third indicator: line 2, column 21 of the model.
        var ex = Assert.Throws<DataException>(() => Sem.Fit("f =~ x1 + x2 + x3\ng =~ x4 + x5 + x6 + x10", Hs()));
        Assert.StartsWith("The model variable 'x10' (used at line 2, column 21) is not a column of data.csv; available: id, sex,", ex.Message);
    }

    [Fact]
    public void A_model_variable_missing_from_a_covariance_matrix_is_named()
    {
        var cov = new CovarianceData(["x1", "x2", "x3"], new double[,] { { 1, .3, .2 }, { .3, 1, .4 }, { .2, .4, 1 } }, 100);
        var ex = Assert.Throws<DataException>(() => Sem.Fit("f =~ x1 + x2 + x4", cov));
        Assert.Equal("The model variable 'x4' (used at line 1, column 16) is not a column of the covariance matrix; available: x1, x2, x3.", ex.Message);
    }

    [Fact]
    public void A_constant_column_is_named()
    {
        var ex = Assert.Throws<DataException>(() => Sem.Fit(OneFactor, Hs3(replace: "x2", values: _ => 4.5)));
        Assert.StartsWith("hs3: the variable 'x2' is constant (every used row has the value 4.5)", ex.Message);
    }

    [Fact]
    public void A_column_constant_after_listwise_deletion_is_named()
    {
        // x3 varies only on the rows that are dropped for a missing x1.
        var data = DataSet.FromColumns([
            new("x1", [1, 2, 3, 4, 5, double.NaN]),
            new("x2", [2, 1, 4, 3, 5, 6]),
            new("x3", [7, 7, 7, 7, 7, 9]),
        ]);
        var ex = Assert.Throws<DataException>(() => Sem.Fit(OneFactor, data));
        Assert.Contains("'x3' is constant", ex.Message);
    }

    [Fact]
    public void Two_identical_columns_are_both_named()
    {
        var hs = Hs();
        var ex = Assert.Throws<DataException>(() => Sem.Fit("f =~ x1 + x2 + x3 + x9", Hs3(replace: "x9", values: i => hs["x2"][i])));
        Assert.StartsWith("hs3: the variables 'x2' and 'x9' have identical values in every row (a duplicated column)", ex.Message);
    }

    [Fact]
    public void A_linear_combination_names_the_dependent_variable()
    {
        // s = x1 + 2 x3 exactly; in model order (x1, x2, x3, s) the Cholesky factor breaks down at s.
        var hs = Hs();
        var ex = Assert.Throws<DataException>(() => Sem.Fit("f =~ x1 + x2 + x3 + s", Hs3(replace: "s", values: i => hs["x1"][i] + 2 * hs["x3"][i])));
        Assert.Equal("hs3: the sample covariance matrix is not positive definite: 's' is (almost) a linear combination of 'x1', 'x2', 'x3'. Remove or combine the redundant variables.", ex.Message);
    }

    [Fact]
    public void Too_few_complete_rows()
    {
        // Three complete rows for three variables: a 3x3 covariance matrix from 3 rows has rank 2 at most.
        var ex = Assert.Throws<DataException>(() => Sem.Fit(OneFactor, Hs3(n: 3)));
        Assert.Equal("hs3: 3 complete rows are too few for 3 variables; the sample covariance matrix would be singular.", ex.Message);
    }

    [Fact]
    public void No_complete_row_at_all()
    {
        var data = DataSet.FromColumns([new("x1", [1, double.NaN]), new("x2", [double.NaN, 2]), new("x3", [1, 2])]);
        var ex = Assert.Throws<DataException>(() => Sem.Fit(OneFactor, data));
        Assert.Equal("data: no row has values on all model variables (x1, x2, x3); nothing is left after listwise deletion.", ex.Message);
    }

    [Fact]
    public void Listwise_deletion_is_reported_with_counts()
    {
        // Rows 1, 5 and 9 of 301 lose a value on a model variable; row 2 loses one on x9, which the model does not use.
        var hs = Hs();
        var x2 = hs["x2"].Values.ToArray();
        var x3 = hs["x3"].Values.ToArray();
        x2[0] = double.NaN;
        x3[4] = double.NaN;
        x2[8] = x3[8] = double.NaN;
        var x9 = hs["x9"].Values.ToArray();
        x9[1] = double.NaN;
        var data = DataSet.FromColumns([new("x1", hs["x1"].Values.ToArray()), new("x2", x2), new("x3", x3), new("x9", x9)], "hs-holes");
        var fit = Sem.Fit(OneFactor, data);
        Assert.Equal([298], fit.NObs);
        var dropped = Assert.Single(fit.Warnings, w => w.Kind == FitWarningKind.RowsDropped);
        Assert.Equal("3 of 301 rows were dropped because they have missing values on model variables (listwise deletion).", dropped.Message);
        Assert.Equal(298, fit.FitMeasures["ntotal"]);
    }

    [Fact]
    public void No_warning_without_missing_values()
    {
        Assert.DoesNotContain(Sem.Fit(OneFactor, Hs3()).Warnings, w => w.Kind == FitWarningKind.RowsDropped || w.Message.Contains("dropped"));
    }

    [Fact]
    public void A_latent_variable_named_like_a_data_column_is_a_syntax_error_at_its_name()
    {
        // "x4" is the latent variable on line 2, column 1, and also a column of the HS data.
        var ex = Assert.Throws<ModelSyntaxException>(() => Sem.Fit("f =~ x1 + x2 + x3\nx4 =~ x5 + x6 + x7", Hs()));
        Assert.Equal(new SourceSpan(2, 1, 2), ex.Span);
        Assert.Contains("The latent variable 'x4' has the name of a column in the data; rename the latent variable.", ex.Message);
    }

    [Theory]
    [InlineData(1e-7)]
    [InlineData(1e-12)]
    [InlineData(1e12)]
    public void A_column_in_small_or_large_units_is_not_constant_and_fits_like_the_original(double scale)
    {
        // ML is scale-equivariant (Bollen 1989, ch. 4): rescaling x2 leaves chi-square and every standardized
        // estimate unchanged and multiplies x2's loading by the scale. Expected values: the fit of the unscaled data.
        var hs = Hs();
        var cols = new[] { "x1", "x2", "x3", "x4", "x5", "x6" }
            .Select(v => new KeyValuePair<string, double[]>(v, hs[v].Values.ToArray().Select(x => v == "x2" ? x * scale : x).ToArray()))
            .ToList();
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6";
        var reference = Sem.Fit(model, DataSet.FromColumns(cols.Select(c => c.Key == "x2"
            ? new KeyValuePair<string, double[]>("x2", hs["x2"].Values.ToArray()) : c).ToList(), "hs"));
        var fit = Sem.Fit(model, DataSet.FromColumns(cols, "scaled"));
        Assert.True(fit.Converged, string.Join("; ", fit.Warnings));
        double chisq = reference.FitMeasures["chisq"]!.Value;
        Assert.Equal(chisq, fit.FitMeasures["chisq"]!.Value, 1e-6 * chisq);
        var loading = fit.Parameter("visual", "=~", "x2")!;
        var refLoading = reference.Parameter("visual", "=~", "x2")!;
        Assert.Equal(refLoading.Estimate * scale, loading.Estimate, 1e-5 * Math.Abs(refLoading.Estimate * scale));
        Assert.Equal(refLoading.StandardError!.Value * scale, loading.StandardError!.Value, 1e-4 * refLoading.StandardError!.Value * scale);
        Assert.Equal(refLoading.StdAll!.Value, loading.StdAll!.Value, 1e-6);
    }
}
