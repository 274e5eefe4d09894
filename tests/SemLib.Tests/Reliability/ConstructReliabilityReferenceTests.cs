using System.Text.Json;
using SemLib.Reliability;
using Xunit.Abstractions;

namespace SemLib.Tests.Reliability;

public sealed class ConstructReliabilityReferenceTests(ITestOutputHelper output)
{
    private static readonly JsonElement Extra = Reference.Json("reliability-extra.json");
    private static readonly JsonElement Hs = Reference.Json("hs.json");

    private static LabeledMatrix Named(JsonElement e) => new(e.GetProperty("names").Strings(), e.GetProperty("matrix").Matrix());

    [Fact]
    public void CompositeReliabilityOmegaAndAveMatchHsReference()
    {
        // Inputs: lavaan 0.6.14 CFA estimates stored in reliability-extra.json hs_cfa (written by
        // Reference/scripts/reliability-extra.R). Expected: hs.json composite_reliability, ave, omega_semtools
        // (semTools::compRelSEM) and ave_semtools (semTools::AVE).
        var cfa = Extra.GetProperty("hs_cfa");
        var s = Named(cfa.GetProperty("observed_cov"));
        var agree = new Agreement();
        foreach (var f in cfa.GetProperty("factors").EnumerateObject())
        {
            var items = f.Value.GetProperty("items").Strings();
            var std = new FactorLoadings(f.Name, items, f.Value.GetProperty("std_loadings").Doubles());
            var raw = new FactorMeasurement(new FactorLoadings(f.Name, items, f.Value.GetProperty("loadings").Doubles()),
                f.Value.GetProperty("factor_variance").GetDouble(), s);
            agree.Near(Hs.GetProperty("composite_reliability").GetProperty(f.Name).GetDouble(), ConstructReliability.CompositeReliability(std), $"CR {f.Name}");
            agree.Near(Hs.GetProperty("ave").GetProperty(f.Name).GetDouble(), ConstructReliability.AverageVarianceExtracted(std), $"AVE {f.Name}");
            agree.Near(Hs.GetProperty("omega_semtools").GetProperty(f.Name).GetDouble(), ConstructReliability.Omega(raw), $"omega {f.Name}");
            agree.Near(Hs.GetProperty("ave_semtools").GetProperty(f.Name).GetDouble(), ConstructReliability.AverageVarianceExtractedObserved(raw), $"AVE semTools {f.Name}");
            // The fixture's own copies (computed in the same R session) agree too.
            agree.Near(cfa.GetProperty("omega_semtools").GetProperty(f.Name).GetDouble(), ConstructReliability.Omega(raw), $"omega (fixture) {f.Name}");
        }
        output.WriteLine(agree.ToString());
    }

    [Fact]
    public void SecondOrderFactorMatchesSemTools()
    {
        // Inputs and expected values: reliability-extra.json hs_second_order: lavaan::cfa with g =~ visual + textual + speed;
        // CR and AVE of g from its standardized loadings (formula in the R script), omega from
        // semTools::compRelSEM(fit, higher = "g").
        var h = Extra.GetProperty("hs_second_order");
        var names = h.GetProperty("second_order_names").Strings();
        var agree = new Agreement();
        var std = new FactorLoadings("g", names, h.GetProperty("second_order_std_loadings").Doubles());
        agree.Near(h.GetProperty("composite_reliability").GetDouble(), ConstructReliability.CompositeReliability(std), "CR g");
        agree.Near(h.GetProperty("ave").GetDouble(), ConstructReliability.AverageVarianceExtracted(std), "AVE g");
        var first = h.GetProperty("first_order").EnumerateObject()
            .Select(f => new FactorLoadings(f.Name, f.Value.GetProperty("items").Strings(), f.Value.GetProperty("loadings").Doubles())).ToList();
        var m = new HigherOrderMeasurement(new FactorLoadings("g", names, h.GetProperty("second_order_loadings").Doubles()), first,
            h.GetProperty("g_variance").GetDouble(), Named(h.GetProperty("observed_cov")));
        agree.Near(h.GetProperty("omega_higher_semtools").GetDouble(), ConstructReliability.OmegaHigherOrder(m), "omega_L2 g");
        output.WriteLine(agree.ToString());
    }

    [Fact]
    public void FornellLarckerTableFromHsAveAndLatentCorrelations()
    {
        // Inputs: hs.json ave and latent_correlations (lavaan CFA). Expected diagonal √AVE (computed from the same
        // numbers); every HS factor's √AVE (.609, .848, .656) exceeds its largest correlation (.471, .459, .471).
        var ave = Hs.GetProperty("ave").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var table = ConstructReliability.FornellLarcker(ave, Named(Hs.GetProperty("latent_correlations")));
        Assert.Equal(["visual", "textual", "speed"], table.Factors);
        foreach (var f in table.Factors) Assert.Equal(Math.Sqrt(ave[f]), table.Matrix[f, f], 12);
        Assert.Equal(0.458509300355974, table.Matrix["visual", "textual"], 12);
        Assert.Equal("speed", table.MostCorrelatedWith[0]);
        Assert.True(table.AllPassed);

        // With a latent correlation above √AVE(visual) = .609 visual and speed fail.
        var r = Named(Hs.GetProperty("latent_correlations")).ToArray();
        r[0, 2] = r[2, 0] = 0.7;
        var failing = ConstructReliability.FornellLarcker(ave, new LabeledMatrix(table.Factors, r));
        Assert.Equal([false, true, false], failing.Passed);
    }
}
