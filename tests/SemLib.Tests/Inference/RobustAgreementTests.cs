using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// Whole robust fits compared with lavaan 0.6.14 on every parameter row (estimate, robust SE, z, p, CI, std.lv,
/// std.all, defined parameters), every fitMeasures() name in lavaan's order (the .scaled and .robust measures
/// included), R² and the model tests (SemFit.Tests against lavaan's fit@test). Two sets of cases:
/// <list type="bullet">
/// <item>Reference/robust-fit (make-robust-fit-cases.R): MLM, MLR, ML with a scaled test, cluster-robust MLR;</item>
/// <item>Reference/robust-fiml (make-robust-fiml-cases.R): MLR with missing = "ml" / "ml.x" (Huber–White SEs from the
/// casewise scores of incomplete rows, the Yuan–Bentler test with the EM saturated model's h1 parts, lavaan's
/// FIML-corrected robust fit measures), se = "robust" with missing = "ml", cluster-robust MLR with missing data.</item>
/// </list>
/// </summary>
public sealed class RobustAgreementTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceCase.All("robust-fit", "robust-fiml")) data.Add(c);
        return data;
    }

    [Theory]
    [InlineData("make-robust-fit-cases.R", "robust-fit", 10)]
    [InlineData("make-robust-fiml-cases.R", "robust-fiml", 8)]
    public void Every_case_of_the_script_is_present(string script, string folder, int minimum) =>
        LavaanComparison.ScriptWritesExactly(script, folder, minimum);

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
    public void R_squared_agrees_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.RSquareAndImplied);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Model_tests_agree_with_lavaan(string folder) =>
        LavaanComparison.Check(folder, LavaanComparison.ModelTests);
}
