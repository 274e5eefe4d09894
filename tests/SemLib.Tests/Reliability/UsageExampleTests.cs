using SemLib.Data;
using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

public sealed class UsageExampleTests
{
    [Fact]
    public void TheReportExampleRuns()
    {
        string[] items = ["A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3", "C4", "C5"];
        var data = DataSet.ReadCsv(Reference.PathOf("bfi.csv"));
        var agree = new ScaleDefinition("agreeableness", ["A1", "A2", "A3", "A4", "A5"], reverseKeyed: ["A1"]);
        ScaleReliability rel = ItemAnalysis.Analyze(data, agree);
        EfaResult efa = ExploratoryFactorAnalysis.Fit(data, items, 2, new EfaOptions { Rotation = FactorRotation.Promax });
        KmoResult kmo = SamplingAdequacy.Kmo(data, items, CorrelationMissingData.Listwise);
        ValidityReport report = ValidityAssessment.Report(ValidityAssessment.Check(rel), ValidityAssessment.Check(kmo));

        // psych::alpha(bfi[A1:A5], keys = "A1"): alpha .703, smallest r.drop .308 (A1's) (reliability-extra.json);
        // psych::KMO(cor(x)) on the rows of the 10 items all observed: overall .782, smallest MSA .729 (psych 2.2.9).
        // So all 1 + 5 alpha checks and 1 + 10 KMO checks pass.
        Assert.Equal(0.703018446057304, rel.Alpha, 6);
        Assert.Equal(0.781974, kmo.Overall, 5);
        Assert.Equal(2, efa.FactorCount);
        Assert.Equal("All 17 checks pass.", report.Describe());
    }
}
