using BenchmarkDotNet.Attributes;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;

namespace SemLib.Benchmarks;

/// <summary>
/// One complete full-information ML fit (missing = ML: patterns, EM h1 moments, estimation, observed-information
/// standard errors, every fit measure with the FIML baseline and lavaan's corrected RMSEA/CFI) of psych's bfi: 25
/// items, 2800 rows, 87 missing-data patterns, five-factor CFA. lavaan 0.6.14 takes about 2.6–3.1 s per cfa() of
/// it on this machine (tests/SemLib.Tests/Reference/scripts/make-fiml-cases.R, whose bfi-fiml case holds the data).
/// The same with estimator MLR (robust FIML: Huber–White SEs from the incomplete rows' casewise scores, the Yuan–Bentler
/// test with the EM saturated model's h1 parts, the scaled and FIML-corrected robust fit measures of model and baseline):
/// lavaan 0.6.14 takes about 14 s per fit (lavaan_ms_per_fit of Reference/robust-fiml/bfi-fiml-mlr, make-robust-fiml-cases.R).
/// Measured (default job, 2 shared cores, load average about 9–15): MLR 124 ms, ML 55 ms per fit.
/// </summary>
[MemoryDiagnoser]
public class FimlBenchmarks
{
    public const string Model = "A =~ A1 + A2 + A3 + A4 + A5\nC =~ C1 + C2 + C3 + C4 + C5\nE =~ E1 + E2 + E3 + E4 + E5\nN =~ N1 + N2 + N3 + N4 + N5\nO =~ O1 + O2 + O3 + O4 + O5\n";

    private DataSet _data = null!;
    private readonly ModelOptions _options = ModelOptions.Default with { Missing = MissingPolicy.ML };
    private readonly ModelOptions _mlr = ModelOptions.Default with { Missing = MissingPolicy.ML, Estimator = Estimator.MLR };

    [GlobalSetup]
    public void Setup() => _data = DataSet.ReadCsv(Path.Combine(AppContext.BaseDirectory, "data", "bfi-fiml.csv"));

    [Benchmark]
    public SemFit BfiFiveFactorCfa() => Sem.Fit(Model, _data, _options);

    [Benchmark]
    public SemFit BfiFiveFactorCfaMlr() => Sem.Fit(Model, _data, _mlr);
}
