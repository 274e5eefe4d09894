using System.Diagnostics;
using System.Globalization;
using ClusterUpgrade;
using SemLib;
using SemLib.Data;

// The 218-firm cluster-upgrade study, end to end: simulate (or read) the survey, then run the analysis plan.
// Usage: dotnet run --project samples/ClusterUpgrade [-- --data FILE.csv] [--seed S] [--n N] [--draws R] [--out DIR]
// (Five flags do not justify a parser dependency in a sample meant to be read; unknown flags are refused.)
var options = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--seed"] = "218", ["--n"] = "218", ["--draws"] = "2000", ["--out"] = "study-output",
};
string? dataPath = null;
for (int i = 0; i < args.Length; i++)
{
    string a = args[i];
    if (a is "--help" or "-h")
    {
        Console.WriteLine("Usage: ClusterUpgrade [--data FILE.csv] [--seed S] [--n N] [--draws R] [--out DIR]");
        return 0;
    }
    if (i + 1 >= args.Length || !(a == "--data" || options.ContainsKey(a)))
    {
        Console.Error.WriteLine($"Unknown or incomplete option '{a}'. Usage: ClusterUpgrade [--data FILE.csv] [--seed S] [--n N] [--draws R] [--out DIR]");
        return 2;
    }
    if (a == "--data") dataPath = args[++i];
    else options[a] = args[++i];
}
if (!int.TryParse(options["--seed"], CultureInfo.InvariantCulture, out int seed) ||
    !int.TryParse(options["--n"], CultureInfo.InvariantCulture, out int n) || n < 50 ||
    !int.TryParse(options["--draws"], CultureInfo.InvariantCulture, out int draws) || draws < 100)
{
    Console.Error.WriteLine("--seed, --n (≥ 50) and --draws (≥ 100) take whole numbers.");
    return 2;
}
string outDir = options["--out"];

try
{
    var clock = Stopwatch.StartNew();
    Directory.CreateDirectory(outDir);
    DataSet data;
    if (dataPath is null)
    {
        string csv = Path.Combine(outDir, "firms.csv");
        data = FirmSimulator.Write(csv, n, seed);
        Console.WriteLine($"Simulated {n} firms (seed {seed}) from the design's population values; data written to {csv}.");
    }
    else
    {
        data = DataSet.ReadCsv(dataPath);
        Console.WriteLine($"Read {data.RowCount} firms from {dataPath}.");
    }
    var progress = new Progress<int>(k =>
    {
        if (k % 250 == 0 || k == draws) Console.Error.Write($"\rbootstrap {k}/{draws}");
        if (k == draws) Console.Error.WriteLine();
    });
    var results = StudyAnalysis.Run(data, draws, seed, dataPath is null, progress);
    var text = ConsoleReport.Render(results);
    Console.WriteLine(text);
    StudyFiles.Write(outDir, results, text);
    Console.WriteLine($"Reports written to {Path.GetFullPath(outDir)} ({clock.Elapsed.TotalSeconds:F1} s in all).");
    return 0;
}
catch (SemLibException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
