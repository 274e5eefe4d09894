namespace SemLib.Reliability;

/// <summary>
/// Kaiser–Meyer–Olkin measure of sampling adequacy (Kaiser 1970; Kaiser &amp; Rice 1974), as <c>psych::KMO()</c>:
/// with R the correlation matrix and Q the anti-image correlations (R⁻¹ scaled to unit diagonal), off-diagonal
/// sums give MSA = Σr² / (Σr² + Σq²) overall and per item (column sums).
/// </summary>
public sealed record KmoResult
{
    /// <summary>The items, in order.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>Overall KMO (psych's <c>MSA</c>).</summary>
    public required double Overall { get; init; }

    /// <summary>Per-item measure of sampling adequacy (psych's <c>MSAi</c>), in item order.</summary>
    public required IReadOnlyList<double> ItemAdequacy { get; init; }

    /// <summary>Number of complete rows the correlations came from (null when a correlation matrix was given).</summary>
    public required int? N { get; init; }

    /// <summary>The anti-image correlation matrix (psych's <c>Image</c>).</summary>
    public required LabeledMatrix AntiImageCorrelation { get; init; }

    /// <summary>The measure of sampling adequacy of the named item.</summary>
    public double Msa(string item)
    {
        for (int i = 0; i < Items.Count; i++) if (Items[i] == item) return ItemAdequacy[i];
        throw new KeyNotFoundException($"The KMO analysis has no item named {MessageText.Quote(item)} (items are: {MessageText.List(Items)}).");
    }

    /// <summary>Kaiser's (1974) label for a KMO value: marvelous (≥ .90), meritorious (≥ .80), middling (≥ .70),
    /// mediocre (≥ .60), miserable (≥ .50) or unacceptable.</summary>
    public static string KaiserLabel(double kmo) => kmo switch
    {
        >= 0.9 => "marvelous",
        >= 0.8 => "meritorious",
        >= 0.7 => "middling",
        >= 0.6 => "mediocre",
        >= 0.5 => "miserable",
        _ => "unacceptable",
    };
}
