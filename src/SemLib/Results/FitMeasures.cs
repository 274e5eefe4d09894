using System.Collections;

namespace SemLib.Results;

/// <summary>
/// Fit measures under lavaan's <c>fitMeasures()</c> names, in lavaan's order, for the estimator used. A measure
/// that is defined but does not exist for this fit (the RMSEA p-value of a saturated model, say) is null; a name
/// that is not a measure of this estimator is absent. The common measures are also typed properties
/// (<c>fit.FitMeasures.Cfi</c> is <c>fit.FitMeasures["cfi"]</c>), null when the measure is absent or has no value.
/// </summary>
public sealed class FitMeasures : IReadOnlyDictionary<string, double?>
{
    private readonly List<KeyValuePair<string, double?>> _items;
    private readonly Dictionary<string, double?> _lookup;

    internal FitMeasures(List<KeyValuePair<string, double?>> items)
    {
        _items = items;
        _lookup = items.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>Number of free parameters (<c>npar</c>).</summary>
    public double? Npar => Get("npar");

    /// <summary>The minimum of the fit function (<c>fmin</c>, lavaan's scaling: χ² / 2N).</summary>
    public double? Fmin => Get("fmin");

    /// <summary>The model χ² test statistic (<c>chisq</c>).</summary>
    public double? ChiSquare => Get("chisq");

    /// <summary>Degrees of freedom of the model test (<c>df</c>).</summary>
    public double? Df => Get("df");

    /// <summary>P-value of the model χ² test (<c>pvalue</c>).</summary>
    public double? PValue => Get("pvalue");

    /// <summary>χ² of the baseline (independence) model (<c>baseline.chisq</c>).</summary>
    public double? BaselineChiSquare => Get("baseline.chisq");

    /// <summary>Degrees of freedom of the baseline model (<c>baseline.df</c>).</summary>
    public double? BaselineDf => Get("baseline.df");

    /// <summary>Comparative fit index (<c>cfi</c>).</summary>
    public double? Cfi => Get("cfi");

    /// <summary>Tucker–Lewis index (<c>tli</c>, the same as <c>nnfi</c>).</summary>
    public double? Tli => Get("tli");

    /// <summary>The model log-likelihood (<c>logl</c>; ML only).</summary>
    public double? LogLikelihood => Get("logl");

    /// <summary>The log-likelihood of the unrestricted model (<c>unrestricted.logl</c>; ML only).</summary>
    public double? UnrestrictedLogLikelihood => Get("unrestricted.logl");

    /// <summary>Akaike's information criterion (<c>aic</c>; ML only).</summary>
    public double? Aic => Get("aic");

    /// <summary>The Bayesian information criterion (<c>bic</c>; ML only).</summary>
    public double? Bic => Get("bic");

    /// <summary>Root mean square error of approximation (<c>rmsea</c>).</summary>
    public double? Rmsea => Get("rmsea");

    /// <summary>Lower bound of the 90% RMSEA interval (<c>rmsea.ci.lower</c>).</summary>
    public double? RmseaCiLower => Get("rmsea.ci.lower");

    /// <summary>Upper bound of the 90% RMSEA interval (<c>rmsea.ci.upper</c>).</summary>
    public double? RmseaCiUpper => Get("rmsea.ci.upper");

    /// <summary>P-value of the close-fit test, H0: RMSEA ≤ 0.05 (<c>rmsea.pvalue</c>).</summary>
    public double? RmseaPValue => Get("rmsea.pvalue");

    /// <summary>Standardized root mean square residual (<c>srmr</c>).</summary>
    public double? Srmr => Get("srmr");

    /// <summary>Goodness-of-fit index (<c>gfi</c>).</summary>
    public double? Gfi => Get("gfi");

    /// <summary>The scaled χ² of a robust test (<c>chisq.scaled</c>); null without one.</summary>
    public double? ChiSquareScaled => Get("chisq.scaled");

    /// <summary>Degrees of freedom of the scaled test (<c>df.scaled</c>); null without a robust test.</summary>
    public double? DfScaled => Get("df.scaled");

    /// <summary>P-value of the scaled test (<c>pvalue.scaled</c>); null without a robust test.</summary>
    public double? PValueScaled => Get("pvalue.scaled");

    /// <summary>The scaling factor of the robust test (<c>chisq.scaling.factor</c>); null without one.</summary>
    public double? ScalingFactor => Get("chisq.scaling.factor");

    /// <summary>Robust CFI (<c>cfi.robust</c>); null without a robust test.</summary>
    public double? CfiRobust => Get("cfi.robust");

    /// <summary>Robust TLI (<c>tli.robust</c>); null without a robust test.</summary>
    public double? TliRobust => Get("tli.robust");

    /// <summary>Robust RMSEA (<c>rmsea.robust</c>); null without a robust test.</summary>
    public double? RmseaRobust => Get("rmsea.robust");

    private double? Get(string name) => _lookup.TryGetValue(name, out var v) ? v : null;

    /// <summary>The value of a measure; <see cref="KeyNotFoundException"/> naming it when it is not one of this fit's measures.</summary>
    public double? this[string key] => _lookup.TryGetValue(key, out var v) ? v
        : throw new KeyNotFoundException($"'{key}' is not a fit measure of this model (available: {string.Join(", ", _lookup.Keys)}).");

    /// <summary>Measure names in lavaan's order.</summary>
    public IEnumerable<string> Keys => _items.Select(kv => kv.Key);

    /// <summary>Values in lavaan's order.</summary>
    public IEnumerable<double?> Values => _items.Select(kv => kv.Value);

    /// <summary>Number of measures.</summary>
    public int Count => _items.Count;

    /// <summary>True when the measure is one of this fit's.</summary>
    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    /// <summary>Looks a measure up without throwing.</summary>
    public bool TryGetValue(string key, out double? value) => _lookup.TryGetValue(key, out value);

    /// <summary>Enumerates the measures in lavaan's order.</summary>
    public IEnumerator<KeyValuePair<string, double?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
