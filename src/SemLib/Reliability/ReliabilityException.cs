namespace SemLib.Reliability;

/// <summary>
/// Thrown when a reliability or validity analysis cannot be carried out on its input: a scale with fewer than
/// two items, an item that is not in the data, a constant item or one with no observed values, a singular
/// correlation matrix, or more factors than the data can identify. The message names the scale and the items.
/// Statistical outcomes (a low or negative alpha, a Heywood case) are never exceptions: they are warnings on
/// the result.
/// </summary>
public sealed class ReliabilityException : SemLibException
{
    /// <summary>Creates the exception with a message that names the scale or item.</summary>
    public ReliabilityException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ReliabilityException(string message, Exception inner) : base(message, inner) { }
}
