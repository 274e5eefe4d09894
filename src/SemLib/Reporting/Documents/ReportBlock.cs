namespace SemLib.Reporting.Documents;

/// <summary>
/// A piece of content of a <see cref="ReportSection"/>: a <see cref="ReportParagraph"/>, a <see cref="ReportTable"/>,
/// a <see cref="ReportList"/> or a <see cref="ReportDiagram"/>. The set is closed so that every renderer can render
/// every block; new kinds of results become tables (any columns, any flags) rather than new block types.
/// </summary>
public abstract record ReportBlock
{
    private protected ReportBlock() { }
}
