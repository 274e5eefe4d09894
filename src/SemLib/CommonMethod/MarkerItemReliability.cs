namespace SemLib.CommonMethod;

/// <summary>
/// One substantive indicator's reliability split into its trait and marker-method parts, in the accepted method
/// model's completely standardized solution (Williams, Hartman &amp; Cavazotte 2010).
/// </summary>
/// <param name="Item">The indicator.</param>
/// <param name="Substantive">Squared std.all trait loading: the share of the item's variance due to its trait.</param>
/// <param name="Method">Squared std.all marker-method loading: the share due to the method factor.</param>
public sealed record MarkerItemReliability(string Item, double Substantive, double Method)
{
    /// <summary>Substantive plus method: the item's total reliability (its R²).</summary>
    public double Total => Substantive + Method;
}
