using SemLib.Estimation;
using SemLib.Model;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Inference;

/// <summary>
/// Assembles lavaan's <c>parameterEstimates(fit, standardized = TRUE, remove.eq = FALSE, remove.ineq = FALSE)</c>:
/// estimate, SE, z, p and confidence interval for every row (fixed rows: SE 0, no z), defined parameters by the
/// delta method, constraint rows (<c>==</c>, <c>&lt;</c>, <c>&gt;</c>) with their slack and SE 0, and the
/// standardized columns (for defined and constraint rows, their formula applied to the standardized values, as lavaan).
/// </summary>
internal static class EstimatesBuilder
{
    public sealed record Output(List<ParameterEstimate> Rows, double[] Estimates, double[] StdLv, double[] StdAll,
        List<Dictionary<string, double>> RSquare, List<FitWarning> Warnings);

    public static Output Build(FittedModel fit, double[]? covTheta, double confidenceLevel)
    {
        var table = fit.Table;
        var model = fit.Model;
        int n = table.Rows.Count;
        var thetaOfRow = model.ThetaOfRow;
        var states = Enumerable.Range(0, model.Groups.Length).Select(fit.State).ToArray();
        var est = RowEstimates(table, model, fit.Theta, states);
        var se = StandardErrors(table, model, est, covTheta);

        var (stdLv, stdAll) = Standardization.Compute(table, est, states);
        var r2 = Standardization.RSquare(table, stdAll);
        double zcrit = Wald.CriticalValue(confidenceLevel);
        var rows = new List<ParameterEstimate>();
        var warnings = new List<FitWarning>();
        for (int i = 0; i < n; i++)
        {
            var r = table.Rows[i];
            bool isDefined = r.Op is ModelOperator.Defined or ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater;
            bool free = thetaOfRow[i] >= 0;
            double? s = Nullable(se[i]);
            if (r.Op == ModelOperator.Defined) UndefinedWarning(r, est[i], s, covTheta is not null, warnings);
            var (z, p, lo, hi) = Wald.Of(est[i], s, zcrit); // a fixed row's SE is 0: no z, the interval [est, est]
            rows.Add(new ParameterEstimate
            {
                Lhs = r.Lhs,
                Op = r.Op,
                Rhs = r.Rhs,
                Group = isDefined ? 1 : r.Group,
                Label = r.Label,
                Free = isDefined ? null : free,
                Estimate = est[i],
                StandardError = s,
                Z = z,
                PValue = p,
                CiLower = lo,
                CiUpper = hi,
                StdLv = Nullable(stdLv[i]),
                StdAll = Nullable(stdAll[i]),
            });
        }
        return new Output(rows, est, stdLv, stdAll, r2, warnings);
    }

    /// <summary>
    /// A defined parameter whose value does not exist at the estimates (NaN: a/0, log of a negative number, an
    /// overflow), or whose derivative does not (no SE although the parameters have one): a warning naming it.
    /// </summary>
    private static void UndefinedWarning(ParameterRow r, double estimate, double? se, bool haveCovariance, List<FitWarning> warnings)
    {
        if (double.IsNaN(estimate))
            warnings.Add(new(FitWarningKind.UndefinedDefinedParameter, $"The defined parameter '{r.Lhs}' ({r.Lhs} := {r.Rhs}) has no finite value at the estimates (a division by zero, the log or square root of a negative number, or an overflow); its estimate, standard error and interval are NA.", [r.Lhs]));
        else if (haveCovariance && se is null)
            warnings.Add(new(FitWarningKind.UndefinedDefinedParameter, $"The defined parameter '{r.Lhs}' ({r.Lhs} := {r.Rhs}) has no finite derivative at the estimates, so the delta method gives it no standard error; its standard error and interval are NA.", [r.Lhs]));
    }

    /// <summary>
    /// The standard error of every table row from Cov(θ̂) (<paramref name="covTheta"/>, q×q): √Var for a free row,
    /// 0 for a fixed one (no free parameter moves it) and for a constraint row (as lavaan), the delta method √(gᵀ·Cov·g)
    /// for a defined row. NaN for free and defined rows when there is no covariance matrix, and for a negative variance.
    /// </summary>
    /// <remarks><paramref name="est"/> holds the row values (from RowEstimates), which the defined rows' gradients are taken at.</remarks>
    public static double[] StandardErrors(ParameterTable table, LisrelModel model, double[] est, double[]? covTheta)
    {
        var thetaOfRow = model.ThetaOfRow;
        int n = table.Rows.Count;
        int q = model.ThetaCount;
        var se = new double[n];
        Array.Fill(se, double.NaN);
        for (int i = 0; i < n; i++)
        {
            var r = table.Rows[i];
            if (r.Op is ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater)
            {
                se[i] = 0; // lavaan lists a constraint's slack with SE 0
                continue;
            }
            if (r.Op is ModelOperator.Defined) continue;
            if (thetaOfRow[i] >= 0)
            {
                if (covTheta is not null)
                {
                    double v = covTheta[thetaOfRow[i] * q + thetaOfRow[i]];
                    se[i] = v >= 0 ? Math.Sqrt(v) : double.NaN;
                }
            }
            else
            {
                se[i] = 0;
            }
        }
        if (covTheta is not null && table.Rows.Any(r => r.Op == ModelOperator.Defined))
        {
            foreach (var (row, grad) in DefinedParameters.Jacobian(table, est, thetaOfRow, q))
            {
                if (double.IsNaN(est[row]) || grad.Any(double.IsNaN)) continue; // undefined: no SE
                double v = Wald.DeltaVariance(grad, covTheta, q);
                se[row] = v >= 0 ? Math.Sqrt(v) : double.NaN;
            }
        }
        return se;
    }

    /// <summary>
    /// The value of every table row at θ: free rows from θ, fixed rows from the matrices (so fixed.x rows carry the
    /// current sample's moments), defined rows evaluated, constraint rows their slack.
    /// </summary>
    public static double[] RowEstimates(ParameterTable table, LisrelModel model, ReadOnlySpan<double> theta, GroupState[] states)
    {
        var thetaOfRow = model.ThetaOfRow;
        int n = table.Rows.Count;
        var est = new double[n];
        for (int i = 0; i < n; i++)
        {
            var r = table.Rows[i];
            if (r.Op is ModelOperator.Defined or ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater)
            {
                est[i] = double.NaN;
                continue;
            }
            if (thetaOfRow[i] >= 0)
            {
                est[i] = theta[thetaOfRow[i]];
            }
            else
            {
                var g = model.Groups[r.Group - 1];
                est[i] = states[r.Group - 1].Get(g.Locate(r));
            }
        }
        DefinedParameters.Recompute(table, est);
        return est;
    }

    private static double? Nullable(double v) => double.IsFinite(v) ? v : null;
}
