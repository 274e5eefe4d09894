namespace SemLib.Reliability;

/// <summary>Which minimum and maximum a reverse-keyed item is rescored with (x ↦ min + max − x) when the
/// response range is not given on the <see cref="ScaleDefinition"/>.</summary>
public enum ReverseKeyRange
{
    /// <summary>The smallest and largest observed value over all items of the scale: what
    /// <c>psych::alpha(keys = …)</c> does (<c>min(x)</c> and <c>max(x)</c> of the whole item matrix).</summary>
    ScaleObserved,

    /// <summary>The smallest and largest observed value of that item alone.</summary>
    ItemObserved,
}
