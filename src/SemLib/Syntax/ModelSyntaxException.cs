namespace SemLib.Syntax;

/// <summary>Thrown when model syntax cannot be read; <see cref="Diagnostics"/> says where and why.</summary>
public sealed class ModelSyntaxException : SemLibException
{
    /// <summary>Creates the exception from the parser's diagnostics (at least one).</summary>
    public ModelSyntaxException(IReadOnlyList<SyntaxDiagnostic> diagnostics)
        : base(diagnostics.Count == 0 ? "Model syntax error."
            : diagnostics[0].Span.Line > 0 ? "Model syntax error at " + diagnostics[0]
            : "Model error: " + diagnostics[0].Message)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, in source order.</summary>
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    /// <summary>The first problem's position.</summary>
    public SourceSpan Span => Diagnostics.Count > 0 ? Diagnostics[0].Span : default;
}
