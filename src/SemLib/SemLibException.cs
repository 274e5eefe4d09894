namespace SemLib;

/// <summary>
/// Base class of the exceptions SemLib throws for input that cannot be analysed (bad syntax, bad data,
/// a model that cannot be built). Statistical outcomes such as non-convergence are never exceptions:
/// they are a status and warnings on the result.
/// </summary>
public class SemLibException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and where.</summary>
    public SemLibException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public SemLibException(string message, Exception inner) : base(message, inner) { }
}
