// The semlib command. Everything happens in SemLib.Cli.SemLibCli.Run, which the tests call in-process; the
// executable adds what only a process has: signal handling (temporary files are removed when it is stopped) and a
// standard output that reports a broken pipe instead of dropping the output silently.
using var signals = SemLib.Cli.Signals.Register();
var stdout = SemLib.Cli.StandardOutput.Open();
return SemLib.Cli.SemLibCli.Run(args, stdout, Console.Error);
