using SemLib.Data;
using SemLib.Reliability;
using SemLib.Syntax;

namespace SemLib.CommonMethod;

/// <summary>
/// Common-method-bias checks of a measurement model (traits =~ items), after Podsakoff, MacKenzie, Lee &amp; Podsakoff
/// (2003, J. Applied Psychology 88(5), 879–903):
/// <list type="bullet">
/// <item>Harman's single-factor test: the first unrotated principal component's share of variance, and the one-factor
/// CFA against the measurement model;</item>
/// <item>the common latent factor (unmeasured latent method factor) with one equality-constrained loading;</item>
/// <item>with marker items, the CFA marker technique of Williams, Hartman &amp; Cavazotte (2010).</item>
/// </list>
/// The fits are independent and run in parallel; each is deterministic, so the results do not depend on the number of
/// threads.
/// <code>
/// var r = MethodBias.Run("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", data);
/// Console.WriteLine(r.Harman.FirstComponentShare);
/// </code>
/// </summary>
public static partial class MethodBias
{
    /// <summary>Runs the checks.</summary>
    /// <param name="model">The measurement model in lavaan syntax (at least one latent variable and four items).</param>
    /// <param name="data">The raw data: the items (and marker items) are columns.</param>
    /// <param name="options">Fit options and marker items.</param>
    /// <exception cref="ModelSyntaxException">The syntax cannot be read.</exception>
    /// <exception cref="SemLibException">The checks cannot be done: no latent variable, too few items, a marker item
    /// missing from the data or also in the model, an item that is not numeric or constant.</exception>
    public static MethodBiasResult Run(string model, DataSet data, MethodBiasOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        options ??= MethodBiasOptions.Default;
        if (!(options.Alpha > 0 && options.Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(options), options.Alpha, "The significance level must be between 0 and 1.");
        var parsed = ModelSyntax.Parse(model);
        var traits = parsed.LatentVariables;
        if (traits.Count == 0)
            throw new SemLibException("The measurement model has no latent variables (no '=~' statement); the method-bias checks need traits measured by items, e.g. 'trait =~ item1 + item2 + item3'.");
        var items = ItemsOf(parsed);
        if (items.Count < MinItems)
            throw new SemLibException($"The measurement model has {items.Count} item{(items.Count == 1 ? "" : "s")} ({MessageText.List(items)}); the method-bias checks need at least {MinItems} (the common latent factor model must have positive degrees of freedom).");
        if (options.Fit.Group is not null)
            throw new SemLibException($"The method-bias checks are for one group; fit options name the group column {MessageText.Quote(options.Fit.Group)}. Run them per group (on each group's rows).");
        var markers = CheckMarkers(options.Markers, ModelNames(parsed), data);

        // Harman's first component: listwise correlations of the items, as the reliability module computes them.
        var itemData = ItemData.From(data, items, "the method-bias analysis", MinItems);
        var (r, completeRows) = itemData.ListwiseCorrelation();
        double share = Stats.EigenvaluesDescending(r)[0] / items.Count;

        var names = new NameSource(parsed, data);
        string single = $"{names.Latent("general")} =~ {string.Join(" + ", items)}";
        string methodName = names.Latent("method");
        string clf = CommonLatentFactorSyntax(model, items, traits, methodName, names.Label("m"));
        var fits = FitAll(data, options.Fit, [("the measurement model", model), ("the one-factor model", single), ("the common latent factor model", clf)], options.MaxDegreeOfParallelism);
        var (measurement, oneFactor, clfFit) = (fits[0], fits[1], fits[2]);

        var warnings = new List<string>();
        AddWarnings(warnings, "measurement model", measurement);
        AddWarnings(warnings, "one-factor model", oneFactor);
        AddWarnings(warnings, "common latent factor model", clfFit);

        var harman = new HarmanTest(share, completeRows, ModelFitSummary.From(oneFactor), Compare(measurement, oneFactor, warnings, "one-factor"));
        var clfResult = CommonLatentFactorResult(clf, clfFit, measurement, methodName, items, warnings);
        var marker = markers.Count == 0 ? null
            : RunMarker(model, items, traits, markers, data, options, names, warnings);
        var result = new MethodBiasResult(model, items, traits, harman, ModelFitSummary.From(measurement), clfResult, marker, [], warnings);
        result = result with { Alpha = options.Alpha };
        return result with { Verdicts = MethodBiasVerdicts.For(result, options.Alpha) };
    }

    /// <summary>The fewest items the checks accept.</summary>
    public const int MinItems = 4;

    /// <summary>The observed indicators of the model's latent variables, in order of first appearance.</summary>
    internal static IReadOnlyList<string> ItemsOf(ParsedModel model)
    {
        var latent = model.LatentVariables.ToHashSet(StringComparer.Ordinal);
        return model.Statements.Where(s => s.Operator == ModelOperator.MeasuredBy)
            .SelectMany(s => s.Terms).Select(t => t.Name).Where(n => !latent.Contains(n)).Distinct().ToList();
    }

    /// <summary>Every variable name the model uses (items, traits, covariates).</summary>
    private static HashSet<string> ModelNames(ParsedModel model) =>
        model.Statements.SelectMany(s => s.Lhs.Concat(s.Terms.Select(t => t.Name))).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyList<string> CheckMarkers(IReadOnlyList<string> markers, HashSet<string> modelNames, DataSet data)
    {
        ArgumentNullException.ThrowIfNull(markers);
        if (markers.Count == 0) return [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in markers)
        {
            if (string.IsNullOrWhiteSpace(m)) throw new SemLibException("A marker item has an empty name.");
            if (!seen.Add(m)) throw new SemLibException($"The marker item {MessageText.Quote(m)} is named twice.");
            if (modelNames.Contains(m))
                throw new SemLibException($"The marker item {MessageText.Quote(m)} is also in the measurement model; a marker must be an item theoretically unrelated to the traits, measured in the same survey but not part of the model.");
            if (!data.Contains(m))
                throw new SemLibException($"The marker item {MessageText.Quote(m)} is not a column of {data.Source} (columns are: {MessageText.List(data.Names)}).");
        }
        if (markers.Count < 2)
            throw new SemLibException($"The marker technique needs at least two marker items (got {MessageText.Quote(markers[0])}); with one, the marker factor's loading and residual variance are not identified.");
        ItemData.From(data, markers, "the marker items", 2); // numeric, observed, not constant
        return markers.ToList();
    }

    /// <summary>The model plus the method factor: one labelled (hence equal) loading on every item, variance 1, orthogonal to the traits.</summary>
    internal static string CommonLatentFactorSyntax(string model, IReadOnlyList<string> items, IReadOnlyList<string> traits, string method, string label) =>
        model + "\n" + $"{method} =~ NA*{items[0]} + " + string.Join(" + ", items.Select(i => $"{label}*{i}")) + "\n"
        + $"{method} ~~ 1*{method}\n" + $"{method} ~~ " + string.Join(" + ", traits.Select(t => $"0*{t}"));

    private static CommonLatentFactor CommonLatentFactorResult(string syntax, SemFit fit, SemFit measurement, string method,
        IReadOnlyList<string> items, List<string> warnings)
    {
        var test = Compare(measurement, fit, warnings, "common latent factor");
        if (!fit.Converged) return new CommonLatentFactor(syntax, ModelFitSummary.From(fit), test, null, null);
        var loadings = items.Select(i => fit.Parameter(method, ModelOperator.MeasuredBy, i)!).ToList();
        double share = loadings.Average(l => l.StdAll is { } s ? s * s : double.NaN);
        return new CommonLatentFactor(syntax, ModelFitSummary.From(fit), test, loadings[0].Estimate, double.IsNaN(share) ? null : share);
    }

    /// <summary>Fits the models in parallel (each fit is deterministic and independent of the others).</summary>
    internal static SemFit[] FitAll(DataSet data, Specification.ModelOptions options, IReadOnlyList<(string Name, string Syntax)> models, int? threads)
    {
        var fits = new SemFit[models.Count];
        var errors = new Exception?[models.Count];
        var po = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, models.Count, po, i =>
        {
            try
            {
                fits[i] = FitOne(models[i].Name, models[i].Syntax, data, options);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });
        // The failure of the first model in order, whichever thread failed first: the same message at any thread count.
        if (errors.FirstOrDefault(e => e is not null) is { } first)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        return fits;
    }

    /// <summary>Fits one model; a model that cannot be estimated at all (df &lt; 0, ...) is named in the message.</summary>
    internal static SemFit FitOne(string name, string syntax, DataSet data, Specification.ModelOptions options)
    {
        try
        {
            return Sem.Fit(syntax, data, options);
        }
        catch (SemLibException e) when (e is not ModelSyntaxException)
        {
            throw new SemLibException($"{ItemData.Capital(name)}: {e.Message}", e);
        }
    }

    /// <summary>lavTestLRT of two nested fits; unavailable (with a warning) when one did not converge.</summary>
    internal static NestedModelTest Compare(SemFit less, SemFit more, List<string> warnings, string what)
    {
        if (!less.Converged || !more.Converged)
        {
            warnings.Add($"The {what} difference test was not done: a model did not converge.");
            return NestedModelTest.Unavailable;
        }
        var rows = ModelComparison.ChiSquareDifference([less, more]);
        var last = rows[^1];
        return new NestedModelTest(last.ChiSquareDifference, last.DfDifference, last.PValue);
    }

    private static void AddWarnings(List<string> warnings, string what, SemFit fit)
    {
        if (!fit.Converged && !fit.Warnings.Any(w => w.Kind == Results.FitWarningKind.NotConverged))
            warnings.Add($"The {what} did not converge after {fit.Iterations} iterations; its fit is not reported.");
        foreach (var w in fit.Warnings)
        {
            // Dropped rows are the same for every model of the same variables: said once, without a model's name.
            if (w.Kind == Results.FitWarningKind.RowsDropped) { if (!warnings.Contains(w.Message)) warnings.Add(w.Message); }
            else warnings.Add($"{ItemData.Capital(what)}: {w.Message}");
        }
    }
}
