using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

public sealed class ValidityAssessmentTests
{
    private static readonly string[] Visual = ["x1", "x2", "x3"];

    [Fact]
    public void HsScalesFailAlphaWhereThePsychValuesAreBelowSeventy()
    {
        // psych alphas from hs.json: visual .626, textual .883, speed .688 → visual and speed fail alpha ≥ .70.
        var data = Reference.Data("hs.csv");
        var scales = new[] { new ScaleDefinition("visual", Visual), new ScaleDefinition("textual", ["x4", "x5", "x6"]), new ScaleDefinition("speed", ["x7", "x8", "x9"]) };
        var report = ValidityAssessment.Report(scales.Select(s => ValidityAssessment.Check(ItemAnalysis.Analyze(data, s))).ToArray());
        Assert.Equal(12, report.Checks.Count);
        Assert.Equal(["visual", "speed"], report.FailingScales);
        var failure = Assert.Single(report.FailuresOf("visual"));
        Assert.Equal(ValidityCriterion.Alpha, failure.Criterion);
        Assert.Equal(0.70, failure.Threshold);
        Assert.Equal("Nunnally 1978", failure.Citation);
        Assert.Equal("2 of 12 checks fail: scale 'visual' fails alpha ≥ .70 (0.626; Nunnally 1978); scale 'speed' fails alpha ≥ .70 (0.688; Nunnally 1978).", report.Describe());

        // Overridable: with a .60 cut-off everything passes.
        var lenient = ValidityAssessment.Report(scales.Select(s => ValidityAssessment.Check(ItemAnalysis.Analyze(data, s), new ValidityCutoffs { Alpha = 0.60 })).ToArray());
        Assert.True(lenient.AllPassed);
        Assert.Equal("All 12 checks pass.", lenient.Describe());
    }

    [Fact]
    public void ConstructChecksUseLoadingsCrAndAve()
    {
        // Standardized loadings of visual from the lavaan CFA (reliability-extra.json hs_cfa): .772, .424, .581;
        // CR .626 and AVE .371 (hs.json) fail, as does x2's loading .424 < .50.
        var std = new FactorLoadings("visual", Visual, [0.771880420352354, 0.423600991987846, 0.581132323928107]);
        var report = new ValidityReport(ValidityAssessment.Check(std));
        Assert.Equal(5, report.Checks.Count);
        Assert.Equal([ValidityCriterion.StandardizedLoading, ValidityCriterion.CompositeReliability, ValidityCriterion.AverageVarianceExtracted],
            report.Failures.Select(f => f.Criterion));
        Assert.Equal("x2", report.Failures[0].Item);
        string text = report.Describe();
        Assert.StartsWith("3 of 5 checks fail: scale 'visual' fails CR ≥ .70 (0.626; Fornell & Larcker 1981; Hair et al. 2019) and AVE ≥ .50 (0.371; Fornell & Larcker 1981), its item 'x2' fails standardized loading ≥ .50 (0.424", text);
    }

    [Fact]
    public void A_strong_negative_loading_passes_the_loading_check()
    {
        // visual's loadings with x2's sign reversed (a reverse-worded item): |−.424| < .50 still fails, while x1 at
        // −.772 passes, as in the EFA check and the reports, which judge |λ|. CR and AVE square the loadings, so they
        // are unchanged.
        var std = new FactorLoadings("visual", Visual, [-0.771880420352354, -0.423600991987846, 0.581132323928107]);
        var loadingChecks = ValidityAssessment.Check(std).Where(c => c.Criterion == ValidityCriterion.StandardizedLoading).ToList();
        Assert.Equal([true, false, true], loadingChecks.Select(c => c.Passed));
        Assert.Equal(0.771880420352354, loadingChecks[0].Value);
    }

    [Fact]
    public void HtmtKmoAndFornellLarckerChecks()
    {
        var data = Reference.Data("hs.csv");
        var constructs = new[] { new ScaleDefinition("visual", Visual), new ScaleDefinition("textual", ["x4", "x5", "x6"]), new ScaleDefinition("speed", ["x7", "x8", "x9"]) };
        var htmt = ValidityAssessment.Check(Htmt.Compute(data, constructs));
        Assert.Equal(3, htmt.Count);
        Assert.All(htmt, c => Assert.True(c.Passed)); // hs.json HTMT values are all below .39
        var strict = ValidityAssessment.Check(Htmt.Compute(data, constructs), new ValidityCutoffs { Htmt = 0.385 });
        var failed = Assert.Single(strict, c => !c.Passed); // only visual–speed (.3868) is at or above .385
        Assert.Equal(("visual", "speed"), (failed.Scale, failed.OtherScale));

        // hs.json KMO: overall .752 passes .60 but fails a preferred .80; x7's MSA .593 passes .50.
        var kmo = SamplingAdequacy.Kmo(data, ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"]);
        Assert.True(new ValidityReport(ValidityAssessment.Check(kmo)).AllPassed);
        var preferred = new ValidityReport(ValidityAssessment.Check(kmo, "HS", new ValidityCutoffs { Kmo = 0.80, ItemSamplingAdequacy = 0.60 }));
        Assert.Equal(["HS"], preferred.FailingScales);
        Assert.Contains("item 'x7' fails MSA ≥ .60 (0.593; Kaiser 1974)", preferred.Describe());

        var fl = ConstructReliability.FornellLarcker(new Dictionary<string, double> { ["a"] = 0.25, ["b"] = 0.6 },
            new LabeledMatrix(["a", "b"], new double[,] { { 1, 0.55 }, { 0.55, 1 } }));
        var flChecks = ValidityAssessment.Check(fl);
        Assert.False(flChecks[0].Passed); // √.25 = .5 < .55
        Assert.True(flChecks[1].Passed);  // √.6 = .775 > .55
        Assert.Equal("√AVE > |r| with 'b' = .55", flChecks[0].Rule);
    }

    [Fact]
    public void EfaPrimaryLoadingCheck()
    {
        // hs.json efa.ml_varimax: x2's largest loading is .489 (< .50); every other item's exceeds .50.
        var efa = ExploratoryFactorAnalysis.Fit(Reference.Data("hs.csv"), ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"], 3,
            new EfaOptions { Rotation = FactorRotation.Varimax });
        var report = new ValidityReport(ValidityAssessment.Check(efa));
        var f = Assert.Single(report.Failures);
        Assert.Equal("x2", f.Item);
        Assert.Equal(0.489490375936058, f.Value, 3);
    }
}
