using System.Text.Json;
using SemLib.Reliability;
using static SemLib.Reporting.Json.JsonOutput;

namespace SemLib.Reporting.Json;

/// <summary>
/// Writes a <see cref="ReliabilityStudyResult"/> as the JSON document of <c>semlib reliability --format json</c>,
/// with the shape and names of the contract's reference (<c>reliability/hs.json</c>):
/// <code>
/// { "scales": { "NAME": { "items", "alpha", "alpha_std", "g6", "average_r", "mean", "sd", "alpha_ci_feldt": [lo, hi],
///                         "items_stats": [ { "item", "r_drop", "r_cor", "alpha_if_deleted" } ] } },
///   "complete_rows": 301,
///   "kmo": { "overall", "items": { "x1": msa, ... } },
///   "bartlett": { "chisq", "df", "pvalue" },
///   "cfa_model": "visual =~ x1 + x2 + x3\n...",
///   "composite_reliability": { "NAME": cr }, "ave": { ... }, "omega_semtools": { ... }, "omega": { ... },
///   "ave_semtools": { ... },
///   "htmt": { "names", "matrix" }, "latent_correlations": { "names", "matrix" },
///   "efa": { "ml_varimax": { "loadings", "communalities", "items", ["factor_correlations"] }, ... },
///   "verdicts": [ { "scale", "item", "other_scale", "criterion", "rule", "value", "threshold", "passed", "citation" } ],
///   "verdict_summary": "...", "warnings": [ ... ] }
/// </code>
/// psych's names: <c>alpha</c> raw_alpha, <c>alpha_std</c> std.alpha, <c>g6</c> G6(smc), <c>r_drop</c> r.drop,
/// <c>r_cor</c> r.cor. <c>omega</c> (the contract's name) and <c>omega_semtools</c> (the reference's) hold the same
/// semTools <c>compRelSEM</c> values. Per-scale CFA values are null when the CFA was not run or did not converge;
/// <c>htmt</c> is null with one scale, <c>latent_correlations</c> without a converged CFA. <c>efa</c> appears only
/// when EFA runs were asked for, keyed <c>extraction_rotation</c> (ml, pa, minres; none, varimax, promax, oblimin),
/// with <c>factor_correlations</c> for oblique rotations. <c>verdicts</c>, <c>verdict_summary</c> and
/// <c>warnings</c> extend the reference's shape. Numbers are round-trip; NaN and infinities are written as null.
/// </summary>
public static class ReliabilityJson
{
    /// <summary>The whole document as a string, indented unless <paramref name="indented"/> is false.</summary>
    public static string ToJson(ReliabilityStudyResult result, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ToText(indented, writer => Write(writer, result));
    }

    /// <summary>Writes the document to a JSON writer (as one value: call it where a value may go).</summary>
    public static void Write(Utf8JsonWriter writer, ReliabilityStudyResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();

        writer.WriteStartObject("scales");
        foreach (var s in result.Scales)
        {
            writer.WriteStartObject(s.Scale);
            Strings(writer, "items", s.Items);
            Number(writer, "alpha", s.Alpha);
            Number(writer, "alpha_std", s.StandardizedAlpha);
            Number(writer, "g6", s.LambdaSix);
            Number(writer, "average_r", s.AverageCorrelation);
            Number(writer, "mean", s.Mean);
            Number(writer, "sd", s.StandardDeviation);
            writer.WriteStartArray("alpha_ci_feldt");
            NumberValue(writer, s.FeldtInterval.Lower);
            NumberValue(writer, s.FeldtInterval.Upper);
            writer.WriteEndArray();
            writer.WriteStartArray("items_stats");
            foreach (var item in s.ItemStatistics)
            {
                writer.WriteStartObject();
                writer.WriteString("item", item.Item);
                Number(writer, "r_drop", item.CorrectedItemTotalCorrelation);
                Number(writer, "r_cor", item.OverlapCorrectedItemTotalCorrelation);
                Number(writer, "alpha_if_deleted", item.AlphaIfDeleted);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();

        writer.WriteNumber("complete_rows", result.CompleteRows);

        writer.WriteStartObject("kmo");
        Number(writer, "overall", result.Kmo.Overall);
        writer.WriteStartObject("items");
        for (int i = 0; i < result.Kmo.Items.Count; i++) Number(writer, result.Kmo.Items[i], result.Kmo.ItemAdequacy[i]);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("bartlett");
        Number(writer, "chisq", result.Bartlett.ChiSquare);
        writer.WriteNumber("df", result.Bartlett.DegreesOfFreedom);
        Number(writer, "pvalue", result.Bartlett.PValue);
        writer.WriteEndObject();

        writer.WriteString("cfa_model", result.CfaModel);
        var scaleNames = result.ScaleDefinitions.Select(s => s.Name).ToList();
        PerScale(writer, "composite_reliability", scaleNames, result.CompositeReliability);
        PerScale(writer, "ave", scaleNames, result.AverageVarianceExtracted);
        PerScale(writer, "omega_semtools", scaleNames, result.Omega);
        PerScale(writer, "omega", scaleNames, result.Omega);
        PerScale(writer, "ave_semtools", scaleNames, result.AverageVarianceExtractedSemTools);
        if (result.OrdinalAlpha.Count > 0)
        {
            // --ordinal: psych's alpha of the polychoric matrix and semTools' categorical omega (compRelSEM, ordered items).
            PerScale(writer, "ordinal_alpha", scaleNames, result.OrdinalAlpha.ToDictionary(a => a.Scale, a => a.Alpha));
            PerScale(writer, "categorical_omega", scaleNames, result.CategoricalOmega);
        }

        NamedMatrix(writer, "htmt", result.Htmt?.Matrix);
        NamedMatrix(writer, "latent_correlations", result.LatentCorrelations);

        if (result.Efa.Count > 0)
        {
            writer.WriteStartObject("efa");
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var efa in result.Efa)
            {
                string key = EfaKey(efa);
                if (!used.Add(key))
                {
                    key += $"_{efa.FactorCount}";
                    for (int k = 2; !used.Add(key); k++) key = $"{EfaKey(efa)}_{efa.FactorCount}_{k}";
                }
                writer.WriteStartObject(key);
                Matrix(writer, "loadings", efa.Loadings);
                writer.WriteStartArray("communalities");
                foreach (var h in efa.Communalities) NumberValue(writer, h);
                writer.WriteEndArray();
                Strings(writer, "items", efa.Items);
                if (efa.FactorCorrelations is { } phi) Matrix(writer, "factor_correlations", phi);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }

        writer.WriteStartArray("verdicts");
        foreach (var c in result.Verdicts.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("scale", c.Scale);
            NullableString(writer, "item", c.Item);
            NullableString(writer, "other_scale", c.OtherScale);
            writer.WriteString("criterion", CriterionName(c.Criterion));
            writer.WriteString("rule", c.Rule);
            Number(writer, "value", c.Value);
            Number(writer, "threshold", c.Threshold);
            writer.WriteBoolean("passed", c.Passed);
            writer.WriteString("citation", c.Citation);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("verdict_summary", result.Verdicts.Describe());
        Strings(writer, "warnings", result.Warnings);

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The key of an EFA run: psych's <c>fm</c> and <c>rotate</c> names joined by an underscore, e.g. <c>pa_promax</c>.</summary>
    public static string EfaKey(EfaResult efa)
    {
        ArgumentNullException.ThrowIfNull(efa);
        return ExtractionName(efa.Extraction) + "_" + efa.Rotation.ToString().ToLowerInvariant();
    }

    /// <summary>psych's <c>fm</c> name of an extraction method: ml, pa or minres.</summary>
    public static string ExtractionName(FactorExtraction extraction) => extraction switch
    {
        FactorExtraction.MaximumLikelihood => "ml",
        FactorExtraction.PrincipalAxis => "pa",
        FactorExtraction.MinimumResidual => "minres",
        _ => extraction.ToString().ToLowerInvariant(),
    };

    /// <summary>The criterion in snake case, e.g. <c>corrected_item_total_correlation</c>.</summary>
    public static string CriterionName(ValidityCriterion criterion) => criterion switch
    {
        ValidityCriterion.Alpha => "alpha",
        ValidityCriterion.CorrectedItemTotalCorrelation => "corrected_item_total_correlation",
        ValidityCriterion.Kmo => "kmo",
        ValidityCriterion.ItemSamplingAdequacy => "item_sampling_adequacy",
        ValidityCriterion.StandardizedLoading => "standardized_loading",
        ValidityCriterion.CompositeReliability => "composite_reliability",
        ValidityCriterion.AverageVarianceExtracted => "average_variance_extracted",
        ValidityCriterion.Htmt => "htmt",
        ValidityCriterion.FornellLarcker => "fornell_larcker",
        _ => criterion.ToString().ToLowerInvariant(),
    };

    private static void PerScale(Utf8JsonWriter writer, string name, IReadOnlyList<string> scales, IReadOnlyDictionary<string, double> values)
    {
        writer.WriteStartObject(name);
        foreach (var s in scales) Number(writer, s, values.TryGetValue(s, out var v) ? v : null);
        writer.WriteEndObject();
    }

    private static void NamedMatrix(Utf8JsonWriter writer, string name, LabeledMatrix? m)
    {
        if (m is null)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        Strings(writer, "names", m.RowNames);
        Matrix(writer, "matrix", m);
        writer.WriteEndObject();
    }

    private static void Matrix(Utf8JsonWriter writer, string name, LabeledMatrix m)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < m.RowCount; i++)
        {
            writer.WriteStartArray();
            for (int j = 0; j < m.ColumnCount; j++) NumberValue(writer, m[i, j]);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values) writer.WriteStringValue(v);
        writer.WriteEndArray();
    }

    private static void NullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static void NumberValue(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
