using SemLib.Syntax;

namespace SemLib.Specification;

/// <summary>
/// The baseline ("independence", "null") model of lavaan's <c>lav_partable_independence</c>: every observed
/// variable has a free variance (and intercept with a mean structure) and no covariance, except that exogenous
/// covariates held fixed (fixed.x) keep their sample covariances among themselves.
/// </summary>
internal static class IndependenceModel
{
    public static ParameterTable Build(ParameterTable model)
    {
        var roles = model.Roles;
        var rows = new List<ParameterRow>();
        var exo = roles.ObservedExogenous;
        for (int g = 1; g <= model.GroupCount; g++)
        {
            // Ordered items keep their thresholds free; their latent responses' variances (and, under delta, scale
            // factors) are fixed at 1 and their intercepts at 0, so the baseline fits the thresholds and no correlation.
            foreach (var t in model.Rows.Where(r => r.Group == g && r.Op == ModelOperator.Threshold))
                rows.Add(Row(rows, t.Lhs, ModelOperator.Threshold, t.Rhs, g, free: true, exogenous: false));
            foreach (var v in roles.Observed.Where(o => !exo.Contains(o)))
            {
                bool ordinal = model.Ordered.Contains(v);
                rows.Add(Row(rows, v, ModelOperator.Covariance, v, g, free: !ordinal, exogenous: false) with { Value = ordinal ? 1.0 : double.NaN });
            }
            for (int j = 0; j < exo.Count; j++)
                for (int i = j; i < exo.Count; i++)
                    rows.Add(Row(rows, exo[j], ModelOperator.Covariance, exo[i], g, free: false, exogenous: true));
            if (model.MeanStructure)
            {
                foreach (var v in roles.Observed)
                {
                    bool isExo = exo.Contains(v);
                    bool ordinal = model.Ordered.Contains(v);
                    rows.Add(Row(rows, v, ModelOperator.Intercept, "", g, free: !isExo && !ordinal, exogenous: isExo) with { Value = ordinal ? 0.0 : double.NaN });
                }
            }
            if (model.IsCategorical)
                foreach (var v in model.Ordered)
                    rows.Add(Row(rows, v, ModelOperator.Scaling, v, g, free: false, exogenous: false) with { Value = 1.0 });
        }
        var baselineRoles = new VariableRoles
        {
            Latent = [],
            Observed = roles.Observed,
            ObservedIndicators = [],
            ObservedExogenous = exo,
            LatentExogenous = [],
            PureOutcomes = [],
            Dependent = [],
        };
        return model.WithRows(rows, baselineRoles);
    }

    private static ParameterRow Row(List<ParameterRow> rows, string lhs, ModelOperator op, string rhs, int group, bool free, bool exogenous) => new()
    {
        Id = rows.Count + 1,
        Lhs = lhs,
        Op = op,
        Rhs = rhs,
        Group = group,
        Free = free,
        Exogenous = exogenous,
    };
}
