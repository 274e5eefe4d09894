using System.Globalization;
using System.Text.Json;
using SemLib.Tests.Support;

namespace SemLib.Tests.Reference;

/// <summary>
/// The random ordinal corpus (SemLib issue 10): random CFA and SEM models (2–5 factors, 3–6 indicators, loadings of
/// either sign — negative markers too —, latent regressions) on latent responses cut into 2–7 categories at even,
/// random, skewed or rare-category thresholds; two groups (configural or equal thresholds and loadings), theta
/// parameterization, DWLS and ULSMV, uncut continuous indicators and an omitted cross-loading mixed in. Expected
/// values: Reference/ordinal-corpus/*/case.json, written by scripts/make-ordinal-corpus.R with lavaan 0.6.14
/// (field <c>reference</c>; the population, thresholds and seed are in its <c>generator</c> field; the candidates
/// lavaan could not fit are listed in summary.json).
/// Every case converged in lavaan; SemLib must converge too and agree on every parameter row (estimate, SE, z, p,
/// CI, std.lv, std.all, free), fit measure, test (statistic, df, p, scaling factor, shift) and R² under
/// |SemLib − lavaan| ≤ 1e-3·max(1, |lavaan|) — unless SemLib reaches a lower χ² than lavaan, which the fixture must
/// then document in a <c>semlib_lower_chisq</c> note with the evidence (lavaan's fit function at SemLib's estimates),
/// and except the cases in <see cref="KnownDisagreements"/>, which are checked to still disagree, so that this test
/// fails (and the entry must go) once SemLib is fixed.
/// </summary>
public sealed class OrdinalCorpusTests
{
    private const string Set = "ordinal-corpus";

    /// <summary>Cases where SemLib is known to disagree with lavaan, with the reason (reported to the lead).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownDisagreements = new Dictionary<string, string>
    {
        ["o07-cfa4-theta"] = "polychoric y2~~y14 on a flat likelihood (y14's rare category only with y2 = 6): lavaan stops at -0.9366, SemLib at -0.9950 (not converged); weight 6e-13, so only the SRMR family differs (srmr 0.06050 vs 0.06277)",
        ["o19-cfa5-ulsmv"] = "ULSMV (unit weights) with five polychorics of y2 (a 4-row category) on exactly flat likelihoods near the bound: y2 with y3, y6, y7, y21, y24 SemLib -0.9978/0.9980/-0.9959/0.9978/-0.9966, lavaan's lavCor -0.999/0.999/-0.9496/0.999/-0.9588; the two-step log-likelihood at SemLib's values equals lavaan's at its own within 1e-8 (SemLib's never lower), so neither is the better maximum, but with unit weights they move chisq (946.81 vs 924.78); SEs ~1e87 from 1/A22 of those pairs",
        ["o38-cfa5-groups-equal"] = "only crmr_nomean differs (0.13228 vs 0.13332): a polychoric correlation in g1 on a nearly flat likelihood near the bound, where lavaan's optimizer and SemLib's search stop at different points; every estimate, SE, test and the other fit measures agree",
    };

    /// <summary>
    /// Whether SemLib reports the shift of the scaled-shifted test (<see cref="Results.ModelTest.ShiftParameter"/>).
    /// Known: it is NaN for every scaled-shifted test although the statistic includes the shift (in src
    /// Inference/Robust/ScaledTest.ToModelTest the last argument is NaN instead of <c>Shift</c>). While false, the shift is
    /// checked by <see cref="Shift_parameter_is_still_not_reported"/>; set it true once fixed.
    /// </summary>
    private static readonly bool ShiftParameterReported = true;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceCase.All(Set).Where(f => !KnownDisagreements.ContainsKey(Path.GetFileName(f)))) data.Add(c);
        return data;
    }

    [Fact]
    public void Corpus_is_what_the_script_wrote_and_has_the_designs_issue_10_asks_for()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, Set, "summary.json")));
        var listed = summary.RootElement.GetProperty("cases").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal).ToList();
        var cases = ReferenceCase.All(Set).Select(ReferenceCase.Load).ToList();
        Assert.Equal(listed, cases.Select(c => Path.GetFileName(c.Folder)).Order(StringComparer.Ordinal));
        Assert.True(cases.Count >= 35, $"{cases.Count} cases");
        Assert.All(KnownDisagreements.Keys, k => Assert.Contains(k, listed));

        string? Option(ReferenceCase c, string name) =>
            c.Root.GetProperty("options").TryGetProperty(name, out var v) ? v.ToString() : null;
        JsonElement Generator(ReferenceCase c) => c.Root.GetProperty("generator");
        Assert.All(cases, c => Assert.True(c.Root.GetProperty("converged").GetBoolean()));
        Assert.Contains(cases, c => Generator(c).GetProperty("kind").GetString() == "sem");
        Assert.Contains(cases, c => Option(c, "group") is not null && Option(c, "group.equal") is null);
        Assert.Contains(cases, c => Option(c, "group.equal") is not null);
        Assert.Contains(cases, c => Option(c, "parameterization") == "theta");
        Assert.Contains(cases, c => Option(c, "estimator") == "DWLS");
        Assert.Contains(cases, c => Option(c, "estimator") == "ULSMV");
        Assert.Contains(cases, c => Generator(c).GetProperty("continuous").GetArrayLength() > 0);
        Assert.Contains(cases, c => Generator(c).GetProperty("misspecification").GetProperty("type").GetString() != "none");
        Assert.Contains(cases, c => Generator(c).GetProperty("threshold_style").EnumerateArray().Any(s => s.GetString() == "rare"));
        Assert.Contains(cases, c => Generator(c).GetProperty("categories").EnumerateArray().Any(k => k.GetInt32() == 2));
        Assert.Contains(cases, c => Generator(c).GetProperty("categories").EnumerateArray().Any(k => k.GetInt32() == 7));
        // a negative marker: the first loading of some factor negative in the population
        Assert.Contains(cases, c =>
        {
            var factorOf = Generator(c).GetProperty("factor_of").EnumerateArray().Select(x => x.GetInt32()).ToList();
            var loadings = Generator(c).GetProperty("loadings").EnumerateArray().ToList();
            return factorOf.Select((f, j) => (f, j)).Where(x => x.j == factorOf.IndexOf(x.f))
                .Any(x => loadings[x.j][x.f - 1].GetDouble() < 0);
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SemLib_converges_and_agrees_with_lavaan(string folder)
    {
        var (c, fit, agree) = Compare(folder);
        Assert.True(fit.Converged, $"{c.Name}: SemLib did not converge (status {fit.Status}): {string.Join("; ", fit.Warnings)}");
        if (DocumentedLowerChiSquare(c, fit)) return;
        agree.Assert();
    }

    /// <summary>
    /// SemLib reaches a lower χ² than lavaan, as the case's <c>semlib_lower_chisq</c> note documents with the evidence
    /// (lavaan evaluated at SemLib's estimates): lavaan stopped short, so nothing else can be compared. Without a note
    /// a lower χ² is a disagreement like any other.
    /// </summary>
    private static bool DocumentedLowerChiSquare(ReferenceCase c, SemFit fit)
    {
        double lavaan = ReferenceCase.Number(c.Root.GetProperty("fit_measures").GetProperty("chisq"))!.Value;
        if (fit.FitMeasures["chisq"] is not double mine || mine >= lavaan - 1e-6) return false;
        if (!c.Root.TryGetProperty("semlib_lower_chisq", out var note)) return false;
        double noted = note.GetProperty("semlib_chisq").GetDouble();
        Assert.True(Math.Abs(mine - noted) <= 1e-6 * Math.Max(1, noted),
            $"{c.Name}: the semlib_lower_chisq note records SemLib's chi-square as {noted}, SemLib now gives {mine}");
        Assert.False(string.IsNullOrWhiteSpace(note.GetProperty("evidence").GetString()), $"{c.Name}: the note gives no evidence");
        return true;
    }

    /// <summary>The known disagreements still disagree: once SemLib agrees, this fails and the entry must be removed.</summary>
    [Fact]
    public void Known_disagreements_still_disagree()
    {
        var agreeing = new List<string>();
        foreach (var name in KnownDisagreements.Keys)
        {
            var (_, fit, agree) = Compare(Path.Combine(Set, name));
            if (!fit.Converged) continue;
            try
            {
                agree.Assert();
                agreeing.Add(name);
            }
            catch (Xunit.Sdk.FailException)
            {
                // still disagrees, as listed
            }
        }
        Assert.True(agreeing.Count == 0, $"now agree with lavaan, remove from KnownDisagreements: {string.Join(", ", agreeing)}");
    }

    /// <summary>
    /// The candidates lavaan did not converge on (summary.json <c>lavaan_nonconverged</c>, data under
    /// _lavaan-nonconverged/): nothing to agree with, but SemLib must return a result (a status, not an exception).
    /// </summary>
    [Fact]
    public void SemLib_returns_a_result_where_lavaan_did_not_converge()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.BaseDirectory, Set, "summary.json")));
        foreach (var c in summary.RootElement.GetProperty("lavaan_nonconverged").EnumerateArray())
        {
            var o = c.GetProperty("options");
            var options = SemLib.Specification.ModelOptions.Default with { Ordered = ReferenceCase.Strings(o.GetProperty("ordered")) };
            if (o.TryGetProperty("group", out var g)) options = options with { Group = g.GetString() };
            if (o.TryGetProperty("group.equal", out var ge)) options = options with { GroupEqual = ReferenceCase.Strings(ge) };
            if (o.TryGetProperty("parameterization", out var pz)) options = options with { Parameterization = pz.GetString() == "theta" ? SemLib.Specification.CategoricalParameterization.Theta : SemLib.Specification.CategoricalParameterization.Delta };
            if (o.TryGetProperty("estimator", out var e)) options = options with { Estimator = Enum.Parse<SemLib.Estimation.Estimator>(e.GetString()!) };
            var data = SemLib.Data.DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, Set, c.GetProperty("data").GetString()!));
            var fit = Sem.Fit(c.GetProperty("model").GetString()!, data, options);
            Assert.True(Enum.IsDefined(fit.Status), $"{c.GetProperty("name").GetString()}: status {fit.Status}");
        }
    }

    /// <summary>While <see cref="ShiftParameterReported"/> is false: SemLib still gives no shift where lavaan has one (fails once fixed).</summary>
    [Fact]
    public void Shift_parameter_is_still_not_reported()
    {
        if (ShiftParameterReported) return;
        var c = ReferenceCase.Load(Path.Combine(Set, "o11-cfa3"));
        var fit = c.Fit();
        var expected = c.Root.GetProperty("tests")[1].GetProperty("shift.parameter")[0].GetDouble();
        Assert.Equal("scaled.shifted", fit.Tests[1].Name);
        Assert.True(double.IsNaN(fit.Tests[1].ShiftParameter),
            $"SemLib now reports shift {fit.Tests[1].ShiftParameter} (lavaan {expected}): set ShiftParameterReported = true");
    }

    private static (ReferenceCase Case, SemFit Fit, Agreement Agree) Compare(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        double lavaanChisq = ReferenceCase.Number(c.Root.GetProperty("fit_measures").GetProperty("chisq"))!.Value;
        string mine = fit.FitMeasures.TryGetValue("chisq", out double? x) && x is not null ? x.Value.ToString("G10", CultureInfo.InvariantCulture) : "null";
        var agree = new Agreement($"{c.Name}: chisq SemLib {mine}, lavaan {lavaanChisq.ToString("G10", CultureInfo.InvariantCulture)}; status {fit.Status}");
        LavaanComparison.Parameters(c, fit, agree);
        LavaanComparison.FitMeasures(c, fit, agree);
        LavaanComparison.ModelTests(c, fit, agree);
        if (ShiftParameterReported) Shifts(c, fit, agree);
        RSquare(c, fit, agree);
        return (c, fit, agree);
    }

    /// <summary>The shift parameter of the scaled-shifted test (lavaan's <c>shift.parameter</c>, one per group).</summary>
    private static void Shifts(ReferenceCase c, SemFit fit, Agreement agree)
    {
        var expected = c.Root.GetProperty("tests").EnumerateArray().ToList();
        for (int i = 0; i < Math.Min(expected.Count, fit.Tests.Count); i++)
        {
            var shift = expected[i].GetProperty("shift.parameter");
            if (shift.ValueKind != JsonValueKind.Array) continue;
            double total = shift.EnumerateArray().Sum(v => v.GetDouble());
            agree.Check($"{fit.Tests[i].Name} shift.parameter", double.IsNaN(fit.Tests[i].ShiftParameter) ? null : fit.Tests[i].ShiftParameter, total);
        }
    }

    /// <summary>R² of every latent response and endogenous factor, per group in lavaan's group order.</summary>
    private static void RSquare(ReferenceCase c, SemFit fit, Agreement agree)
    {
        var r2 = c.Root.GetProperty("r2");
        if (r2.ValueKind != JsonValueKind.Object) return;
        bool grouped = fit.RSquareByGroup.Count > 1;
        var groups = grouped ? r2.EnumerateObject().Select(p => p.Value).ToList() : [r2];
        for (int g = 0; g < groups.Count; g++)
            foreach (var v in groups[g].EnumerateObject())
                agree.Check($"r2 {v.Name} (group {g + 1})", fit.RSquareByGroup[g].TryGetValue(v.Name, out double x) && !double.IsNaN(x) ? x : null, ReferenceCase.Number(v.Value));
    }
}
