namespace SemLib.Reliability;

/// <summary>
/// Checks results against the customary cut-offs in <see cref="ValidityCutoffs"/> (each cited there), producing
/// <see cref="CriterionCheck"/> records; gather them in a <see cref="ValidityReport"/> to describe the failures.
/// </summary>
public static class ValidityAssessment
{
    /// <summary>Alpha ≥ .70 for the scale and r.drop ≥ .30 for each item.</summary>
    public static IReadOnlyList<CriterionCheck> Check(ScaleReliability scale, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var c = cutoffs ?? new ValidityCutoffs();
        var checks = new List<CriterionCheck> { Make(scale.Scale, null, null, ValidityCriterion.Alpha, scale.Alpha, c.Alpha, CutoffDirection.AtLeast) };
        foreach (var item in scale.ItemStatistics)
            checks.Add(Make(scale.Scale, item.Item, null, ValidityCriterion.CorrectedItemTotalCorrelation, item.CorrectedItemTotalCorrelation, c.CorrectedItemTotalCorrelation, CutoffDirection.AtLeast));
        return checks;
    }

    /// <summary>Overall KMO ≥ .60 and each item's MSA ≥ .50; <paramref name="scale"/> names the item set.</summary>
    public static IReadOnlyList<CriterionCheck> Check(KmoResult kmo, string scale = "all items", ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(kmo);
        var c = cutoffs ?? new ValidityCutoffs();
        var checks = new List<CriterionCheck> { Make(scale, null, null, ValidityCriterion.Kmo, kmo.Overall, c.Kmo, CutoffDirection.AtLeast) };
        for (int i = 0; i < kmo.Items.Count; i++)
            checks.Add(Make(scale, kmo.Items[i], null, ValidityCriterion.ItemSamplingAdequacy, kmo.ItemAdequacy[i], c.ItemSamplingAdequacy, CutoffDirection.AtLeast));
        return checks;
    }

    /// <summary>HTMT &lt; .85 for every pair of constructs.</summary>
    public static IReadOnlyList<CriterionCheck> Check(HtmtResult htmt, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(htmt);
        var c = cutoffs ?? new ValidityCutoffs();
        var checks = new List<CriterionCheck>();
        for (int i = 0; i < htmt.Constructs.Count; i++)
            for (int j = i + 1; j < htmt.Constructs.Count; j++)
                checks.Add(Make(htmt.Constructs[i], null, htmt.Constructs[j], ValidityCriterion.Htmt, htmt.Matrix[i, j], c.Htmt, CutoffDirection.Below));
        return checks;
    }

    /// <summary>√AVE above the largest absolute latent correlation, for each factor.</summary>
    public static IReadOnlyList<CriterionCheck> Check(FornellLarckerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Factors.Select((f, i) => Make(f, null, table.MostCorrelatedWith[i], ValidityCriterion.FornellLarcker,
            table.SqrtAve[i], table.MaxCorrelation[i], CutoffDirection.Above)).ToList();
    }

    /// <summary>For one factor of a CFA: each absolute standardized loading ≥ .50 (a strong negative loading is a
    /// reverse-worded item, not a weak one; the EFA check and the reports judge |λ| too), CR ≥ .70 and AVE ≥ .50, from its
    /// standardized loadings (<see cref="ConstructReliability"/>).</summary>
    public static IReadOnlyList<CriterionCheck> Check(FactorLoadings standardized, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(standardized);
        var c = cutoffs ?? new ValidityCutoffs();
        var checks = new List<CriterionCheck>();
        for (int i = 0; i < standardized.Items.Count; i++)
            checks.Add(Make(standardized.Factor, standardized.Items[i], null, ValidityCriterion.StandardizedLoading, Math.Abs(standardized.Loadings[i]), c.StandardizedLoading, CutoffDirection.AtLeast));
        checks.Add(Make(standardized.Factor, null, null, ValidityCriterion.CompositeReliability, ConstructReliability.CompositeReliability(standardized), c.CompositeReliability, CutoffDirection.AtLeast));
        checks.Add(Make(standardized.Factor, null, null, ValidityCriterion.AverageVarianceExtracted, ConstructReliability.AverageVarianceExtracted(standardized), c.AverageVarianceExtracted, CutoffDirection.AtLeast));
        return checks;
    }

    /// <summary>For an EFA: each item's largest absolute loading (pattern) ≥ .50, reported under that factor.</summary>
    public static IReadOnlyList<CriterionCheck> Check(EfaResult efa, ValidityCutoffs? cutoffs = null)
    {
        ArgumentNullException.ThrowIfNull(efa);
        var c = cutoffs ?? new ValidityCutoffs();
        var checks = new List<CriterionCheck>();
        for (int i = 0; i < efa.Items.Count; i++)
        {
            var row = efa.Loadings.Row(i);
            int best = Enumerable.Range(0, row.Length).OrderByDescending(j => Math.Abs(row[j])).First();
            checks.Add(Make(efa.FactorNames[best], efa.Items[i], null, ValidityCriterion.StandardizedLoading, Math.Abs(row[best]), c.StandardizedLoading, CutoffDirection.AtLeast));
        }
        return checks;
    }

    /// <summary>A report of the checks.</summary>
    public static ValidityReport Report(params IEnumerable<CriterionCheck>[] checks) => new(checks.SelectMany(c => c));

    private static CriterionCheck Make(string scale, string? item, string? other, ValidityCriterion criterion, double value, double threshold, CutoffDirection direction) => new()
    {
        Scale = scale,
        Item = item,
        OtherScale = other,
        Criterion = criterion,
        Value = value,
        Threshold = threshold,
        Direction = direction,
        Citation = ValidityCutoffs.CitationOf(criterion),
    };
}
