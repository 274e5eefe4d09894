using System.Text.Json;
using SemLib.CommonMethod;
using static SemLib.Reporting.Json.JsonOutput;

namespace SemLib.Reporting.Json;

/// <summary>
/// Writes a <see cref="MethodBiasResult"/> as the JSON document of <c>semlib method-bias --format json</c>
/// (shared/spec/cli-json.md):
/// <code>
/// { "items": [...],
///   "harman": { "first_component_share", "single_factor": { FIT }, "delta_chisq", "delta_df", "delta_pvalue" },
///   "measurement": { FIT },
///   "common_latent_factor": { FIT, "delta_chisq", "delta_df", "delta_pvalue", "method_loading_unstd", "method_variance_share" },
///   ["marker": { ... },]
///   "verdicts": [ "..." ], "warnings": [ "..." ] }
/// </code>
/// FIT is <c>{ "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr" }</c>, lavaan's <c>fitMeasures()</c> names.
/// <c>marker</c> (an extension of the contract) appears only when marker items were given:
/// <c>{ "markers", "marker_loadings": {item: λ}, "marker_residual_variances": {item: θ}, "cfa", "baseline",
/// "method_c", "method_u", "method_r": { FIT }, "method_c_loading", "baseline_vs_method_c", "method_c_vs_method_u",
/// "accepted_vs_method_r": { "delta_chisq", "delta_df", "delta_pvalue" }, "accepted": "method_c" | "method_u",
/// "reliability": [ { "trait", "total", "substantive", "method", "items": [ { "item", "substantive", "method" } ] } ] }</c>.
/// A value that does not exist (a model that did not converge) is null; numbers are round-trip.
/// </summary>
public static class MethodBiasJson
{
    /// <summary>The whole document as a string, indented unless <paramref name="indented"/> is false.</summary>
    public static string ToJson(MethodBiasResult result, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ToText(indented, writer => Write(writer, result));
    }

    /// <summary>Writes the document to a JSON writer (as one value).</summary>
    public static void Write(Utf8JsonWriter writer, MethodBiasResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        Strings(writer, "items", result.Items);

        writer.WriteStartObject("harman");
        Number(writer, "first_component_share", result.Harman.FirstComponentShare);
        writer.WriteStartObject("single_factor");
        FitFields(writer, result.Harman.SingleFactor);
        writer.WriteEndObject();
        TestFields(writer, result.Harman.SingleFactorVsMeasurement);
        writer.WriteEndObject();

        writer.WriteStartObject("measurement");
        FitFields(writer, result.Measurement);
        writer.WriteEndObject();

        var clf = result.CommonLatentFactor;
        writer.WriteStartObject("common_latent_factor");
        FitFields(writer, clf.Fit);
        TestFields(writer, clf.VsMeasurement);
        Number(writer, "method_loading_unstd", clf.MethodLoading);
        Number(writer, "method_variance_share", clf.MethodVarianceShare);
        writer.WriteEndObject();

        if (result.Marker is { } m) Marker(writer, m);

        Strings(writer, "verdicts", result.Verdicts);
        Strings(writer, "warnings", result.Warnings);
        writer.WriteEndObject();
    }

    private static void Marker(Utf8JsonWriter writer, MarkerTechnique m)
    {
        writer.WriteStartObject("marker");
        Strings(writer, "markers", m.Markers);
        Map(writer, "marker_loadings", m.Markers, m.MarkerLoadings);
        Map(writer, "marker_residual_variances", m.Markers, m.MarkerResidualVariances);
        foreach (var (name, fit) in new[] { ("cfa", m.Cfa), ("baseline", m.Baseline), ("method_c", m.MethodC), ("method_u", m.MethodU), ("method_r", m.MethodR) })
        {
            writer.WriteStartObject(name);
            FitFields(writer, fit);
            writer.WriteEndObject();
        }
        Number(writer, "method_c_loading", m.MethodCLoading);
        foreach (var (name, test) in new[] { ("baseline_vs_method_c", m.BaselineVsMethodC), ("method_c_vs_method_u", m.MethodCVsMethodU), ("accepted_vs_method_r", m.AcceptedVsMethodR) })
        {
            writer.WriteStartObject(name);
            TestFields(writer, test);
            writer.WriteEndObject();
        }
        writer.WriteString("accepted", m.Accepted);
        writer.WriteStartArray("reliability");
        foreach (var r in m.Reliability)
        {
            writer.WriteStartObject();
            writer.WriteString("trait", r.Trait);
            Number(writer, "total", r.Total);
            Number(writer, "substantive", r.Substantive);
            Number(writer, "method", r.Method);
            writer.WriteStartArray("items");
            foreach (var i in r.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("item", i.Item);
                Number(writer, "substantive", i.Substantive);
                Number(writer, "method", i.Method);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void FitFields(Utf8JsonWriter writer, ModelFitSummary s)
    {
        Number(writer, "chisq", s.ChiSquare);
        Number(writer, "df", s.Df);
        Number(writer, "pvalue", s.PValue);
        Number(writer, "cfi", s.Cfi);
        Number(writer, "tli", s.Tli);
        Number(writer, "rmsea", s.Rmsea);
        Number(writer, "srmr", s.Srmr);
    }

    private static void TestFields(Utf8JsonWriter writer, NestedModelTest t)
    {
        Number(writer, "delta_chisq", t.DeltaChiSquare);
        Number(writer, "delta_df", t.DeltaDf);
        Number(writer, "delta_pvalue", t.PValue);
    }

    private static void Map(Utf8JsonWriter writer, string name, IReadOnlyList<string> keys, IReadOnlyDictionary<string, double> values)
    {
        writer.WriteStartObject(name);
        foreach (var k in keys) Number(writer, k, values[k]);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values) writer.WriteStringValue(v);
        writer.WriteEndArray();
    }
}
