using SemLib.Tests.Support;

namespace SemLib.Tests.Reference;

/// <summary>
/// Fits with ordered items (WLSMV, DWLS, WLS, ULSMV; delta and theta; groups with equal thresholds; polyserial;
/// pairwise missing; binary items; the 218-firm study; bfi) compared with lavaan 0.6.14 under the 1e-3 rule on every
/// parameter row, fit measure, R² and test. Expected values: Reference/ordinal-fit/*/case.json, written by
/// scripts/make-ordinal-fit-cases.R (field <c>reference</c>).
/// </summary>
public sealed class OrdinalAgreementTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceCase.All("ordinal-fit")) data.Add(c);
        return data;
    }

    [Fact]
    public void The_folder_holds_exactly_the_scripts_cases() =>
        LavaanComparison.ScriptWritesExactly("make-ordinal-fit-cases.R", "ordinal-fit", minimum: 15);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parameters_agree_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.Parameters, mustConverge: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_measures_agree_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.FitMeasures);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tests_agree_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.ModelTests);

    [Theory]
    [MemberData(nameof(Cases))]
    public void R_squared_agrees_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, (c, fit, agree) =>
        {
            var r2 = c.Root.GetProperty("r2");
            if (r2.ValueKind != System.Text.Json.JsonValueKind.Object) return;
            bool grouped = fit.RSquareByGroup.Count > 1;
            var groups = grouped ? r2.EnumerateObject().Select(p => p.Value).ToList() : [r2];
            for (int g = 0; g < groups.Count; g++)
                foreach (var v in groups[g].EnumerateObject())
                    agree.Check($"r2 {v.Name} (group {g + 1})", fit.RSquareByGroup[g].TryGetValue(v.Name, out double x) ? x : null, ReferenceCase.Number(v.Value));
        });
}
