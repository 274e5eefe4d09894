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
        int p = r.RowCount;
        double Objective(Vector<double> psi)
        {
            var (e, _) = Scaled(r, psi);
            double s = 0;
            for (int k = m; k < p; k++) s += Math.Log(e[k]) - e[k];
            return -(s - m + p);
        }
        Vector<double> Gradient(Vector<double> psi)
        {
            var l = MlLoadings(r, psi, m);
            var model = l * l.Transpose();
            return Vector<double>.Build.Dense(p, i => (model[i, i] + psi[i] - r[i, i]) / (psi[i] * psi[i]));
        }
        var (psiHat, iterations, warnings) = Minimise(Objective, Gradient, Start(r, m), "maximum likelihood");
        return new Extraction(MlLoadings(r, psiHat, m), iterations, warnings);
    }

    /// <summary>
    /// Minimum residual (ULS): minimise over ψ ∈ [0.005, 1] the sum of squared residuals of the best rank-m
    /// approximation of R − Ψ, Σₖ₌ₘ₊₁..ₚ eₖ², whose minimiser also minimises psych's off-diagonal residual sum;
    /// gradient 2·diag(ΛΛ′ + Ψ − R) (psych's <c>FAgr.minres</c>); loadings V diag(√max(e, 0)) (psych's
    /// <c>FAout.wls</c>).
    /// </summary>
    public static Extraction MinimumResidual(Matrix<double> r, int m)
    {
        int p = r.RowCount;
        double Objective(Vector<double> psi)
        {
            var (e, _) = Stats.EigenDescending(r - Matrix<double>.Build.DenseOfDiagonalVector(psi));
            double s = 0;
            for (int k = m; k < p; k++) s += e[k] * e[k];
            return s;
        }
        Vector<double> Gradient(Vector<double> psi)
        {
            var l = UlsLoadings(r, psi, m);
            var model = l * l.Transpose();
            return Vector<double>.Build.Dense(p, i => 2 * (model[i, i] + psi[i] - r[i, i]));
        }
        var start = Vector<double>.Build.DenseOfArray(Stats.Smc(r.ToArray()).Select(s => 1 - s).ToArray());
        var (psiHat, iterations, warnings) = Minimise(Objective, Gradient, start, "minimum residual");
        return new Extraction(UlsLoadings(r, psiHat, m), iterations, warnings);
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

    private static (double[] Values, Matrix<double> Vectors) Scaled(Matrix<double> r, Vector<double> psi)
    {
        var sc = Vector<double>.Build.Dense(psi.Count, i => 1 / Math.Sqrt(psi[i]));
        var d = Matrix<double>.Build.DenseOfDiagonalVector(sc);
        var s = d * r * d;
        return Stats.EigenDescending((s + s.Transpose()) / 2);
    }

    internal static Matrix<double> MlLoadings(Matrix<double> r, Vector<double> psi, int m)
    {
        var (e, v) = Scaled(r, psi);
        var l = Matrix<double>.Build.Dense(r.RowCount, m);
        for (int k = 0; k < m; k++) l.SetColumn(k, v.Column(k) * Math.Sqrt(Math.Max(e[k] - 1, 0)));
        for (int i = 0; i < r.RowCount; i++) l.SetRow(i, l.Row(i) * Math.Sqrt(psi[i]));
        return l;
    }

    private static Matrix<double> UlsLoadings(Matrix<double> r, Vector<double> psi, int m)
    {
        var (e, v) = Stats.EigenDescending(r - Matrix<double>.Build.DenseOfDiagonalVector(psi));
        var l = Matrix<double>.Build.Dense(r.RowCount, m);
        for (int k = 0; k < m; k++) l.SetColumn(k, v.Column(k) * Math.Sqrt(Math.Max(e[k], 0)));
        return l;
    }

    /// <summary>Bounded quasi-Newton minimisation (MathNet's L-BFGS-B-like <see cref="BfgsBMinimizer"/>), the
    /// counterpart of psych's <c>optim(method = "L-BFGS-B", lower = 0.005, upper = 1)</c>.</summary>
    private static (Vector<double> Psi, int Iterations, List<string> Warnings) Minimise(
        Func<Vector<double>, double> f, Func<Vector<double>, Vector<double>> g, Vector<double> start, string method)
    {
        int p = start.Count;
        var lower = Vector<double>.Build.Dense(p, LowerBound);
        var upper = Vector<double>.Build.Dense(p, 1.0);
        var x0 = start.Map(v => Math.Clamp(v, LowerBound, 1.0));
        var warnings = new List<string>();
        var objective = ObjectiveFunction.Gradient(f, g);
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
            double fx = f(x);
            int it = 0;
            for (; it < 20000; it++)
            {
                var grad = g(x);
                double step = 1.0;
                Vector<double> xn;
                double fn;
                do
                {
                    xn = (x - step * grad).PointwiseMaximum(lower).PointwiseMinimum(upper);
                    fn = f(xn);
                    step /= 2;
                } while (fn > fx - 1e-4 * grad.DotProduct(x - xn) && step > 1e-20);
                if (Math.Abs(fx - fn) < 1e-15 * Math.Max(1, Math.Abs(fx))) { x = xn; break; }
                x = xn; fx = fn;
            }
            warnings.Add($"The {method} optimiser fell back to projected gradient descent ({ex.Message}).");
            return (x, it, warnings);
        }
    }
}
