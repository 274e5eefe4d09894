using BenchmarkDotNet.Running;

// Run all benchmarks:        dotnet run -c Release --project benchmarks/SemLib.Benchmarks -- --filter '*'
// One class:                 dotnet run -c Release --project benchmarks/SemLib.Benchmarks -- --filter '*FitBenchmarks*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
