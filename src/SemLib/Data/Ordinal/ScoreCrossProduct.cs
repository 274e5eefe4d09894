using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SemLib.Data.Ordinal;

/// <summary>
/// C = scale · ZᵀZ for a tall matrix Z stored column by column (column c at c·stride, rows padded with zeros to the
/// stride): the sum over rows of the outer products of casewise influence vectors, the costly step of Γ. The lower
/// triangle is computed in 4×4 tiles of columns (sixteen running dot products, four rows at a time with fused
/// multiply-add), the tiles spread over the cores; every entry is one fixed-order sum, so the result does not depend
/// on the number of threads.
/// </summary>
internal static class ScoreCrossProduct
{
    private const int Tile = 4;

    /// <summary>The row stride for <paramref name="rows"/> rows: rounded up to a multiple of 4.</summary>
    public static int Stride(int rows) => (rows + 3) / 4 * 4;

    /// <summary>The column count padded to whole tiles (the extra columns must be zero).</summary>
    public static int PaddedColumns(int columns) => (columns + Tile - 1) / Tile * Tile;

    /// <summary>Writes scale · ZᵀZ (m×m row-major) into <paramref name="result"/>.</summary>
    /// <param name="z">Z, <see cref="PaddedColumns"/>(m) columns of <paramref name="stride"/> values.</param>
    /// <param name="stride">Values per column (a multiple of 4; the padding rows zero).</param>
    /// <param name="m">Columns wanted.</param>
    /// <param name="scale">Factor applied to every entry.</param>
    /// <param name="result">m×m.</param>
    /// <param name="maxDegreeOfParallelism">−1: all cores.</param>
    public static void Compute(double[] z, int stride, int m, double scale, double[] result, int maxDegreeOfParallelism = -1)
    {
        int tiles = PaddedColumns(m) / Tile;
        int pairs = tiles * (tiles + 1) / 2;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, pairs, options, t =>
        {
            // Tile pair t ↦ (pb, qb) with qb ≤ pb, row by row of the lower triangle.
            int pb = (int)((Math.Sqrt(8.0 * t + 1) - 1) / 2);
            while (pb * (pb + 1) / 2 > t) pb--;
            while ((pb + 1) * (pb + 2) / 2 <= t) pb++;
            int qb = t - pb * (pb + 1) / 2;
            Span<double> acc = stackalloc double[Tile * Tile];
            TileProduct(z, stride, pb * Tile, qb * Tile, acc);
            for (int a = 0; a < Tile; a++)
            {
                int p = pb * Tile + a;
                if (p >= m) break;
                for (int b = 0; b < Tile; b++)
                {
                    int q = qb * Tile + b;
                    if (q >= m || q > p) continue;
                    double v = scale * acc[a * Tile + b];
                    result[p * m + q] = v;
                    result[q * m + p] = v;
                }
            }
        });
    }

    private static void TileProduct(double[] z, int stride, int p0, int q0, Span<double> acc)
    {
        var zs = z.AsSpan();
        var a0 = zs.Slice(p0 * stride, stride); var a1 = zs.Slice((p0 + 1) * stride, stride);
        var a2 = zs.Slice((p0 + 2) * stride, stride); var a3 = zs.Slice((p0 + 3) * stride, stride);
        var b0 = zs.Slice(q0 * stride, stride); var b1 = zs.Slice((q0 + 1) * stride, stride);
        var b2 = zs.Slice((q0 + 2) * stride, stride); var b3 = zs.Slice((q0 + 3) * stride, stride);
        if (Fma.IsSupported && Vector256.IsHardwareAccelerated)
        {
            Vector256<double> c00 = default, c01 = default, c02 = default, c03 = default,
                c10 = default, c11 = default, c12 = default, c13 = default,
                c20 = default, c21 = default, c22 = default, c23 = default,
                c30 = default, c31 = default, c32 = default, c33 = default;
            for (int r = 0; r < stride; r += 4)
            {
                var x0 = Vector256.Create<double>(a0.Slice(r, 4)); var x1 = Vector256.Create<double>(a1.Slice(r, 4));
                var x2 = Vector256.Create<double>(a2.Slice(r, 4)); var x3 = Vector256.Create<double>(a3.Slice(r, 4));
                var y = Vector256.Create<double>(b0.Slice(r, 4));
                c00 = Fma.MultiplyAdd(x0, y, c00); c10 = Fma.MultiplyAdd(x1, y, c10); c20 = Fma.MultiplyAdd(x2, y, c20); c30 = Fma.MultiplyAdd(x3, y, c30);
                y = Vector256.Create<double>(b1.Slice(r, 4));
                c01 = Fma.MultiplyAdd(x0, y, c01); c11 = Fma.MultiplyAdd(x1, y, c11); c21 = Fma.MultiplyAdd(x2, y, c21); c31 = Fma.MultiplyAdd(x3, y, c31);
                y = Vector256.Create<double>(b2.Slice(r, 4));
                c02 = Fma.MultiplyAdd(x0, y, c02); c12 = Fma.MultiplyAdd(x1, y, c12); c22 = Fma.MultiplyAdd(x2, y, c22); c32 = Fma.MultiplyAdd(x3, y, c32);
                y = Vector256.Create<double>(b3.Slice(r, 4));
                c03 = Fma.MultiplyAdd(x0, y, c03); c13 = Fma.MultiplyAdd(x1, y, c13); c23 = Fma.MultiplyAdd(x2, y, c23); c33 = Fma.MultiplyAdd(x3, y, c33);
            }
            acc[0] = Vector256.Sum(c00); acc[1] = Vector256.Sum(c01); acc[2] = Vector256.Sum(c02); acc[3] = Vector256.Sum(c03);
            acc[4] = Vector256.Sum(c10); acc[5] = Vector256.Sum(c11); acc[6] = Vector256.Sum(c12); acc[7] = Vector256.Sum(c13);
            acc[8] = Vector256.Sum(c20); acc[9] = Vector256.Sum(c21); acc[10] = Vector256.Sum(c22); acc[11] = Vector256.Sum(c23);
            acc[12] = Vector256.Sum(c30); acc[13] = Vector256.Sum(c31); acc[14] = Vector256.Sum(c32); acc[15] = Vector256.Sum(c33);
            return;
        }
        // Portable path: the same sums, one dot product at a time.
        for (int a = 0; a < Tile; a++)
        {
            var x = a switch { 0 => a0, 1 => a1, 2 => a2, _ => a3 };
            for (int b = 0; b < Tile; b++)
            {
                var y = b switch { 0 => b0, 1 => b1, 2 => b2, _ => b3 };
                acc[a * Tile + b] = Dot(x, y);
            }
        }
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int width = Vector<double>.Count, r = 0;
        var sum = Vector<double>.Zero;
        for (; r + width <= x.Length; r += width)
            sum += new Vector<double>(x.Slice(r, width)) * new Vector<double>(y.Slice(r, width));
        double s = Vector.Sum(sum);
        for (; r < x.Length; r++) s += x[r] * y[r];
        return s;
    }
}
