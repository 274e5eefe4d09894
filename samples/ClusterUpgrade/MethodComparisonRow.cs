using SemLib.Results;

namespace ClusterUpgrade;

/// <summary>
/// One hypothesis path estimated two ways: by <see cref="Design.Fiml"/> on every firm and by
/// <see cref="Design.Listwise"/> on the firms that answered every item.
/// </summary>
public sealed record MethodComparisonRow(string Id, string Path, ParameterEstimate Fiml, ParameterEstimate Listwise)
{
    public bool FimlSupported => Supports(Fiml);
    public bool ListwiseSupported => Supports(Listwise);

    /// <summary>A directional hypothesis is supported when the standardized path is positive and p &lt; .05.</summary>
    public static bool Supports(ParameterEstimate p) => p.StdAll > 0 && p.PValue < 0.05;
}
