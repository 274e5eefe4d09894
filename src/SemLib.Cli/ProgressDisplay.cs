using Spectre.Console;

namespace SemLib.Cli;

/// <summary>
/// A Spectre.Console progress bar on standard error for long runs (bootstrap draws, Monte Carlo replications).
/// It is shown when standard error is a terminal, or when the user asks with --progress; on a terminal it is an
/// animated bar, otherwise Spectre's plain-text fallback (a line per milestone, at most one a second) closed by one
/// line per stage with the steps done, so a log always says how the run ended. Standard output is never touched.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>True when standard error is the process's own, not redirected, terminal.</summary>
    public static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>
    /// Runs <paramref name="work"/>, which asks for one progress reporter per stage (a description and the number of
    /// steps). Without a display the reporters are null and nothing is written.
    /// </summary>
    public static T Run<T>(TextWriter stderr, bool requested, Func<Func<string, int, IProgress<int>?>, T> work)
    {
        bool terminal = IsTerminal(stderr);
        if (!requested && !terminal) return work((_, _) => null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(stderr),
        });
        T result = default!;
        var stages = new List<(string Description, int Steps, TaskProgress Progress)>();
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx => result = work((description, steps) =>
            {
                var progress = new TaskProgress(ctx.AddTask(Markup.Escape(description), maxValue: steps));
                stages.Add((description, steps, progress));
                return progress;
            }));
        if (!terminal)
            foreach (var (description, steps, progress) in stages)
                console.WriteLine($"{description}: {progress.Done}/{steps} done");
        stderr.Flush();
        return result;
    }

    /// <summary>Reports arrive from worker threads, possibly out of order: the bar shows the largest count seen.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        private readonly Lock _lock = new();
        private int _done;

        public int Done
        {
            get
            {
                lock (_lock) return _done;
            }
        }

        public void Report(int value)
        {
            lock (_lock)
            {
                if (value <= _done) return;
                _done = value;
                task.Value = value;
            }
        }
    }
}
