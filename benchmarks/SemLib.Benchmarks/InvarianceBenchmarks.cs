using System.Text;
using BenchmarkDotNet.Attributes;
using SemLib.Data;
using SemLib.MeasurementInvariance;
using SemLib.Simulation;
using SemLib.Specification;

namespace SemLib.Benchmarks;

/// <summary>
/// The four-step invariance sequence (configural, metric, scalar, strict; score tests for a failing step) of a
/// two-factor, ten-item model on 2800 rows in two groups of 1400 — issue 11's speed target: lavaan fits the four
/// models in about 0.25 s each, so ≥ 50× faster is ≤ 20 ms for the whole sequence. Threads: all cores (2 here), and 1
/// for the single-core time.
/// </summary>
[MemoryDiagnoser]
public class InvarianceBenchmarks
{
    private const string Population = "f1 =~ 0.7*y1 + 0.75*y2 + 0.8*y3 + 0.65*y4 + 0.7*y5\nf2 =~ 0.72*y6 + 0.78*y7 + 0.66*y8 + 0.74*y9 + 0.7*y10\nf1 ~~ 0.4*f2";
    public const string Model = "f1 =~ y1 + y2 + y3 + y4 + y5\nf2 =~ y6 + y7 + y8 + y9 + y10";
    private DataSet _data = null!;

    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    /// <summary>2800 rows from the population model, the first 1400 group A, the rest group B.</summary>
    public static DataSet Data()
    {
        var sample = PopulationModel.FromSyntax(Population, standardized: true).Sample(2800, 11);
        var text = new StringWriter();
        sample.WriteCsv(text);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = new StringBuilder(lines[0].TrimEnd('\r') + ",grp\n");
        for (int i = 1; i < lines.Length; i++) csv.Append(lines[i].TrimEnd('\r')).Append(i <= 1400 ? ",A\n" : ",B\n");
        return DataSet.ReadCsv(new StringReader(csv.ToString()), "invariance-2800");
    }

    [GlobalSetup]
    public void Setup() => _data = Data();

    [Benchmark]
    public InvarianceResult FourSteps() =>
        SemLib.Invariance.Run(Model, _data, new InvarianceOptions { Model = new ModelOptions { Group = "grp" }, MaxDegreeOfParallelism = Threads });
}
