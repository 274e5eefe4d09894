using SemLib.Estimation;
using SemLib.Model;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Inference;

/// <summary>
/// Modification indices (Sörbom 1989) as lavaan's <c>modindices()</c> computes them: the model is extended by every
/// parameter lavaan would consider (cross-loadings, residual covariances among indicators, covariances among
/// latent variables, regressions among variables already in regressions) and every parameter the model fixes
/// (markers, fixed values; not the covariates held fixed by fixed.x), evaluated at the estimates with the new
/// parameters at zero and the fixed ones at their values. With g the gradient of F and I the expected information per observation,
/// V = I_ee − I_em I_mm⁻¹ I_me, MI = N·g²/V and EPC = −g/V (Saris, Satorra &amp; Sörbom 1987). Candidates with V ≈ 0
/// (equivalent to a parameter already free) are dropped, as lavaan does.
/// </summary>
internal static class ModificationIndices
{
    public static IReadOnlyList<ModificationIndex> Compute(SemFit fit)
    {
        var fitted = fit.Fitted;
        var table = fitted.Table;
        var candidates = Candidates(table);
        if (candidates.Count == 0 || fit.CovZeta is null) return [];

        // The table with its fixed parameters freed (lavaan's all.free), then the new candidates.
        var rows = table.Rows.Select(r => IsFreeable(r, table) ? r with { Free = true } : r).ToList();
        int firstCandidate = rows.Count;
        foreach (var c in candidates) rows.Add(c with { Id = rows.Count + 1 });
        var extended = table.WithRows(rows);
        var model = FitEngine.Compile(extended, fitted.Sample);
        var objective = new Objective(model, fitted.Sample);

        // θ of the extended model: the fitted values, the fixed values of the freed parameters, zero for the new ones.
        var theta = new double[model.ThetaCount];
        var fittedTheta = new Dictionary<int, double>();
        for (int t = 0; t < fitted.Model.ThetaCount; t++) fittedTheta[fitted.Model.FreeRows[t]] = fitted.Theta[t];
        for (int t = 0; t < model.ThetaCount; t++)
        {
            int row = model.FreeRows[t];
            theta[t] = fittedTheta.TryGetValue(row, out double v) ? v : row < firstCandidate ? table.Rows[row].Value : 0;
        }
        var zeta = model.Constraints.ToZeta(theta);
        int r = objective.Dimension;
        var grad = new double[r];
        objective.Evaluate(zeta, grad);
        var info = new double[r * r];
        objective.Information(info);

        // ζ entries of the candidates: each candidate is unlabelled and named by no constraint, so its θ is one ζ of its
        // own (see ConstraintMap.Build).
        var candidateZeta = new Dictionary<int, int>();
        for (int t = 0; t < model.ThetaCount; t++)
        {
            int row = model.FreeRows[t];
            if (row >= firstCandidate || !table.Rows[row].Free) candidateZeta[row] = model.Constraints.K[t][0].Zeta;
        }
        var modelIdx = Enumerable.Range(0, r).Where(z => !candidateZeta.ContainsValue(z)).ToArray();
        int m = modelIdx.Length;
        var imm = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, m, (i, j) => info[modelIdx[i] * r + modelIdx[j]]);
        MathNet.Numerics.LinearAlgebra.Matrix<double> immInv;
        try
        {
            immInv = imm.Inverse();
        }
        catch (ArgumentException)
        {
            return [];
        }

        double n = fitted.Sample.TotalN;
        var results = new List<(ParameterRow Row, double Mi, double Epc)>();
        foreach (var (rowIndex, z) in candidateZeta)
        {
            var ime = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(m, i => info[modelIdx[i] * r + z]);
            double vjj = info[z * r + z] - ime * (immInv * ime);
            if (!(vjj >= Math.Pow(2.220446049250313e-16, 1.0 / 3))) continue;
            double g = grad[z];
            results.Add((rows[rowIndex], n * g * g / vjj, -g / vjj));
        }

        // Standardize |EPC| as if it were the parameter, with the fitted model's variances.
        var stdRows = table.Rows.ToList();
        var states = Enumerable.Range(0, fitted.Model.Groups.Length).Select(fitted.State).ToArray();
        var values = EstimatesBuilder.RowEstimates(table, fitted.Model, fitted.Theta, states).ToList();
        // As lavaan (cov.std): a freed variance is standardized at its fixed value, not at its EPC.
        foreach (var (row, _, epc) in results)
        {
            stdRows.Add(row with { Id = stdRows.Count + 1 });
            values.Add(row.IsVariance ? row.Value : Math.Abs(epc));
        }
        var stdTable = table.WithRows(stdRows);
        var (stdLv, stdAll) = Standardization.Compute(stdTable, values.ToArray(), states);
        var output = new List<ModificationIndex>();
        for (int k = 0; k < results.Count; k++)
        {
            var (row, mi, epc) = results[k];
            int idx = table.Rows.Count + k;
            double sign = Math.Sign(epc);
            output.Add(new ModificationIndex
            {
                Lhs = row.Lhs,
                Op = row.Op,
                Rhs = row.Rhs,
                Group = row.Group,
                Mi = mi,
                Epc = epc,
                SepcLv = double.IsFinite(stdLv[idx]) ? sign * stdLv[idx] : null,
                SepcAll = double.IsFinite(stdAll[idx]) ? sign * stdAll[idx] : null,
            });
        }
        return output.OrderByDescending(x => x.Mi).ToList();
    }

    /// <summary>
    /// A fixed parameter that lavaan's <c>modindices()</c> tests by freeing it: a model parameter (not a covariate's
    /// variance or covariance held fixed by fixed.x) without a label, so that freeing it changes no constraint.
    /// </summary>
    /// <remarks>
    /// With ordered items the rows that set their latent responses' location and scale (intercepts, scale factors,
    /// residual variances fixed by the parameterization) are identification, not restrictions, and are not tested,
    /// as in lavaan.
    /// </remarks>
    private static bool IsFreeable(ParameterRow row, ParameterTable table) =>
        !row.Free && row.Group > 0 && !row.Exogenous && row.Label.Length == 0
        && row.Op is ModelOperator.MeasuredBy or ModelOperator.Regression or ModelOperator.Covariance or ModelOperator.Intercept
        && !(table.Ordered.Contains(row.Lhs) && (row.Op == ModelOperator.Intercept || row.IsVariance));

    /// <summary>lavaan's <c>lav_partable_full</c> candidates that are not yet in the table.</summary>
    private static List<ParameterRow> Candidates(ParameterTable table)
    {
        var roles = table.Roles;
        var result = new List<ParameterRow>();
        var eqs = table.Rows.Where(r => r.Op == ModelOperator.Regression).SelectMany(r => new[] { r.Lhs, r.Rhs }).Distinct().ToList();
        var ovNox = roles.ObservedNotExogenous;
        var ovOther = roles.Observed.Where(o => !roles.ObservedIndicators.Contains(o)).ToHashSet();
        for (int g = 1; g <= table.GroupCount; g++)
        {
            var list = new List<(string, ModelOperator, string)>();
            foreach (var lv in roles.Latent)
                foreach (var ov in ovNox)
                    if (!eqs.Contains(ov)) list.Add((lv, ModelOperator.MeasuredBy, ov));
            for (int j = 0; j < ovNox.Count; j++)
                for (int i = j; i < ovNox.Count; i++)
                    if (!ovOther.Contains(ovNox[i]) && !ovOther.Contains(ovNox[j])) list.Add((ovNox[j], ModelOperator.Covariance, ovNox[i]));
            var lvs = roles.Latent;
            for (int j = 0; j < lvs.Count; j++)
                for (int i = j; i < lvs.Count; i++) list.Add((lvs[j], ModelOperator.Covariance, lvs[i]));
            // Covariates held fixed (fixed.x) are never made dependent: lavaan's score test gives them no index.
            foreach (var y in eqs.Where(e => !roles.ObservedExogenous.Contains(e)))
                foreach (var x in eqs)
                    if (y != x && !(roles.ObservedIndicators.Contains(y) && roles.IsLatent(x))) list.Add((y, ModelOperator.Regression, x));
            if (table.MeanStructure)
                foreach (var v in roles.Observed.Concat(roles.Latent)) list.Add((v, ModelOperator.Intercept, ""));
            foreach (var (lhs, op, rhs) in list)
            {
                if (table.Rows.Any(r => r.Group == g && r.Matches(lhs, op, rhs))) continue;
                if (result.Any(r => r.Group == g && r.Matches(lhs, op, rhs))) continue;
                result.Add(new ParameterRow { Id = 0, Lhs = lhs, Op = op, Rhs = rhs, Group = g, Free = true });
            }
        }
        return result;
    }
}
