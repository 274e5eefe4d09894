using BenchmarkDotNet.Attributes;
using SemLib.Data;

namespace SemLib.Benchmarks;

/// <summary>One complete fit (parse, sample moments, estimation, standard errors, fit measures) on loaded data.</summary>
[MemoryDiagnoser]
public class FitBenchmarks
{
    private string _model = "";
    private DataSet _data = null!;

    [Params("hs-cfa", "sem-29", "cfa-100")]
    public string Model { get; set; } = "hs-cfa";

    [GlobalSetup]
    public void Setup() => (_model, _data) = BenchmarkModels.Load(Model);

    [Benchmark]
    public SemFit Fit() => Sem.Fit(_model, _data);
}
