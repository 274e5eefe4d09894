using System.Globalization;

namespace SemLib.Reliability;

/// <summary>
/// One reliability or validity check: which scale (and item, or second construct) it concerns, the criterion, the
/// value, the threshold, whether it passed and the source of the cut-off.
/// </summary>
public sealed record CriterionCheck
{
    /// <summary>The scale, construct or factor checked (for an HTMT pair, the first construct).</summary>
    public required string Scale { get; init; }

    /// <summary>The item, when the check concerns one item of <see cref="Scale"/>.</summary>
    public string? Item { get; init; }

    /// <summary>The second construct of an HTMT pair, or the factor most correlated with <see cref="Scale"/> for the
    /// Fornell–Larcker criterion.</summary>
    public string? OtherScale { get; init; }

    /// <summary>The criterion.</summary>
    public required ValidityCriterion Criterion { get; init; }

    /// <summary>The value found.</summary>
    public required double Value { get; init; }

    /// <summary>The threshold it is compared with.</summary>
    public required double Threshold { get; init; }

    /// <summary>How value and threshold are compared.</summary>
    public required CutoffDirection Direction { get; init; }

    /// <summary>True when the value meets the criterion.</summary>
    public bool Passed => Direction switch
    {
        CutoffDirection.AtLeast => Value >= Threshold,
        CutoffDirection.Above => Value > Threshold,
        _ => Value < Threshold,
    };

    /// <summary>The source of the cut-off (e.g. "Nunnally 1978").</summary>
    public required string Citation { get; init; }

    /// <summary>The rule in words, e.g. "alpha ≥ .70" or "√AVE > r(visual, speed) = .47".</summary>
    public string Rule
    {
        get
        {
            string op = Direction switch { CutoffDirection.AtLeast => "≥", CutoffDirection.Above => ">", _ => "<" };
            string t = Threshold.ToString(".00", CultureInfo.InvariantCulture);
            return Criterion switch
            {
                ValidityCriterion.Alpha => $"alpha {op} {t}",
                ValidityCriterion.CorrectedItemTotalCorrelation => $"corrected item–total r {op} {t}",
                ValidityCriterion.Kmo => $"KMO {op} {t}",
                ValidityCriterion.ItemSamplingAdequacy => $"MSA {op} {t}",
                ValidityCriterion.StandardizedLoading => $"standardized loading {op} {t}",
                ValidityCriterion.CompositeReliability => $"CR {op} {t}",
                ValidityCriterion.AverageVarianceExtracted => $"AVE {op} {t}",
                ValidityCriterion.Htmt => $"HTMT with '{OtherScale}' {op} {t}",
                ValidityCriterion.FornellLarcker => $"√AVE {op} |r| with '{OtherScale}' = {t}",
                _ => $"{Criterion} {op} {t}",
            };
        }
    }

    /// <summary>One line, e.g. "scale 'visual': alpha ≥ .70 fails (0.626; Nunnally 1978)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{(Item is null ? $"scale '{Scale}'" : $"item '{Item}' of scale '{Scale}'")}: {Rule} {(Passed ? "passes" : "fails")} ({Value:0.000}; {Citation})");
}
