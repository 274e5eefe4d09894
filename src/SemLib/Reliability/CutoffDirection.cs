namespace SemLib.Reliability;

/// <summary>How a value is compared with its threshold.</summary>
public enum CutoffDirection
{
    /// <summary>Passes when value ≥ threshold.</summary>
    AtLeast,

    /// <summary>Passes when value &gt; threshold.</summary>
    Above,

    /// <summary>Passes when value &lt; threshold.</summary>
    Below,
}
