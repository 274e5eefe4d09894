namespace SemLib.Cli;

/// <summary>Standard output cannot be written (a broken pipe, a closed descriptor, a full disk): exit code 1.</summary>
internal sealed class StandardOutputException(Exception inner)
    : Exception("cannot write to standard output: " + (inner is UnauthorizedAccessException ? "it is closed or not open for writing." : inner.Message), inner);
