namespace SemLib.Data;

/// <summary>Thrown when data cannot be analysed: a missing variable, a non-numeric cell, a constant column,
/// a singular covariance matrix. The message names the variable and, where there is one, the row.</summary>
public sealed class DataException : SemLibException
{
    /// <summary>Creates the exception.</summary>
    public DataException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public DataException(string message, Exception inner) : base(message, inner) { }
}
