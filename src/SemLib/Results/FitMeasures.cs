using System.Collections;

namespace SemLib.Results;

/// <summary>
/// Fit measures under lavaan's <c>fitMeasures()</c> names, in lavaan's order, for the estimator used. A measure
/// that is defined but does not exist for this fit (the RMSEA p-value of a saturated model, say) is null; a name
/// that is not a measure of this estimator is absent.
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
