using SemLib.Syntax;

namespace SemLib.Specification;

/// <summary>
/// A typed way to write a model in C#, producing the same <see cref="ParsedModel"/> as the equivalent lavaan
/// syntax:
/// <code>
/// var model = new ModelBuilder()
///     .MeasuredBy("visual", "x1", "x2", "x3")
///     .MeasuredBy("textual", t => t.Add("x4").Add("x5", label: "a").Add("x6", label: "a"))
///     .Regression("textual", "visual")
///     .Covariance("x1", "x4")
///     .Define("twice", "2*a")
///     .Build();
/// </code>
/// </summary>
public sealed class ModelBuilder
{
    private readonly List<ModelStatement> _statements = [];

    /// <summary>Terms of one statement's right-hand side.</summary>
    public sealed class Terms
    {
        internal List<ModelTerm> Items { get; } = [];

        /// <summary>Adds a variable, optionally with a fixed value, a label, a start value or freed (<c>NA*</c>).</summary>
        public Terms Add(string name, double? fixedAt = null, string? label = null, double? start = null, bool free = false)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            if (fixedAt is not null && free) throw new ArgumentException("A term cannot be both fixed and freed.", nameof(free));
            var m = new TermModifiers
            {
                Fixed = fixedAt is double f ? [f] : free ? [double.NaN] : null,
                Labels = label is null ? null : [label],
                Start = start is double s ? [s] : null,
            };
            Items.Add(new ModelTerm(name, m, default));
            return this;
        }
    }

    /// <summary><c>latent =~ indicators</c>.</summary>
    public ModelBuilder MeasuredBy(string latent, params string[] indicators) =>
        Add(ModelOperator.MeasuredBy, latent, t => { foreach (var i in indicators) t.Add(i); });

    /// <summary><c>latent =~ ...</c> with modifiers on the indicators.</summary>
    public ModelBuilder MeasuredBy(string latent, Action<Terms> indicators) => Add(ModelOperator.MeasuredBy, latent, indicators);

    /// <summary><c>dependent ~ predictors</c>.</summary>
    public ModelBuilder Regression(string dependent, params string[] predictors) =>
        Add(ModelOperator.Regression, dependent, t => { foreach (var p in predictors) t.Add(p); });

    /// <summary><c>dependent ~ ...</c> with modifiers on the predictors.</summary>
    public ModelBuilder Regression(string dependent, Action<Terms> predictors) => Add(ModelOperator.Regression, dependent, predictors);

    /// <summary><c>a ~~ b</c> (a variance when a equals b), optionally fixed or labelled.</summary>
    public ModelBuilder Covariance(string a, string b, double? fixedAt = null, string? label = null, double? start = null) =>
        Add(ModelOperator.Covariance, a, t => t.Add(b, fixedAt, label, start));

    /// <summary><c>variable ~ 1</c>: an intercept or mean, optionally fixed or labelled.</summary>
    public ModelBuilder Intercept(string variable, double? fixedAt = null, string? label = null, bool free = false)
    {
        var t = new Terms().Add("1", fixedAt, label, null, free);
        _statements.Add(new ModelStatement(ModelOperator.Intercept, [variable], t.Items, null, null, default));
        return this;
    }

    /// <summary><c>name := formula</c>, the formula in lavaan's expression syntax (e.g. <c>"a*b"</c>).</summary>
    public ModelBuilder Define(string name, string formula)
    {
        var parsed = ModelSyntax.Parse($"{name} := {formula}").Statements[0];
        _statements.Add(parsed);
        return this;
    }

    /// <summary>An equality or inequality constraint written in lavaan syntax, e.g. <c>"a == b"</c>.</summary>
    public ModelBuilder Constrain(string constraint)
    {
        var parsed = ModelSyntax.Parse(constraint).Statements;
        if (parsed.Count != 1 || parsed[0].Operator is not (ModelOperator.Equal or ModelOperator.Less or ModelOperator.Greater))
            throw new ArgumentException($"{MessageText.Quote(constraint)} is not a constraint such as 'a == b'.", nameof(constraint));
        _statements.Add(parsed[0]);
        return this;
    }

    /// <summary>The model.</summary>
    public ParsedModel Build()
    {
        if (_statements.Count == 0) throw new InvalidOperationException("The model has no statements.");
        return new ParsedModel(_statements.ToList());
    }

    private ModelBuilder Add(ModelOperator op, string lhs, Action<Terms> terms)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lhs);
        var t = new Terms();
        terms(t);
        if (t.Items.Count == 0) throw new ArgumentException($"The statement for '{lhs}' has no terms.");
        _statements.Add(new ModelStatement(op, [lhs], t.Items, null, null, default));
        return this;
    }
}
