using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.MeasurementInvariance;

/// <summary>
/// lavaan's <c>lavTestScore()</c> for the equality constraints that shared labels make (group.equal's <c>.pN.</c>
/// labels and the user's own): in the space where every free row is its own parameter, with s = ∂F/∂θ at the
/// constrained estimates, I the expected information per observation and R the constraint rows (θ_a − θ_b, one per
/// later member of a label, as lavaan's <c>==</c> rows), releasing the set r gives N·sᵀ P s with P the upper-left
/// block of the pseudo-inverse of [[I, R₋ᵣᵀ], [R₋ᵣ, 0]] (R₋ᵣ: R without the rows released). The univariate test
/// releases one row; the total releases the given set. An explicit <c>a == b</c> between two labels is among R; other
/// explicit constraints (<c>a == 2*b</c>, <c>a + b == 1</c>) are not, which is where this can differ from lavaan.
/// </summary>
internal static class ScoreTestCalculator
{
    /// <summary>The constraint rows (table row of each side) of a fitted model, in table order of their first side.</summary>
    public static List<(int RowA, int RowB)> Constraints(FittedModel fitted)
    {
        var table = fitted.Table;
        var free = fitted.Model.FreeRows;
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new List<(int, int)>();
        foreach (int row in free)
        {
            var r = table.Rows[row];
            if (r.Label.Length > 0)
            {
                if (first.TryGetValue(r.Label, out int a)) pairs.Add((a, row));
                else first[r.Label] = row;
            }
            if (r.EqualTo > 0) pairs.Add((r.EqualTo - 1, row));
        }
        // An explicit a == b between two labels is one more row θ_a − θ_b, as lavaan's con.jac has it.
        foreach (var c in table.Rows.Where(r => r.Op == ModelOperator.Equal))
        {
            if (c.ConstraintLeft is NameExpression left && c.Formula is NameExpression right
                && first.TryGetValue(left.Name, out int a) && first.TryGetValue(right.Name, out int b) && a != b)
                pairs.Add((Math.Min(a, b), Math.Max(a, b)));
        }
        return pairs.OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToList();
    }

    /// <summary>Univariate statistics of the selected constraints, and the total of releasing them together.</summary>
    public static (List<(int RowA, int RowB, double ChiSquare)> Univariate, double Total) Compute(FittedModel fitted, Func<int, int, bool> selected)
    {
        var table = fitted.Table;
        var constraints = Constraints(fitted);
        var free = fitted.Model.FreeRows;

        // The model with every free row its own parameter: no labels, no constraints.
        var rows = table.Rows.Where(r => r.Op is not (ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater or ModelOperator.Defined))
            .Select(r => r.Label.Length > 0 || r.EqualTo > 0 ? r with { Label = "", EqualTo = 0 } : r).ToList();
        var open = table.WithRows(rows);
        var model = FitEngine.Compile(open, fitted.Sample);
        int q = model.ThetaCount;
        if (model.ZetaCount != q) throw new InvalidOperationException("The unconstrained model still has constraints.");
        var thetaOfRow = new Dictionary<int, int>();
        for (int t = 0; t < fitted.Model.ThetaCount; t++) thetaOfRow[free[t]] = t;
        var theta = new double[q];
        var col = new Dictionary<int, int>();
        for (int t = 0; t < q; t++)
        {
            int row = model.FreeRows[t];
            col[row] = t;
            theta[t] = fitted.Theta[thetaOfRow[row]];
        }
        var zeta = model.Constraints.ToZeta(theta);
        var objective = new Objective(model, fitted.Sample);
        var grad = new double[q];
        objective.Evaluate(zeta, grad);
        var infoArr = new double[q * q];
        objective.Information(infoArr);
        var info = Matrix<double>.Build.Dense(q, q, (i, j) => infoArr[i * q + j]);
        var s = Vector<double>.Build.Dense(grad);
        double n = fitted.Sample.TotalN;

        double Released(ICollection<int> release)
        {
            var kept = Enumerable.Range(0, constraints.Count).Where(k => !release.Contains(k)).ToList();
            int m = kept.Count;
            var z = Matrix<double>.Build.Dense(q + m, q + m);
            z.SetSubMatrix(0, 0, info);
            for (int k = 0; k < m; k++)
            {
                var (a, b) = constraints[kept[k]];
                z[q + k, col[a]] = 1;
                z[q + k, col[b]] = -1;
                z[col[a], q + k] = 1;
                z[col[b], q + k] = -1;
            }
            var p = z.PseudoInverse().SubMatrix(0, q, 0, q);
            return n * s.DotProduct(p * s);
        }

        var chosen = Enumerable.Range(0, constraints.Count).Where(k => selected(constraints[k].RowA, constraints[k].RowB)).ToList();
        var uni = chosen.Select(k => (constraints[k].RowA, constraints[k].RowB, Released([k]))).ToList();
        double total = chosen.Count > 0 ? Released(chosen) : 0;
        return (uni, total);
    }

    /// <summary>Upper-tail χ² p-value.</summary>
    public static double PValue(double chisq, int df) => SpecialFunctions.GammaUpperRegularized(df / 2.0, Math.Max(chisq, 0) / 2);

    /// <summary>A row as lavaan's lavTestScore prints a parameter: "lhs op rhs" (<c>x3 ~1</c>, <c>visual =~ x2</c>).</summary>
    public static string Describe(ParameterRow r) => r.Op == ModelOperator.Intercept ? $"{r.Lhs} ~1" : $"{r.Lhs} {r.Op.ToLavaan()} {r.Rhs}";

    /// <summary>lavaan's plabel of a row.</summary>
    public static string PLabel(ParameterRow r) => ".p" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
}
