using System.Globalization;
using SemLib.LinearAlgebra;
using SemLib.Model;
using SemLib.Specification;
using SemLib.Results;

namespace SemLib.Estimation;

/// <summary>
/// Linear inequality constraints (<c>a &gt; 0</c>, <c>b &lt; 1</c>, <c>a &gt; b</c>) by a primal active-set method
/// (Nocedal &amp; Wright 2006, ch. 16.5) on top of the equality machinery of <see cref="ConstraintMap"/>: fit with the
/// active set held as equalities (at first none); if an inactive inequality is violated, the most violated one
/// joins the active set and the model is refitted; if an active one has a Lagrange multiplier of the wrong sign
/// (the fit improves by moving off it into the feasible side), it leaves. At the end the active constraints are
/// equalities of the reparameterisation, so the standard errors treat them as equalities, as lavaan's do (its
/// vcov puts the active inequality constraints in the constraint Jacobian).
/// </summary>
internal static class InequalityFit
{
    private const int MaxRounds = 50;

    /// <summary>χ² (N·ΔF) a move off an active constraint must gain before its multiplier counts as of the wrong sign.</summary>
    private const double ChiSquareGain = 1e-6;

    /// <summary>
    /// Fits <paramref name="model"/> (compiled with no inequality held) under its inequality constraints, starting
    /// from the active set <paramref name="initialActive"/> (table rows; none by default).
    /// </summary>
    public static FittedModel Optimize(ParameterTable table, LisrelModel model, EstimationSample sample, ModelOptions options,
        List<FitWarning> warnings, IReadOnlySet<int>? initialActive = null)
    {
        var active = new HashSet<int>(initialActive ?? new HashSet<int>());
        var fitted = FitEngine.Optimize(table, active.Count == 0 ? model : model.WithActiveInequalities(active), sample, options);
        if (fitted.Model.Constraints.Inequalities.Count == 0 && active.Count == 0) return fitted;
        var seen = new HashSet<string> { Key(active) };
        for (int round = 0; round < MaxRounds; round++)
        {
            int join = MostViolated(fitted);
            if (join >= 0) active.Add(join);
            else
            {
                int leave = WrongSign(fitted, sample);
                if (leave < 0) return fitted;
                active.Remove(leave);
            }
            if (!seen.Add(Key(active))) break; // the sets cycle (a multiplier at zero): keep the current solution
            var next = model.WithActiveInequalities(active);
            fitted = FitEngine.Optimize(table, next, sample, options, next.Constraints.ToZeta(fitted.Theta));
        }
        warnings.Add(new(FitWarningKind.InequalityConstraints, string.Format(CultureInfo.InvariantCulture,
            "The active set of the inequality constraints did not settle; the estimates hold {0} of them as equalities and may not be the constrained optimum.",
            fitted.Model.ActiveInequalities.Count)));
        return fitted;
    }

    private static string Key(HashSet<int> set) => string.Join(",", set.Order());

    /// <summary>The table row of the inactive inequality with the most negative slack beyond rounding, or -1.</summary>
    private static int MostViolated(FittedModel fitted)
    {
        int worst = -1;
        double worstSlack = 0;
        foreach (var form in fitted.Model.Constraints.Inequalities)
        {
            double g = ConstraintMap.Slack(form, fitted.Theta);
            double size = Math.Abs(form.Constant);
            foreach (var (t, c) in form.Coefs) size += Math.Abs(c * fitted.Theta[t]);
            if (g < -1e-7 * Math.Max(size, 1e-300) && (worst < 0 || g < worstSlack))
            {
                worst = form.Row;
                worstSlack = g;
            }
        }
        return worst;
    }

    /// <summary>
    /// The active inequality whose Lagrange multiplier has the wrong sign most clearly, or -1. For active k, in the
    /// model without k: the Newton step d = −I⁻¹g (expected information I) moves along the one direction k held
    /// fixed, and at the constrained optimum g ∝ λ_k·Kᵀa_k, so the slack a_kᵀK·d changes with the sign of −λ_k. If
    /// the step raises the slack (moves into the feasible side) and gains χ² ≈ N·gᵀI⁻¹g worth having, λ_k &lt; 0.
    /// </summary>
    private static int WrongSign(FittedModel fitted, EstimationSample sample)
    {
        var active = fitted.Model.ActiveInequalities;
        int best = -1;
        double bestGain = ChiSquareGain;
        foreach (int k in active)
        {
            var relaxed = fitted.Model.WithActiveInequalities(active.Where(a => a != k).ToHashSet());
            var form = relaxed.Constraints.Inequalities.First(f => f.Row == k);
            int r = relaxed.ZetaCount;
            var objective = new Objective(relaxed, sample);
            var zeta = relaxed.Constraints.ToZeta(fitted.Theta);
            var g = new double[r];
            objective.Evaluate(zeta, g);
            var info = new double[r * r];
            objective.Information(info);
            var inverse = new double[r * r];
            if (!Dense.InvertSpd(info, inverse, new double[2 * r * r], r, out _)) continue;
            var step = new double[r];
            for (int i = 0; i < r; i++)
                for (int j = 0; j < r; j++) step[i] -= inverse[i * r + j] * g[j];
            double gain = -sample.TotalN * Dense.Dot(g, step); // N·gᵀI⁻¹g
            var dTheta = new double[relaxed.ThetaCount];
            relaxed.Constraints.MultiplyK(step, dTheta);
            double rate = 0;
            foreach (var (t, c) in form.Coefs) rate += c * dTheta[t];
            if (rate > 0 && gain > bestGain)
            {
                best = k;
                bestGain = gain;
            }
        }
        return best;
    }
}
