using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// Effect decompositions against lavaan's defined parameters for the same quantities (`indirect := a*b`,
/// `total := c + a*b` with delta-method SEs) and the direct path, from the reference cases' case.json.
/// </summary>
public sealed class EffectsTests
{
    private static void AgreeWithDefined(string folder, string from, string to)
    {
        var c = ReferenceCase.Load(folder);
        var fit = c.Fit();
        var effects = fit.Effects(from, to);
        var agree = new Agreement(c.Name);
        // Expected: lavaan's rows for the same quantities in the case's case.json — the defined parameters
        // `indirect := a*b` and `total := c + a*b`, and the direct path labelled c.
        var byLabel = new Dictionary<string, SemLib.Results.EffectEstimate>
        {
            ["indirect"] = effects.TotalIndirect,
            ["total"] = effects.Total,
            ["c"] = effects.Direct,
        };
        int matched = 0;
        foreach (var p in c.Parameters)
        {
            string label = p.GetProperty("label").GetString()!;
            if (!byLabel.TryGetValue(label, out var mine)) continue;
            matched++;
            agree.Check(label + " est", mine.Estimate, ReferenceCase.Number(p.GetProperty("est")));
            agree.Check(label + " se", mine.StandardError, ReferenceCase.Number(p.GetProperty("se")));
            agree.Check(label + " z", mine.Z, ReferenceCase.Number(p.GetProperty("z")));
            agree.Check(label + " pvalue", mine.PValue, ReferenceCase.Number(p.GetProperty("pvalue")));
            agree.Check(label + " ci.lower", mine.CiLower, ReferenceCase.Number(p.GetProperty("ci.lower")));
            agree.Check(label + " ci.upper", mine.CiUpper, ReferenceCase.Number(p.GetProperty("ci.upper")));
            agree.Check(label + " std.all", mine.StdAll, ReferenceCase.Number(p.GetProperty("std.all")));
        }
        Assert.Equal(byLabel.Count, matched);
        agree.Assert();
        // Identity: in an acyclic model the total indirect effect is the sum of the specific indirect paths.
        if (effects.Note is null) Assert.Equal(effects.TotalIndirect.Estimate, effects.Specific.Sum(s => s.Estimate), 10);
    }

    [Fact]
    public void Non_recursive_model_matches_lavaan_defined_parameters()
    {
        // x4 ~ c*x1, x1 ~ d*x4: lavaan's `total := c/(1-d*c)` is the (x4, x1) element of (I − B)⁻¹ − I and
        // `indirect := total - c` (case.json of lavaan-extra/hs-nonrecursive); the direct effect is c itself.
        AgreeWithDefined(Path.Combine("lavaan-extra", "hs-nonrecursive"), "x1", "x4");
        var effects = ReferenceCase.Load(Path.Combine("lavaan-extra", "hs-nonrecursive")).Fit().Effects("x1", "x4");
        Assert.NotEqual(0, effects.Direct.Estimate);
        Assert.Empty(effects.Specific); // infinitely many walks x1 -> x4 -> x1 -> x4 ...: none is listed
        Assert.Contains("feedback loop", effects.Note);
    }

    [Fact]
    public void Bootstrapped_effects_of_a_non_recursive_model_keep_the_direct_path_and_say_why_no_paths_are_listed()
    {
        var fit = ReferenceCase.Load(Path.Combine("lavaan-extra", "hs-nonrecursive")).Fit();
        var boot = SemLib.Resampling.Bootstrap.Run(fit, new SemLib.Resampling.BootstrapOptions { Draws = 20, Seed = 3, Effects = [("x1", "x4")] });
        // Expected: the estimates are the original fit's (the bootstrap only adds intervals); direct = c.
        var direct = boot.Effects.Single(e => e.Kind == "direct");
        Assert.Equal(fit.Parameter("c")!.Estimate, direct.Estimate, 12);
        Assert.Equal(fit.Parameter("indirect")!.Estimate, boot.Effects.Single(e => e.Kind == "indirect").Estimate, 10);
        Assert.DoesNotContain(boot.Effects, e => e.Kind == "specific");
        Assert.Contains(boot.Warnings, w => w.Contains("feedback loop", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loop_elsewhere_in_the_model_leaves_the_paths_of_an_effect_that_avoids_it()
    {
        // A loop between x4 and x1. x3 -> x5 touches no node of it: one direct path, no note, total = direct (path
        // tracing). x2 -> x1 runs x2 -> x4 -> x1 -> x4 -> x1 ...: a note.
        var fit = Sem.Fit("x4 ~ x1 + x2\nx1 ~ x4 + x3\nx5 ~ x3\n", TestData.HolzingerSwineford());
        var e = fit.Effects("x3", "x5");
        Assert.Null(e.Note);
        Assert.Equal(fit.Parameter("x5", "~", "x3")!.Estimate, e.Direct.Estimate, 12);
        Assert.Equal(e.Direct.Estimate, e.Total.Estimate, 12);
        Assert.Equal(0, e.TotalIndirect.Estimate, 12);
        Assert.NotNull(fit.Effects("x2", "x1").Note); // x2 -> x4 -> x1 -> x4 -> ...
    }

    [Fact]
    public void Observed_mediation_matches_lavaan_defined_parameters() =>
        AgreeWithDefined(Path.Combine("lavaan", "talor-mediation"), "cond", "reaction");

    [Fact]
    public void Latent_mediation_matches_lavaan_defined_parameters() =>
        AgreeWithDefined(Path.Combine("lavaan-extra", "poldem-mediation"), "ind60", "dem65");

    [Fact]
    public void Specific_paths_through_a_second_order_factor_are_listed()
    {
        var fit = Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\ng =~ visual + textual + speed", TestData.HolzingerSwineford());
        // g affects x5 only through textual: one specific path, no direct effect
        var e = fit.Effects("g", "x5");
        Assert.Single(e.Specific);
        Assert.Equal("g -> textual -> x5", e.Specific[0].Path);
        Assert.Equal(0, e.Direct.Estimate);
        var loadingG = fit.Parameter("g", "=~", "textual")!.Estimate;
        var loadingX5 = fit.Parameter("textual", "=~", "x5")!.Estimate;
        Assert.Equal(loadingG * loadingX5, e.Total.Estimate, 12); // path tracing: the product along the one path
    }
}
