namespace SemLib.Syntax;

/// <summary>A position in model syntax: 1-based line and column, and the length of the text it covers.</summary>
public readonly record struct SourceSpan(int Line, int Column, int Length = 1)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}, column {Column}";
}
