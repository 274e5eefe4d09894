using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using SemLib.Resampling;
using SemLib.Specification;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib bench</c>: reads and parses once, fits until the timings settle (<see cref="BenchWarmUp"/>), then times N whole <c>Sem.Fit</c> calls on
/// the loaded data with <see cref="Stopwatch"/> and reports the median, minimum and maximum wall time per fit.
/// With <c>--se bootstrap</c> it times N whole bootstrap runs instead (fit plus <c>Bootstrap.Run</c> with R draws,
/// after the warm-up and a bootstrap run of two draws) and adds <c>"draws": R</c> to the JSON.
/// </summary>
internal sealed class BenchCommand
{
    private readonly FitOptionSet _options = new();

    private readonly Option<int> _repeat = new("--repeat")
    {
        Description = "How many timed fits (after warming up until the timings settle); default 100, or 5 bootstrap runs with --se bootstrap.",
        HelpName = "N",
        DefaultValueFactory = _ => 100,
    };

    /// <summary>Timed runs when --repeat is not given and each run is a whole bootstrap.</summary>
    private const int DefaultBootstrapRepeat = 5;

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("bench", "Time repeated fits of a model to loaded data (wall time per fit, after warming up until the timings settle).");
        _options.AddTo(command);
        NumberOptions.Integer(_repeat, 1, NumberOptions.MaxRepetitions);
        command.Options.Add(_repeat);
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_options.Verbose);
        string? modelPath = parse.GetValue(_options.Model);
        try
        {
            bool json = _options.Format.Json(parse);
            bool bootstrap = _options.IsBootstrap(parse);
            int repeat = bootstrap && !OptionChecks.Given(parse.GetResult(_repeat)) ? DefaultBootstrapRepeat : parse.GetValue(_repeat);
            var modelOptions = _options.ModelOptions(parse);
            var inputs = _options.Source.Load(parse, modelPath!);
            EstimationOptions.CheckData(inputs, modelOptions);
            if (verbose) stderr.WriteLine($"semlib bench: read {inputs.Description}; warming up");

            var (warm, warmUp) = WarmUp(inputs, modelOptions);
            if (verbose)
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"semlib bench: warmed up with {warmUp.Fits} fits in {warmUp.Batches} batches ({warmUp.ElapsedMs:F0} ms); {(warmUp.Settled ? "timings settled" : "timings had not settled when the warm-up cap was reached")}"));
            BootstrapOptions? settings = null;
            if (bootstrap)
            {
                settings = _options.BootstrapOptions(parse, warm);
                Bootstrap.Run(warm, settings with { Draws = 2 });
            }
            bool converged = warm.Converged;
            var ms = new double[repeat];
            var clock = new Stopwatch();
            for (int i = 0; i < repeat; i++)
            {
                clock.Restart();
                var fit = inputs.Fit(modelOptions);
                if (settings is not null && fit.Converged) Bootstrap.Run(fit, settings);
                clock.Stop();
                ms[i] = clock.Elapsed.TotalMilliseconds;
                converged &= fit.Converged;
            }
            Array.Sort(ms);
            double median = BenchWarmUp.Median(ms);
            string what = settings is null ? "fits" : $"bootstrap run{(repeat == 1 ? "" : "s")} ({settings.Draws} draws each)";
            string output = json
                ? Json(repeat, median, ms[0], ms[^1], converged, settings?.Draws)
                : string.Create(CultureInfo.InvariantCulture,
                    $"{repeat} {what} of {modelPath}: median {median:F3} ms, min {ms[0]:F3} ms, max {ms[^1]:F3} ms; {(converged ? "all converged" : "NOT all converged")}{Environment.NewLine}");
            return CommandOutput.Success("bench", output, json, [], stdout, stderr);
        }
        catch (Exception e)
        {
            return Failures.Report(e, "bench", modelPath, verbose, stderr);
        }
    }

    /// <summary>
    /// Fits in batches of about <see cref="BenchWarmUp.BatchMs"/> until <see cref="BenchWarmUp"/> says the timings have
    /// settled (or the cap is reached), so the timed fits measure the steady state rather than tier-0 code. Returns the
    /// last warm-up fit and the warm-up's record.
    /// </summary>
    private static (SemFit Last, BenchWarmUp WarmUp) WarmUp(Inputs inputs, ModelOptions modelOptions)
    {
        var warmUp = new BenchWarmUp();
        var clock = new Stopwatch();
        var batch = new List<double>();
        SemFit last;
        long jittedBefore;
        do
        {
            batch.Clear();
            double batchMs = 0;
            jittedBefore = JitInfo.GetCompiledMethodCount();
            do
            {
                clock.Restart();
                last = inputs.Fit(modelOptions);
                clock.Stop();
                batch.Add(clock.Elapsed.TotalMilliseconds);
                batchMs += batch[^1];
            }
            while (batchMs < BenchWarmUp.BatchMs);
        }
        while (!warmUp.Add(batch, JitInfo.GetCompiledMethodCount() - jittedBefore));
        return (last, warmUp);
    }

    /// <summary>The contract's one-line document: {"fits": N, "ms_median", "ms_min", "ms_max", "converged"}, and "draws" for bootstrap runs.</summary>
    private static string Json(int fits, double median, double min, double max, bool converged, int? draws)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("fits", fits);
            w.WriteNumber("ms_median", Math.Round(median, 4));
            w.WriteNumber("ms_min", Math.Round(min, 4));
            w.WriteNumber("ms_max", Math.Round(max, 4));
            w.WriteBoolean("converged", converged);
            if (draws is int r) w.WriteNumber("draws", r);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}
