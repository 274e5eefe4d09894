using SemLib.Data;

namespace SemLib.Tests.Data;

/// <summary>Summary data: the checks of <see cref="CovarianceData"/> and reading a matrix from CSV, with and without R's row-name column.</summary>
public sealed class CovarianceDataTests
{
    private static readonly string[] Names = ["x1", "x2", "x3"];

    private static double[,] Matrix() => new double[,] { { 1.36, 0.41, 0.58 }, { 0.41, 1.39, 0.45 }, { 0.58, 0.45, 1.28 } };

    [Fact]
    public void A_valid_matrix_is_copied()
    {
        var m = Matrix();
        var cov = new CovarianceData(Names, m, 301, [4.9, 6.1, 2.3]);
        m[0, 0] = 99;
        Assert.Equal(1.36, cov.Covariance[0, 0]);
        Assert.Equal(301, cov.N);
        Assert.Equal(Names, cov.Names);
        Assert.Equal([4.9, 6.1, 2.3], cov.Means!);
    }

    [Fact]
    public void A_matrix_that_is_not_square()
    {
        var ex = Assert.Throws<DataException>(() => new CovarianceData(Names, new double[3, 2], 100));
        Assert.Equal("The covariance matrix is 3×2 but 3 variable names were given.", ex.Message);
    }

    [Fact]
    public void Names_that_do_not_match_the_matrix()
    {
        var ex = Assert.Throws<DataException>(() => new CovarianceData(["x1", "x2"], Matrix(), 100));
        Assert.Equal("The covariance matrix is 3×3 but 2 variable names were given.", ex.Message);
        Assert.Equal("The covariance matrix names a variable twice.",
            Assert.Throws<DataException>(() => new CovarianceData(["x1", "x2", "x1"], Matrix(), 100)).Message);
        Assert.Equal("2 means were given for 3 variables.",
            Assert.Throws<DataException>(() => new CovarianceData(Names, Matrix(), 100, [1.0, 2.0])).Message);
    }

    [Fact]
    public void An_asymmetric_matrix()
    {
        var m = Matrix();
        m[2, 1] = 0.46;
        var ex = Assert.Throws<DataException>(() => new CovarianceData(Names, m, 100));
        Assert.Equal("The covariance matrix is not symmetric: ['x2','x3'] = 0.45 but ['x3','x2'] = 0.46.", ex.Message);
    }

    [Fact]
    public void A_missing_entry()
    {
        var m = Matrix();
        m[1, 1] = double.NaN;
        var ex = Assert.Throws<DataException>(() => new CovarianceData(Names, m, 100));
        Assert.Equal("The covariance matrix has a value that is not a number at row 'x2', column 'x2'.", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_sample_size_below_two(int n)
    {
        var ex = Assert.Throws<DataException>(() => new CovarianceData(Names, Matrix(), n));
        Assert.Equal($"The sample size must be at least 2 (got {n}).", ex.Message);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.5, "-0.4983")] // -0.5 * (N - 1) / N with N = 301: ML's divisor-N variance, printed with 4 digits.
    public void A_variance_that_is_not_positive(double variance, string shown)
    {
        var m = Matrix();
        m[1, 1] = variance;
        var cov = new CovarianceData(Names, m, 301);
        var ex = Assert.Throws<DataException>(() => Sem.Fit("f =~ x1 + x2 + x3", cov));
        Assert.Equal($"The covariance matrix gives variable 'x2' a variance of {shown}; variances must be positive.", ex.Message);
    }

    [Fact]
    public void A_singular_matrix_names_the_dependent_variable()
    {
        // x3 = x1 + x2 exactly: cov(x3, .) = cov(x1, .) + cov(x2, .).
        var m = new double[,] { { 1, 0.3, 1.3 }, { 0.3, 1, 1.3 }, { 1.3, 1.3, 2.6 } };
        var ex = Assert.Throws<DataException>(() => Sem.Fit("f =~ x1 + x2 + x3", new CovarianceData(Names, m, 100)));
        Assert.StartsWith("the covariance matrix: the sample covariance matrix is not positive definite: 'x3' is (almost) a linear combination of 'x1', 'x2'.", ex.Message);
    }

    [Fact]
    public void Means_are_needed_for_a_mean_structure()
    {
        var ex = Assert.Throws<SemLibException>(() => Sem.Fit("f =~ x1 + x2 + x3", new CovarianceData(Names, Matrix(), 100),
            SemLib.Specification.ModelOptions.Default with { MeanStructure = true }));
        Assert.Equal("A mean structure needs the sample means; give them with the covariance matrix.", ex.Message);
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "semlib-cov-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static CovarianceData ReadTemp(string text, int n)
    {
        var path = WriteTemp(text);
        try
        {
            return CovarianceData.ReadCsv(path, n);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadCsv_without_row_names()
    {
        var cov = ReadTemp("x1,x2,x3\n1.36,0.41,0.58\n0.41,1.39,0.45\n0.58,0.45,1.28\n", 301);
        Assert.Equal(Names, cov.Names);
        Assert.Equal(Matrix(), cov.Covariance);
        Assert.Equal(301, cov.N);
    }

    [Fact]
    public void ReadCsv_with_R_row_names()
    {
        // write.csv(cov(...)) in R: an empty quoted header cell over a column of quoted row names.
        var cov = ReadTemp("\"\",\"x1\",\"x2\",\"x3\"\n\"x1\",1.36,0.41,0.58\n\"x2\",0.41,1.39,0.45\n\"x3\",0.58,0.45,1.28\n", 301);
        Assert.Equal(Names, cov.Names);
        Assert.Equal(Matrix(), cov.Covariance);
    }

    [Fact]
    public void ReadCsv_with_a_named_row_name_column()
    {
        var cov = ReadTemp("var;x1;x2;x3\nx1;1.36;0.41;0.58\nx2;0.41;1.39;0.45\nx3;0.58;0.45;1.28\n", 301);
        Assert.Equal(Names, cov.Names);
        Assert.Equal(Matrix(), cov.Covariance);
    }

    [Fact]
    public void ReadCsv_round_trips_ToCsv()
    {
        var cov = new CovarianceData(Names, Matrix(), 301);
        var back = ReadTemp(cov.ToCsv(), 301);
        Assert.Equal(cov.Names, back.Names);
        Assert.Equal(cov.Covariance, back.Covariance);
    }

    [Fact]
    public void ReadCsv_errors()
    {
        Assert.Contains("a covariance matrix needs as many rows as columns; found 2 rows and 3 columns.",
            Assert.Throws<DataException>(() => ReadTemp("x1,x2,x3\n1,0,0\n0,1,0\n", 10)).Message);
        Assert.Contains("row 2, column 'x3' is empty; a covariance matrix must be complete.",
            Assert.Throws<DataException>(() => ReadTemp("x1,x2,x3\n1,0,0\n0,1,\n0,0,1\n", 10)).Message);
        Assert.Contains("The covariance matrix is not symmetric",
            Assert.Throws<DataException>(() => ReadTemp("x1,x2,x3\n1,0,0\n0.5,1,0\n0,0,1\n", 10)).Message);
        Assert.Contains("row 2, column 'x2': 'one' is not a number.",
            Assert.Throws<DataException>(() => ReadTemp("x1,x2,x3\n1,0,0\n0,one,0\n0,0,1\n", 10)).Message);
    }
}
