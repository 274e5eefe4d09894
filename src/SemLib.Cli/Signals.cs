using System.Runtime.InteropServices;

namespace SemLib.Cli;

/// <summary>
/// What happens when the process is told to stop (Ctrl+C's SIGINT, SIGTERM, SIGHUP, SIGQUIT) or exits: the
/// temporary files of unfinished outputs are deleted (<see cref="TempOutputs.DeleteAll"/>), then the signal has its
/// usual effect (the process ends). Registered by the executable only, not by in-process runs under tests.
/// </summary>
internal sealed class Signals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    private Signals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, _ => TempOutputs.DeleteAll()));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every signal exists everywhere; process exit still cleans up.
            }
        }
        AppDomain.CurrentDomain.ProcessExit += OnExit;
    }

    public static Signals Register() => new();

    private static void OnExit(object? sender, EventArgs e) => TempOutputs.DeleteAll();

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        foreach (var r in _registrations) r.Dispose();
    }
}
