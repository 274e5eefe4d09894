using SemLib.Reporting;
using SemLib.Resampling;
using SemLib.Reporting.Documents;

namespace SemLib.Tests.Reporting;

/// <summary><see cref="SemReportSections.Bootstrap"/>: the bootstrap of a fit as a report section.</summary>
public sealed class BootstrapSectionTests
{
    [Theory]
    [InlineData(BootstrapInterval.Percentile, "Percentile")]
    [InlineData(BootstrapInterval.BiasCorrected, "Bias-corrected")]
    [InlineData(BootstrapInterval.BiasCorrectedAccelerated, "BCa")]
    public void The_caption_names_the_interval_in_words_not_by_its_enum_name(BootstrapInterval interval, string words)
    {
        var boot = Bootstrap.Run(ReportingModels.Get("talor-mediation"), new BootstrapOptions { Draws = 50, Seed = 3, Interval = interval });
        var table = SemReportSections.Bootstrap(boot).Blocks.OfType<ReportTable>().First();
        Assert.Equal($"50 of 50 draws converged (seed 3); {words} intervals", table.Caption);
    }

    [Fact]
    public void Rows_effects_and_the_bollen_stine_p_value_are_the_bootstraps()
    {
        var fit = ReportingModels.Get("talor-mediation");
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 60, Seed = 5, Effects = [("cond", "reaction")], BollenStine = true });
        var section = SemReportSections.Bootstrap(boot);
        Assert.Equal("Bootstrap", section.Heading);
        var tables = section.Blocks.OfType<ReportTable>().ToList();

        // One row per parameter with an interval (fixed rows have none), three decimals as in the other sections.
        var withInterval = boot.Parameters.Where(p => p.CiLower is not null).ToList();
        Assert.Equal(withInterval.Select(p => p.Name), tables[0].Rows.Select(r => r[0].Text));
        Assert.Equal(["Parameter", "Estimate", "Bootstrap SE", "95% interval", "Std.all"], tables[0].Columns.Select(c => c.Header));
        var a = withInterval[0];
        Assert.Equal([a.Name, Numbers.Fixed(a.Estimate), Numbers.Fixed(a.StandardError), $"[{Numbers.Fixed(a.CiLower)}, {Numbers.Fixed(a.CiUpper)}]", Numbers.Fixed(a.StdAll)],
            tables[0].Rows[0].Select(c => c.Text));

        // The effects: an interval that includes 0 is flagged, one that excludes it is not.
        Assert.Equal("Bootstrapped effects", tables[1].Caption);
        Assert.Equal(boot.Effects.Select(e => e.Path), tables[1].Rows.Select(r => r[1].Text));
        Assert.Equal(boot.Effects.Select(e => !e.ExcludesZero), tables[1].Rows.Select(r => r[3].Flagged));

        // The Tal-Or mediation model is saturated (df = 0), where the Bollen–Stine p-value is not defined.
        Assert.True(boot.BollenStineUndefined);
        var paragraph = Assert.Single(section.Blocks.OfType<ReportParagraph>());
        Assert.Equal("Bollen–Stine bootstrap p-value of the model χ²: not defined (df = 0).", paragraph.Text);
    }

    [Fact]
    public void The_bollen_stine_p_value_of_a_model_with_degrees_of_freedom_is_reported()
    {
        var fit = Sem.Fit("visual =~ x1 + x2 + x3 + x4\n", SemLib.Tests.Support.TestData.HolzingerSwineford()); // df 2
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 30, Seed = 5, BollenStine = true });
        var paragraph = Assert.Single(SemReportSections.Bootstrap(boot).Blocks.OfType<ReportParagraph>());
        Assert.Equal($"Bollen–Stine bootstrap p-value of the model χ²: {Numbers.Fixed(boot.BollenStinePValue)} ({boot.BollenStineDraws} draws).", paragraph.Text);
    }
}
