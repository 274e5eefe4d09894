namespace SemLib.Reporting.Documents;

/// <summary>A section of a <see cref="ReportDocument"/>: a heading and its blocks.</summary>
public sealed record ReportSection
{
    /// <summary>Creates a section.</summary>
    public ReportSection(string heading, params IReadOnlyList<ReportBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(blocks);
        Heading = heading;
        Blocks = blocks.ToArray();
    }

    /// <summary>The heading (change it with <c>section with { Heading = … }</c>).</summary>
    public string Heading { get; init; }

    /// <summary>The content, in order.</summary>
    public IReadOnlyList<ReportBlock> Blocks { get; }
}
