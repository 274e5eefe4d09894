using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Reporting;

/// <summary>The fit's JSON document (<see cref="SemLib.Reporting.Json.FitJson"/>) that <c>semlib fit --format json</c> writes.</summary>
public sealed class FitJsonTests
{
    [Fact]
    public void Compact_and_indented_documents_hold_the_same_values()
    {
        var c = ReferenceCase.Load("lavaan/hs-cfa");
        var fit = c.Fit();
        var indented = JsonDocument.Parse(SemLib.Reporting.Json.FitJson.ToJson(fit)).RootElement.GetRawText();
        var compact = SemLib.Reporting.Json.FitJson.ToJson(fit, new SemLib.Reporting.Json.FitJsonOptions { Indented = false });
        Assert.DoesNotContain('\n', compact);
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(indented).RootElement), JsonSerializer.Serialize(JsonDocument.Parse(compact).RootElement));
    }

    [Fact]
    public void Numbers_round_trip_exactly()
    {
        // Round-trip precision: every number read back from the document is the very double in the result.
        var fit = ReferenceCase.Load("lavaan/poldem-sem").Fit();
        var json = JsonDocument.Parse(SemLib.Reporting.Json.FitJson.ToJson(fit)).RootElement;
        var rows = json.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(fit.Parameters.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(fit.Parameters[i].Estimate, rows[i].GetProperty("est").GetDouble());
            Assert.Equal(fit.Parameters[i].StandardError, ReferenceCase.Number(rows[i].GetProperty("se")));
            Assert.Equal(fit.Parameters[i].StdAll, ReferenceCase.Number(rows[i].GetProperty("std.all")));
        }
        foreach (var (name, value) in fit.FitMeasures)
            Assert.Equal(value is double v && double.IsFinite(v) ? v : null, ReferenceCase.Number(json.GetProperty("fit").GetProperty(name)));
    }
}
