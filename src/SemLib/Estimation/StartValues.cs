using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Estimation;

/// <summary>
/// Start values for the free parameters. The default ("model-implied") uses, per factor, a one-factor
/// principal-axis solution of its observed indicators' covariance block (loadings scaled to the marker or
/// to unit variance), factor covariances from the markers' covariances, residual variances from the
/// communalities, zero regressions and sample means for intercepts. The "simple" set is lavaan's fallback:
/// free loadings 1 and latent variances 0.05 (both in the units of the factor's marker, the loadings with the sign of
/// their covariance with it), residual variances half the observed variance. User
/// <c>start()</c> values always win.
/// </summary>
internal static class StartValues
{
    public enum Kind
    {
        /// <summary>Per factor a principal-axis one-factor solution, oriented by the marker.</summary>
        ModelImplied,
        /// <summary>Per factor Hägglund's (1982) FABIN 3 instrumental-variable loadings relative to the marker (lavaan's default).</summary>
        Fabin,
        /// <summary>lavaan's "simple" starts.</summary>
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
        if (kind != Kind.Simple) FillModelImplied(model, sample, theta, kind, honorUserStarts);
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
            case ModelOperator.MeasuredBy: return SimpleLoading(row, g, s, table);
            case ModelOperator.Regression: return 0.0;
            case ModelOperator.Threshold or ModelOperator.Scaling: return OrdinalStart(row, g, s);
            case ModelOperator.Intercept:
                {
                    int i = g.ObservedIndex(row.Lhs);
                    return i >= 0 && !roles.IsLatent(row.Lhs) ? s.Mean[i] : 0.0;
                }
            case ModelOperator.Covariance:
                if (row.Lhs != row.Rhs) return 0.0;
                if (roles.IsLatent(row.Lhs)) return 0.05 * AnchorScale(row.Lhs, row.Group, g, s, table);
                if (roles.ObservedExogenous.Contains(row.Lhs) || !IsEndogenous(row.Lhs, table)) return ObsVar(g, s, row.Lhs);
                return 0.5 * ObsVar(g, s, row.Lhs);
            default: return 0.0;
        }
    }

    /// <summary>A threshold starts at the sample threshold (lavaan's start), a scale factor at 1.</summary>
    private static double OrdinalStart(ParameterRow row, GroupModel g, EstimationSample.Moments s)
    {
        if (row.Op == ModelOperator.Scaling || s.Layout is null) return 1.0;
        int i = g.ObservedIndex(row.Lhs);
        return s.Layout.Statistics.Thresholds[i][Specification.OrdinalRows.ThresholdNumber(row.Rhs) - 1];
    }

    /// <summary>
    /// The factor's anchor among its observed indicators: the first loading fixed to a non-zero value (the marker, whose
    /// value sets the scale and sign), else the first observed indicator with the value 1 (std.lv: its loading starts
    /// positive, as lavaan's do); null without an observed indicator. One rule for every start set.
    /// </summary>
    private static (int Index, double Value, bool IsMarker)? Anchor(string lv, int group, GroupModel g, ParameterTable table)
    {
        (int Index, double Value, bool IsMarker)? first = null;
        foreach (var r in table.Rows)
        {
            if (r.Group != group || r.Op != ModelOperator.MeasuredBy || r.Lhs != lv || table.Roles.IsLatent(r.Rhs)) continue;
            int i = g.ObservedIndex(r.Rhs);
            if (i < 0) continue;
            if (!r.Free && r.Value != 0) return (i, r.Value, true);
            first ??= (i, 1.0, false);
        }
        return first;
    }

    /// <summary>The anchor's variance over its squared loading: the factor variance's unit (1 without an observed anchor).</summary>
    private static double AnchorScale(string lv, int group, GroupModel g, EstimationSample.Moments s, ParameterTable table)
    {
        var a = Anchor(lv, group, g, table);
        if (a is null) return 1.0;
        double v = s.S[a.Value.Index * s.P + a.Value.Index] / (a.Value.Value * a.Value.Value);
        return v > 0 && double.IsFinite(v) ? v : 1.0;
    }

    /// <summary>
    /// lavaan's simple loading of 1, in the data's units and with the sign the data give relative to the anchor:
    /// ±|v|·√(s_jj/s_aa), so negating or rescaling an indicator changes the start the way it changes the solution.
    /// </summary>
    private static double SimpleLoading(ParameterRow row, GroupModel g, EstimationSample.Moments s, ParameterTable table)
    {
        int j = g.ObservedIndex(row.Rhs);
        var a = Anchor(row.Lhs, row.Group, g, table);
        if (a is null || j < 0 || table.Roles.IsLatent(row.Rhs)) return 1.0;
        int ai = a.Value.Index;
        double ratio = Math.Sqrt(s.S[j * s.P + j] / s.S[ai * s.P + ai]);
        if (!(ratio > 0) || !double.IsFinite(ratio)) return 1.0;
        double sign = s.S[j * s.P + ai] < 0 ? -1 : 1;
        return sign * a.Value.Value * ratio;
    }

    private static bool IsEndogenous(string name, ParameterTable table) =>
        table.Rows.Any(r => (r.Op == ModelOperator.Regression && r.Lhs == name) || (r.Op == ModelOperator.MeasuredBy && r.Rhs == name));

    private static void FillModelImplied(LisrelModel model, EstimationSample sample, double[] theta, Kind kind, bool honorUserStarts)
    {
        var table = model.Table;
        var roles = table.Roles;
        for (int gi = 0; gi < model.Groups.Length; gi++)
        {
            var g = model.Groups[gi];
            var s = sample.Groups[gi];
            int group = gi + 1;
            var rows = table.Rows.Select((r, i) => (r, i)).Where(x => x.r.Group == group).ToList();

            // Per factor: one-factor solution of its observed indicators, oriented by the identification.
            var loading = new Dictionary<(string, string), double>();
            var lvVar = new Dictionary<string, double>(StringComparer.Ordinal);
            var resid = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var lv in roles.Latent)
            {
                var loadRows = rows.Where(x => x.r.Op == ModelOperator.MeasuredBy && x.r.Lhs == lv).ToList();
                var obs = loadRows.Where(x => g.ObservedIndex(x.r.Rhs) >= 0 && !roles.IsLatent(x.r.Rhs)).ToList();
                if (obs.Count < 2) continue;
                var idx = obs.Select(x => g.ObservedIndex(x.r.Rhs)).ToArray();
                var a = Anchor(lv, group, g, table)!.Value; // obs is not empty
                int anchor = Array.IndexOf(idx, a.Index);
                var fixedLoadings = obs.Select(x => x.r.Free ? double.NaN : x.r.Value).ToArray();
                var varRow = rows.FirstOrDefault(x => x.r.Op == ModelOperator.Covariance && x.r.Lhs == lv && x.r.Rhs == lv);
                double? fixedVariance = !a.IsMarker && varRow.r is not null && !varRow.r.Free && varRow.r.Value > 0 ? varRow.r.Value : null;
                var solution = kind == Kind.Fabin
                    ? FactorStarts.Fabin(s, idx, anchor, a.Value, a.IsMarker, fixedVariance ?? 1.0, fixedLoadings)
                    : FactorStarts.PrincipalAxis(s, idx, anchor, a.Value, a.IsMarker, fixedVariance ?? 1.0);
                lvVar[lv] = solution.Variance;
                for (int k = 0; k < obs.Count; k++)
                {
                    loading[(lv, obs[k].r.Rhs)] = solution.Loadings[k];
                    double r = solution.Residuals[k];
                    resid[obs[k].r.Rhs] = resid.TryGetValue(obs[k].r.Rhs, out double old) ? Math.Min(old, r) : r;
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
                    ModelOperator.Threshold or ModelOperator.Scaling => OrdinalStart(row, g, s),
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
}
