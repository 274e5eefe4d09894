using System.Globalization;
using SemLib.Data;
using SemLib.Syntax;

namespace SemLib.CommonMethod;

public static partial class MethodBias
{
    /// <summary>The CFA marker technique (see <see cref="MarkerTechnique"/> for the model sequence).</summary>
    private static MarkerTechnique RunMarker(string model, IReadOnlyList<string> items, IReadOnlyList<string> traits,
        IReadOnlyList<string> markers, DataSet data, MethodBiasOptions options, NameSource names, List<string> warnings)
    {
        var fitOptions = options.Fit with { StdLv = true };
        string m = names.Latent("M");
        string label = names.Label("mc");
        string cfaSyntax = model + "\n" + $"{m} =~ {string.Join(" + ", markers)}";
        var cfa = FitOne("the marker CFA model", cfaSyntax, data, fitOptions);
        AddWarnings(warnings, "marker CFA model", cfa);
        if (!cfa.Converged)
            throw new SemLibException($"The marker CFA model (the traits and a marker factor measured by {MessageText.List(markers)}) did not converge after {cfa.Iterations} iterations; the marker technique needs its marker loadings and residual variances.");
        var loadings = markers.ToDictionary(k => k, k => cfa.Parameter(m, ModelOperator.MeasuredBy, k)!.Estimate, StringComparer.Ordinal);
        var residuals = markers.ToDictionary(k => k, k => cfa.Parameter(k, ModelOperator.Covariance, k)!.Estimate, StringComparer.Ordinal);

        string baseline = model + "\n"
            + $"{m} =~ {string.Join(" + ", markers.Select(k => $"{Number(loadings[k])}*{k}"))}\n"
            + string.Join("\n", markers.Select(k => $"{k} ~~ {Number(residuals[k])}*{k}")) + "\n"
            + $"{m} ~~ {string.Join(" + ", traits.Select(t => $"0*{t}"))}";
        string methodC = baseline + "\n" + $"{m} =~ {string.Join(" + ", items.Select(i => $"{label}*{i}"))}";
        string methodU = baseline + "\n" + $"{m} =~ {string.Join(" + ", items)}";
        var fits = FitAll(data, fitOptions, [("the marker baseline model", baseline), ("the Method-C model", methodC), ("the Method-U model", methodU)], options.MaxDegreeOfParallelism);
        var (baseFit, cFit, uFit) = (fits[0], fits[1], fits[2]);
        AddWarnings(warnings, "marker baseline model", baseFit);
        AddWarnings(warnings, "Method-C model", cFit);
        AddWarnings(warnings, "Method-U model", uFit);

        var baseVsC = Compare(cFit, baseFit, warnings, "baseline vs Method-C");
        var cVsU = Compare(uFit, cFit, warnings, "Method-C vs Method-U");
        bool acceptU = cVsU.SignificantAt(options.Alpha);
        var (acceptedSyntax, acceptedFit) = acceptU ? (methodU, uFit) : (methodC, cFit);

        var restricted = new List<string>();
        if (baseFit.Converged)
        {
            for (int a = 0; a < traits.Count; a++)
                for (int b = a + 1; b < traits.Count; b++)
                {
                    var phi = baseFit.Parameter(traits[a], ModelOperator.Covariance, traits[b]) ?? baseFit.Parameter(traits[b], ModelOperator.Covariance, traits[a]);
                    if (phi is not null) restricted.Add($"{traits[a]} ~~ {Number(phi.Estimate)}*{traits[b]}");
                }
        }
        ModelFitSummary rSummary;
        NestedModelTest accVsR;
        if (!baseFit.Converged || restricted.Count == 0)
        {
            warnings.Add(restricted.Count == 0 && baseFit.Converged
                ? "Method-R was not fitted: the model has no trait correlations to restrict."
                : "Method-R was not fitted: the baseline model did not converge.");
            rSummary = ModelFitSummary.None;
            accVsR = NestedModelTest.Unavailable;
        }
        else
        {
            var rFit = FitOne("the Method-R model", acceptedSyntax + "\n" + string.Join("\n", restricted), data, fitOptions);
            AddWarnings(warnings, "Method-R model", rFit);
            rSummary = ModelFitSummary.From(rFit);
            accVsR = Compare(acceptedFit, rFit, warnings, "accepted method model vs Method-R");
        }

        double? cLoading = cFit.Converged ? cFit.Parameter(m, ModelOperator.MeasuredBy, items[0])!.Estimate : null;
        var reliability = acceptedFit.Converged ? Decompose(acceptedFit, model, traits, m) : [];
        return new MarkerTechnique(markers, loadings, residuals, ModelFitSummary.From(cfa), ModelFitSummary.From(baseFit),
            ModelFitSummary.From(cFit), ModelFitSummary.From(uFit), rSummary, cLoading, baseVsC, cVsU, acceptU, accVsR, reliability);
    }

    /// <summary>The reliability decomposition of each trait (see <see cref="MarkerReliability"/>).</summary>
    private static List<MarkerReliability> Decompose(SemFit fit, string model, IReadOnlyList<string> traits, string m)
    {
        var parsed = ModelSyntax.Parse(model);
        var result = new List<MarkerReliability>();
        foreach (var t in traits)
        {
            var its = parsed.Statements.Where(s => s.Operator == ModelOperator.MeasuredBy && s.Lhs.Contains(t))
                .SelectMany(s => s.Terms).Select(x => x.Name).Distinct().Where(n => !traits.Contains(n)).ToList();
            if (its.Count == 0) continue; // a higher-order factor: no indicators of its own
            double st = 0, sm = 0, th = 0;
            var rows = new List<MarkerItemReliability>();
            foreach (var i in its)
            {
                double lt = fit.Parameter(t, ModelOperator.MeasuredBy, i)?.StdAll ?? double.NaN;
                double lm = fit.Parameter(m, ModelOperator.MeasuredBy, i)?.StdAll ?? double.NaN;
                double e = fit.Parameter(i, ModelOperator.Covariance, i)?.StdAll ?? double.NaN;
                st += lt; sm += lm; th += e;
                rows.Add(new MarkerItemReliability(i, lt * lt, lm * lm));
            }
            double d = st * st + sm * sm + th;
            result.Add(new MarkerReliability(t, (st * st + sm * sm) / d, st * st / d, sm * sm / d, rows));
        }
        return result;
    }

    /// <summary>A fixed value in model syntax: round-trip precision, invariant culture.</summary>
    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
