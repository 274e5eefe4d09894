using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SemLib.Resampling;
using SemLib.Simulation;

namespace SemLib.Benchmarks;

/// <summary>
/// The issue-4 goals on the 29-indicator model (N = 218), using both cores: 1000 bootstrap draws of the fitted model,
/// and a 1000-replication Monte Carlo study (data drawn from the design's population, model fitted with SEs).
/// Each operation is long, so a few iterations suffice.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ResamplingBenchmarks
{
    private SemFit _fit = null!;
    private PopulationModel _population = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (model, data) = BenchmarkModels.Load("sem-29");
        _fit = Sem.Fit(model, data);
        _population = PopulationModel.FromSyntax(BenchmarkModels.Sem29Population, standardized: true);
    }

    [Benchmark]
    public BootstrapResult Bootstrap1000() => Bootstrap.Run(_fit, new BootstrapOptions { Draws = 1000, Seed = 1 });

    [Benchmark]
    public MonteCarloResult MonteCarlo1000() =>
        MonteCarlo.Run(_population, BenchmarkModels.Sem29, new MonteCarloOptions { Replications = 1000, SampleSize = 218, Seed = 1 });
}
