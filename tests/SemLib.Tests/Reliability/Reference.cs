using System.Text.Json;
using SemLib.Data;

namespace SemLib.Tests.Reliability;

/// <summary>Loads the reliability reference fixtures copied into the test output (never from shared/).</summary>
internal static class Reference
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", "reliability", file);

    public static JsonElement Json(string file) => JsonDocument.Parse(File.ReadAllText(PathOf(file))).RootElement;

    public static DataSet Data(string file) => DataSet.ReadCsv(PathOf(file));

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static string[] Strings(this JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? [e.GetString()!] : e.EnumerateArray().Select(v => v.GetString()!).ToArray();

    public static double[,] Matrix(this JsonElement e)
    {
        var rows = e.EnumerateArray().Select(r => r.Doubles()).ToArray();
        var m = new double[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) m[i, j] = rows[i][j];
        return m;
    }
}

/// <summary>The project's agreement rule, |SemLib − ref| ≤ 1e-3·max(1, |ref|), with the worst ratio kept for reports.</summary>
internal sealed class Agreement
{
    public double Worst { get; private set; }
    public string WorstWhat { get; private set; } = "";
    public int Count { get; private set; }

    public void Near(double expected, double actual, string what)
    {
        double tol = 1e-3 * Math.Max(1, Math.Abs(expected));
        double dev = Math.Abs(actual - expected);
        Count++;
        if (dev / tol > Worst || double.IsNaN(dev)) { Worst = double.IsNaN(dev) ? double.PositiveInfinity : dev / tol; WorstWhat = $"{what}: ref {expected:R}, got {actual:R}"; }
        Assert.True(dev <= tol, $"{what}: expected {expected:R} (reference), got {actual:R} (|diff| = {dev:G3} > {tol:G3})");
    }

    public override string ToString() => $"{Count} values; worst |diff|/tolerance = {Worst:G3} ({WorstWhat})";
}
