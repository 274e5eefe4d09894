namespace SemLib.Syntax;

/// <summary>One problem found in model syntax, with where it is.</summary>
/// <param name="Span">Line and column of the offending text.</param>
/// <param name="Message">A full sentence saying what is wrong and what was expected.</param>
public sealed record SyntaxDiagnostic(SourceSpan Span, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Span}: {Message}";
}
