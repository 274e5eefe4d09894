using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Inference;

/// <summary>
/// Defined parameters (<c>name := expression</c>): their values from the labelled parameters, and standard
/// errors by the delta method, Var(f(θ̂)) ≈ J Cov(θ̂) Jᵀ (Sobel 1982 for products), with the Jacobian J exact
/// from forward-mode automatic differentiation.
/// </summary>
/// <remarks>
/// A definition may only use labels and earlier definitions (the table builder checks this), so table order is a
/// topological order: each definition is evaluated once, with the values (and gradients) of the earlier ones
/// remembered, and a chain of n definitions that build on each other costs time linear in n.
/// </remarks>
internal static class DefinedParameters
{
    /// <summary>The value of each label: the estimate of the first row that carries it.</summary>
    private static Dictionary<string, int> LabelRows(ParameterTable table)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var r = table.Rows[i];
            if (r.Group > 0 && r.Label.Length > 0) map.TryAdd(r.Label, i);
        }
        return map;
    }

    /// <summary>
    /// Fills the values of the defined rows of <paramref name="values"/> from the other rows, in order. A value that
    /// does not exist or is infinite (a/0, log of a negative number, an overflow) is NaN, and so is every definition
    /// built on it.
    /// </summary>
    public static void Recompute(ParameterTable table, double[] values)
    {
        var labels = LabelRows(table);
        var definedValue = new Dictionary<string, double>(StringComparer.Ordinal);
        double Lookup(string name) => definedValue.TryGetValue(name, out double d) ? d : values[labels[name]];
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var r = table.Rows[i];
            if (r.Op is ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater)
            {
                values[i] = Slack(r, Lookup);
                continue;
            }
            if (r.Op != ModelOperator.Defined) continue;
            double v = r.Formula!.Evaluate(Lookup);
            if (!double.IsFinite(v)) v = double.NaN;
            values[i] = v;
            definedValue[r.Lhs] = v;
        }
    }

    /// <summary>
    /// The value lavaan's <c>parameterEstimates()</c> gives a constraint row: left − right for <c>==</c> and <c>&gt;</c>,
    /// right − left for <c>&lt;</c> — the slack, zero when the constraint is active, positive when it holds with room.
    /// Constraint rows come after every definition, so all names are known by then.
    /// </summary>
    private static double Slack(ParameterRow r, Func<string, double> lookup)
    {
        double left = r.ConstraintLeft!.Evaluate(lookup), right = r.Formula!.Evaluate(lookup);
        double v = r.Op == ModelOperator.Less ? right - left : left - right;
        return double.IsFinite(v) ? v : double.NaN;
    }

    /// <summary>
    /// Gradients of every defined parameter with respect to θ (free rows), in table order of the defined rows.
    /// </summary>
    /// <remarks>
    /// <paramref name="thetaOfRow"/> gives the θ index of a table row, or -1 when the row is not free. Where the value
    /// or a partial derivative is not finite the gradient holds NaN: the delta method does not apply there.
    /// </remarks>
    public static List<(int Row, double[] Gradient)> Jacobian(ParameterTable table, double[] values, int[] thetaOfRow, int thetaCount)
    {
        var labels = LabelRows(table);
        var labelValue = new Dictionary<string, GradientNumber>(StringComparer.Ordinal);
        foreach (var (label, row) in labels)
        {
            int t = thetaOfRow[row];
            double[]? g = null;
            if (t >= 0)
            {
                g = new double[thetaCount];
                g[t] = 1;
            }
            labelValue[label] = new GradientNumber(values[row], g);
        }
        var definedValue = new Dictionary<string, GradientNumber>(StringComparer.Ordinal);
        var result = new List<(int, double[])>();
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var r = table.Rows[i];
            if (r.Op != ModelOperator.Defined) continue;
            var v = r.Formula!.Evaluate(
                name => definedValue.TryGetValue(name, out var d) ? d : labelValue[name], GradientNumber.Constant);
            definedValue[r.Lhs] = v;
            var gradient = v.Gradient ?? new double[thetaCount];
            if (!double.IsFinite(v.Value) || gradient.Any(x => !double.IsFinite(x)))
            {
                gradient = new double[thetaCount];
                Array.Fill(gradient, double.NaN);
            }
            result.Add((i, gradient));
        }
        return result;
    }
}
