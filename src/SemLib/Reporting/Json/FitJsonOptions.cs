using SemLib.Resampling;

namespace SemLib.Reporting.Json;

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

    /// <summary>
    /// With <see cref="ModificationIndices"/>, only the indices above this value (lavaan's <c>minimum.value</c>; see
    /// <see cref="SemFit.ModificationIndices(double)"/>); default 0, all of them.
    /// </summary>
    public double MinimumModificationIndex { get; init; }

    /// <summary>
    /// The bootstrap of this fit (<see cref="Resampling.Bootstrap.Run"/>), or null. When given, the document reads as
    /// lavaan's <c>parameterEstimates()</c> after <c>se = "bootstrap"</c>: every free and defined row carries the
    /// bootstrap SE, z = est/se, its normal p-value and the bootstrap interval of the chosen type; the bootstrap's
    /// warnings join <c>warnings</c>; and a <c>bootstrap</c> object is added (an extension of the command-line JSON
    /// contract): <c>draws</c>, <c>converged</c>, <c>failed</c>, <c>seed</c>, <c>ci_type</c> (perc, bc or bca),
    /// <c>bollen_stine_pvalue</c> (null unless asked) and <c>effects</c> (from, to, kind, path, est, se, ci.lower,
    /// ci.upper, std.all, std.all.ci.lower, std.all.ci.upper).
    /// </summary>
    public BootstrapResult? Bootstrap { get; init; }
}
