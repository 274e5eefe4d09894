using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Estimation;
using SemLib.LinearAlgebra;
using SemLib.Model;
using SemLib.Results;

namespace SemLib.Inference;

/// <summary>
/// The sampling covariance matrix of the estimates: Cov(ζ) = (n·I)⁻¹ with I the expected information per
/// observation (or the observed one: the Hessian of F), n = N for ML and N − groups otherwise (as lavaan);
/// mapped to the free rows by Cov(θ) = K·Cov(ζ)·Kᵀ. A singular or nearly singular information matrix means the
/// model is probably not identified: that is a warning naming the parameters involved, and standard errors are
/// then missing rather than wrong.
/// </summary>
internal static class ParameterCovariance
{
    public sealed record Result(double[]? CovTheta, double[]? CovZeta, double[] InfoZeta, FitWarning? Warning);

    /// <remarks>
    /// Leaves <paramref name="objective"/> evaluated at <paramref name="zeta"/> (Monte Carlo replications read θ, the
    /// states and χ² there without evaluating again).
    /// </remarks>
    public static Result Compute(Objective objective, double[] zeta, InformationType type, double n)
    {
        int r = objective.Dimension;
        var info = new double[r * r];
        if (type == InformationType.Expected)
        {
            objective.Evaluate(zeta, []);
            objective.Information(info);
        }
        else
        {
            // The finite-difference steps in each parameter's natural units, 1/√(expected information): invariant
            // when a variable is rescaled (a fixed step of 1e-5 swamps a variance of 1e-14).
            objective.Evaluate(zeta, []);
            objective.Information(info);
            var scales = new double[r];
            for (int i = 0; i < r; i++) scales[i] = 1 / Math.Sqrt(info[i * r + i]);
            if (objective.Sample.Loss.ByPattern) objective.FullInformationHessian(zeta, info, scales);
            else objective.Hessian(zeta, info, scales);
        }
        if (r == 0) return new Result([], [], info, null);

        // n·I, symmetrised, judged and inverted in correlation form C = D^-1/2 (n·I) D^-1/2 (D = its diagonal), whose
        // eigenvalues do not change when a variable is measured in other units (raw eigenvalues spread by c⁴ when one
        // variable is multiplied by c). A parameter F does not depend on at all (zero diagonal) is singular outright.
        // C is inverted by Cholesky; its smallest eigenvalue is 1/λmax of the inverse (power iteration); an
        // eigendecomposition is only needed to name the parameters of a singular matrix.
        var c = new double[r * r];
        var scale = new double[r];
        for (int i = 0; i < r; i++)
        {
            double d = info[i * r + i] * n;
            scale[i] = d > 0 && double.IsFinite(d) ? 1 / Math.Sqrt(d) : 0;
        }
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
                c[i * r + j] = 0.5 * (info[i * r + j] + info[j * r + i]) * n * scale[i] * scale[j];
        var cInverse = new double[r * r];
        bool ok = scale.All(x => x > 0) && Dense.InvertSpd(c, cInverse, new double[2 * r * r], r, out _);
        if (ok) ok = 1 / LargestEigenvalue(cInverse, r) > 1e-10 * LargestEigenvalue(c, r);
        if (!ok)
        {
            var m = Matrix<double>.Build.Dense(r, r, (i, j) => c[i * r + j]);
            var evd = m.Evd(Symmetricity.Symmetric);
            double max = evd.EigenValues.Max(e => Math.Abs(e.Real));
            int minIdx = 0;
            for (int i = 1; i < r; i++)
                if (evd.EigenValues[i].Real < evd.EigenValues[minIdx].Real) minIdx = i;
            double min = evd.EigenValues[minIdx].Real;
            var involved = DescribeDirection(objective.Model, evd.EigenVectors.Column(minIdx));
            string message = string.Format(CultureInfo.InvariantCulture,
                "The information matrix is singular or nearly so (smallest eigenvalue of its correlation form {0:G3}, relative {1:G3}): the model may not be identified{2}. Standard errors are not reported.",
                min, min / Math.Max(max, 1e-300), involved.Count > 0 ? "; the parameters involved are " + string.Join(", ", involved) : "");
            return new Result(null, null, info, new FitWarning(FitWarningKind.SingularInformation, message, involved));
        }
        var covZeta = new double[r * r];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++) covZeta[i * r + j] = cInverse[i * r + j] * scale[i] * scale[j];
        var covTheta = objective.Model.Constraints.CovarianceToTheta(covZeta);
        return new Result(covTheta, covZeta, info, null);
    }

    /// <summary>
    /// The largest eigenvalue of a symmetric positive semi-definite matrix by power iteration (the Rayleigh
    /// quotient; a lower bound that is accurate to a few digits, plenty for a relative-singularity test).
    /// </summary>
    private static double LargestEigenvalue(double[] a, int r)
    {
        var v = new double[r];
        var w = new double[r];
        for (int i = 0; i < r; i++) v[i] = 1 / Math.Sqrt(r) * (1 + 0.01 * i);
        double lambda = 0;
        for (int iter = 0; iter < 100; iter++)
        {
            for (int i = 0; i < r; i++) w[i] = Dense.Dot(new ReadOnlySpan<double>(a, i * r, r), v);
            double norm = Math.Sqrt(Dense.Dot(w, w));
            if (norm == 0) return 0;
            double next = Dense.Dot(v, w);
            for (int i = 0; i < r; i++) v[i] = w[i] / norm;
            if (Math.Abs(next - lambda) <= 1e-3 * Math.Abs(next)) return next;
            lambda = next;
        }
        return lambda;
    }

    private static List<string> DescribeDirection(LisrelModel model, Vector<double> direction)
    {
        // Map the null direction in ζ back to table rows and name the largest components.
        var theta = new double[model.ThetaCount];
        model.Constraints.MultiplyK(direction.ToArray(), theta);
        var names = Enumerable.Range(0, theta.Length)
            .Where(i => Math.Abs(theta[i]) > 0.2)
            .OrderByDescending(i => Math.Abs(theta[i]))
            .Take(4)
            .Select(i => model.Table.Rows[model.FreeRows[i]].Name)
            .Distinct()
            .ToList();
        return names;
    }
}
