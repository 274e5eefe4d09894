using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SemLib.LinearAlgebra;

/// <summary>
/// Small dense kernels on row-major spans for the objective and gradient. They write into buffers the caller
/// owns, so an evaluation allocates nothing; MathNet.Numerics is used everywhere off this hot path. (MathNet's
/// managed provider allocates result matrices and cannot fuse these symmetric products, hence these kernels.)
/// </summary>
internal static class Dense
{
    /// <summary>y[0..n) += alpha * x[0..n), vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = y.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = new Vector<double>(alpha);
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y);
            for (int k = 0; k < yv.Length; k++) yv[k] += va * xv[k];
            i = yv.Length * Vector<double>.Count;
        }
        for (; i < n; i++) y[i] += alpha * x[i];
    }

    /// <summary>Dot product of two equally long spans, vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        int i = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            for (int k = 0; k < xv.Length; k++) acc += xv[k] * yv[k];
            s = Vector.Sum(acc);
            i = xv.Length * Vector<double>.Count;
        }
        for (; i < n; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>C (r×c) = A (r×k) · B (k×c).</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int r, int k, int cols)
    {
        c[..(r * cols)].Clear();
        for (int i = 0; i < r; i++)
        {
            var ci = c.Slice(i * cols, cols);
            var ai = a.Slice(i * k, k);
            for (int t = 0; t < k; t++)
            {
                double v = ai[t];
                if (v != 0) Axpy(v, b.Slice(t * cols, cols), ci);
            }
        }
    }

    /// <summary>C (r×c) = A (r×k) · Bᵀ where B is c×k.</summary>
    public static void MultiplyTransposeB(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int r, int k, int cols)
    {
        for (int i = 0; i < r; i++)
        {
            var ai = a.Slice(i * k, k);
            for (int j = 0; j < cols; j++) c[i * cols + j] = Dot(ai, b.Slice(j * k, k));
        }
    }

    /// <summary>C (k×c) = Aᵀ · B where A is r×k and B is r×c.</summary>
    public static void MultiplyTransposeA(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int r, int k, int cols)
    {
        c[..(k * cols)].Clear();
        for (int t = 0; t < r; t++)
        {
            var bt = b.Slice(t * cols, cols);
            for (int i = 0; i < k; i++)
            {
                double v = a[t * k + i];
                if (v != 0) Axpy(v, bt, c.Slice(i * cols, cols));
            }
        }
    }

    /// <summary>
    /// C (n×n, symmetric) = A · B where the product is known to be symmetric; only the lower triangle is
    /// computed (as dot products of A's rows with Bᵀ's rows, B symmetric) and then mirrored.
    /// </summary>
    public static void MultiplySymmetricResult(ReadOnlySpan<double> a, ReadOnlySpan<double> bSym, Span<double> c, int n)
    {
        for (int i = 0; i < n; i++)
        {
            var ai = a.Slice(i * n, n);
            for (int j = 0; j <= i; j++)
            {
                double v = Dot(ai, bSym.Slice(j * n, n));
                c[i * n + j] = v;
                c[j * n + i] = v;
            }
        }
    }

    /// <summary>
    /// In-place Cholesky factorisation A = L Lᵀ of a symmetric n×n matrix; the lower triangle receives L and
    /// the strict upper triangle is zeroed. Returns false when A is not positive definite.
    /// </summary>
    public static bool Cholesky(Span<double> a, int n) => CholeskyBreakdown(a, n, 0) < 0;

    /// <summary>
    /// <see cref="Cholesky"/> that also says where it fails: the first column j whose pivot (what is left of A_jj
    /// after the earlier columns) is not above <paramref name="relativeTolerance"/>·A_jj — variable j is then (almost)
    /// a linear combination of variables 0..j−1. Returns that j, or −1 when the factorisation succeeded.
    /// </summary>
    public static int CholeskyBreakdown(Span<double> a, int n, double relativeTolerance)
    {
        for (int j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, j);
            double ajj = a[j * n + j];
            double s = ajj - Dot(rowJ, rowJ);
            if (!(s > relativeTolerance * ajj) || !double.IsFinite(s)) return j;
            double d = Math.Sqrt(s);
            a[j * n + j] = d;
            double inv = 1.0 / d;
            for (int i = j + 1; i < n; i++)
            {
                double t = a[i * n + j] - Dot(a.Slice(i * n, j), rowJ);
                a[i * n + j] = t * inv;
            }
        }
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) a[i * n + j] = 0;
        return -1;
    }

    /// <summary>log det A = 2 Σ log Lᵢᵢ from a Cholesky factor.</summary>
    public static double LogDetFromCholesky(ReadOnlySpan<double> l, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.Log(l[i * n + i]);
        return 2 * s;
    }

    /// <summary>
    /// A⁻¹ = L⁻ᵀ L⁻¹ from the Cholesky factor L (lower triangle of <paramref name="l"/>). <paramref name="work"/>
    /// (n×n) receives L⁻¹; <paramref name="inverse"/> receives the full symmetric inverse.
    /// </summary>
    public static void InverseFromCholesky(ReadOnlySpan<double> l, Span<double> inverse, Span<double> work, int n)
    {
        // work = L^{-1}, stored transposed (column i of L^{-1} as row i) so the final product uses contiguous dots.
        work[..(n * n)].Clear();
        for (int col = 0; col < n; col++)
        {
            var x = work.Slice(col * n, n); // x = L^{-1} e_col, nonzero from col on
            x[col] = 1.0 / l[col * n + col];
            for (int i = col + 1; i < n; i++)
            {
                double s = Dot(l.Slice(i * n + col, i - col), x.Slice(col, i - col));
                x[i] = -s / l[i * n + i];
            }
        }
        // (A^{-1})_{ij} = sum_k (L^{-1})_{ki} (L^{-1})_{kj} = dot(row i of work, row j of work), k >= max(i,j)
        for (int i = 0; i < n; i++)
        {
            var wi = work.Slice(i * n, n);
            for (int j = 0; j <= i; j++)
            {
                double v = Dot(wi[i..], work.Slice(j * n + i, n - i));
                inverse[i * n + j] = v;
                inverse[j * n + i] = v;
            }
        }
    }

    /// <summary>
    /// Inverse and log-determinant of a symmetric positive-definite n×n matrix <paramref name="a"/> by Cholesky:
    /// <paramref name="inverse"/> receives A⁻¹ and <paramref name="logDet"/> log det A. <paramref name="work"/>
    /// (2·n·n) holds the factor and L⁻¹. Returns false, leaving <paramref name="inverse"/> untouched, when A is
    /// not positive definite.
    /// </summary>
    public static bool InvertSpd(ReadOnlySpan<double> a, Span<double> inverse, Span<double> work, int n, out double logDet)
    {
        var factor = work[..(n * n)];
        a[..(n * n)].CopyTo(factor);
        if (!Cholesky(factor, n))
        {
            logDet = double.NaN;
            return false;
        }
        logDet = LogDetFromCholesky(factor, n);
        InverseFromCholesky(factor, inverse, work.Slice(n * n, n * n), n);
        return true;
    }

    /// <summary>Solves L Lᵀ x = b in place (b overwritten by x) given the Cholesky factor L.</summary>
    public static void CholeskySolve(ReadOnlySpan<double> l, Span<double> b, int n)
    {
        for (int i = 0; i < n; i++)
        {
            double s = b[i] - Dot(l.Slice(i * n, i), b[..i]);
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /// <summary>
    /// Inverts a general n×n matrix in place by Gauss–Jordan elimination with partial pivoting.
    /// Returns false when it is singular. <paramref name="pivots"/> is n integers of scratch space.
    /// </summary>
    public static bool InvertGeneral(Span<double> a, int n, Span<int> pivots)
    {
        for (int i = 0; i < n; i++) pivots[i] = i;
        for (int col = 0; col < n; col++)
        {
            int piv = col;
            double best = Math.Abs(a[col * n + col]);
            for (int r = col + 1; r < n; r++)
            {
                double v = Math.Abs(a[r * n + col]);
                if (v > best)
                {
                    best = v;
                    piv = r;
                }
            }
            if (best < 1e-300) return false;
            if (piv != col)
            {
                for (int k = 0; k < n; k++) (a[col * n + k], a[piv * n + k]) = (a[piv * n + k], a[col * n + k]);
                (pivots[col], pivots[piv]) = (pivots[piv], pivots[col]);
            }
            double d = a[col * n + col];
            double inv = 1.0 / d;
            a[col * n + col] = 1.0;
            for (int k = 0; k < n; k++) a[col * n + k] *= inv;
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = a[r * n + col];
                if (f == 0) continue;
                a[r * n + col] = 0;
                for (int k = 0; k < n; k++) a[r * n + k] -= f * a[col * n + k];
            }
        }
        // Elimination ran on P·A, so a now holds (P·A)⁻¹ = A⁻¹P⁻¹; A⁻¹ = (P·A)⁻¹·P reorders its columns:
        // A⁻¹[r, pivots[k]] = a[r, k]. Done with swaps along the permutation's cycles, so nothing is allocated.
        for (int start = 0; start < n; start++)
        {
            // Walk each cycle once, starting at its smallest member.
            int k = pivots[start];
            bool smallest = true;
            while (k != start)
            {
                if (k < start)
                {
                    smallest = false;
                    break;
                }
                k = pivots[k];
            }
            if (!smallest || pivots[start] == start) continue;
            // column start's content must move to column pivots[start], and so on around the cycle.
            for (int r = 0; r < n; r++)
            {
                var ar = a.Slice(r * n, n);
                double carry = ar[start];
                int from = start;
                do
                {
                    int to = pivots[from];
                    (ar[to], carry) = (carry, ar[to]);
                    from = to;
                } while (from != start);
            }
        }
        return true;
    }
}
