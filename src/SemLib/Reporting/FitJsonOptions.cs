namespace SemLib.Reporting;

/// <summary>What <see cref="FitJson"/> writes and how.</summary>
public sealed record FitJsonOptions
{
    /// <summary>The defaults: indented, without modification indices.</summary>
    public static readonly FitJsonOptions Default = new();

    /// <summary>Indent the document for reading (default true); false writes it on one line.</summary>
    public bool Indented { get; init; } = true;

    /// <summary>
    /// Add a <c>modification_indices</c> array (lavaan's <c>modindices()</c>: lhs, op, rhs, group, mi, epc,
    /// sepc.lv, sepc.all), an extension of the command-line JSON contract (default false).
    /// </summary>
    public bool ModificationIndices { get; init; }
}
