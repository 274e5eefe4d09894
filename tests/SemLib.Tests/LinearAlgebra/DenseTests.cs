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
}
