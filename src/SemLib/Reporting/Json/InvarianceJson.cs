using System.Text.Json;
using SemLib.MeasurementInvariance;
using static SemLib.Reporting.Json.JsonOutput;

namespace SemLib.Reporting.Json;

/// <summary>
/// An invariance sequence as the JSON document of <c>semlib invariance --format json</c> (the command-line contract):
/// <c>{"group", "groups", "estimator", "steps": [{"step", "group_equal", "group_partial", "converged", "npar", "chisq",
/// "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic", "delta_chisq", "delta_df", "delta_pvalue", "delta_cfi",
/// "delta_rmsea", "delta_srmr", "verdict"}], "warnings"}</c>. Extensions: a step that does not hold adds
/// <c>"score_tests": {"univariate": [{"constraint", "parameter", "group", "chisq", "df", "pvalue"}], "total": {...}}</c>,
/// and with path comparisons a top-level <c>"paths"</c> array.
/// </summary>
public static class InvarianceJson
{
    /// <summary>The whole document as a string, indented unless <paramref name="indented"/> is false.</summary>
    public static string ToJson(InvarianceResult? result, PathComparison? paths = null, bool indented = true)
    {
        if (result is null && paths is null) throw new ArgumentException("Give an invariance result, path comparisons or both.");
        return ToText(indented, w => Write(w, result, paths));
    }

    private static void Write(Utf8JsonWriter w, InvarianceResult? result, PathComparison? paths)
    {
        w.WriteStartObject();
        var fit = result?.Steps[0].Fit ?? paths!.Free;
        w.WriteString("group", result?.Group ?? fit.Options.Group);
        w.WriteStartArray("groups");
        foreach (var g in result?.Groups ?? fit.GroupLabels) w.WriteStringValue(g);
        w.WriteEndArray();
        w.WriteString("estimator", (result?.Estimator ?? fit.Estimator).ToString());
        if (result is not null)
        {
            w.WriteStartArray("steps");
            foreach (var s in result.Steps) Step(w, s);
            w.WriteEndArray();
        }
        if (paths is not null)
        {
            w.WriteStartArray("paths");
            foreach (var p in paths.Paths) Path(w, p);
            w.WriteEndArray();
        }
        w.WriteStartArray("warnings");
        foreach (var m in (result?.Warnings ?? []).Concat(paths?.Warnings ?? [])) w.WriteStringValue(m.Message);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Step(Utf8JsonWriter w, InvarianceStepResult s)
    {
        w.WriteStartObject();
        w.WriteString("step", s.Step.Name());
        Strings(w, "group_equal", s.GroupEqual);
        Strings(w, "group_partial", s.GroupPartial);
        w.WriteBoolean("converged", s.Converged);
        Number(w, "npar", s.Npar);
        Number(w, "chisq", s.ChiSquare);
        Number(w, "df", s.Df);
        Number(w, "pvalue", s.PValue);
        Number(w, "cfi", s.Cfi);
        Number(w, "tli", s.Tli);
        Number(w, "rmsea", s.Rmsea);
        Number(w, "srmr", s.Srmr);
        Number(w, "aic", s.Aic);
        Number(w, "bic", s.Bic);
        Number(w, "delta_chisq", s.DeltaChiSquare);
        Number(w, "delta_df", s.DeltaDf);
        Number(w, "delta_pvalue", s.DeltaPValue);
        Number(w, "delta_cfi", s.DeltaCfi);
        Number(w, "delta_rmsea", s.DeltaRmsea);
        Number(w, "delta_srmr", s.DeltaSrmr);
        w.WriteString("verdict", s.Verdict);
        if (s.TotalScoreTest is { } total)
        {
            w.WriteStartObject("score_tests");
            w.WriteStartArray("univariate");
            foreach (var t in s.ScoreTests)
            {
                w.WriteStartObject();
                w.WriteString("constraint", t.Constraint);
                w.WriteString("parameter", t.Parameter);
                w.WriteNumber("group", t.Group);
                Number(w, "chisq", t.ChiSquare);
                w.WriteNumber("df", t.Df);
                Number(w, "pvalue", t.PValue);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("total");
            Number(w, "chisq", total.ChiSquare);
            w.WriteNumber("df", total.Df);
            Number(w, "pvalue", total.PValue);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Path(Utf8JsonWriter w, PathDifference p)
    {
        w.WriteStartObject();
        w.WriteString("dependent", p.Dependent);
        w.WriteString("predictor", p.Predictor);
        w.WriteStartArray("estimates");
        foreach (var e in p.Estimates) w.WriteNumberValue(e);
        w.WriteEndArray();
        Number(w, "difference", p.Difference);
        Number(w, "se", p.StandardError);
        Number(w, "z", p.Z);
        Number(w, "wald_chisq", p.WaldChiSquare);
        w.WriteNumber("wald_df", p.WaldDf);
        Number(w, "wald_pvalue", p.WaldPValue);
        Number(w, "delta_chisq", p.DeltaChiSquare);
        Number(w, "delta_df", p.DeltaDf);
        Number(w, "delta_pvalue", p.DeltaPValue);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
