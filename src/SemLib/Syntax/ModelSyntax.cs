namespace SemLib.Syntax;

/// <summary>The result of reading model syntax: the model, or the diagnostics that say why it could not be read.</summary>
public sealed record ModelParseResult(ParsedModel? Model, IReadOnlyList<SyntaxDiagnostic> Diagnostics)
{
    /// <summary>True when the syntax was read without errors.</summary>
    public bool Success => Model is not null && Diagnostics.Count == 0;
}

/// <summary>Reads lavaan model syntax.</summary>
public static class ModelSyntax
{
    /// <summary>Parses model syntax and reports every problem with its line and column instead of throwing.</summary>
    public static ModelParseResult TryParse(string syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var diagnostics = new List<SyntaxDiagnostic>();
        var statements = SyntaxParser.Parse(syntax.Replace("\r\n", "\n").Replace('\r', '\n'), diagnostics);
        if (diagnostics.Count == 0 && statements.Count == 0)
            diagnostics.Add(new SyntaxDiagnostic(new SourceSpan(1, 1), "The model is empty: write at least one statement such as 'f =~ x1 + x2 + x3'."));
        diagnostics.Sort((a, b) => a.Span.Line != b.Span.Line ? a.Span.Line.CompareTo(b.Span.Line) : a.Span.Column.CompareTo(b.Span.Column));
        return new ModelParseResult(diagnostics.Count == 0 ? new ParsedModel(statements) : null, diagnostics);
    }

    /// <summary>Parses model syntax; throws <see cref="ModelSyntaxException"/> (with line and column) on an error.</summary>
    public static ParsedModel Parse(string syntax)
    {
        var result = TryParse(syntax);
        if (!result.Success) throw new ModelSyntaxException(result.Diagnostics);
        return result.Model!;
    }
}
