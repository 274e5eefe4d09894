using MathNet.Numerics;
using SemLib.Results;

namespace SemLib;

/// <summary>
/// Nested-model comparison as lavaan's <c>lavTestLRT()</c>: the models sorted by degrees of freedom, each tested
/// against the previous one by the χ² difference Δχ² on Δdf (Steiger, Shapiro &amp; Browne 1985), with AIC and BIC
/// side by side and the RMSEA of the difference, √max(0, (Δχ² − Δdf)/(Δdf·N))·√G. When every model has a scaled test
/// (MLM, MLR, ML with <c>test = "satorra.bentler"</c>; a saturated model may have none) the difference is scaled as
/// lavaan 0.6.14's default for these tests (method "satorra.bentler.2001", Satorra &amp; Bentler 2001): with T the
/// standard statistics, r the df and c the scaling factors of the less (1) and more (0) restricted model,
/// c_d = (r₀c₀ − r₁c₁)/(r₀ − r₁) (c₁ = 1 when r₁ = 0) and ΔT = (T₀ − T₁)/c_d on r₀ − r₁ df; no RMSEA column.
/// Fits of ordered items with the scaled-and-shifted test (WLSMV, ULSMV) get lavaan's default for that test instead,
/// method "satorra.2000": the mean-and-variance adjusted difference a·(T₀ − T₁) + b on r₀ − r₁ df
/// (<see cref="Inference.ScaledDifferenceTest"/>); with the standard test (DWLS, WLS) the plain difference, as lavaan.
/// </summary>
public static class ModelComparison
{
    /// <summary>
    /// Compares fitted models of the same data; names default to m1, m2, …. Models of different observed variables,
    /// estimators or numbers of observations are refused with a <see cref="SemLibException"/>.
    /// </summary>
    public static IReadOnlyList<ModelComparisonRow> ChiSquareDifference(IReadOnlyList<SemFit> fits, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(fits);
        if (fits.Count < 2) throw new ArgumentException("A comparison needs at least two models.", nameof(fits));
        names ??= Enumerable.Range(1, fits.Count).Select(i => $"m{i}").ToList();
        if (names.Count != fits.Count) throw new ArgumentException("Give one name per model.", nameof(names));
        var first = fits[0];
        foreach (var f in fits)
        {
            if (!f.Converged) throw new SemLibException("A model that did not converge cannot be compared.");
            if (f.Estimator != first.Estimator) throw new SemLibException("The models were fitted with different estimators.");
            if (!f.NObs.SequenceEqual(first.NObs)) throw new SemLibException($"The models were fitted to different numbers of observations ({string.Join("/", first.NObs)} and {string.Join("/", f.NObs)}); nested models must share the data.");
        }
        for (int i = 1; i < fits.Count; i++) CheckSameVariables(fits[0], names[0], fits[i], names[i]);
        for (int i = 1; i < fits.Count; i++) CheckSameOrdered(fits[0], names[0], fits[i], names[i]);
        var scaledFlags = fits.Select(f => f.Tests.Count > 1).ToList();
        bool scaled = scaledFlags.Any(x => x);
        if (scaled && fits.Where((f, i) => !scaledFlags[i] && f.FitMeasures["df"] > 0).Any())
            throw new SemLibException("Some models (but not all) have scaled test statistics; a difference test needs the same kind of test for every model (fit them with the same estimator and test).");
        // lavaan's default method follows the test: satorra.2000 for the scaled-shifted test of ordered items.
        bool satorra2000 = scaled && fits.All(f => f.Fitted.Sample.Categorical)
            && fits.Where(f => f.Tests.Count > 1).All(f => f.Tests[1].Kind == Estimation.TestType.ScaledShifted);
        string method = !scaled ? "standard" : satorra2000 ? "satorra.2000" : "satorra.bentler.2001";
        var order = Enumerable.Range(0, fits.Count).OrderBy(i => fits[i].FitMeasures["df"]).ThenBy(i => fits[i].FitMeasures["chisq"]).ToList();
        // lavTestLRT's RMSEA of the difference divides by ntotal whatever the estimator (the models' own RMSEA uses N − G
        // for the least-squares estimators of ordered items; this one does not).
        double n = first.Fitted.Sample.Categorical ? first.Fitted.Sample.TotalN : first.Fitted.Sample.StatisticN;
        int groups = first.NObs.Count;
        var rows = new List<ModelComparisonRow>();
        for (int k = 0; k < order.Count; k++)
        {
            var f = fits[order[k]];
            double chisq = f.FitMeasures["chisq"]!.Value;
            int df = (int)f.FitMeasures["df"]!.Value;
            double? aic = f.FitMeasures.TryGetValue("aic", out var a) ? a : null;
            double? bic = f.FitMeasures.TryGetValue("bic", out var b) ? b : null;
            if (k == 0)
            {
                rows.Add(new ModelComparisonRow(names[order[k]], df, aic, bic, chisq, null, null, null, null) { Method = method });
                continue;
            }
            var prev = fits[order[k - 1]];
            double dChi = chisq - prev.FitMeasures["chisq"]!.Value;
            int dDf = df - (int)prev.FitMeasures["df"]!.Value;
            if (satorra2000)
            {
                rows.Add(Satorra2000Row(names[order[k]], f, prev, aic, bic, chisq, dChi, df));
                continue;
            }
            if (scaled)
            {
                rows.Add(ScaledRow(names[order[k]], f, prev, aic, bic, chisq, dChi, df, dDf));
                continue;
            }
            // The upper tail directly: 1 − CDF loses the relative precision of small p-values (1e-14 came out 0.4% off).
            double? p = dDf > 0 ? SpecialFunctions.GammaUpperRegularized(dDf / 2.0, Math.Max(dChi, 0) / 2) : null;
            double? rmsea = dDf > 0 ? Math.Sqrt(Math.Max(0, (dChi - dDf) / (dDf * n))) * Math.Sqrt(groups) : null;
            rows.Add(new ModelComparisonRow(names[order[k]], df, aic, bic, chisq, dChi, rmsea, dDf, p) { StandardChiSquareDifference = dChi });
        }
        return rows;
    }

    /// <summary>The Satorra–Bentler (2001) scaled difference of model <paramref name="f"/> (more restricted) against <paramref name="prev"/>.</summary>
    private static ModelComparisonRow ScaledRow(string name, SemFit f, SemFit prev, double? aic, double? bic, double chisq, double dChi, int df, int dDf)
    {
        int df1 = (int)prev.FitMeasures["df"]!.Value;
        double c0 = ScalingFactor(f), c1 = df1 == 0 ? 1 : ScalingFactor(prev);
        if (dDf == 0)
            return new ModelComparisonRow(name, df, aic, bic, chisq, dChi, null, dDf, null) { Method = "satorra.bentler.2001", StandardChiSquareDifference = dChi };
        double cd = (df * c0 - df1 * c1) / dDf;
        // A negative c_d (possible in small samples) leaves no scaled difference; lavaan reports NA with a warning.
        double? scaledDiff = cd > 0 ? dChi / cd : null;
        double? p = scaledDiff is { } t && dDf > 0 ? SpecialFunctions.GammaUpperRegularized(dDf / 2.0, Math.Max(t, 0) / 2) : null;
        return new ModelComparisonRow(name, df, aic, bic, chisq, scaledDiff, null, dDf, p)
        {
            Method = "satorra.bentler.2001",
            StandardChiSquareDifference = dChi,
            DifferenceScalingFactor = cd > 0 ? cd : null,
        };
    }

    /// <summary>The scaled-and-shifted difference (Satorra 2000) of model <paramref name="f"/> (more restricted) against <paramref name="prev"/>.</summary>
    private static ModelComparisonRow Satorra2000Row(string name, SemFit f, SemFit prev, double? aic, double? bic, double chisq, double dChi, int df)
    {
        var test = Inference.ScaledDifferenceTest.Compute(prev.Fitted, f.Fitted);
        bool ok = test.Df > 0 && double.IsFinite(test.Statistic);
        // lavaan leaves the p-value of a zero df difference out (NA, with a warning that the models have the same df).
        double? p = ok ? SpecialFunctions.GammaUpperRegularized(test.Df / 2.0, Math.Max(test.Statistic, 0) / 2) : null;
        return new ModelComparisonRow(name, df, aic, bic, chisq, double.IsFinite(test.Statistic) ? test.Statistic : null, null, test.Df, p)
        {
            Method = "satorra.2000",
            StandardChiSquareDifference = dChi,
            DifferenceScale = ok ? test.Scale : null,
            DifferenceShift = ok ? test.Shift : null,
        };
    }

    private static double ScalingFactor(SemFit fit) => fit.Tests.Count > 1 ? fit.Tests[1].ScalingFactor : double.NaN;

    /// <summary>
    /// Fits of ordered items are fitted to thresholds and polychoric correlations: a variable ordered in one model and
    /// continuous in the other gives different sample statistics, so the models are not nested.
    /// </summary>
    private static void CheckSameOrdered(SemFit a, string nameA, SemFit b, string nameB)
    {
        var onlyA = a.Table.Ordered.Except(b.Table.Ordered, StringComparer.Ordinal).ToList();
        var onlyB = b.Table.Ordered.Except(a.Table.Ordered, StringComparer.Ordinal).ToList();
        if (onlyA.Count == 0 && onlyB.Count == 0) return;
        var parts = new List<string>();
        if (onlyA.Count > 0) parts.Add($"{nameA} treats {string.Join(", ", onlyA)} as ordered, {nameB} does not");
        if (onlyB.Count > 0) parts.Add($"{nameB} treats {string.Join(", ", onlyB)} as ordered, {nameA} does not");
        throw new SemLibException($"The models treat different variables as ordered ({string.Join("; ", parts)}), so they are fitted to different sample statistics "
            + "(thresholds and polychoric correlations against means and covariances) and are not nested; give every model the same ordered variables.");
    }

    /// <summary>
    /// Models of different observed variables are fitted to different data (their χ² are about different covariance
    /// matrices), so they are not nested and their χ² difference means nothing; lavaan's lavTestLRT() likewise requires
    /// the models to be fitted to the same data. The message names the variables that differ.
    /// </summary>
    private static void CheckSameVariables(SemFit a, string nameA, SemFit b, string nameB)
    {
        var onlyA = a.Table.ObservedVariables.Except(b.Table.ObservedVariables, StringComparer.Ordinal).ToList();
        var onlyB = b.Table.ObservedVariables.Except(a.Table.ObservedVariables, StringComparer.Ordinal).ToList();
        if (onlyA.Count == 0 && onlyB.Count == 0) return;
        var parts = new List<string>();
        if (onlyA.Count > 0) parts.Add($"{nameA} has {string.Join(", ", onlyA)}, which {nameB} does not");
        if (onlyB.Count > 0) parts.Add($"{nameB} has {string.Join(", ", onlyB)}, which {nameA} does not");
        throw new SemLibException($"The models use different observed variables ({string.Join("; ", parts)}), so they are fitted to different data and are not nested; "
            + "a chi-square difference test needs models of the same variables (as lavaan's lavTestLRT).");
    }
}
