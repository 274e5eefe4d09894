using SemLib.Estimation;
using SemLib.LinearAlgebra;
using SemLib.Results;

namespace SemLib.Inference;

/// <summary>
/// Robust standard errors and scaled tests of the least-squares estimators for ordered items (lavaan 0.6.14's WLSMV,
/// ULSMV, and DWLS/WLS with <c>se = "robust.sem"</c> or a scaled test), from each group's Δ = ∂σ/∂θ, weight W_g and
/// Γ_g (the asymptotic covariance of the thresholds and correlations) with f_g = N_g/N:
/// <list type="bullet">
/// <item>A = Σ_g f_g ΔᵀW_gΔ, B = Σ_g f_g ΔᵀW_gΓ_gW_gΔ (ζ coordinates, Δ·K); Cov(ζ̂) = A⁻¹BA⁻¹/(N − 1), as lavaan
/// (Muthén, du Toit &amp; Spisic 1997);</item>
/// <item>U = V − VΔA⁻¹ΔᵀV with V = diag(f_g W_g), Γ* = diag(Γ_g/f_g): tr(UΓ*) = Σ_g tr(W_gΓ_g) − tr(A⁻¹B) and
/// tr((UΓ*)²) = Σ_g tr((W_gΓ_g)²) − 2 tr(A⁻¹ Σ_g f_g ΔᵀWΓWΓWΔ) + tr((A⁻¹B)²);</item>
/// <item>the scaled-shifted statistic a·T + b with a = √(df / tr((UΓ)²)), b = df − a·tr(UΓ) (Asparouhov &amp; Muthén
/// 2010; lavaan's scaling factor is 1/a, its shift b split over groups by f_g); the mean-adjusted (Satorra–Bentler)
/// one T/c with c = tr(UΓ)/df.</item>
/// </list>
/// </summary>
internal static class CategoricalInference
{
    /// <summary>The covariance of ζ̂ (null when not asked for or singular), the scaled test and the pieces.</summary>
    public static RobustInference.Result Compute(FittedModel fitted, ParameterCovariance.Result cov)
    {
        var options = fitted.Options;
        var warnings = new List<FitWarning>();
        var pieces = Pieces(fitted);
        double n = fitted.Sample.StatisticN; // N − 1, as lavaan divides here
        int r = fitted.Model.ZetaCount;
        double[]? covZeta = cov.CovZeta;
        if (options.StandardErrorsInEffect == StandardErrorType.RobustSem)
        {
            if (pieces.AInverse is null)
            {
                covZeta = null;
            }
            else
            {
                // A⁻¹BA⁻¹/N
                var tmp = new double[r * r];
                covZeta = new double[r * r];
                Dense.Multiply(pieces.AInverse, pieces.B, tmp, r, r, r);
                Dense.Multiply(tmp, pieces.AInverse, covZeta, r, r, r);
                for (int i = 0; i < covZeta.Length; i++) covZeta[i] /= n;
            }
        }
        double[]? covTheta = covZeta is null ? null
            : ReferenceEquals(covZeta, cov.CovZeta) ? cov.CovTheta : fitted.Model.Constraints.CovarianceToTheta(covZeta);
        return new RobustInference.Result(covTheta, covZeta, Test(fitted, pieces), warnings);
    }

    /// <summary>The scaled test of the fit (baseline models too), or null for the standard test only.</summary>
    public static ScaledTest? Test(FittedModel fitted) =>
        fitted.Options.TestInEffect == TestType.Standard ? null : Test(fitted, Pieces(fitted));

    private static ScaledTest? Test(FittedModel fitted, TestPieces pieces)
    {
        var test = fitted.Options.TestInEffect;
        if (test == TestType.Standard) return null;
        double df = fitted.Df, x2 = fitted.ChiSquare;
        if (pieces.AInverse is null || df <= 0)
            return new ScaledTest(test, x2, df, double.NaN, double.NaN);
        double tr = pieces.TraceUGamma, tr2 = pieces.TraceUGamma2;
        if (test == TestType.SatorraBentler)
            return new ScaledTest(test, x2, df, tr / df, tr);
        double a = Math.Sqrt(df / tr2);
        double shift = df - a * tr;
        return new ScaledTest(test, x2, df, 1 / a, tr) { Shift = shift };
    }

    /// <summary>
    /// A⁻¹ (ζ coordinates; null when A is singular), B, tr(UΓ), tr((UΓ)²), and per group Δ in ζ coordinates (m_g×r, row-major).
    /// </summary>
    internal sealed record TestPieces(double[]? AInverse, double[] B, double TraceUGamma, double TraceUGamma2, IReadOnlyList<double[]> DeltaZeta);

    /// <summary>Per fit, its pieces: the covariance, the scaled test and the robust fit measures all read them.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FittedModel, TestPieces> Cache = new();

    /// <summary>A⁻¹, B and the two traces at the estimates (computed once per fit).</summary>
    internal static TestPieces Pieces(FittedModel fitted) => Cache.GetValue(fitted, ComputePieces);

    private static TestPieces ComputePieces(FittedModel fitted)
    {
        var model = fitted.Model;
        int q = model.ThetaCount, r = model.ZetaCount;
        var objective = fitted.NewObjective();
        objective.Evaluate(fitted.Zeta, []);
        var a = new double[r * r];
        var b = new double[r * r];
        var c = new double[r * r]; // Σ_g f_g ΔᵀWΓWΓWΔ
        double trWG = 0, trWG2 = 0;
        var deltas = new List<double[]>();
        for (int g = 0; g < model.Groups.Length; g++)
        {
            var w = objective.Workspace(g);
            CategoricalDiscrepancy.Jacobian(w);
            var layout = w.Sample.Layout!;
            int m = layout.Count;
            double f = w.Sample.Weight;
            var gamma = layout.Statistics.Gamma ?? throw new SemLibException("Robust standard errors and scaled tests need Γ, the asymptotic covariance matrix of the thresholds and correlations.");
            var dz = DeltaZeta(w, model, q, r);
            deltas.Add(dz);
            if (layout.FullWeight is { } full) DenseGroup(full, gamma, dz, m, r, f, a, b, c, ref trWG, ref trWG2);
            else
            {
                // Diagonal W: with X = ΓWΔ (m×r), ΔᵀWΔ, B = ΔᵀWX and C = XᵀWX; Δ sparse, so X costs m·nnz(Δ).
                var wt = layout.Weight;
                var sparse = new SparseRows(dz, m, r);
                var xt = sparse.WeightedTransposeTimes(wt, gamma);            // Xᵀ, r×m
                var dtwd = sparse.LeftTimesWeighted(Transpose(dz, m, r), r, wt); // ΔᵀWΔ
                var bg = sparse.LeftTimesWeighted(xt, r, wt);                  // XᵀWΔ = ΔᵀWΓWΔ
                for (int i = 0; i < r * r; i++)
                {
                    a[i] += f * dtwd[i];
                    b[i] += f * bg[i];
                }
                for (int t = 0; t < r; t++)
                {
                    var xtT = new ReadOnlySpan<double>(xt, t * m, m);
                    for (int u = 0; u <= t; u++)
                    {
                        var xtU = new ReadOnlySpan<double>(xt, u * m, m);
                        double acc = 0;
                        for (int k = 0; k < m; k++) acc += xtT[k] * wt[k] * xtU[k];
                        c[t * r + u] += f * acc;
                        if (u != t) c[u * r + t] += f * acc;
                    }
                }
                for (int i = 0; i < m; i++)
                {
                    trWG += wt[i] * gamma[i * m + i];
                    var gi = new ReadOnlySpan<double>(gamma, i * m, m);
                    double acc = 0;
                    for (int j = 0; j < m; j++) acc += wt[j] * gi[j] * gi[j];
                    trWG2 += wt[i] * acc;
                }
            }
        }
        var aInv = new double[r * r];
        if (r > 0 && !Dense.InvertSpd(a, aInv, new double[2 * r * r], r, out _))
            return new TestPieces(null, b, double.NaN, double.NaN, deltas);
        var aib = new double[r * r];
        Dense.Multiply(aInv, b, aib, r, r, r);
        var aic = new double[r * r];
        Dense.Multiply(aInv, c, aic, r, r, r);
        double trAB = 0, trAC = 0, trAB2 = 0;
        for (int i = 0; i < r; i++)
        {
            trAB += aib[i * r + i];
            trAC += aic[i * r + i];
            for (int j = 0; j < r; j++) trAB2 += aib[i * r + j] * aib[j * r + i];
        }
        return new TestPieces(aInv, b, trWG - trAB, trWG2 - 2 * trAC + trAB2, deltas);
    }

    /// <summary>The group's Δ (the workspace's, θ coordinates) in ζ coordinates: m×r.</summary>
    private static double[] DeltaZeta(Estimation.LossWorkspace w, Model.LisrelModel model, int q, int r)
    {
        int m = w.Sample.Layout!.Count;
        var dz = new double[m * r];
        var rowTheta = new double[q];
        var rowZeta = new double[r];
        for (int k = 0; k < m; k++)
        {
            Array.Copy(w.Jacobian, k * q, rowTheta, 0, q);
            model.Constraints.GradientToZeta(rowTheta, rowZeta);
            Array.Copy(rowZeta, 0, dz, k * r, r);
        }
        return dz;
    }

    private static double[] Transpose(double[] x, int rows, int cols)
    {
        var t = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j];
        return t;
    }

    /// <summary>A full weight (WLS): the products as dense matrices.</summary>
    private static void DenseGroup(double[] wm, double[] gamma, double[] dz, int m, int r, double f, double[] a, double[] b, double[] c,
        ref double trWG, ref double trWG2)
    {
        var wd = new double[m * r];
        Dense.Multiply(wm, dz, wd, m, m, r);                // WΔ
        var wgamma = new double[m * m];
        Dense.Multiply(wm, gamma, wgamma, m, m, m);        // WΓ
        var wgwd = new double[m * r];
        Dense.Multiply(wgamma, wd, wgwd, m, m, r);          // WΓWΔ
        var wgwgwd = new double[m * r];
        Dense.Multiply(wgamma, wgwd, wgwgwd, m, m, r);      // WΓWΓWΔ
        var tmp = new double[r * r];
        Dense.MultiplyTransposeA(dz, wd, tmp, m, r, r);
        for (int i = 0; i < r * r; i++) a[i] += f * tmp[i];
        Dense.MultiplyTransposeA(dz, wgwd, tmp, m, r, r);
        for (int i = 0; i < r * r; i++) b[i] += f * tmp[i];
        Dense.MultiplyTransposeA(dz, wgwgwd, tmp, m, r, r);
        for (int i = 0; i < r * r; i++) c[i] += f * tmp[i];
        for (int i = 0; i < m; i++)
        {
            trWG += wgamma[i * m + i];
            for (int j = 0; j < m; j++) trWG2 += wgamma[i * m + j] * wgamma[j * m + i];
        }
    }
}
