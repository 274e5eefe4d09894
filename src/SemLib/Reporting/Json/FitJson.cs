using System.Text.Json;
using SemLib.Resampling;
using SemLib.Syntax;
using static SemLib.Reporting.Json.JsonOutput;

namespace SemLib.Reporting.Json;

/// <summary>
/// Writes a fitted model as the JSON document of <c>semlib fit --format json</c> (the command line's JSON
/// contract), so that programs using the library produce exactly what the command line does:
/// <code>
/// { "converged": true, "iterations": 35, "estimator": "ML", "nobs": [301],
///   "parameters": [ { "lhs", "op", "rhs", "group", "label", "free", "est", "se", "z", "pvalue",
///                     "ci.lower", "ci.upper", "std.lv", "std.all" }, ... ],
///   "fit": { lavaan's fitMeasures() names, in lavaan's order },
///   "r2": { "x1": 0.596, ... }  (with groups: { "group label": { ... }, ... }),
///   "warnings": [ "one sentence each" ] }
/// </code>
/// Names follow lavaan's <c>parameterEstimates()</c> and <c>fitMeasures()</c>. Numbers are written with
/// round-trip precision in the invariant format; a value that does not exist (NaN, ±∞, or null in the result)
/// is written as <c>null</c>. <c>free</c> is null for defined (<c>:=</c>) parameters. Ordered items add their
/// thresholds (<c>op</c> <c>"|"</c>, <c>rhs</c> <c>"t1"</c>, <c>"t2"</c>, ...) and scale factors (<c>op</c> <c>"~*~"</c>) as
/// rows, as <c>parameterEstimates()</c> lists them. With
/// <see cref="FitJsonOptions.Bootstrap"/> the rows carry bootstrap standard errors and intervals and a
/// <c>bootstrap</c> object follows <c>warnings</c>.
/// </summary>
public static class FitJson
{
    /// <summary>The whole document as a string.</summary>
    public static string ToJson(SemFit fit, FitJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= FitJsonOptions.Default;
        return ToText(options.Indented, writer => Write(writer, fit, options));
    }

    /// <summary>Writes the document to a JSON writer (as one value: call it where a value may go).</summary>
    public static void Write(Utf8JsonWriter writer, SemFit fit, FitJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fit);
        options ??= FitJsonOptions.Default;

        writer.WriteStartObject();
        writer.WriteBoolean("converged", fit.Converged);
        writer.WriteNumber("iterations", fit.Iterations);
        writer.WriteString("estimator", fit.Estimator.ToString());
        writer.WriteStartArray("nobs");
        foreach (var n in fit.NObs) writer.WriteNumberValue(n);
        writer.WriteEndArray();

        var boot = options.Bootstrap;
        var parameters = boot is null ? fit.Parameters : BootstrapColumns.Apply(fit, boot);
        writer.WriteStartArray("parameters");
        foreach (var p in parameters)
        {
            writer.WriteStartObject();
            writer.WriteString("lhs", p.Lhs);
            writer.WriteString("op", p.Op.ToLavaan());
            writer.WriteString("rhs", p.Rhs);
            writer.WriteNumber("group", p.Group);
            writer.WriteString("label", p.Label);
            if (p.Free is bool free) writer.WriteBoolean("free", free);
            else writer.WriteNull("free");
            Number(writer, "est", p.Estimate);
            Number(writer, "se", p.StandardError);
            Number(writer, "z", p.Z);
            Number(writer, "pvalue", p.PValue);
            Number(writer, "ci.lower", p.CiLower);
            Number(writer, "ci.upper", p.CiUpper);
            Number(writer, "std.lv", p.StdLv);
            Number(writer, "std.all", p.StdAll);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartObject("fit");
        foreach (var (name, value) in fit.FitMeasures) Number(writer, name, value);
        writer.WriteEndObject();

        writer.WriteStartObject("r2");
        if (fit.RSquareByGroup.Count == 1)
        {
            WriteRSquare(writer, fit.RSquareByGroup[0]);
        }
        else
        {
            for (int g = 0; g < fit.RSquareByGroup.Count; g++)
            {
                writer.WriteStartObject(fit.GroupLabels[g]);
                WriteRSquare(writer, fit.RSquareByGroup[g]);
                writer.WriteEndObject();
            }
        }
        writer.WriteEndObject();

        writer.WriteStartArray("warnings");
        foreach (var w in fit.Warnings) writer.WriteStringValue(w.Message);
        if (boot is not null)
            foreach (var w in boot.Warnings) writer.WriteStringValue(w);
        writer.WriteEndArray();

        if (boot is not null) WriteBootstrap(writer, boot);

        if (options.ModificationIndices)
        {
            writer.WriteStartArray("modification_indices");
            foreach (var mi in fit.ModificationIndices(options.MinimumModificationIndex))
            {
                writer.WriteStartObject();
                writer.WriteString("lhs", mi.Lhs);
                writer.WriteString("op", mi.Op.ToLavaan());
                writer.WriteString("rhs", mi.Rhs);
                writer.WriteNumber("group", mi.Group);
                Number(writer, "mi", mi.Mi);
                Number(writer, "epc", mi.Epc);
                Number(writer, "sepc.lv", mi.SepcLv);
                Number(writer, "sepc.all", mi.SepcAll);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The <c>bootstrap</c> extension object.</summary>
    private static void WriteBootstrap(Utf8JsonWriter writer, BootstrapResult boot)
    {
        writer.WriteStartObject("bootstrap");
        writer.WriteNumber("draws", boot.Requested);
        writer.WriteNumber("converged", boot.Converged);
        writer.WriteNumber("failed", boot.Failed);
        writer.WriteNumber("seed", boot.Options.Seed);
        writer.WriteString("ci_type", BootstrapColumns.IntervalName(boot.Options.Interval));
        Number(writer, "bollen_stine_pvalue", boot.BollenStinePValue);
        writer.WriteStartArray("effects");
        foreach (var e in boot.Effects)
        {
            writer.WriteStartObject();
            writer.WriteString("from", e.From);
            writer.WriteString("to", e.To);
            writer.WriteString("kind", e.Kind);
            writer.WriteString("path", e.Path);
            Number(writer, "est", e.Estimate);
            Number(writer, "se", e.StandardError);
            Number(writer, "ci.lower", e.CiLower);
            Number(writer, "ci.upper", e.CiUpper);
            Number(writer, "std.all", e.StdAll);
            Number(writer, "std.all.ci.lower", e.StdAllCiLower);
            Number(writer, "std.all.ci.upper", e.StdAllCiUpper);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRSquare(Utf8JsonWriter writer, IReadOnlyDictionary<string, double> r2)
    {
        foreach (var (name, value) in r2) Number(writer, name, value);
    }
}
