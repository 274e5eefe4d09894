using System.Text.Json;
using SemLib.Results;
using static SemLib.Reporting.Json.JsonOutput;

namespace SemLib.Reporting.Json;

/// <summary>
/// A nested-model comparison (<see cref="ModelComparison.ChiSquareDifference"/>) as the JSON document of
/// <c>semlib compare --format json</c>, an extension of the command-line JSON contract: an array with one object per
/// model in lavaan's <c>lavTestLRT()</c> order, <c>{"name", "df", "aic", "bic", "chisq", "chisq_diff", "rmsea",
/// "df_diff", "pvalue", "method"}</c>; the difference columns are null for the first model, aic and bic for estimators
/// without a likelihood. <c>method</c> is lavaan's name of the difference test: "standard", or
/// "satorra.bentler.2001" when every model has a scaled test (MLM, MLR), where <c>chisq_diff</c> is the scaled
/// difference, <c>chisq</c> each model's standard statistic and <c>rmsea</c> null.
/// </summary>
public static class ModelComparisonJson
{
    /// <summary>The whole document as a string, indented unless <paramref name="indented"/> is false.</summary>
    public static string ToJson(IReadOnlyList<ModelComparisonRow> rows, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return ToText(indented, w => Write(w, rows));
    }

    private static void Write(Utf8JsonWriter w, IReadOnlyList<ModelComparisonRow> rows)
    {
        w.WriteStartArray();
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteNumber("df", r.Df);
            Number(w, "aic", r.Aic);
            Number(w, "bic", r.Bic);
            Number(w, "chisq", r.ChiSquare);
            Number(w, "chisq_diff", r.ChiSquareDifference);
            Number(w, "rmsea", r.RmseaDifference);
            if (r.DfDifference is int d) w.WriteNumber("df_diff", d);
            else w.WriteNull("df_diff");
            Number(w, "pvalue", r.PValue);
            w.WriteString("method", r.Method);
            // The scaled-shifted difference of WLSMV/ULSMV fits (satorra.2000): Δχ² = a·T_d + b.
            if (r.DifferenceScale is double a) Number(w, "scale", a);
            if (r.DifferenceShift is double b) Number(w, "shift", b);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
