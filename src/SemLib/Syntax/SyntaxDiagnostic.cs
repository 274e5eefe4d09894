namespace SemLib.Syntax;

/// <summary>One problem found in model syntax, with where it is.</summary>
/// <param name="Span">Line and column of the offending text.</param>
/// <param name="Message">A full sentence saying what is wrong and what was expected.</param>
public sealed record SyntaxDiagnostic(SourceSpan Span, string Message)
{
    /// <inheritdoc/>
    /// <remarks>A model made with <see cref="Specification.ModelBuilder"/> has no source text (line 0): only the message.</remarks>
    public override string ToString() => Span.Line > 0 ? $"{Span}: {Message}" : Message;
}
