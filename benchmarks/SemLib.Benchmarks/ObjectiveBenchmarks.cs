using BenchmarkDotNet.Attributes;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Benchmarks;

/// <summary>
/// One evaluation of the ML fit function with its analytic gradient, and one expected-information matrix, at the
/// start values. [MemoryDiagnoser] shows the objective allocates nothing.
/// </summary>
[MemoryDiagnoser]
public class ObjectiveBenchmarks
{
    private Objective _objective = null!;
    private double[] _x = [];
    private double[] _grad = [];
    private double[] _info = [];

    [Params("hs-cfa", "sem-29", "cfa-100")]
    public string Model { get; set; } = "hs-cfa";

    [GlobalSetup]
    public void Setup()
    {
        var (model, data) = BenchmarkModels.Load(Model);
        var (table, sample) = FitEngine.Prepare(ModelSyntax.Parse(model), ModelOptions.Default, data, null);
        var est = new EstimationSample(sample, Estimator.ML);
        var lisrel = FitEngine.Compile(table, est);
        _objective = new Objective(lisrel, est);
        _x = lisrel.Constraints.ToZeta(StartValues.Compute(lisrel, est, StartValues.Kind.ModelImplied));
        _grad = new double[_x.Length];
        _info = new double[_x.Length * _x.Length];
    }

    [Benchmark]
    public double ObjectiveAndGradient() => _objective.Evaluate(_x, _grad);

    [Benchmark]
    public double Information()
    {
        _objective.Evaluate(_x, _grad);
        _objective.Information(_info);
        return _info[0];
    }
}
