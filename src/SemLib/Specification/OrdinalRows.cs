using SemLib.Syntax;

namespace SemLib.Specification;

/// <summary>
/// The rows lavaan adds for ordered (categorical) indicators (lavaan 0.6.14, <c>lav_partable_flat</c>): each ordered
/// variable gets one threshold per cut point between its categories (<c>x | t1</c>, <c>x | t2</c>, ...), a scale factor
/// (<c>x ~*~ x</c>) under the delta parameterization, and its intercept and — under delta — its residual variance are not
/// parameters (fixed; under delta the residual variance follows from the others, 1/Δ² minus the explained part).
/// </summary>
internal static class OrdinalRows
{
    /// <summary>
    /// The ordered observed variables in the order of <paramref name="observed"/>: those <see cref="ModelOptions.Ordered"/>
    /// names (all of them for "all") and those with thresholds written in the syntax.
    /// </summary>
    public static IReadOnlyList<string> OrderedVariables(IReadOnlyList<string> observed, IEnumerable<(string Lhs, ModelOperator Op)> written, ModelOptions options)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        bool all = options.Ordered.Count == 1 && options.Ordered[0] == ModelOptions.AllOrdered;
        if (all) set.UnionWith(observed);
        else
        {
            foreach (var name in options.Ordered)
            {
                if (!observed.Contains(name))
                    throw new SemLibException($"ordered: {MessageText.Quote(name)} is not an observed variable of the model (observed: {MessageText.List(observed)}).");
                set.Add(name);
            }
        }
        foreach (var (lhs, op) in written)
            if (op is ModelOperator.Threshold or ModelOperator.Scaling) set.Add(lhs);
        return observed.Where(set.Contains).ToList();
    }

    /// <summary>
    /// The number of thresholds of each ordered variable: from <paramref name="counts"/> (the data's categories minus
    /// one) when given, else from the thresholds written in the syntax (the highest t-number).
    /// </summary>
    public static Dictionary<string, int> ThresholdCounts(IReadOnlyList<string> ordered, IEnumerable<(string Lhs, ModelOperator Op, string Rhs)> written,
        IReadOnlyDictionary<string, int>? counts)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in ordered)
        {
            int highest = written.Where(w => w.Op == ModelOperator.Threshold && w.Lhs == v).Select(w => ThresholdNumber(w.Rhs)).DefaultIfEmpty(0).Max();
            if (counts is not null && counts.TryGetValue(v, out int k))
            {
                if (highest > k)
                    throw new SemLibException($"The syntax gives {MessageText.Quote(v)} the threshold t{highest}, but its data have only {k + 1} categories ({k} threshold{(k == 1 ? "" : "s")}).");
                result[v] = k;
            }
            else if (highest > 0) result[v] = highest;
            else throw new SemLibException($"The number of thresholds of the ordered variable {MessageText.Quote(v)} comes from its categories in the data; build the table from data, or write its thresholds ({v} | t1 + t2 + ...).");
        }
        return result;
    }

    /// <summary>k of a threshold name tk.</summary>
    public static int ThresholdNumber(string name) => int.Parse(name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name of the k-th threshold (1-based).</summary>
    public static string ThresholdName(int k) => "t" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
