using MathNet.Numerics.LinearAlgebra;
using SemLib.LinearAlgebra;

namespace SemLib.Tests.LinearAlgebra;

/// <summary>
/// The allocation-free kernels of <see cref="Dense"/>. Expected values come from identities (A·A⁻¹ = I, L·Lᵀ = A),
/// from MathNet.Numerics' own products, determinant and Cholesky factor, or are worked out by hand where stated.
/// </summary>
public sealed class DenseTests
{
    private static double[] Random(int rows, int cols, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows * cols).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
    }

    private static Matrix<double> M(double[] a, int rows, int cols) => Matrix<double>.Build.DenseOfRowMajor(rows, cols, a);

    /// <summary>B Bᵀ + n I: symmetric positive definite.</summary>
    private static double[] Spd(int n, int seed)
    {
        var b = M(Random(n, n, seed), n, n);
        return (b * b.Transpose() + n * Matrix<double>.Build.DenseIdentity(n)).ToRowMajorArray();
    }

    private static void AssertClose(Matrix<double> expected, Matrix<double> actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        Assert.True((expected - actual).InfinityNorm() <= tolerance, $"expected\n{expected}\nactual\n{actual}");
    }

    [Theory]
    [InlineData(3, 5, 4)]
    [InlineData(7, 9, 6)]
    [InlineData(1, 4, 1)]
    public void Products_agree_with_MathNet(int r, int k, int c)
    {
        var a = Random(r, k, 1);
        var b = Random(k, c, 2);
        var bt = Random(c, k, 3);
        var at = Random(k, r, 4);
        var b2 = Random(k, c, 5);

        var result = new double[r * c];
        Dense.Multiply(a, b, result, r, k, c);
        AssertClose(M(a, r, k) * M(b, k, c), M(result, r, c));

        Dense.MultiplyTransposeB(a, bt, result, r, k, c);
        AssertClose(M(a, r, k) * M(bt, c, k).Transpose(), M(result, r, c));

        var cOut = new double[r * c];
        Dense.MultiplyTransposeA(at, b2, cOut, k, r, c);
        AssertClose(M(at, k, r).Transpose() * M(b2, k, c), M(cOut, r, c));
    }

    [Fact]
    public void A_product_known_to_be_symmetric()
    {
        // S·S is symmetric for a symmetric S.
        int n = 6;
        var s = Spd(n, 7);
        var c = new double[n * n];
        Dense.MultiplySymmetricResult(s, s, c, n);
        AssertClose(M(s, n, n) * M(s, n, n), M(c, n, n), 1e-10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    public void Cholesky_inverse_log_determinant_and_solve(int n)
    {
        var a = Spd(n, 11 + n);
        var l = (double[])a.Clone();
        Assert.True(Dense.Cholesky(l, n));
        var lm = M(l, n, n);
        AssertClose(lm.LowerTriangle(), lm); // strict upper triangle zeroed
        AssertClose(M(a, n, n), lm * lm.Transpose(), 1e-10);
        AssertClose(M(a, n, n).Cholesky().Factor, lm, 1e-10);

        Assert.Equal(Math.Log(M(a, n, n).Determinant()), Dense.LogDetFromCholesky(l, n), 10);

        var inverse = new double[n * n];
        Dense.InverseFromCholesky(l, inverse, new double[n * n], n);
        AssertClose(Matrix<double>.Build.DenseIdentity(n), M(a, n, n) * M(inverse, n, n), 1e-10);

        var b = Random(n, 1, 99);
        var x = (double[])b.Clone();
        Dense.CholeskySolve(l, x, n);
        AssertClose(M(b, n, 1), M(a, n, n) * M(x, n, 1), 1e-10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    public void InvertSpd_is_the_Cholesky_sequence_and_leaves_its_input(int n)
    {
        var a = Spd(n, 11 + n);
        var original = (double[])a.Clone();
        var l = (double[])a.Clone();
        Assert.True(Dense.Cholesky(l, n));
        var expected = new double[n * n];
        Dense.InverseFromCholesky(l, expected, new double[n * n], n);

        var inverse = new double[n * n];
        Assert.True(Dense.InvertSpd(a, inverse, new double[2 * n * n], n, out double logDet));
        Assert.Equal(original, a);
        Assert.Equal(expected, inverse); // the same operations, so the same bits
        Assert.Equal(Dense.LogDetFromCholesky(l, n), logDet);
    }

    [Fact]
    public void InvertSpd_refuses_a_matrix_that_is_not_positive_definite_and_keeps_the_old_inverse()
    {
        var inverse = new double[] { 7, 7, 7, 7 };
        Assert.False(Dense.InvertSpd(new double[] { 1, 2, 2, 1 }, inverse, new double[8], 2, out double logDet));
        Assert.Equal(new double[] { 7, 7, 7, 7 }, inverse);
        Assert.True(double.IsNaN(logDet));
    }

    [Fact]
    public void Cholesky_refuses_a_matrix_that_is_not_positive_definite()
    {
        // [[1, 2], [2, 1]] has eigenvalues 3 and −1: the second pivot is 1 − 2² = −3.
        Assert.False(Dense.Cholesky(new double[] { 1, 2, 2, 1 }, 2));
        Assert.False(Dense.Cholesky(new double[] { 0, 0, 0, 1 }, 2));
        Assert.False(Dense.Cholesky(new double[] { double.NaN, 0, 0, 1 }, 2));
    }

    [Fact]
    public void Cholesky_breakdown_names_the_dependent_column()
    {
        // Variables 0 and 1 uncorrelated with variance 1; variable 2 = variable 0 + variable 1, so its variance is 2 and
        // its covariances are 1 and 1: the pivot of column 2 is 2 − 1² − 1² = 0.
        var a = new double[] { 1, 0, 1, 0, 1, 1, 1, 1, 2 };
        Assert.Equal(2, Dense.CholeskyBreakdown((double[])a.Clone(), 3, 1e-10));
        // A pivot of 1e-6 · A_jj passes with no tolerance and fails with a tolerance above 1e-6.
        var nearly = new double[] { 1, 0, 1, 0, 1, 1, 1, 1, 2 + 2e-6 };
        Assert.Equal(-1, Dense.CholeskyBreakdown((double[])nearly.Clone(), 3, 0));
        Assert.Equal(2, Dense.CholeskyBreakdown((double[])nearly.Clone(), 3, 1e-5));
        Assert.Equal(-1, Dense.CholeskyBreakdown(Spd(4, 3), 4, 1e-10));
    }

    [Theory]
    // Random matrices, and row permutations of a diagonally dominant matrix whose partial pivoting undoes a
    // 2-cycle, a 3-cycle, and a 2-cycle with a 3-cycle: the column reordering at the end walks each cycle.
    [InlineData(new[] { 0, 1, 2, 3, 4 }, 0)]
    [InlineData(new[] { 1, 0, 2, 3, 4 }, 1)]
    [InlineData(new[] { 1, 2, 0, 3, 4 }, 1)]
    [InlineData(new[] { 1, 0, 3, 4, 2 }, 1)]
    [InlineData(new[] { 4, 3, 2, 1, 0 }, 1)]
    public void InvertGeneral_gives_the_inverse(int[] rowOrder, int dominant)
    {
        int n = rowOrder.Length;
        var a = Random(n, n, 17 + rowOrder[0]);
        if (dominant == 1)
        {
            for (int i = 0; i < n; i++) a[i * n + i] += 10;
            var permuted = new double[n * n];
            for (int i = 0; i < n; i++) Array.Copy(a, rowOrder[i] * n, permuted, i * n, n);
            a = permuted;
        }
        var inverse = (double[])a.Clone();
        Assert.True(Dense.InvertGeneral(inverse, n, new int[n]));
        AssertClose(Matrix<double>.Build.DenseIdentity(n), M(a, n, n) * M(inverse, n, n), 1e-10);
        AssertClose(M(a, n, n).Inverse(), M(inverse, n, n), 1e-10);
    }

    [Fact]
    public void InvertGeneral_refuses_a_singular_matrix()
    {
        // The second row is twice the first.
        Assert.False(Dense.InvertGeneral(new double[] { 1, 2, 2, 4 }, 2, new int[2]));
    }
}
