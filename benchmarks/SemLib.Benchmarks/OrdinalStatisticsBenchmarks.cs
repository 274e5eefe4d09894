using BenchmarkDotNet.Attributes;
using SemLib.Data;
using SemLib.Data.Ordinal;

namespace SemLib.Benchmarks;

/// <summary>
/// The sample statistics of a WLSMV fit on psych's bfi (25 six-point items × 2436 complete rows): thresholds,
/// the 300 polychoric correlations and Γ (425 × 425) with the DWLS weights — on one core and on all. lavaan 0.6.14
/// takes about 2.5 s for the whole WLSMV fit of this data on this machine; the statistics are most of it.
/// </summary>
[MemoryDiagnoser]
public class OrdinalStatisticsBenchmarks
{
    private DataSet _data = null!;
    private string[] _items = [];

    [Params(1, -1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = DataSet.ReadCsv(Path.Combine(AppContext.BaseDirectory, "data", "bfi-complete.csv"));
        _items = _data.Names.ToArray();
    }

    [Benchmark]
    public double CorrelationsOnly() =>
        OrdinalStatistics.Compute(_data, _items, _items, null, new List<string>(), withGamma: false, maxDegreeOfParallelism: Threads)[0].Correlation[1];

    [Benchmark]
    public double CorrelationsAndGamma() =>
        OrdinalStatistics.Compute(_data, _items, _items, null, new List<string>(), withGamma: true, maxDegreeOfParallelism: Threads)[0].Gamma![1];
}
