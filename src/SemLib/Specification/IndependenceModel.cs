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
            foreach (var v in roles.Observed.Where(o => !exo.Contains(o)))
                rows.Add(Row(rows, v, ModelOperator.Covariance, v, g, free: true, exogenous: false));
            for (int j = 0; j < exo.Count; j++)
                for (int i = j; i < exo.Count; i++)
                    rows.Add(Row(rows, exo[j], ModelOperator.Covariance, exo[i], g, free: false, exogenous: true));
            if (model.MeanStructure)
            {
                foreach (var v in roles.Observed)
                {
                    bool isExo = exo.Contains(v);
                    rows.Add(Row(rows, v, ModelOperator.Intercept, "", g, free: !isExo, exogenous: isExo));
                }
            }
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
        return new ParameterTable(model.Model, rows, baselineRoles, model.GroupCount, model.MeanStructure, []);
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
