using SemLib.Syntax;
using SemLib.Results;

namespace SemLib.Specification;

/// <summary>
/// Builds the parameter table from parsed syntax the way lavaan's <c>lavaanify()</c> does for <c>sem()</c> and
/// <c>cfa()</c>: the written rows first, then default rows (variances of observed and latent variables,
/// covariances among exogenous factors and among pure outcomes, the moments of exogenous covariates, intercepts),
/// then marker loadings or unit factor variances, then the modifiers written in the syntax. Ordered indicators get
/// their thresholds and scale factors (<see cref="OrdinalRows"/>); under the theta parameterization the scale factors
/// are not parameters but follow from the model (1/√σ_ii), as lavaan reports them.
/// </summary>
internal static class ParameterTableBuilder
{
    private sealed class Flat
    {
        public required string Lhs;
        public required ModelOperator Op;
        public required string Rhs;
        public TermModifiers Modifiers = TermModifiers.None;
        public bool User;
        public SourceSpan Span;

        public bool Matches(string lhs, ModelOperator op, string rhs) => ParameterRow.SameRelation((Lhs, Op, Rhs), (lhs, op, rhs));
    }

    /// <summary>
    /// The observed variables of a model (in the order of the implied matrices) without building the table, so
    /// the data can be read before the number of groups — which group-specific modifiers must match — is known.
    /// </summary>
    public static IReadOnlyList<string> ObservedVariables(ParsedModel model) =>
        DeriveRoles(Flatten(model, [])).Observed;

    /// <summary>The roles of the written rows; names in a written <c>~~</c> or <c>~1</c> are not held fixed as covariates.</summary>
    private static VariableRoles DeriveRoles(List<Flat> user)
    {
        var userVarOrMean = new HashSet<string>(user.Where(u => u.Op is ModelOperator.Covariance or ModelOperator.Intercept)
            .SelectMany(u => new[] { u.Lhs, u.Rhs }).Where(n => n.Length > 0), StringComparer.Ordinal);
        return VariableRoles.Derive(user.Select(u => (u.Lhs, u.Op, u.Rhs)).ToList(), userVarOrMean);
    }

    /// <param name="model">The parsed syntax.</param>
    /// <param name="options">The options.</param>
    /// <param name="groups">Number of groups.</param>
    /// <param name="thresholdCounts">Per ordered variable its number of thresholds (categories in the data − 1); null
    /// to take them from the thresholds written in the syntax.</param>
    public static ParameterTable Build(ParsedModel model, ModelOptions options, int groups, IReadOnlyDictionary<string, int>? thresholdCounts = null)
    {
        if (groups < 1) throw new ArgumentOutOfRangeException(nameof(groups));
        var warnings = new List<FitWarning>();
        var user = Flatten(model, warnings);
        var defined = model.Statements.Where(s => s.Operator == ModelOperator.Defined).ToList();
        var constraints = model.Statements.Where(s => s.Operator is ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater).ToList();
        if (user.Count == 0)
            throw new SemLibException("The model has no measurement, regression or covariance statements; nothing can be estimated.");

        // The covariates (observed variables that are only predictors) get lavaan's default rows either way; fixed.x
        // decides whether those rows are fixed at the sample moments, and only then are they exogenous in the roles.
        var covariateRoles = DeriveRoles(user);
        var roles = options.FixedXInEffect ? covariateRoles : covariateRoles with { ObservedExogenous = [] };
        var ordered = OrdinalRows.OrderedVariables(roles.Observed, user.Select(u => (u.Lhs, u.Op)), options);
        var orderedSet = new HashSet<string>(ordered, StringComparer.Ordinal);
        // lavaan fits ordered items with a mean structure (thresholds and intercepts), whatever meanstructure says.
        bool meanStructure = options.MeanStructureFor(groups) || user.Any(u => u.Op == ModelOperator.Intercept) || ordered.Count > 0;
        if (options.MeanStructure == false && Data.MissingPolicyFacts.IsFullInformation(options.Missing))
            warnings.Add(new(FitWarningKind.MissingData, $"missing = {options.Missing} (full-information ML) needs the means, so the mean structure is estimated although it was switched off (as lavaan: \"missing argument forces meanstructure = TRUE\")."));
        bool sem = options.Kind == ModelKind.Sem;

        var rows = new List<Flat>(user);
        if (ordered.Count > 0)
        {
            var counts = OrdinalRows.ThresholdCounts(ordered, user.Select(u => (u.Lhs, u.Op, u.Rhs)), thresholdCounts);
            var thresholds = new List<(string, ModelOperator, string)>();
            foreach (var v in ordered)
                for (int k = 1; k <= counts[v]; k++) thresholds.Add((v, ModelOperator.Threshold, OrdinalRows.ThresholdName(k)));
            // The written thresholds keep their modifiers; the rest follow in order, all before the default rows, as lavaan lists them.
            var written = rows.Where(r => r.Op == ModelOperator.Threshold).ToList();
            rows.RemoveAll(r => r.Op == ModelOperator.Threshold);
            foreach (var (lhs, op, rhs) in thresholds)
                rows.Add(written.FirstOrDefault(w => w.Lhs == lhs && w.Rhs == rhs) ?? new Flat { Lhs = lhs, Op = op, Rhs = rhs, User = false });
        }
        if (sem) AddDefaults(rows, covariateRoles, meanStructure);
        else if (options.FixedXInEffect) AddExogenousDefaults(rows, roles, meanStructure);
        if (ordered.Count > 0)
        {
            // The scale factors come before the intercepts and means, where lavaan lists them.
            int at = rows.FindIndex(r => !r.User && r.Op == ModelOperator.Intercept);
            var scales = ordered.Where(v => !rows.Any(r => r.Matches(v, ModelOperator.Scaling, v)))
                .Select(v => new Flat { Lhs = v, Op = ModelOperator.Scaling, Rhs = v, User = false }).ToList();
            rows.InsertRange(at < 0 ? rows.Count : at, scales);
        }

        // Per-row free/fixed state, applied in lavaan's order (lav_partable_flat).
        int n = rows.Count;
        var free = Enumerable.Repeat(true, n).ToArray();
        var value = Enumerable.Repeat(double.NaN, n).ToArray();
        var exo = new bool[n];
        if (sem)
        {
            for (int i = 0; i < n; i++)
            {
                var r = rows[i];
                bool lvVar = r.Op == ModelOperator.Covariance && r.Lhs == r.Rhs && roles.IsLatent(r.Lhs);
                if (options.StdLv && lvVar) Fix(i, 1.0);
                if (options.Orthogonal && !r.User && r.Op == ModelOperator.Covariance && r.Lhs != r.Rhs && roles.IsLatent(r.Lhs) && roles.IsLatent(r.Rhs))
                    Fix(i, 0.0);
                if (meanStructure && !r.User && r.Op == ModelOperator.Intercept && roles.IsLatent(r.Lhs)) Fix(i, 0.0);
            }
            if (!options.StdLv)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < n; i++)
                    if (rows[i].Op == ModelOperator.MeasuredBy && seen.Add(rows[i].Lhs)) Fix(i, 1.0);
            }
            FixSingleIndicatorResiduals(rows, roles, Fix);
        }
        for (int i = 0; i < n && ordered.Count > 0; i++)
        {
            // Ordered items: the intercept is 0, the scale factor (delta) or the residual variance (theta) is 1 — the
            // latent response's location and scale — and under delta the residual variance is not a parameter.
            var r = rows[i];
            if (!orderedSet.Contains(r.Lhs)) continue;
            if (r.Op == ModelOperator.Intercept || (r.Op == ModelOperator.Scaling && !r.User) || (r.Op == ModelOperator.Covariance && r.Lhs == r.Rhs && !r.User))
                Fix(i, r.Op == ModelOperator.Intercept ? 0.0 : 1.0);
        }
        if (options.FixedXInEffect)
        {
            for (int i = 0; i < n; i++)
            {
                var r = rows[i];
                if (r.User) continue;
                bool exoCov = r.Op == ModelOperator.Covariance && roles.ObservedExogenous.Contains(r.Lhs) && roles.ObservedExogenous.Contains(r.Rhs);
                bool exoMean = r.Op == ModelOperator.Intercept && roles.ObservedExogenous.Contains(r.Lhs);
                if (exoCov || exoMean)
                {
                    free[i] = false;
                    value[i] = double.NaN;
                    exo[i] = true;
                }
            }
        }

        // The written modifiers give one value, or one per group; one label on a parameter of several groups
        // makes it equal across them.
        var shared = new List<(string Label, string Name)>();
        foreach (var r in rows)
        {
            CheckModifierLength(r.Modifiers, groups, r);
            if (groups > 1 && r.Modifiers.Labels is [{ Length: > 0 } label])
                shared.Add((label, $"{MessageText.Truncate(r.Lhs)}{r.Op.ToLavaan()}{MessageText.Truncate(r.Rhs)}"));
        }
        warnings.AddRange(Specification(shared,
            l => $"The label {MessageText.Quote(l.Label)} on {l.Name} is used in every group, so that parameter is constrained equal across groups; give one label per group with c(...) if that is not intended.",
            (n, names) => $"{MessageText.Count(n)} parameters have one label for every group ({names}), so each is constrained equal across groups; give one label per group with c(...) if that is not intended.",
            l => l.Name));

        // Expand over groups and apply the written modifiers.
        var table = new List<ParameterRow>();
        for (int g = 0; g < groups; g++)
        {
            for (int i = 0; i < n; i++)
            {
                var r = rows[i];
                var m = r.Modifiers;
                bool isFree = free[i];
                double v = value[i];
                if (m.FreedFor(g))
                {
                    isFree = true;
                    v = double.NaN;
                }
                else if (m.FixedFor(g) is double fv)
                {
                    isFree = false;
                    v = fv;
                }
                table.Add(new ParameterRow
                {
                    Id = table.Count + 1,
                    Lhs = r.Lhs,
                    Op = r.Op,
                    Rhs = r.Rhs,
                    Group = g + 1,
                    User = r.User,
                    Free = isFree,
                    Value = isFree ? double.NaN : v,
                    Start = m.StartFor(g) ?? double.NaN,
                    Label = m.LabelFor(g),
                    Exogenous = exo[i] && m.Fixed is null,
                    Span = r.Span,
                });
            }
        }

        GroupEquality.Apply(table, n, groups, roles, options, i => rows[i].Modifiers.Labels?.Any(l => l.Length > 0) == true);
        ApplyLabelEqualities(table, warnings);
        if (ResolveParameterReferences(table, i => rows[i % n].Modifiers.LabelsFromEqual, groups))
            ApplyLabelEqualities(table, warnings); // a row fixed by its reference passes that on to its label's other rows
        CheckLabels(table, roles, defined, constraints);

        foreach (var d in defined)
        {
            table.Add(new ParameterRow
            {
                Id = table.Count + 1,
                Lhs = d.Lhs[0],
                Op = ModelOperator.Defined,
                Rhs = d.Right!.ToString(),
                Group = 0,
                User = true,
                Free = false,
                Label = d.Lhs[0],
                Formula = d.Right,
                Span = d.Span,
            });
        }
        foreach (var c in constraints)
        {
            table.Add(new ParameterRow
            {
                Id = table.Count + 1,
                Lhs = c.Left!.ToString(),
                Op = c.Operator,
                Rhs = c.Right!.ToString(),
                Group = 0,
                User = true,
                Free = false,
                ConstraintLeft = c.Left,
                Formula = c.Right,
                Span = c.Span,
            });
        }
        return new ParameterTable(model, table, roles, groups, meanStructure, warnings)
        {
            Ordered = ordered,
            Parameterization = options.Parameterization,
        };

        void Fix(int i, double v)
        {
            free[i] = false;
            value[i] = v;
        }
    }

    private static List<Flat> Flatten(ParsedModel model, List<FitWarning> warnings)
    {
        var rows = new List<Flat>();
        var repeated = new List<(string Name, SourceSpan First, SourceSpan Again)>();
        var replaced = new List<(string Name, SourceSpan First, SourceSpan Again)>();
        foreach (var s in model.Statements)
        {
            if (s.Operator is ModelOperator.Defined or ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater) continue;
            foreach (var lhs in s.Lhs)
            {
                foreach (var t in s.Terms)
                {
                    string rhs = s.Operator == ModelOperator.Intercept ? "" : t.Name;
                    if (s.Operator == ModelOperator.MeasuredBy && rhs == lhs)
                        throw Error(t.Span, $"The latent variable {MessageText.Quote(lhs)} cannot be an indicator of itself.");
                    if (s.Operator == ModelOperator.Regression && rhs == lhs)
                        throw Error(t.Span, $"{MessageText.Quote(lhs)} cannot be regressed on itself.");
                    var existing = rows.FirstOrDefault(r => r.Matches(lhs, s.Operator, rhs));
                    if (existing is not null)
                    {
                        string name = $"{MessageText.Truncate(lhs)}{s.Operator.ToLavaan()}{MessageText.Truncate(rhs)}";
                        if (t.Modifiers.IsEmpty) repeated.Add((name, existing.Span, t.Span));
                        else if (Overrides(existing.Modifiers, t.Modifiers)) replaced.Add((name, existing.Span, t.Span));
                        existing.Modifiers = existing.Modifiers.Merge(t.Modifiers);
                        continue;
                    }
                    rows.Add(new Flat { Lhs = lhs, Op = s.Operator, Rhs = rhs, Modifiers = t.Modifiers, User = true, Span = t.Span });
                }
            }
        }
        // A few repeats are warned about one by one; many (a generated model) in one warning each kind.
        warnings.AddRange(Specification(repeated,
            r => $"{r.Name} is written twice ({r.First} and {r.Again}); it is one parameter.",
            (n, names) => $"{MessageText.Count(n)} terms repeat a parameter written before them ({names}); each parameter is one parameter however often it is written.",
            r => r.Name));
        warnings.AddRange(Specification(replaced,
            r => $"{r.Name} is written twice ({r.First} and {r.Again}) with different modifiers; it is one parameter and the later modifiers replace the earlier ones.",
            (n, names) => $"{MessageText.Count(n)} terms repeat a parameter with different modifiers ({names}); each is one parameter and the later modifiers replace the earlier ones.",
            r => r.Name));
        return rows;
    }

    /// <summary>True when <paramref name="later"/> changes a fixed value, label or start value that <paramref name="earlier"/> set.</summary>
    private static bool Overrides(TermModifiers earlier, TermModifiers later) =>
        Differs(earlier.Fixed, later.Fixed) || Differs(earlier.Labels, later.Labels) || Differs(earlier.Start, later.Start);

    private static bool Differs<T>(IReadOnlyList<T>? earlier, IReadOnlyList<T>? later) =>
        earlier is not null && later is not null && !earlier.SequenceEqual(later);

    private static void AddDefaults(List<Flat> rows, VariableRoles roles, bool meanStructure)
    {
        var defaults = new List<(string, ModelOperator, string)>();
        foreach (var v in roles.ObservedNotExogenous) defaults.Add((v, ModelOperator.Covariance, v));
        foreach (var v in roles.Latent) defaults.Add((v, ModelOperator.Covariance, v));
        AddPairs(defaults, roles.LatentExogenous);
        AddPairs(defaults, roles.PureOutcomes);
        AddExogenousPairs(defaults, roles.ObservedExogenous);
        if (meanStructure)
        {
            foreach (var v in roles.Observed) defaults.Add((v, ModelOperator.Intercept, ""));
            foreach (var v in roles.Latent) defaults.Add((v, ModelOperator.Intercept, ""));
        }
        AppendMissing(rows, defaults);
    }

    private static void AddExogenousDefaults(List<Flat> rows, VariableRoles roles, bool meanStructure)
    {
        var defaults = new List<(string, ModelOperator, string)>();
        AddExogenousPairs(defaults, roles.ObservedExogenous);
        if (meanStructure)
            foreach (var v in roles.ObservedExogenous) defaults.Add((v, ModelOperator.Intercept, ""));
        AppendMissing(rows, defaults);
    }

    private static void AddPairs(List<(string, ModelOperator, string)> defaults, IReadOnlyList<string> names)
    {
        for (int i = 0; i < names.Count; i++)
            for (int j = i + 1; j < names.Count; j++)
                defaults.Add((names[i], ModelOperator.Covariance, names[j]));
    }

    /// <summary>The lower triangle with diagonal, column by column, as lavaan lists exogenous covariates.</summary>
    private static void AddExogenousPairs(List<(string, ModelOperator, string)> defaults, IReadOnlyList<string> names)
    {
        for (int j = 0; j < names.Count; j++)
            for (int i = j; i < names.Count; i++)
                defaults.Add((names[j], ModelOperator.Covariance, names[i]));
    }

    private static void AppendMissing(List<Flat> rows, List<(string Lhs, ModelOperator Op, string Rhs)> defaults)
    {
        foreach (var (lhs, op, rhs) in defaults)
        {
            if (!rows.Any(r => r.Matches(lhs, op, rhs))) rows.Add(new Flat { Lhs = lhs, Op = op, Rhs = rhs, User = false });
        }
    }

    /// <summary>lavaan's auto.fix.single: the residual variance of the only indicator of a factor is fixed to zero.</summary>
    private static void FixSingleIndicatorResiduals(List<Flat> rows, VariableRoles roles, Action<int, double> fix)
    {
        var loadings = rows.Where(r => r.Op == ModelOperator.MeasuredBy).ToList();
        foreach (var lv in roles.Latent)
        {
            var mine = loadings.Where(l => l.Lhs == lv).ToList();
            if (mine.Count != 1) continue;
            string ind = mine[0].Rhs;
            if (roles.IsLatent(ind) || loadings.Count(l => l.Rhs == ind) != 1) continue;
            for (int i = 0; i < rows.Count; i++)
                if (!rows[i].User && rows[i].Op == ModelOperator.Covariance && rows[i].Lhs == ind && rows[i].Rhs == ind)
                    fix(i, 0.0);
        }
    }

    private static void CheckModifierLength(TermModifiers m, int groups, Flat r)
    {
        void Check(int? count, string what)
        {
            if (count is int c && c != 1 && c != groups)
                throw Error(r.Span, $"The {what} modifier of {MessageText.Truncate(r.Lhs)}{r.Op.ToLavaan()}{MessageText.Truncate(r.Rhs)} has {c} values but the model has {groups} group{(groups == 1 ? "" : "s")}.");
        }
        Check(m.Fixed?.Count, "fixed-value");
        Check(m.Labels?.Count, "label");
        Check(m.Start?.Count, "start");
    }

    /// <summary>
    /// <see cref="MessageText.Collapse"/> as <see cref="FitWarningKind.ModelSpecification"/> warnings: each names its
    /// parameter, and the one warning about many names them all.
    /// </summary>
    private static IEnumerable<FitWarning> Specification<T>(IReadOnlyList<T> items, Func<T, string> one, Func<int, string, string> many,
        Func<T, string> name)
    {
        var messages = MessageText.Collapse(items, one, many, name);
        return messages.Count == items.Count
            ? messages.Select((m, i) => new FitWarning(FitWarningKind.ModelSpecification, m, [name(items[i])]))
            : messages.Select(m => new FitWarning(FitWarningKind.ModelSpecification, m, items.Select(name).Distinct(StringComparer.Ordinal).ToList()));
    }

    /// <summary>Parameters that share a label are one parameter; when one of them is fixed, all are fixed to that value.</summary>
    private static void ApplyLabelEqualities(List<ParameterRow> table, List<FitWarning> warnings)
    {
        var byLabel = Enumerable.Range(0, table.Count).Where(i => table[i].Label.Length > 0).GroupBy(i => table[i].Label, StringComparer.Ordinal);
        foreach (var members in byLabel)
        {
            var fixedOne = members.Select(i => table[i]).FirstOrDefault(r => !r.Free);
            if (fixedOne is null || members.Count() < 2) continue;
            if (members.Any(i => !table[i].Free && !table[i].Value.Equals(fixedOne.Value)))
                warnings.Add(new FitWarning(FitWarningKind.ModelSpecification,
                    $"Parameters labelled '{members.Key}' are fixed to different values; all now take {fixedOne.Value}.",
                    members.Select(i => table[i].Name).Distinct(StringComparer.Ordinal).ToList()));
            foreach (int i in members) table[i] = table[i] with { Free = false, Value = fixedOne.Value, Exogenous = false };
        }
    }

    /// <summary>
    /// lavaan's parameter names as labels: a label that reads <c>lhs op rhs</c> (<c>visual=~x2</c>, <c>x1~1</c>; with
    /// <c>.g2</c>, <c>.g3</c>, ... appended for a later group, else group 1) makes the row equal to that parameter — set
    /// as <see cref="ParameterRow.EqualTo"/>, or, when either of the two is fixed, both fixed to that value. A label
    /// written with <c>equal()</c> must name a parameter or a label of another parameter. True when a row was fixed.
    /// </summary>
    /// <remarks><c>fromEqual(i)</c> tells whether the label of table row i was written with <c>equal()</c>.</remarks>
    private static bool ResolveParameterReferences(List<ParameterRow> table, Func<int, bool> fromEqual, int groups)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < table.Count; i++)
        {
            var r = table[i];
            string suffix = r.Group > 1 ? ".g" + r.Group.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            byName.TryAdd(r.Name + suffix, i);
            if (r.IsCovariance && r.Lhs != r.Rhs) byName.TryAdd(r.Rhs + "~~" + r.Lhs + suffix, i);
        }
        bool changed = false;
        for (int i = 0; i < table.Count; i++)
        {
            var r = table[i];
            if (r.Label.Length == 0) continue;
            bool named = byName.TryGetValue(r.Label, out int j);
            if (!named || j == i)
            {
                if (fromEqual(i) && !named && !table.Any(o => o.Label == r.Label && !o.Matches(r.Lhs, r.Op, r.Rhs)))
                    throw Error(r.Span, $"equal(\"{r.Label}\") on {r.Name}{(groups > 1 ? $" (group {r.Group})" : "")}: the model has no parameter {r.Label} and no other parameter labelled '{r.Label}'; name a parameter as lhs op rhs (e.g. equal(\"visual=~x2\"), with .g2 for group 2) or a label used elsewhere.");
                continue;
            }
            var target = table[j];
            if (!r.Free || !target.Free)
            {
                double v = !target.Free ? target.Value : r.Value;
                if (r.Free || r.Value != v) changed = true;
                table[i] = r with { Free = false, Value = v, Exogenous = false };
                table[j] = target with { Free = false, Value = v, Exogenous = false };
            }
            else
            {
                table[i] = r with { EqualTo = target.Id };
            }
        }
        return changed;
    }

    private static void CheckLabels(List<ParameterRow> table, VariableRoles roles, List<ModelStatement> defined, List<ModelStatement> constraints)
    {
        var labels = new HashSet<string>(table.Where(r => r.Label.Length > 0).Select(r => r.Label), StringComparer.Ordinal);
        var variables = new HashSet<string>(roles.Observed.Concat(roles.Latent), StringComparer.Ordinal);
        foreach (var r in table.Where(r => r.Label.Length > 0 && variables.Contains(r.Label)))
            throw Error(r.Span, $"The label '{r.Label}' is also the name of a variable; use a different label.");
        var known = new HashSet<string>(labels, StringComparer.Ordinal);
        foreach (var d in defined)
        {
            string name = d.Lhs[0];
            if (variables.Contains(name)) throw Error(d.Span, $"The defined parameter '{name}' has the name of a variable.");
            if (labels.Contains(name)) throw Error(d.Span, $"The defined parameter '{name}' has the name of a parameter label.");
            if (known.Contains(name)) throw Error(d.Span, $"The defined parameter '{name}' is defined twice.");
            CheckNames(d.Right!, known, $"the definition of '{name}'");
            known.Add(name);
        }
        foreach (var c in constraints)
        {
            CheckNames(c.Left!, known, "the constraint");
            CheckNames(c.Right!, known, "the constraint");
        }
    }

    private static void CheckNames(Expression e, HashSet<string> known, string where)
    {
        foreach (var name in e.Names())
        {
            if (!known.Contains(name))
            {
                var span = FindSpan(e, name);
                throw Error(span, $"'{name}' in {where} is not a parameter label or an earlier defined parameter.");
            }
        }
    }

    private static SourceSpan FindSpan(Expression e, string name) => e switch
    {
        NameExpression n when n.Name == name => n.Span,
        UnaryExpression u => FindSpan(u.Operand, name),
        BinaryExpression b => b.Left.Names().Contains(name) ? FindSpan(b.Left, name) : FindSpan(b.Right, name),
        CallExpression c => c.Arguments.Where(a => a.Names().Contains(name)).Select(a => FindSpan(a, name)).FirstOrDefault(e.Span),
        _ => e.Span,
    };

    private static ModelSyntaxException Error(SourceSpan span, string message) =>
        new([new SyntaxDiagnostic(span, message)]);
}
