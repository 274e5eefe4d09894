using System.Globalization;

namespace SemLib.CommonMethod;

/// <summary>
/// The verdict sentences: what each check found and what it can and cannot show.
/// <list type="bullet">
/// <item>Harman's test detects method variance only when it dominates the data; passing it is weak evidence that there
/// is no method bias, and failing it does not measure how much bias there is (Podsakoff et al. 2003, p. 889;
/// Podsakoff, MacKenzie &amp; Podsakoff 2012, Annual Review of Psychology 63, 539–569). The 50% threshold is a
/// convention, not a test.</item>
/// <item>The common latent factor assumes one method effect, equal on every item, uncorrelated with the traits; it
/// cannot tell method variance from any unmodelled general factor and may detect it poorly (Richardson, Simmering
/// &amp; Sturman 2009, Organizational Research Methods 12(4), 762–800). About 25% of method variance is what
/// reviews of self-report measures found on average (Cote &amp; Buckley 1987; Williams, Cote &amp; Buckley 1989).</item>
/// <item>The marker technique detects only the method variance the marker items share with the substantive items
/// (Williams, Hartman &amp; Cavazotte 2010; Lindell &amp; Whitney 2001).</item>
/// </list>
/// </summary>
internal static class MethodBiasVerdicts
{
    public static IReadOnlyList<string> For(MethodBiasResult r, double alpha)
    {
        var v = new List<string>();
        double share = r.Harman.FirstComponentShare;
        v.Add(share > 0.5
            ? $"Harman's test: the first unrotated component accounts for {Pct(share)} of the items' variance (more than 50%), so one factor dominates the items, which is consistent with substantial common method variance (Podsakoff et al. 2003). It does not say how much the method inflates or deflates the relations between traits."
            : $"Harman's test: the first unrotated component accounts for {Pct(share)} of the items' variance (not more than 50%). This is weak evidence: the test detects method variance only when it dominates the data, so passing it does not show that there is no method bias (Podsakoff et al. 2003, p. 889).");
        var sf = r.Harman.SingleFactorVsMeasurement;
        if (sf.PValue is { } p1)
            v.Add(p1 < alpha
                ? $"The one-factor model fits significantly worse than the measurement model (Δχ² = {F2(sf.DeltaChiSquare)}, Δdf = {sf.DeltaDf}, p {P(p1)}): the items are not one method factor, but method variance that coexists with the traits is not ruled out."
                : $"The one-factor model does not fit significantly worse than the measurement model (Δχ² = {F2(sf.DeltaChiSquare)}, Δdf = {sf.DeltaDf}, p {P(p1)}): the traits are not distinguishable from one common factor, which may be a method factor (or the traits may not be distinct).");
        else if (r.Traits.Count == 1)
            v.Add("With one trait the one-factor model is the measurement model, so the confirmatory form of Harman's test says nothing; the common latent factor is then not separable from the trait either.");
        var clf = r.CommonLatentFactor;
        if (clf.VsMeasurement.PValue is { } p2 && clf.MethodVarianceShare is { } ms)
            v.Add((p2 < alpha
                ? $"Common latent factor: adding a method factor with one common loading improves fit significantly (Δχ² = {F2(clf.VsMeasurement.DeltaChiSquare)}, Δdf = 1, p {P(p2)}); it accounts for {Pct(ms)} of the items' variance on average ({(ms > 0.25 ? "more" : "less")} than the roughly 25% of method variance reported for self-report measures: Cote & Buckley 1987; Williams, Cote & Buckley 1989)."
                : $"Common latent factor: adding a method factor with one common loading does not improve fit significantly (Δχ² = {F2(clf.VsMeasurement.DeltaChiSquare)}, Δdf = 1, p {P(p2)}); it would account for {Pct(ms)} of the items' variance on average.")
                + " The model assumes one equal method effect uncorrelated with the traits and cannot tell method variance from any unmodelled general factor; it is known to detect method variance unreliably (Richardson, Simmering & Sturman 2009).");
        if (clf.Fit.Converged && !clf.Fit.Clean)
            v.Add($"The common latent factor solution is not clean ({clf.Fit.Status}: see the warnings, e.g. a negative trait variance): the method factor competes with the traits for the same covariation, and its loading and method share should not be interpreted.");
        else if (clf.VsMeasurement.PValue is null || clf.MethodVarianceShare is null)
            v.Add("Common latent factor: the model did not converge (or its test could not be done), so it gives no evidence either way.");
        if (r.Marker is { } mk)
        {
            if (mk.BaselineVsMethodC.PValue is { } p3)
                v.Add(p3 < alpha
                    ? $"Marker technique: the marker factor loads on the substantive items (baseline vs Method-C: Δχ² = {F2(mk.BaselineVsMethodC.DeltaChiSquare)}, Δdf = {mk.BaselineVsMethodC.DeltaDf}, p {P(p3)}), so method variance shared with the markers is present; {(mk.AcceptedIsMethodU ? "it differs across items (Method-U fits better than Method-C)" : "an equal effect on every item suffices (Method-U is not significantly better than Method-C)")} (Williams, Hartman & Cavazotte 2010)."
                    : $"Marker technique: no significant method variance shared with the markers (baseline vs Method-C: Δχ² = {F2(mk.BaselineVsMethodC.DeltaChiSquare)}, Δdf = {mk.BaselineVsMethodC.DeltaDf}, p {P(p3)}). The technique sees only the method variance the marker items share with the substantive ones (Williams, Hartman & Cavazotte 2010).");
            if (mk.AcceptedVsMethodR.PValue is { } p4)
                v.Add(p4 < alpha
                    ? $"Method-R fits significantly worse than {(mk.AcceptedIsMethodU ? "Method-U" : "Method-C")} (Δχ² = {F2(mk.AcceptedVsMethodR.DeltaChiSquare)}, Δdf = {mk.AcceptedVsMethodR.DeltaDf}, p {P(p4)}): controlling for the marker-method factor changes the trait correlations, so method variance biases them."
                    : $"Method-R does not fit significantly worse than {(mk.AcceptedIsMethodU ? "Method-U" : "Method-C")} (Δχ² = {F2(mk.AcceptedVsMethodR.DeltaChiSquare)}, Δdf = {mk.AcceptedVsMethodR.DeltaDf}, p {P(p4)}): the trait correlations are not significantly biased by the marker-method factor.");
        }
        else
            v.Add("No marker items were given: a marker variable (an item theoretically unrelated to the traits, measured the same way) gives the more direct test of Williams, Hartman & Cavazotte (2010); procedural remedies in the design matter more than any statistical check (Podsakoff et al. 2003, 2012).");
        return v;
    }

    private static string Pct(double x) => (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string F2(double? x) => x is { } d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "NA";

    private static string P(double p) => p < 0.001 ? "< .001" : "= " + p.ToString("0.000", CultureInfo.InvariantCulture).TrimStart('0');
}
