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
    /// <summary>The effect values at the state's θ: total, direct, indirect, then each specific path; then the same standardized.</summary>
    public static double[] Values(EffectGraph graph, GroupState state, int from, int to, List<List<int>> paths, List<int> direct)
    {
        int k = paths.Count;
        var v = new double[2 * (3 + k)];
        double total = graph.Acyclic ? paths.Sum(p => graph.PathValue(state, p)) : graph.TotalFromMatrices(state, from, to);
        double dir = direct.Count == 0 ? 0 : graph.PathValue(state, direct);
        v[0] = total;
        v[1] = dir;
        v[2] = total - dir;
        int j = 3;
        foreach (var p in paths)
        {
            if (p.Count < 2) continue;
            v[j++] = graph.PathValue(state, p);
        }
        int half = v.Length / 2;
        double scale = graph.StandardDeviation(state, from) / graph.StandardDeviation(state, to);
        for (int i = 0; i < half; i++) v[half + i] = v[i] * scale;
        return v;
    }

    public static EffectDecomposition Compute(SemFit fit, string from, string to, int group)
    {
        var fitted = fit.Fitted;
        if (group < 1 || group > fitted.Model.Groups.Length) throw new ArgumentOutOfRangeException(nameof(group));
        var model = fitted.Model.Groups[group - 1];
        var graph = new EffectGraph(model);
        int a = graph.Node(from), b = graph.Node(to);
        if (a < 0) throw new SemLibException($"'{from}' is not a variable of the model.");
        if (b < 0) throw new SemLibException($"'{to}' is not a variable of the model.");
        if (a == b) throw new SemLibException("An effect needs two different variables.");
        var paths = graph.Acyclic ? graph.Paths(a, b) : [];
        var direct = paths.FirstOrDefault(p => p.Count == 1) ?? [];
        var indirectPaths = paths.Where(p => p.Count >= 2).ToList();

        var state = fitted.State(group - 1);
        var values = Values(graph, state, a, b, paths, direct);

        // Delta method: Jacobian by central differences through a scratch state.
        double[]? se = null;
        if (fit.CovTheta is { } cov)
        {
            int q = fitted.Model.ThetaCount;
            var scratch = new GroupState(model);
            var theta = (double[])fitted.Theta.Clone();
            var jac = new double[values.Length * q];
            for (int t = 0; t < q; t++)
            {
                double h = 1e-6 * Math.Max(1, Math.Abs(theta[t]));
                theta[t] += h;
                scratch.Update(theta);
                var plus = Values(graph, scratch, a, b, paths, direct);
                theta[t] -= 2 * h;
                scratch.Update(theta);
                var minus = Values(graph, scratch, a, b, paths, direct);
                theta[t] += h;
                for (int i = 0; i < values.Length; i++) jac[i * q + t] = (plus[i] - minus[i]) / (2 * h);
            }
            se = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
                se[i] = Math.Sqrt(Math.Max(0, Wald.DeltaVariance(jac.AsSpan(i * q, q), cov, q)));
        }

        int half = values.Length / 2;
        double zcrit = Wald.CriticalValue(fitted.Options.ConfidenceLevel);
        EffectEstimate Make(string kind, string path, int i)
        {
            double est = values[i];
            double? s = se?[i];
            var (z, p, lo, hi) = Wald.Of(est, s, zcrit);
            return new EffectEstimate(kind, path, est, s, z, p, lo, hi, double.IsFinite(values[half + i]) ? values[half + i] : null);
        }
        string ends = $"{from} -> {to}";
        var specific = indirectPaths.Select((p, k) => Make("specific", graph.Describe(p), 3 + k)).ToList();
        return new EffectDecomposition(from, to, group, Make("total", ends, 0),
            Make("direct", direct.Count > 0 ? graph.Describe(direct) : ends, 1), Make("indirect", ends, 2), specific);
    }
}
