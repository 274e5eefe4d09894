using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SemLib.Reporting.Json;

/// <summary>What the JSON documents of the command line (<see cref="FitJson"/>, <see cref="ReliabilityJson"/>,
/// <see cref="MonteCarloJson"/>, <see cref="ModelComparisonJson"/>) have in common: how they are written to text and
/// how a number that does not exist is written.</summary>
internal static class JsonOutput
{
    /// <summary>The document that <paramref name="write"/> writes, as a string, indented unless <paramref name="indented"/> is false.</summary>
    public static string ToText(bool indented, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,
            // Variable names and warnings are written as they are (é, ≥, ...): the documents are read by programs and
            // people, never embedded in HTML, so the default encoder's \u escapes would only hurt readability.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A number, or null when it does not exist: JSON has no NaN or infinity.</summary>
    public static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is double v && double.IsFinite(v)) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }
}
