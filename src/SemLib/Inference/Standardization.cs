using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Inference;

/// <summary>
/// Standardized solutions as lavaan computes them (<c>lav_standardize_lv</c>, <c>lav_standardize_all</c>):
/// std.lv rescales by the model-implied standard deviations of the latent variables, std.all also by those of
/// the observed variables. Covariances are divided by the square roots of the two (residual) variance
/// parameters, so a residual covariance becomes a residual correlation. Defined parameters are recomputed
/// from the standardized values of their labels.
/// </summary>
internal static class Standardization
{
    /// <summary>
    /// (std.lv, std.all) for every table row from the estimates of every row (defined rows included) and the
    /// fitted model's group states; NaN where a variance is not positive.
    /// </summary>
    public static (double[] StdLv, double[] StdAll) Compute(ParameterTable table, double[] estimates, GroupState[] states)
    {
        int n = table.Rows.Count;
        var stdLv = (double[])estimates.Clone();
        var stdAll = (double[])estimates.Clone();
        var roles = table.Roles;
        for (int g = 1; g <= table.GroupCount; g++)
        {
            var s = states[g - 1];
            var model = s.Model;
            double Eta(string lv)
            {
                int k = model.EtaIndex(lv);
                double v = s.Phi[k * model.M + k];
                return v < 0 ? double.NaN : Math.Sqrt(v);
            }
            double Ov2(string ov)
            {
                int i = model.ObservedIndex(ov);
                double v = s.Sigma[i * model.P + i];
                return Math.Abs(v) < double.Epsilon ? double.NaN : v;
            }
            double Ov(string ov)
            {
                double v = Ov2(ov);
                return v < 0 ? double.NaN : Math.Sqrt(v);
            }
            var rv = ResidualSd(table, estimates, g);
            for (int i = 0; i < n; i++)
            {
                var r = table.Rows[i];
                if (r.Group != g) continue;
                bool lhsLv = roles.IsLatent(r.Lhs), rhsLv = roles.IsLatent(r.Rhs);
                // std.lv rescales by the latent standard deviations; std.all continues from it with the observed ones.
                double lv = estimates[i], all;
                switch (r.Op)
                {
                    case ModelOperator.MeasuredBy:
                        lv *= Eta(r.Lhs);
                        if (rhsLv) lv /= Eta(r.Rhs);
                        all = lv;
                        if (!rhsLv) all /= Ov(r.Rhs);
                        break;
                    case ModelOperator.Regression:
                        if (lhsLv) lv /= Eta(r.Lhs);
                        if (rhsLv) lv *= Eta(r.Rhs);
                        all = lv;
                        if (!lhsLv) all /= Ov(r.Lhs);
                        if (!rhsLv) all *= Ov(r.Rhs);
                        break;
                    case ModelOperator.Covariance when r.Lhs == r.Rhs:
                        if (rhsLv) lv /= Eta(r.Lhs) * Eta(r.Rhs);
                        all = lv;
                        if (!lhsLv) all /= Ov2(r.Lhs);
                        break;
                    case ModelOperator.Covariance:
                        if (lhsLv) lv /= rv(r.Lhs);
                        if (rhsLv) lv /= rv(r.Rhs);
                        all = lv;
                        if (!lhsLv) all /= rv(r.Lhs);
                        if (!rhsLv) all /= rv(r.Rhs);
                        break;
                    case ModelOperator.Threshold:
                        all = lv / Ov(r.Lhs); // on the scale of the latent response y*
                        break;
                    case ModelOperator.Scaling:
                        all = 1;
                        break;
                    case ModelOperator.Intercept:
                        if (lhsLv) lv /= Eta(r.Lhs);
                        all = lv;
                        if (!lhsLv) all /= Ov(r.Lhs);
                        break;
                    default:
                        all = lv;
                        break;
                }
                stdLv[i] = lv;
                stdAll[i] = all;
            }
        }
        DefinedParameters.Recompute(table, stdLv);
        DefinedParameters.Recompute(table, stdAll);
        return (stdLv, stdAll);
    }

    /// <summary>√|estimate| of each variable's variance row in the group (lavaan's RV).</summary>
    private static Func<string, double> ResidualSd(ParameterTable table, double[] estimates, int group)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var r = table.Rows[i];
            if (r.Group == group && r.IsVariance) map.TryAdd(r.Lhs, Math.Sqrt(Math.Abs(estimates[i])));
        }
        return name => map.TryGetValue(name, out double v) ? v : double.NaN;
    }

    /// <summary>
    /// R² per group as lavaan's <c>inspect(fit, "r2")</c>: for every indicator and every dependent variable with a
    /// variance row, 1 − its std.all variance (missing when that exceeds 1).
    /// </summary>
    public static List<Dictionary<string, double>> RSquare(ParameterTable table, double[] stdAll)
    {
        var result = new List<Dictionary<string, double>>();
        for (int g = 1; g <= table.GroupCount; g++)
        {
            var rows = table.Rows.Where(r => r.Group == g).ToList();
            var y = new HashSet<string>(rows.Where(r => r.Op == ModelOperator.MeasuredBy).Select(r => r.Rhs)
                .Concat(rows.Where(r => r.Op == ModelOperator.Regression).Select(r => r.Lhs)), StringComparer.Ordinal);
            var dict = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < table.Rows.Count; i++)
            {
                var r = table.Rows[i];
                if (r.Group != g || !r.IsVariance || !y.Contains(r.Lhs)) continue;
                double r2 = 1 - stdAll[i];
                dict[r.Lhs] = r2 > 1 ? double.NaN : r2;
            }
            result.Add(dict);
        }
        return result;
    }
}
