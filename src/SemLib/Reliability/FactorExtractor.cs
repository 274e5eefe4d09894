using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SemLib.Reliability;

/// <summary>Unrotated factor extraction as in psych's <c>fac()</c>.</summary>
internal static class FactorExtractor
{
    internal const double LowerBound = 0.005;

    internal sealed record Extraction(Matrix<double> Loadings, int Iterations, List<string> Warnings);

    /// <summary>
    /// Maximum likelihood: minimise over the uniquenesses ψ ∈ [0.005, 1] the concentrated discrepancy
    /// −Σₖ₌ₘ₊₁..ₚ (ln eₖ − eₖ) − m + p, e the eigenvalues of Ψ^−½ R Ψ^−½ (psych's <c>FAfn</c>), gradient
    /// diag(ΛΛ′ + Ψ − R)/ψ² (psych's <c>FAgr</c>), from ψ = 1 − smc; loadings Ψ^½ V diag(√max(e − 1, 0)).
    /// </summary>
    public static Extraction MaximumLikelihood(Matrix<double> r, int m)
    {
        (double, Vector<double>) Evaluate(Vector<double> psi)
        {
            var (l, f) = Ml(r, psi, m);
            return (f, ResidualDiagonal(r, l, psi).PointwiseDivide(psi.PointwiseMultiply(psi)));
        }
        var (psiHat, iterations, warnings) = Minimise(Evaluate, Start(r, m), "maximum likelihood");
        return new Extraction(Ml(r, psiHat, m).Loadings, iterations, warnings);
    }

    /// <summary>
    /// Minimum residual (ULS): minimise over ψ ∈ [0.005, 1] the sum of squared residuals of the best rank-m
    /// approximation of R − Ψ, Σₖ₌ₘ₊₁..ₚ eₖ², whose minimiser also minimises psych's off-diagonal residual sum;
    /// gradient 2·diag(ΛΛ′ + Ψ − R) (psych's <c>FAgr.minres</c>); loadings V diag(√max(e, 0)) (psych's
    /// <c>FAout.wls</c>).
    /// </summary>
    public static Extraction MinimumResidual(Matrix<double> r, int m)
    {
        (double, Vector<double>) Evaluate(Vector<double> psi)
        {
            var (l, f) = Uls(r, psi, m);
            return (f, 2 * ResidualDiagonal(r, l, psi));
        }
        var start = Vector<double>.Build.DenseOfArray(Stats.Smc(r.ToArray()).Select(s => 1 - s).ToArray());
        var (psiHat, iterations, warnings) = Minimise(Evaluate, start, "minimum residual");
        return new Extraction(Uls(r, psiHat, m).Loadings, iterations, warnings);
    }

    /// <summary>psych's iterated principal axis: SMC start, stop when the sum of communalities changes by less
    /// than <paramref name="tolerance"/> or after <paramref name="maxIterations"/> iterations.</summary>
    public static Extraction PrincipalAxis(Matrix<double> r, int m, double tolerance, int maxIterations)
    {
        int p = r.RowCount;
        var warnings = new List<string>();
        var rm = r.Clone();
        var smc = Stats.Smc(r.ToArray());
        for (int i = 0; i < p; i++) rm[i, i] = smc[i];
        double comm = smc.Sum(), err = comm;
        int iter = 1;
        Matrix<double> loadings = Matrix<double>.Build.Dense(p, m);
        bool negative = false;
        while (err > tolerance)
        {
            var (values, vectors) = Stats.EigenDescending(rm);
            for (int k = 0; k < m; k++)
            {
                if (values[k] < 0) negative = true;
                loadings.SetColumn(k, vectors.Column(k) * Math.Sqrt(Math.Max(values[k], 0)));
            }
            double comm1 = 0;
            for (int i = 0; i < p; i++)
            {
                double h2 = 0;
                for (int k = 0; k < m; k++) h2 += loadings[i, k] * loadings[i, k];
                rm[i, i] = h2;
                comm1 += h2;
            }
            err = Math.Abs(comm - comm1);
            comm = comm1;
            iter++;
            if (iter > maxIterations)
            {
                if (err > tolerance)
                    warnings.Add($"Principal axis: the communalities did not settle within {maxIterations} iterations (last change {err:G3}); the last iterate is reported, as psych does.");
                break;
            }
        }
        if (negative) warnings.Add("Principal axis: a retained eigenvalue of the reduced correlation matrix was negative and was treated as 0 (psych reports an imaginary-eigenvalue condition).");
        return new Extraction(loadings, iter - 1, warnings);
    }

    private static Vector<double> Start(Matrix<double> r, int m)
    {
        var smc = Stats.Smc(r.ToArray());
        if (m > 1 && Math.Abs(smc.Sum() - m) < 1e-12) return Vector<double>.Build.Dense(r.RowCount, 0.5);
        return Vector<double>.Build.DenseOfArray(smc.Select(s => 1 - s).ToArray());
    }

    /// <summary>ML loadings and discrepancy at ψ, from one eigen decomposition of Ψ^−½ R Ψ^−½.</summary>
    private static (Matrix<double> Loadings, double Objective) Ml(Matrix<double> r, Vector<double> psi, int m)
    {
        int p = r.RowCount;
        var d = Matrix<double>.Build.DenseOfDiagonalVector(psi.Map(v => 1 / Math.Sqrt(v)));
        var s = d * r * d;
        var (e, v) = Stats.EigenDescending((s + s.Transpose()) / 2);
        double f = 0;
        for (int k = m; k < p; k++) f += Math.Log(e[k]) - e[k];
        var l = Matrix<double>.Build.Dense(p, m);
        for (int k = 0; k < m; k++) l.SetColumn(k, v.Column(k) * Math.Sqrt(Math.Max(e[k] - 1, 0)));
        for (int i = 0; i < p; i++) l.SetRow(i, l.Row(i) * Math.Sqrt(psi[i]));
        return (l, -(f - m + p));
    }

    /// <summary>ULS loadings and residual sum of squares at ψ, from one eigen decomposition of R − Ψ.</summary>
    private static (Matrix<double> Loadings, double Objective) Uls(Matrix<double> r, Vector<double> psi, int m)
    {
        int p = r.RowCount;
        var (e, v) = Stats.EigenDescending(r - Matrix<double>.Build.DenseOfDiagonalVector(psi));
        double f = 0;
        for (int k = m; k < p; k++) f += e[k] * e[k];
        var l = Matrix<double>.Build.Dense(p, m);
        for (int k = 0; k < m; k++) l.SetColumn(k, v.Column(k) * Math.Sqrt(Math.Max(e[k], 0)));
        return (l, f);
    }

    /// <summary>diag(ΛΛ′ + Ψ − R), the common part of both gradients.</summary>
    private static Vector<double> ResidualDiagonal(Matrix<double> r, Matrix<double> l, Vector<double> psi)
    {
        var model = l * l.Transpose();
        return Vector<double>.Build.Dense(r.RowCount, i => model[i, i] + psi[i] - r[i, i]);
    }

    /// <summary>Bounded quasi-Newton minimisation (MathNet's L-BFGS-B-like <see cref="BfgsBMinimizer"/>), the
    /// counterpart of psych's <c>optim(method = "L-BFGS-B", lower = 0.005, upper = 1)</c>.</summary>
    private static (Vector<double> Psi, int Iterations, List<string> Warnings) Minimise(
        Func<Vector<double>, (double, Vector<double>)> evaluate, Vector<double> start, string method)
    {
        int p = start.Count;
        var lower = Vector<double>.Build.Dense(p, LowerBound);
        var upper = Vector<double>.Build.Dense(p, 1.0);
        var x0 = start.Map(v => Math.Clamp(v, LowerBound, 1.0));
        var warnings = new List<string>();
        var objective = ObjectiveFunction.Gradient(evaluate);
        var minimizer = new BfgsBMinimizer(1e-10, 1e-12, 1e-14, 2000);
        try
        {
            var result = minimizer.FindMinimum(objective, lower, upper, x0);
            return (result.MinimizingPoint, result.Iterations, warnings);
        }
        catch (Exception ex) when (ex is MaximumIterationsException or OptimizationException or ArgumentException)
        {
            // Fall back to projected gradient descent from the start (slow but monotone).
            var x = x0.Clone();
            var (fx, grad) = evaluate(x);
            int it = 0;
            for (; it < 20000; it++)
            {
                double step = 1.0;
                Vector<double> xn, gn;
                double fn;
                do
                {
                    xn = (x - step * grad).PointwiseMaximum(lower).PointwiseMinimum(upper);
                    (fn, gn) = evaluate(xn);
                    step /= 2;
                } while (fn > fx - 1e-4 * grad.DotProduct(x - xn) && step > 1e-20);
                if (Math.Abs(fx - fn) < 1e-15 * Math.Max(1, Math.Abs(fx))) { x = xn; break; }
                (x, fx, grad) = (xn, fn, gn);
            }
            warnings.Add($"The {method} optimiser fell back to projected gradient descent ({ex.Message}).");
            return (x, it, warnings);
        }
    }
}
