using MathNet.Numerics.LinearAlgebra;
using SemLib.Estimation;

namespace SemLib.Inference;

/// <summary>
/// The mean-and-variance adjusted (scaled-and-shifted) χ² difference test of two nested fits to ordered items, as
/// lavaan 0.6.14's <c>lavTestLRT()</c> gives it for WLSMV and ULSMV (method "satorra.2000", <c>scaled.shifted = TRUE</c>,
/// <c>A.method = "delta"</c>; Satorra 2000; Asparouhov &amp; Muthén 2010). With model 1 the less and model 0 the more
/// restricted one, all in model 1's free parameters ζ₁ and at its estimates:
/// <list type="bullet">
/// <item>the restriction A: Δ₁, Δ₀ the Jacobians of the thresholds and correlations (all groups stacked, each at its own
/// model's estimates), H = Δ₁⁺Δ₀ the directions of model 0 inside model 1, A an orthonormal basis of the orthogonal
/// complement of H's columns (one row per restriction);</item>
/// <item>P⁻¹ = (Σ_g f_g Δ₁ᵀW_gΔ₁)⁻¹ (the inverted expected information), M = P⁻¹Aᵀ(AP⁻¹Aᵀ)⁻¹AP⁻¹ and
/// B = Σ_g f_g Δ₁ᵀW_gΓ_gW_gΔ₁, so that tr(UΓ) = tr(MB) and tr((UΓ)²) = tr((MB)²);</item>
/// <item>with m = df₀ − df₁: a = √(m / tr((UΓ)²)), b = m − a·tr(UΓ) and the difference a·(T₀ − T₁) + b on m df, T the
/// standard statistics.</item>
/// </list>
/// The result does not depend on how either model's parameters are coordinatised (labels, group.equal), because
/// only the spans of Δ₁, Δ₀ and A enter.
/// </summary>
internal static class ScaledDifferenceTest
{
    /// <summary>The difference test; <see cref="Result.Statistic"/> is NaN when model 1's information is singular.</summary>
    /// <param name="Statistic">a·(T₀ − T₁) + b.</param>
    /// <param name="Df">m = df₀ − df₁.</param>
    /// <param name="Scale">a (lavTestLRT's attribute "scale").</param>
    /// <param name="Shift">b (lavTestLRT's attribute "shift").</param>
    /// <param name="TraceUGamma">tr(UΓ).</param>
    /// <param name="TraceUGamma2">tr((UΓ)²).</param>
    internal sealed record Result(double Statistic, int Df, double Scale, double Shift, double TraceUGamma, double TraceUGamma2);

    /// <summary>
    /// Tests <paramref name="more"/> (model 0, more restricted) against <paramref name="less"/> (model 1). Both must be
    /// fitted to the same thresholds and correlations (the same ordered items and groups).
    /// </summary>
    /// <exception cref="SemLibException">The models are fitted to different sample statistics.</exception>
    public static Result Compute(FittedModel less, FittedModel more)
    {
        double t1 = less.ChiSquare, t0 = more.ChiSquare;
        int m = more.Df - less.Df;
        if (m == 0) return new Result(t0 - t1, 0, double.NaN, double.NaN, double.NaN, double.NaN);
        var p1 = CategoricalInference.Pieces(less);
        var p0 = CategoricalInference.Pieces(more);
        if (p1.DeltaZeta.Count != p0.DeltaZeta.Count)
            throw new SemLibException($"The models have different numbers of groups ({p1.DeltaZeta.Count} and {p0.DeltaZeta.Count}); a difference test needs the same groups.");
        int r1 = less.Model.ZetaCount, r0 = more.Model.ZetaCount;
        var d1 = Stack(p1.DeltaZeta, r1);
        var d0 = Stack(p0.DeltaZeta, r0);
        if (d1.RowCount != d0.RowCount)
            throw new SemLibException($"The models are fitted to different numbers of sample statistics ({d1.RowCount} and {d0.RowCount} thresholds and correlations); "
                + "nested models must have the same ordered and continuous variables.");
        if (p1.AInverse is null || r1 == 0) return new Result(double.NaN, m, double.NaN, double.NaN, double.NaN, double.NaN);

        var a = Restriction(d1.PseudoInverse() * d0);
        if (a.RowCount == 0) return new Result(double.NaN, m, double.NaN, double.NaN, double.NaN, double.NaN);
        var pInv = Matrix<double>.Build.Dense(r1, r1, (i, j) => p1.AInverse[i * r1 + j]);
        var b = Matrix<double>.Build.Dense(r1, r1, (i, j) => p1.B[i * r1 + j]);
        var pa = pInv * a.Transpose();                                  // P⁻¹Aᵀ
        var mMat = pa * (a * pa).PseudoInverse() * pa.Transpose();      // P⁻¹Aᵀ(AP⁻¹Aᵀ)⁻¹AP⁻¹
        var mb = mMat * b;
        double tr = mb.Trace();
        double tr2 = (mb * mb).Trace();
        double scale = Math.Sqrt(m / tr2);
        double shift = m - scale * tr;
        return new Result((t0 - t1) * scale + shift, m, scale, shift, tr, tr2);
    }

    /// <summary>The groups' Δ (ζ coordinates, row-major m_g×r) one below the other.</summary>
    private static Matrix<double> Stack(IReadOnlyList<double[]> deltas, int r)
    {
        int rows = deltas.Sum(d => r == 0 ? 0 : d.Length / r);
        var x = Matrix<double>.Build.Dense(rows, r);
        int offset = 0;
        foreach (var d in deltas)
        {
            int mg = r == 0 ? 0 : d.Length / r;
            for (int i = 0; i < mg; i++)
                for (int j = 0; j < r; j++) x[offset + i, j] = d[i * r + j];
            offset += mg;
        }
        return x;
    }

    /// <summary>
    /// Rows spanning the orthogonal complement of H's columns: the left singular vectors of H whose singular values
    /// are negligible (relative tolerance 1e-7, as the rank of lavaan's QR decomposition).
    /// </summary>
    private static Matrix<double> Restriction(Matrix<double> h)
    {
        int r1 = h.RowCount;
        if (h.ColumnCount == 0) return Matrix<double>.Build.DenseIdentity(r1);
        var svd = h.Svd(computeVectors: true);
        var s = svd.S;
        double max = s.Count > 0 ? s.Maximum() : 0;
        int rank = s.Count(v => v > 1e-7 * Math.Max(max, double.Epsilon));
        var u = svd.U;
        return Matrix<double>.Build.Dense(r1 - rank, r1, (i, j) => u[j, rank + i]);
    }
}
