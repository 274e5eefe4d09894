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
        var weights = fitted.Sample.Groups.Select(g => g.Weight).ToArray();
        return new ScaledTest(test, x2, df, 1 / a, tr)
        {
            Shift = shift,
            GroupShifts = weights.Select(f => f * shift).ToArray(),
            TraceUGamma2 = tr2,
        };
    }

    internal sealed record TestPieces(double[]? AInverse, double[] B, double TraceUGamma, double TraceUGamma2);

    /// <summary>A⁻¹, B and the two traces at the estimates.</summary>
    internal static TestPieces Pieces(FittedModel fitted)
    {
        var model = fitted.Model;
        int q = model.ThetaCount, r = model.ZetaCount;
        var objective = fitted.NewObjective();
        objective.Evaluate(fitted.Zeta, []);
        var a = new double[r * r];
        var b = new double[r * r];
        var c = new double[r * r]; // Σ_g f_g ΔᵀWΓWΓWΔ
        double trWG = 0, trWG2 = 0;
        for (int g = 0; g < model.Groups.Length; g++)
        {
            var w = objective.Workspace(g);
            CategoricalDiscrepancy.Jacobian(w);
            var layout = w.Sample.Layout!;
            int m = layout.Count;
            double f = w.Sample.Weight;
            var gamma = layout.Statistics.Gamma ?? throw new SemLibException("Robust standard errors and scaled tests need Γ, the asymptotic covariance matrix of the thresholds and correlations.");
            // Δ in ζ coordinates (m×r), and the weight W (m×m) as a matrix.
            var dz = new double[m * r];
            var rowTheta = new double[q];
            var rowZeta = new double[r];
            for (int k = 0; k < m; k++)
            {
                Array.Copy(w.Jacobian, k * q, rowTheta, 0, q);
                model.Constraints.GradientToZeta(rowTheta, rowZeta);
                Array.Copy(rowZeta, 0, dz, k * r, r);
            }
            var wm = new double[m * m];
            if (layout.FullWeight is { } full) Array.Copy(full, wm, m * m);
            else for (int k = 0; k < m; k++) wm[k * m + k] = layout.Weight[k];
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
        var aInv = new double[r * r];
        if (r > 0 && !Dense.InvertSpd(a, aInv, new double[2 * r * r], r, out _))
            return new TestPieces(null, b, double.NaN, double.NaN);
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
        return new TestPieces(aInv, b, trWG - trAB, trWG2 - 2 * trAC + trAB2);
    }
}
