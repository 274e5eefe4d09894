using SemLib.Syntax;

namespace SemLib.Specification;

/// <summary>
/// lavaan's <c>group.equal</c> and <c>group.partial</c> (lavaan 0.6.14, <c>lavaanify</c>): every free parameter of a
/// named kind is made equal across groups by giving it, in every group, the label <c>.pN.</c> of its group-1 row
/// (N the row's id), unless the user labelled it or <c>group.partial</c> names it. Two consequences lavaan applies
/// first: equal intercepts (or thresholds) without equal means free the latent means of the later groups, and with
/// <c>std.lv</c> equal loadings without equal latent variances free the latent variances of the later groups.
/// </summary>
internal static class GroupEquality
{
    /// <summary>The keywords lavaan accepts, in its order.</summary>
    public static readonly IReadOnlyList<string> Keywords =
    [
        "loadings", "intercepts", "means", "thresholds", "regressions", "residuals",
        "residual.covariances", "lv.variances", "lv.covariances",
    ];

    /// <summary>Checks the keywords (case as written by lavaan users: lower case) and returns them as a set.</summary>
    public static HashSet<string> ParseKeywords(IReadOnlyList<string> groupEqual)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in groupEqual)
        {
            string k = raw.Trim();
            if (k.Length == 0) continue;
            if (!Keywords.Contains(k))
                throw new SemLibException($"group.equal: {MessageText.Quote(k)} is not one of {string.Join(", ", Keywords)}.");
            set.Add(k);
        }
        return set;
    }

    /// <summary>
    /// Reads one <c>group.partial</c> entry, "lhs op rhs" as lavaan writes it ("x1 ~ 1", "visual =~ x2", "x1 ~~ x4");
    /// spaces do not matter.
    /// </summary>
    public static (string Lhs, ModelOperator Op, string Rhs) ParsePartial(string text)
    {
        string s = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        foreach (var (token, op) in new[] { ("=~", ModelOperator.MeasuredBy), ("~~", ModelOperator.Covariance), ("~1", ModelOperator.Intercept), ("~", ModelOperator.Regression), ("|", ModelOperator.Threshold) })
        {
            int at = s.IndexOf(token, StringComparison.Ordinal);
            if (at <= 0) continue;
            if (op == ModelOperator.Intercept && at + 2 != s.Length) continue; // x ~ 1x would be a regression on '1x'
            string lhs = s[..at], rhs = op == ModelOperator.Intercept ? "" : s[(at + token.Length)..];
            if (op != ModelOperator.Intercept && rhs.Length == 0) break;
            return (lhs, op, rhs);
        }
        throw new SemLibException($"group.partial: {MessageText.Quote(text)} is not a parameter written as lhs op rhs (for example \"x1 ~ 1\", \"visual =~ x2\", \"x1 ~~ x4\").");
    }

    /// <summary>Throws when a group.partial entry names no parameter of the model (checked on the one-group table).</summary>
    public static void CheckPartial(ParsedModel model, ModelOptions options)
    {
        if (options.GroupPartial.Count == 0) return;
        // Thresholds depend on the data's categories: entries naming them are checked on the fitted table (Apply).
        var table = ParameterTableBuilder.Build(model, options with { GroupEqual = [], GroupPartial = [], Ordered = [], MeanStructure = options.MeanStructure ?? true }, 1); // groups have means by default
        CheckPartial(table.Rows, options.GroupPartial.Where(p => ParsePartial(p).Op != ModelOperator.Threshold).ToList());
    }

    private static void CheckPartial(IReadOnlyList<ParameterRow> rows, IReadOnlyList<string> partial)
    {
        foreach (var text in partial)
        {
            var (lhs, op, rhs) = ParsePartial(text);
            if (!rows.Any(r => r.Matches(lhs, op, rhs)))
                throw new SemLibException($"group.partial: the model has no parameter {MessageText.Quote(text.Trim())} ({lhs}{op.ToLavaan()}{rhs}); name a parameter of the model as lhs op rhs.");
        }
    }

    /// <summary>The group.equal keyword a row belongs to, or null.</summary>
    public static string? KindOf(ParameterRow r, VariableRoles roles)
    {
        bool lhsLatent = roles.IsLatent(r.Lhs);
        switch (r.Op)
        {
            case ModelOperator.MeasuredBy: return "loadings";
            case ModelOperator.Regression: return "regressions";
            case ModelOperator.Threshold: return "thresholds";
            case ModelOperator.Intercept: return lhsLatent ? "means" : "intercepts";
            case ModelOperator.Covariance:
                bool rhsLatent = roles.IsLatent(r.Rhs);
                if (r.Lhs == r.Rhs) return lhsLatent ? "lv.variances" : "residuals";
                if (lhsLatent && rhsLatent) return "lv.covariances";
                if (!lhsLatent && !rhsLatent) return "residual.covariances";
                return null;
            default: return null;
        }
    }

    /// <summary>
    /// Applies group.equal/group.partial to the expanded table (rows of group g at g·n .. g·n + n − 1, in the order of
    /// group 1). <paramref name="userLabelled"/>(i) tells whether row i of a group was labelled in the syntax.
    /// </summary>
    public static void Apply(List<ParameterRow> table, int n, int groups, VariableRoles roles, ModelOptions options,
        Func<int, bool> userLabelled)
    {
        if (groups < 2) return;
        var equal = ParseKeywords(options.GroupEqual);
        var partial = options.GroupPartial.Select(p => (Text: p, Parsed: ParsePartial(p))).ToList();
        CheckPartial(table, options.GroupPartial);
        if (equal.Count == 0) return;

        bool freeMeans = (equal.Contains("intercepts") || equal.Contains("thresholds")) && !equal.Contains("means");
        bool freeLvVariances = options.StdLv && equal.Contains("loadings") && !equal.Contains("lv.variances");
        // Ordered items with equal thresholds: the later groups' latent responses get their own scale — free scale
        // factors under delta, free residual variances under theta (lavaan).
        bool freeScales = equal.Contains("thresholds");
        var ordered = table.Where(r => r.Op == ModelOperator.Threshold).Select(r => r.Lhs).ToHashSet(StringComparer.Ordinal);
        bool theta = options.Parameterization == CategoricalParameterization.Theta;
        for (int g = 1; g < groups; g++)
        {
            for (int i = 0; i < n; i++)
            {
                var r = table[g * n + i];
                if (r.User || r.Free) continue;
                bool lvMean = freeMeans && r.Op == ModelOperator.Intercept && roles.IsLatent(r.Lhs);
                bool lvVar = freeLvVariances && r.IsVariance && roles.IsLatent(r.Lhs);
                bool scale = freeScales && ordered.Contains(r.Lhs) && (theta ? r.IsVariance : r.Op == ModelOperator.Scaling);
                if (lvMean || lvVar || scale) table[g * n + i] = r with { Free = true, Value = double.NaN };
            }
        }

        for (int i = 0; i < n; i++)
        {
            var first = table[i];
            if (userLabelled(i)) continue;
            if (KindOf(first, roles) is not { } kind || !equal.Contains(kind)) continue;
            if (partial.Any(p => first.Matches(p.Parsed.Lhs, p.Parsed.Op, p.Parsed.Rhs))) continue;
            if (!first.Free)
            {
                // Fixed in group 1 but freed above in a later group (theta: the residual variances of ordered items with
                // equal thresholds): equal to group 1 means fixed at its value, as lavaan (strict invariance under theta).
                for (int g = 1; g < groups; g++)
                {
                    var r = table[g * n + i];
                    if (r.Free && !r.User) table[g * n + i] = r with { Free = false, Value = first.Value };
                }
                continue;
            }
            string label = ".p" + first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
            for (int g = 0; g < groups; g++)
            {
                var r = table[g * n + i];
                if (r.Free) table[g * n + i] = r with { Label = label };
            }
        }
    }
}
