using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Tests.Support;
using SemLib.Reporting.Documents;

namespace SemLib.Tests.Reporting;

/// <summary>The report's model-fit section under a robust estimator: the scaled test and lavaan's robust indices.</summary>
public sealed class RobustReportTests
{
    private static readonly string HsData = Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa", "data.csv");
    private const string HsModel = "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n";

    [Fact]
    public void Mlr_reports_the_scaled_test_and_robust_indices_beside_the_standard_ones()
    {
        var fit = Sem.Fit(HsModel, DataSet.ReadCsv(HsData), new ModelOptions { Estimator = Estimator.MLR });
        string md = SemReport.Create(fit, "hs").ToMarkdown();
        // lavaan 0.6.14, fitMeasures(cfa(HS, estimator = "MLR")) (Reference/cli/hs-cfa-mlr-measures.json): chisq.scaled
        // 87.132, chisq.scaling.factor 0.979, cfi.robust 0.930, tli.robust 0.895, rmsea.robust 0.092 [0.072, 0.114].
        Assert.Contains("| χ² (scaled) | 87.132 |", md, StringComparison.Ordinal);
        Assert.Contains("| scaling factor | 0.979 |", md, StringComparison.Ordinal);
        Assert.Contains("| robust CFI | .930 |", md, StringComparison.Ordinal);
        Assert.Contains("| robust TLI | **.895** ⚠ |", md, StringComparison.Ordinal);
        Assert.Contains("| robust RMSEA \\[90% CI\\] | **.092 \\[.072, .114\\]** ⚠ |", md, StringComparison.Ordinal);
        Assert.Contains("scaled χ²(24) = 87.13, p \\< .001, robust CFI = .930, robust TLI = .895, robust RMSEA = .092, 90% CI \\[.072, .114\\]", md, StringComparison.Ordinal);

        string ml = SemReport.Create(Sem.Fit(HsModel, DataSet.ReadCsv(HsData)), "hs").ToMarkdown();
        Assert.DoesNotContain("robust", ml, StringComparison.Ordinal);
        Assert.DoesNotContain("scaled", ml, StringComparison.Ordinal);
    }
}
