using SemLib.Data;
using SemLib.Estimation;
using SemLib.Resampling;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Resampling;

/// <summary>
/// The bootstrap of a fit with ordered items (WLSMV): each draw recomputes thresholds, polychoric correlations and the
/// DWLS weights from the drawn rows and is refitted. Data: tests/SemLib.Tests/Reference/lavaan/hs-cfa-ordinal (the
/// Holzinger–Swineford items cut into five categories, all nine ordered).
/// </summary>
public sealed class OrdinalBootstrapTests
{
    private const string Model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

    private static DataSet HsOrdinal() =>
        DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "lavaan", "hs-cfa-ordinal", "data.csv"));

    private static SemFit Fit(DataSet data) => Sem.Fit(Model, data, new ModelOptions { Ordered = ["all"] });

    /// <summary>
    /// Sanity check against asymptotic theory, not against lavaan (whose bootstrap draws other rows), over 400 draws:
    /// <list type="bullet">
    /// <item>the mean of each free parameter's draws lies within 0.25 robust SE of the full-data WLSMV estimate (the Monte
    /// Carlo error of the mean is SE/√400 = 0.05 SE; the rest allows for the small-sample bias of the bootstrap);</item>
    /// <item>the bootstrap spread is of the order of the robust (robust.sem) SE: half the 16%–84% range of the draws (the
    /// SE for a normal distribution, insensitive to tails) within a factor 1.35 of it (the range of 400 draws varies by
    /// about 6%; the rest allows for the sandwich's own small-sample error at N = 301), and the SD of the draws (the
    /// reported bootstrap SE) within a factor 1.75: the loadings on the speed factor, whose variance is small (0.26),
    /// have a long right tail (speed=~x9: SD 0.38 over 2000 draws, robust SE 0.23, 16%–84% half-range near 0.28);</item>
    /// <item>the percentile interval contains the estimate.</item>
    /// </list>
    /// </summary>
    [Fact]
    public void Draws_centre_on_the_wlsmv_estimates_with_the_robust_standard_errors()
    {
        var fit = Fit(HsOrdinal());
        Assert.True(fit.Converged);
        Assert.Equal(Estimator.WLSMV, fit.Estimator);
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 400, Seed = 11 });
        Assert.Equal(400, boot.Converged + boot.Failed);
        Assert.True(boot.Converged >= 390, $"only {boot.Converged} of 400 draws converged: {string.Join("; ", boot.Failures)}");
        int free = 0;
        foreach (var p in fit.Parameters.Where(p => p.Free != false && p.StandardError is > 0))
        {
            free++;
            var b = boot.Parameter(p.Lhs, p.Op, p.Rhs)!;
            double se = p.StandardError!.Value;
            var draws = boot.DrawsOf(p.Name);
            double mean = draws.Average();
            Assert.True(Math.Abs(mean - p.Estimate) <= 0.25 * se, $"{p.Name}: estimate {p.Estimate:G5}, mean of the draws {mean:G5}, robust SE {se:G4}");
            Array.Sort(draws);
            double halfRange = (Quantile(draws, 0.84) - Quantile(draws, 0.16)) / 2;
            Assert.True(halfRange / se is > 1 / 1.35 and < 1.35, $"{p.Name}: half the 16-84% range {halfRange:G4}, robust SE {se:G4}");
            Assert.True(b.StandardError!.Value / se is > 1 / 1.75 and < 1.75, $"{p.Name}: bootstrap SE {b.StandardError:G4}, robust SE {se:G4}");
            Assert.True(b.CiLower < p.Estimate && p.Estimate < b.CiUpper, $"{p.Name}: {p.Estimate:G5} outside [{b.CiLower:G5}, {b.CiUpper:G5}]");
        }
        // 6 loadings, 36 thresholds (9 items × 4), 9 residual variances of the latent responses are fixed under delta;
        // 3 factor variances and 3 covariances: at least the loadings, thresholds and factor (co)variances.
        Assert.True(free >= 6 + 36 + 6, $"only {free} free parameters were checked");
    }

    private static double Quantile(double[] sorted, double p) =>
        MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, p, MathNet.Numerics.Statistics.QuantileDefinition.R7);

    [Fact]
    public void Draws_do_not_depend_on_the_number_of_threads()
    {
        var fit = Fit(HsOrdinal());
        var one = Bootstrap.Run(fit, new BootstrapOptions { Draws = 30, Seed = 3, MaxDegreeOfParallelism = 1 });
        var two = Bootstrap.Run(fit, new BootstrapOptions { Draws = 30, Seed = 3, MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.Converged, two.Converged);
        for (int k = 0; k < one.Converged; k++) Assert.Equal(one.Draw(k), two.Draw(k));
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(one.Failures, two.Failures);
    }

    /// <summary>
    /// Row 1's x1 is moved into a category of its own (6): a draw leaves that row out with probability
    /// (1 − 1/301)^301 ≈ 0.37, and such a draw has an absent category, which lavaan fails; here it is a failed draw with
    /// its reason, and the draws that keep the row are fitted.
    /// </summary>
    [Fact]
    public void A_draw_without_a_category_is_a_failed_draw_with_its_reason()
    {
        var hs = HsOrdinal();
        var names = hs.Names;
        var values = new double[hs.RowCount, names.Count];
        for (int j = 0; j < names.Count; j++)
            for (int i = 0; i < hs.RowCount; i++) values[i, j] = hs.Columns[j][i];
        int x1 = names.ToList().IndexOf("x1");
        values[0, x1] = 6;
        var fit = Fit(DataSet.FromMatrix(names, values, "hs-rare-category"));
        Assert.True(fit.Converged);
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 100, Seed = 4 });
        Assert.True(boot.Failed is > 20 and < 55, $"{boot.Failed} of 100 draws failed; about 37 expected");
        Assert.Equal(boot.Failed, boot.Failures.Values.Sum());
        var reason = Assert.Single(boot.Failures.Keys, k => k.Contains("absent"));
        Assert.Contains("'x1'", reason);
        Assert.Contains("6", reason);
        Assert.Contains(boot.Warnings, w => w.Contains("failed and were excluded") && w.Contains("absent"));
    }

    /// <summary>
    /// Two groups (ordinal-fit/hs-groups-wlsmv: the HS items cut into ordered categories, configural by school): rows are resampled within
    /// each group and each group's statistics recomputed (a failed draw names its group); the results with 2 threads are
    /// those with 1, and the bootstrap SE of a group-2 loading is of the order of its robust SE (a factor 2 either way
    /// over 60 draws).
    /// </summary>
    [Fact]
    public void Groups_are_resampled_within_themselves()
    {
        var c = ReferenceCase.Load(Path.Combine("ordinal-fit", "hs-groups-wlsmv"));
        var fit = c.Fit();
        Assert.Equal([156, 145], fit.NObs);
        var one = Bootstrap.Run(fit, new BootstrapOptions { Draws = 60, Seed = 9, MaxDegreeOfParallelism = 1 });
        var two = Bootstrap.Run(fit, new BootstrapOptions { Draws = 60, Seed = 9, MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.True(one.Converged >= 50, $"{one.Converged} of 60: {string.Join("; ", one.Failures)}");
        var p = fit.Parameter("visual", "=~", "x2", 2)!;
        var b = one.Parameter("visual", "=~", "x2", 2)!;
        Assert.InRange(b.StandardError!.Value / p.StandardError!.Value, 0.5, 2);
        Assert.All(one.Failures.Keys, k => Assert.StartsWith("group '", k));
    }

    /// <summary>
    /// BCa with ordered items: the jackknife behind the acceleration recomputes each leave-one-out sample's ordinal
    /// statistics too (were they left at the full data's, every jackknife fit would be the same, the acceleration 0 and
    /// BCa the bias-corrected interval). The intervals come from the same draws; BCa differs from the bias-corrected one
    /// by the acceleration and still brackets the estimate of a well-determined parameter (textual=~x5: robust SE 0.046).
    /// </summary>
    [Fact]
    public void Bca_intervals_are_available_for_ordered_items()
    {
        var fit = Fit(HsOrdinal());
        var options = new BootstrapOptions { Draws = 100, Seed = 8 };
        var percentile = Bootstrap.Run(fit, options);
        var bc = Bootstrap.Run(fit, options with { Interval = BootstrapInterval.BiasCorrected });
        var bca = Bootstrap.Run(fit, options with { Interval = BootstrapInterval.BiasCorrectedAccelerated });
        Assert.Equal(percentile.DrawsOf("textual=~x5"), bca.DrawsOf("textual=~x5"));
        var c = bc.Parameter("textual", "=~", "x5")!;
        var b = bca.Parameter("textual", "=~", "x5")!;
        Assert.False(c.CiLower == b.CiLower && c.CiUpper == b.CiUpper, "BCa equals BC: the acceleration is 0");
        Assert.True(b.CiLower < b.Estimate && b.Estimate < b.CiUpper, $"[{b.CiLower}, {b.CiUpper}] against {b.Estimate}");
    }

    /// <summary>
    /// missing = "pairwise" (ordinal-fit/hs-pairwise: about 8% of the HS item cells missing): the draws resample every
    /// row the fit kept, missing cells included, and recompute the pairwise statistics; the results do not depend on the
    /// number of threads, and the bootstrap SE of a loading is of the order of the robust SE (a factor 1.5 over 100 draws).
    /// </summary>
    [Fact]
    public void Pairwise_fits_resample_rows_with_missing_cells()
    {
        var fit = ReferenceCase.Load(Path.Combine("ordinal-fit", "hs-pairwise")).Fit();
        Assert.Equal(MissingPolicy.Pairwise, fit.Options.Missing);
        var one = Bootstrap.Run(fit, new BootstrapOptions { Draws = 100, Seed = 12, MaxDegreeOfParallelism = 1 });
        var two = Bootstrap.Run(fit, new BootstrapOptions { Draws = 100, Seed = 12, MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.True(one.Converged >= 95, $"{one.Converged} of 100: {string.Join("; ", one.Failures)}");
        var p = fit.Parameter("textual", "=~", "x5")!;
        Assert.InRange(one.Parameter("textual", "=~", "x5")!.StandardError!.Value / p.StandardError!.Value, 1 / 1.5, 1.5);
    }

    [Fact]
    public void Bollen_stine_is_refused_for_ordered_items()
    {
        var fit = Fit(HsOrdinal());
        var ex = Assert.Throws<SemLibException>(() => Bootstrap.Run(fit, new BootstrapOptions { Draws = 10, BollenStine = true }));
        Assert.Contains("ordered items", ex.Message);
    }
}
