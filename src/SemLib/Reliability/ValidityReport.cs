using System.Globalization;

namespace SemLib.Reliability;

/// <summary>
/// A set of <see cref="CriterionCheck"/>s with the failures gathered by scale, so that a report can state in one
/// sentence which scale fails which criterion (<see cref="Describe"/>).
/// </summary>
public sealed record ValidityReport
{
    /// <summary>Creates a report from checks (kept in the order given).</summary>
    public ValidityReport(IEnumerable<CriterionCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        Checks = checks.ToArray();
    }

    /// <summary>Every check.</summary>
    public IReadOnlyList<CriterionCheck> Checks { get; }

    /// <summary>The checks that failed.</summary>
    public IReadOnlyList<CriterionCheck> Failures => Checks.Where(c => !c.Passed).ToArray();

    /// <summary>True when every check passed.</summary>
    public bool AllPassed => Checks.All(c => c.Passed);

    /// <summary>The scales with at least one failed check, in order of first appearance.</summary>
    public IReadOnlyList<string> FailingScales => Failures.Select(c => c.Scale).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The failed criteria of one scale (its items included).</summary>
    public IReadOnlyList<CriterionCheck> FailuresOf(string scale) => Failures.Where(c => c.Scale == scale).ToArray();

    /// <summary>This report and another's checks together.</summary>
    public ValidityReport Combine(ValidityReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ValidityReport(Checks.Concat(other.Checks));
    }

    /// <summary>
    /// One sentence: "All 14 checks pass." or e.g. "2 of 14 checks fail: scale 'visual' fails alpha ≥ .70 (0.626;
    /// Nunnally 1978) and AVE ≥ .50 (0.371; Fornell &amp; Larcker 1981), item 'x2' fails … ; scale 'speed' fails …".
    /// </summary>
    public string Describe()
    {
        if (Checks.Count == 0) return "No checks were made.";
        if (AllPassed) return Checks.Count == 1 ? "The check passes." : $"All {Checks.Count} checks pass.";
        var parts = new List<string>();
        foreach (var scale in FailingScales)
        {
            var f = FailuresOf(scale);
            var own = f.Where(c => c.Item is null).Select(Short).ToList();
            var items = f.Where(c => c.Item is not null).GroupBy(c => c.Item!)
                .Select(g => $"item '{g.Key}' fails {Join(g.Select(Short).ToList())}").ToList();
            var clauses = new List<string>();
            if (own.Count > 0) clauses.Add($"scale '{scale}' fails {Join(own)}");
            if (items.Count > 0) clauses.Add(own.Count > 0 ? $"its {string.Join(", ", items)}" : $"scale '{scale}': {string.Join(", ", items)}");
            parts.Add(string.Join(", ", clauses));
        }
        int n = Failures.Count;
        return $"{n} of {Checks.Count} checks fail: {string.Join("; ", parts)}.";
    }

    private static string Short(CriterionCheck c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Rule} ({c.Value:0.000}; {c.Citation})");

    private static string Join(IReadOnlyList<string> s) =>
        s.Count <= 1 ? string.Concat(s) : string.Join(", ", s.Take(s.Count - 1)) + " and " + s[^1];
}
