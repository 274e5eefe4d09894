using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Inference;

/// <summary>
/// Defined parameters (<c>name := expression</c>): their values from the labelled parameters, and standard
/// errors by the delta method, Var(f(θ̂)) ≈ J Cov(θ̂) Jᵀ (Sobel 1982 for products), with the Jacobian J exact
/// from forward-mode dual numbers.
/// </summary>
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

    /// <summary>Fills the values of the defined rows of <paramref name="values"/> from the other rows, in order.</summary>
    public static void Recompute(ParameterTable table, double[] values)
    {
        var labels = LabelRows(table);
        var definedValue = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var r = table.Rows[i];
            if (r.Op != ModelOperator.Defined) continue;
            double v = r.Formula!.Evaluate(name =>
                definedValue.TryGetValue(name, out double d) ? d : values[labels[name]]);
            values[i] = v;
            definedValue[r.Lhs] = v;
        }
    }

    /// <summary>
    /// Gradients of every defined parameter with respect to θ (free rows), in table order of the defined rows.
    /// </summary>
    /// <remarks><paramref name="thetaOfRow"/> gives the θ index of a table row, or -1 when the row is not free.</remarks>
    public static List<(int Row, double[] Gradient)> Jacobian(ParameterTable table, double[] values, int[] thetaOfRow, int thetaCount)
    {
        var labels = LabelRows(table);
        var defined = table.Rows.Select((r, i) => (r, i)).Where(x => x.r.Op == ModelOperator.Defined).ToList();
        var result = new List<(int, double[])>();
        foreach (var (row, index) in defined)
        {
            var grad = new double[thetaCount];
            for (int j = 0; j < thetaCount; j++)
            {
                grad[j] = Evaluate(row.Formula!, name => Lookup(name, j)).Derivative;
            }
            result.Add((index, grad));
        }
        return result;

        Dual Lookup(string name, int seed)
        {
            if (labels.TryGetValue(name, out int rowIndex))
            {
                int t = thetaOfRow[rowIndex];
                return new Dual(values[rowIndex], t == seed ? 1 : 0);
            }
            var def = table.Rows.First(r => r.Op == ModelOperator.Defined && r.Lhs == name);
            return Evaluate(def.Formula!, n => Lookup(n, seed));
        }
    }

    private static Dual Evaluate(Expression e, Func<string, Dual> lookup) =>
        e.Evaluate(lookup, static c => new Dual(c, 0));
}
