using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Estimation;

/// <summary>
/// Start values for the free parameters. The default ("model-implied") uses, per factor, a one-factor
/// principal-axis solution of its observed indicators' covariance block (loadings scaled to the marker or
/// to unit variance), factor covariances from the markers' covariances, residual variances from the
/// communalities, zero regressions and sample means for intercepts. The "simple" set is lavaan's fallback:
/// free loadings 1, residual variances half the observed variance, latent variances 0.05. User
/// <c>start()</c> values always win.
/// </summary>
internal static class StartValues
{
    public enum Kind
    {
        ModelImplied,
        Simple,
    }

    /// <summary>Start values of θ; <paramref name="honorUserStarts"/> false ignores <c>start()</c> (for retries).</summary>
    public static double[] Compute(LisrelModel model, EstimationSample sample, Kind kind, bool honorUserStarts = true)
    {
        var table = model.Table;
        var theta = new double[model.ThetaCount];
        for (int t = 0; t < theta.Length; t++)
        {
            var row = table.Rows[model.FreeRows[t]];
            var g = model.Groups[row.Group - 1];
            var s = sample.Groups[row.Group - 1];
            theta[t] = kind == Kind.Simple ? Simple(row, g, s, table) : double.NaN;
        }
        if (kind == Kind.ModelImplied) FillModelImplied(model, sample, theta, honorUserStarts);
        else if (table.MeanStructure)
            for (int gi = 0; gi < model.Groups.Length; gi++) MeanStarts(model, table, model.Groups[gi], sample.Groups[gi], gi + 1, theta, false);
        if (honorUserStarts)
        {
            for (int t = 0; t < theta.Length; t++)
            {
                var row = table.Rows[model.FreeRows[t]];
                if (!double.IsNaN(row.Start)) theta[t] = row.Start;
            }
        }
        return theta;
    }

    private static double ObsVar(GroupModel g, EstimationSample.Moments s, string name)
    {
        int i = g.ObservedIndex(name);
        return i >= 0 ? s.S[i * s.P + i] : 1.0;
    }

    private static double Simple(ParameterRow row, GroupModel g, EstimationSample.Moments s, ParameterTable table)
    {
        var roles = table.Roles;
        switch (row.Op)
        {
            case ModelOperator.MeasuredBy: return 1.0;
            case ModelOperator.Regression: return 0.0;
            case ModelOperator.Intercept:
                {
                    int i = g.ObservedIndex(row.Lhs);
                    return i >= 0 && !roles.IsLatent(row.Lhs) ? s.Mean[i] : 0.0;
                }
            case ModelOperator.Covariance:
                if (row.Lhs != row.Rhs) return 0.0;
                if (roles.IsLatent(row.Lhs)) return 0.05;
                if (roles.ObservedExogenous.Contains(row.Lhs) || !IsEndogenous(row.Lhs, table)) return ObsVar(g, s, row.Lhs);
                return 0.5 * ObsVar(g, s, row.Lhs);
            default: return 0.0;
        }
    }

    private static bool IsEndogenous(string name, ParameterTable table) =>
        table.Rows.Any(r => (r.Op == ModelOperator.Regression && r.Lhs == name) || (r.Op == ModelOperator.MeasuredBy && r.Rhs == name));

    private static void FillModelImplied(LisrelModel model, EstimationSample sample, double[] theta, bool honorUserStarts)
    {
        var table = model.Table;
        var roles = table.Roles;
        for (int gi = 0; gi < model.Groups.Length; gi++)
        {
            var g = model.Groups[gi];
            var s = sample.Groups[gi];
            int group = gi + 1;
            var rows = table.Rows.Select((r, i) => (r, i)).Where(x => x.r.Group == group).ToList();

            // Per factor: one-factor solution of its observed indicators.
            var loading = new Dictionary<(string, string), double>();
            var lvVar = new Dictionary<string, double>(StringComparer.Ordinal);
            var resid = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var lv in roles.Latent)
            {
                var loadRows = rows.Where(x => x.r.Op == ModelOperator.MeasuredBy && x.r.Lhs == lv).ToList();
                var obs = loadRows.Where(x => g.ObservedIndex(x.r.Rhs) >= 0 && !roles.IsLatent(x.r.Rhs)).ToList();
                if (obs.Count >= 2)
                {
                    var idx = obs.Select(x => g.ObservedIndex(x.r.Rhs)).ToArray();
                    var std = OneFactor(s, idx);
                    // scale: a fixed loading sets the factor's scale; else unit factor variance (or its fixed value)
                    var fixedRow = obs.FirstOrDefault(x => !x.r.Free);
                    var varRow = rows.FirstOrDefault(x => x.r.Op == ModelOperator.Covariance && x.r.Lhs == lv && x.r.Rhs == lv);
                    double sdLv;
                    if (fixedRow.r is not null && fixedRow.r.Value != 0)
                    {
                        int k = obs.IndexOf(fixedRow);
                        double sd = Math.Sqrt(s.S[idx[k] * s.P + idx[k]]);
                        sdLv = Math.Abs(std[k] * sd / fixedRow.r.Value);
                        if (sdLv < 1e-3) sdLv = 1e-3;
                    }
                    else if (varRow.r is not null && !varRow.r.Free && varRow.r.Value > 0)
                    {
                        sdLv = Math.Sqrt(varRow.r.Value);
                    }
                    else
                    {
                        sdLv = 1;
                    }
                    lvVar[lv] = sdLv * sdLv;
                    for (int k = 0; k < obs.Count; k++)
                    {
                        double sd = Math.Sqrt(s.S[idx[k] * s.P + idx[k]]);
                        loading[(lv, obs[k].r.Rhs)] = std[k] * sd / sdLv;
                        double r = Math.Max(0.1, 1 - std[k] * std[k]) * sd * sd;
                        resid[obs[k].r.Rhs] = resid.TryGetValue(obs[k].r.Rhs, out double old) ? Math.Min(old, r) : r;
                    }
                }
            }

            // Observed variances of indicators reached through phantoms or several factors fall back below.
            for (int t = 0; t < theta.Length; t++)
            {
                int rowIndex = model.FreeRows[t];
                var row = table.Rows[rowIndex];
                if (row.Group != group || !double.IsNaN(theta[t])) continue;
                theta[t] = row.Op switch
                {
                    ModelOperator.MeasuredBy => loading.TryGetValue((row.Lhs, row.Rhs), out double l) ? l : 1.0,
                    ModelOperator.Regression => 0.0,
                    ModelOperator.Intercept => !roles.IsLatent(row.Lhs) && g.ObservedIndex(row.Lhs) is var i && i >= 0 ? s.Mean[i] : 0.0,
                    ModelOperator.Covariance => CovarianceStart(row, g, s, roles, lvVar, resid, loading, table, group),
                    _ => 0.0,
                };
            }
            if (table.MeanStructure) MeanStarts(model, table, g, s, group, theta, honorUserStarts);
        }
    }

    /// <summary>
    /// Means consistent with the loadings: a free latent mean from its marker indicator whose intercept is fixed,
    /// α = (x̄ − ν)/λ, then every free observed intercept ν = x̄ − Σ λ·α, so the start reproduces the sample means.
    /// </summary>
    private static void MeanStarts(LisrelModel model, ParameterTable table, GroupModel g, EstimationSample.Moments s, int group, double[] theta, bool honorUserStarts)
    {
        var roles = table.Roles;
        var thetaOf = new Dictionary<int, int>();
        for (int t = 0; t < model.FreeRows.Length; t++) thetaOf[model.FreeRows[t]] = t;
        double ValueOf(int rowIndex) => thetaOf.TryGetValue(rowIndex, out int t) ? theta[t] : table.Rows[rowIndex].Value;
        int Find(string lhs, ModelOperator op, string rhs)
        {
            for (int i = 0; i < table.Rows.Count; i++)
                if (table.Rows[i].Group == group && table.Rows[i].Matches(lhs, op, rhs)) return i;
            return -1;
        }
        var latentMean = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var lv in roles.Latent)
        {
            int meanRow = Find(lv, ModelOperator.Intercept, "");
            if (meanRow < 0) continue;
            if (!thetaOf.TryGetValue(meanRow, out int tMean) || (honorUserStarts && !double.IsNaN(table.Rows[meanRow].Start)))
            {
                latentMean[lv] = ValueOf(meanRow);
                continue;
            }
            foreach (var load in table.Rows.Select((r, i) => (r, i)).Where(x => x.r.Group == group && x.r.Op == ModelOperator.MeasuredBy && x.r.Lhs == lv))
            {
                int obs = g.ObservedIndex(load.r.Rhs);
                int interceptRow = Find(load.r.Rhs, ModelOperator.Intercept, "");
                if (obs < 0 || roles.IsLatent(load.r.Rhs) || interceptRow < 0 || table.Rows[interceptRow].Free) continue;
                double lambda = ValueOf(load.i);
                if (Math.Abs(lambda) < 1e-8) continue;
                theta[tMean] = (s.Mean[obs] - ValueOf(interceptRow)) / lambda;
                break;
            }
            latentMean[lv] = theta[tMean];
        }
        for (int t = 0; t < model.FreeRows.Length; t++)
        {
            var row = table.Rows[model.FreeRows[t]];
            if (row.Group != group || row.Op != ModelOperator.Intercept || roles.IsLatent(row.Lhs) || (honorUserStarts && !double.IsNaN(row.Start))) continue;
            int obs = g.ObservedIndex(row.Lhs);
            if (obs < 0) continue;
            double implied = 0;
            foreach (var load in table.Rows.Select((r, i) => (r, i)).Where(x => x.r.Group == group && x.r.Op == ModelOperator.MeasuredBy && x.r.Rhs == row.Lhs))
                implied += ValueOf(load.i) * latentMean.GetValueOrDefault(load.r.Lhs, 0);
            theta[t] = s.Mean[obs] - implied;
        }
    }

    private static double CovarianceStart(ParameterRow row, GroupModel g, EstimationSample.Moments s, VariableRoles roles,
        Dictionary<string, double> lvVar, Dictionary<string, double> resid, Dictionary<(string, string), double> loading,
        ParameterTable table, int group)
    {
        bool lhsLatent = roles.IsLatent(row.Lhs), rhsLatent = roles.IsLatent(row.Rhs);
        if (row.Lhs == row.Rhs)
        {
            if (lhsLatent)
            {
                double v = lvVar.TryGetValue(row.Lhs, out double lv) ? lv : 0.05;
                return IsEndogenous(row.Lhs, table) ? 0.5 * v : v;
            }
            if (resid.TryGetValue(row.Lhs, out double r)) return r;
            double ov = ObsVar(g, s, row.Lhs);
            return roles.ObservedExogenous.Contains(row.Lhs) || !IsEndogenous(row.Lhs, table) ? ov : 0.5 * ov;
        }
        if (lhsLatent && rhsLatent)
        {
            // Covariance of two factors from their markers' covariance (zero if either is endogenous).
            if (IsEndogenous(row.Lhs, table) || IsEndogenous(row.Rhs, table)) return 0.0;
            var m1 = Marker(row.Lhs, table, group, g, loading);
            var m2 = Marker(row.Rhs, table, group, g, loading);
            if (m1 is null || m2 is null) return 0.0;
            double c = s.S[m1.Value.Index * s.P + m2.Value.Index] / (m1.Value.Loading * m2.Value.Loading);
            double v1 = lvVar.GetValueOrDefault(row.Lhs, 1), v2 = lvVar.GetValueOrDefault(row.Rhs, 1);
            double bound = 0.9 * Math.Sqrt(v1 * v2);
            return Math.Clamp(c, -bound, bound);
        }
        if (!lhsLatent && !rhsLatent && !IsEndogenous(row.Lhs, table) && !IsEndogenous(row.Rhs, table))
        {
            int i = g.ObservedIndex(row.Lhs), j = g.ObservedIndex(row.Rhs);
            if (i >= 0 && j >= 0) return s.S[i * s.P + j];
        }
        return 0.0;
    }

    private static (int Index, double Loading)? Marker(string lv, ParameterTable table, int group, GroupModel g, Dictionary<(string, string), double> loading)
    {
        foreach (var r in table.Rows.Where(r => r.Group == group && r.Op == ModelOperator.MeasuredBy && r.Lhs == lv))
        {
            int i = g.ObservedIndex(r.Rhs);
            if (i < 0 || table.Roles.IsLatent(r.Rhs)) continue;
            double l = r.Free ? loading.GetValueOrDefault((lv, r.Rhs), 1.0) : r.Value;
            if (Math.Abs(l) > 1e-6) return (i, l);
        }
        return null;
    }

    /// <summary>
    /// Standardized loadings of a one-factor model of the given variables by principal axis factoring with
    /// squared multiple correlations as starting communalities (three iterations are plenty for starts).
    /// </summary>
    private static double[] OneFactor(EstimationSample.Moments s, int[] idx)
    {
        int k = idx.Length;
        var r = new double[k, k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
                r[a, b] = s.S[idx[a] * s.P + idx[b]] / Math.Sqrt(s.S[idx[a] * s.P + idx[a]] * s.S[idx[b] * s.P + idx[b]]);
        var mat = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(r);
        var h = new double[k];
        if (k >= 3)
        {
            try
            {
                var inv = mat.Inverse();
                for (int a = 0; a < k; a++) h[a] = Math.Clamp(1 - 1 / inv[a, a], 0.05, 0.995);
            }
            catch (ArgumentException)
            {
                for (int a = 0; a < k; a++) h[a] = 0.5;
            }
        }
        else
        {
            double c = Math.Abs(r[0, 1]);
            h[0] = h[1] = Math.Clamp(c, 0.05, 0.95);
        }
        var load = new double[k];
        for (int iter = 0; iter < 3; iter++)
        {
            var reduced = mat.Clone();
            for (int a = 0; a < k; a++) reduced[a, a] = h[a];
            var evd = reduced.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
            int top = 0;
            for (int a = 1; a < k; a++)
                if (evd.EigenValues[a].Real > evd.EigenValues[top].Real) top = a;
            double lambda = Math.Max(evd.EigenValues[top].Real, 1e-6);
            var v = evd.EigenVectors.Column(top);
            double sign = v.Sum() >= 0 ? 1 : -1;
            for (int a = 0; a < k; a++)
            {
                load[a] = sign * v[a] * Math.Sqrt(lambda);
                h[a] = Math.Clamp(load[a] * load[a], 0.05, 0.995);
            }
        }
        for (int a = 0; a < k; a++) load[a] = Math.Clamp(load[a], -0.95, 0.95);
        for (int a = 0; a < k; a++)
            if (Math.Abs(load[a]) < 0.1) load[a] = 0.1 * (load[a] < 0 ? -1 : 1);
        return load;
    }
}
