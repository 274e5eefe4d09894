using BenchmarkDotNet.Attributes;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;

namespace SemLib.Benchmarks;

/// <summary>
/// One complete robust fit (estimation, the sandwich standard errors, the scaled test and the robust fit measures with
/// the baseline model's scaled test) on loaded data: MLR (the goal: sem-29 in at most 12 ms, lavaan 0.6.14 takes about
/// 1.2 s on this machine) and MLM.
/// </summary>
[MemoryDiagnoser]
public class RobustFitBenchmarks
{
    private string _model = "";
    private DataSet _data = null!;

    [Params("hs-cfa", "sem-29")]
    public string Model { get; set; } = "sem-29";

    [Params(Estimator.MLR, Estimator.MLM)]
    public Estimator Estimator { get; set; } = Estimator.MLR;

    [GlobalSetup]
    public void Setup() => (_model, _data) = BenchmarkModels.Load(Model);

    [Benchmark]
    public SemFit Fit() => Sem.Fit(_model, _data, ModelOptions.Default with { Estimator = Estimator });
}
