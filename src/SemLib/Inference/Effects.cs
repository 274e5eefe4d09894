using SemLib.Model;
using SemLib.Results;

namespace SemLib.Inference;

/// <summary>
/// Effect decompositions with delta-method standard errors (Sobel 1986 for indirect effects): the effects are
/// functions of θ, their Jacobian is taken by central differences through the model matrices, and
/// Var = J Cov(θ̂) Jᵀ. Standardized effects multiply by SD(from)/SD(to) of the implied moments.
/// </summary>
internal static class Effects
{
    /// <summary>
    /// What the decomposition of the effect of <see cref="From"/> on <see cref="To"/> in one group is made of, set
    /// up once from the model's structure (it does not depend on θ): the group's effect graph, the two nodes, every
    /// directed path between them (empty when a route passes through a feedback loop: the paths are then infinitely
    /// many), the direct path (the one edge from → to; empty when there is none), the indirect paths, one label
    /// (kind, path) per effect in the order of <see cref="Values"/>: total, direct, indirect, then each specific
    /// indirect path; and a note when the specific paths are not listed because of a loop.
    /// </summary>
    public sealed record Plan(string From, string To, int Group, EffectGraph Graph, int FromNode, int ToNode,
        List<List<int>> Paths, List<int> Direct, List<List<int>> IndirectPaths, List<(string Kind, string Path)> Labels,
        bool ThroughLoop, string? Note);

    /// <summary>The plan of one effect decomposition; checks that the group exists and that the two variables are different variables of the model.</summary>
    public static Plan Prepare(LisrelModel model, string from, string to, int group)
    {
        if (group < 1 || group > model.Groups.Length) throw new ArgumentOutOfRangeException(nameof(group));
        var graph = new EffectGraph(model.Groups[group - 1]);
        int a = graph.Node(from), b = graph.Node(to);
        if (a < 0) throw new SemLibException($"'{from}' is not a variable of the model.");
        if (b < 0) throw new SemLibException($"'{to}' is not a variable of the model.");
        if (a == b) throw new SemLibException("An effect needs two different variables.");
        // The direct effect is the one edge from → to (a B or Λ element) in any model; with a feedback loop on the way
        // the total comes from (I − B)⁻¹ − I and the indirect effect is total − direct, with no list of paths.
        bool loop = graph.ThroughLoop(a, b);
        var paths = loop ? [] : graph.Paths(a, b);
        int edge = graph.DirectEdge(a, b);
        List<int> direct = edge >= 0 ? [edge] : [];
        var indirectPaths = paths.Where(p => p.Count >= 2).ToList();
        string? note = loop
            ? $"The effect of {from} on {to} passes through a feedback loop: its indirect paths are infinitely many, so none is listed; the indirect effect is the total effect from (I - B)^-1 - I minus the direct effect."
            : null;
        string ends = $"{from} -> {to}";
        var labels = new List<(string Kind, string Path)>
        {
            ("total", ends), ("direct", direct.Count > 0 ? graph.Describe(direct) : ends), ("indirect", ends),
        };
        labels.AddRange(indirectPaths.Select(p => ("specific", graph.Describe(p))));
        return new Plan(from, to, group, graph, a, b, paths, direct, indirectPaths, labels, loop, note);
    }

    /// <summary>The effect values at the state's θ, one per label of the plan; then the same standardized.</summary>
    public static double[] Values(Plan plan, GroupState state)
    {
        var graph = plan.Graph;
        var v = new double[2 * plan.Labels.Count];
        double total = plan.ThroughLoop ? graph.TotalFromMatrices(state, plan.FromNode, plan.ToNode) : plan.Paths.Sum(p => graph.PathValue(state, p));
        double dir = plan.Direct.Count == 0 ? 0 : graph.PathValue(state, plan.Direct);
        v[0] = total;
        v[1] = dir;
        v[2] = total - dir;
        int j = 3;
        foreach (var p in plan.IndirectPaths) v[j++] = graph.PathValue(state, p);
        int half = v.Length / 2;
        double scale = graph.StandardDeviation(state, plan.FromNode) / graph.StandardDeviation(state, plan.ToNode);
        for (int i = 0; i < half; i++) v[half + i] = v[i] * scale;
        return v;
    }

    public static EffectDecomposition Compute(SemFit fit, string from, string to, int group)
    {
        var fitted = fit.Fitted;
        var plan = Prepare(fitted.Model, from, to, group);
        var state = fitted.State(group - 1);
        var values = Values(plan, state);

        // Delta method: Jacobian by central differences through a scratch state.
        double[]? se = null;
        if (fit.CovTheta is { } cov)
        {
            int q = fitted.Model.ThetaCount;
            var scratch = new GroupState(fitted.Model.Groups[group - 1]);
            var theta = (double[])fitted.Theta.Clone();
            var jac = new double[values.Length * q];
            for (int t = 0; t < q; t++)
            {
                double h = 1e-6 * Math.Max(1, Math.Abs(theta[t]));
                theta[t] += h;
                scratch.Update(theta);
                var plus = Values(plan, scratch);
                theta[t] -= 2 * h;
                scratch.Update(theta);
                var minus = Values(plan, scratch);
                theta[t] += h;
                for (int i = 0; i < values.Length; i++) jac[i * q + t] = (plus[i] - minus[i]) / (2 * h);
            }
            se = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
                se[i] = Math.Sqrt(Math.Max(0, Wald.DeltaVariance(jac.AsSpan(i * q, q), cov, q)));
        }

        int half = values.Length / 2;
        double zcrit = Wald.CriticalValue(fitted.Options.ConfidenceLevel);
        EffectEstimate Make(int i)
        {
            double est = values[i];
            double? s = se?[i];
            var (z, p, lo, hi) = Wald.Of(est, s, zcrit);
            var (kind, path) = plan.Labels[i];
            return new EffectEstimate(kind, path, est, s, z, p, lo, hi, double.IsFinite(values[half + i]) ? values[half + i] : null);
        }
        var specific = Enumerable.Range(3, plan.Labels.Count - 3).Select(Make).ToList();
        return new EffectDecomposition(from, to, group, Make(0), Make(1), Make(2), specific) { Note = plan.Note };
    }
}
