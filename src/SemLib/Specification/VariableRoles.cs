using SemLib.Syntax;

namespace SemLib.Specification;

/// <summary>
/// The roles the variables of a model play, derived from its statements the way lavaan derives them
/// (<c>lav_partable_vnames</c>): latent and observed variables, indicators, dependent and exogenous
/// variables. The order of <see cref="Observed"/> is the order of the model-implied matrices.
/// </summary>
public sealed record VariableRoles
{
    /// <summary>Latent variables: the left sides of <c>=~</c>, in order of appearance.</summary>
    public required IReadOnlyList<string> Latent { get; init; }

    /// <summary>Observed variables: indicators, then dependent observed variables, then exogenous covariates, then any others.</summary>
    public required IReadOnlyList<string> Observed { get; init; }

    /// <summary>Observed variables that are indicators of a latent variable.</summary>
    public required IReadOnlyList<string> ObservedIndicators { get; init; }

    /// <summary>Exogenous observed covariates (only ever predictors), which fixed.x holds at their sample moments.</summary>
    public required IReadOnlyList<string> ObservedExogenous { get; init; }

    /// <summary>Observed variables that are not exogenous covariates.</summary>
    public IReadOnlyList<string> ObservedNotExogenous => Observed.Where(o => !ObservedExogenous.Contains(o)).ToList();

    /// <summary>Latent variables that are neither indicators nor regressed on anything (exogenous factors).</summary>
    public required IReadOnlyList<string> LatentExogenous { get; init; }

    /// <summary>Pure outcome variables (dependent, never an indicator or predictor), latent first: their residuals covary by default.</summary>
    public required IReadOnlyList<string> PureOutcomes { get; init; }

    /// <summary>
    /// Dependent variables: indicators (observed or latent) and regression outcomes, in that order. Their variances,
    /// covariances and intercepts in the model are residual ones (lavaan prints their names with a dot).
    /// </summary>
    public required IReadOnlyList<string> Dependent { get; init; }

    /// <summary>True when the name is a latent variable.</summary>
    public bool IsLatent(string name) => Latent.Contains(name);

    /// <summary>Derives the roles from the measurement, regression, covariance and intercept statements.</summary>
    /// <param name="rows">(lhs, op, rhs, user) for every non-default relation, in syntax order.</param>
    /// <param name="userVarianceOrMean">Names that appear in a user-written <c>~~</c> or <c>~1</c>; such covariates are not held fixed.</param>
    internal static VariableRoles Derive(IReadOnlyList<(string Lhs, ModelOperator Op, string Rhs)> rows, ISet<string> userVarianceOrMean)
    {
        var lv = Distinct(rows.Where(r => r.Op == ModelOperator.MeasuredBy).Select(r => r.Lhs));
        var vInd = Distinct(rows.Where(r => r.Op == ModelOperator.MeasuredBy).Select(r => r.Rhs));
        var eqsY = Distinct(rows.Where(r => r.Op == ModelOperator.Regression).Select(r => r.Lhs));
        var eqsX = Distinct(rows.Where(r => r.Op == ModelOperator.Regression).Select(r => r.Rhs));

        var ovInd = vInd.Where(v => !lv.Contains(v)).ToList();
        var ovY = eqsY.Where(v => !lv.Contains(v) && !ovInd.Contains(v)).ToList();
        var ovX = eqsX.Where(v => !lv.Contains(v) && !ovInd.Contains(v) && !ovY.Contains(v)).ToList();
        var extra = Distinct(rows.Where(r => r.Op is ModelOperator.Covariance or ModelOperator.Intercept or ModelOperator.Threshold or ModelOperator.Scaling)
            .SelectMany(r => r.Op == ModelOperator.Covariance ? new[] { r.Lhs, r.Rhs } : new[] { r.Lhs })
            .Where(v => !lv.Contains(v)));
        var observed = ovInd.Concat(ovY).Concat(ovX).ToList();
        observed.AddRange(extra.Where(e => !observed.Contains(e)));

        var exogenous = ovX.Where(x => !userVarianceOrMean.Contains(x)).ToList();
        var lvX = lv.Where(l => !vInd.Contains(l) && !eqsY.Contains(l)).ToList();
        var lvY = lv.Where(l => eqsY.Contains(l) && !vInd.Contains(l) && !eqsX.Contains(l)).ToList();
        var pureOv = observed.Where(o => eqsY.Contains(o) && !vInd.Contains(o) && !eqsX.Contains(o)).ToList();

        return new VariableRoles
        {
            Latent = lv,
            Observed = observed,
            ObservedIndicators = ovInd,
            ObservedExogenous = exogenous,
            LatentExogenous = lvX,
            PureOutcomes = lvY.Concat(pureOv).ToList(),
            Dependent = Distinct(vInd.Concat(eqsY)),
        };
    }

    private static List<string> Distinct(IEnumerable<string> names)
    {
        var list = new List<string>();
        foreach (var n in names)
            if (!list.Contains(n)) list.Add(n);
        return list;
    }
}
