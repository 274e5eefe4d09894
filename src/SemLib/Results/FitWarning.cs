namespace SemLib.Results;

/// <summary>
/// A warning about a fit: what kind of problem it is, the sentence that explains it (what the text and JSON output
/// print, and <see cref="ToString"/> returns), and the variables or parameters it is about — variable names, or
/// parameters in lavaan's notation (<c>visual=~x2</c>, <c>x1~~x1</c>); empty when it concerns none in particular.
/// </summary>
/// <param name="Kind">What the warning is about.</param>
/// <param name="Message">The warning as one sentence (or a few), as printed.</param>
/// <param name="Variables">The variables or parameters it names; may be empty.</param>
public sealed record FitWarning(FitWarningKind Kind, string Message, IReadOnlyList<string> Variables)
{
    /// <summary>A warning that names no variable or parameter.</summary>
    public FitWarning(FitWarningKind kind, string message) : this(kind, message, []) { }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
