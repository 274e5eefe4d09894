using SemLib.Simulation;

namespace SemLib.Tests.Simulation;

/// <summary>
/// Issue 8: one degenerate replication used to end the whole study. Now a replication that cannot be fitted is a
/// failed replication, counted with its reason in <see cref="MonteCarloResult.Failures"/>.
/// </summary>
public sealed class MonteCarloFailureTests
{
    // Four standardized items; cutting at 2.0 makes a 2 only when the score exceeds 2 SD (P ≈ 0.023), so at N = 20 an
    // item is constant (all 1) with probability 0.977^20 ≈ 0.63: most replications, and the first data set, have one.
    private const string Population = "f =~ 0.7*x1 + 0.7*x2 + 0.7*x3 + 0.7*x4\n";
    private const string Analysis = "f =~ x1 + x2 + x3 + x4\n";

    [Fact]
    public void Constant_likert_items_fail_their_replications_not_the_study()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var result = MonteCarlo.Run(pop, Analysis, new MonteCarloOptions { Replications = 60, SampleSize = 20, Seed = 3, LikertThresholds = [2.0] });
        Assert.Equal(60, result.Replications);
        Assert.True(result.Failed > 0, "some replications should fail");
        Assert.Equal(result.Failed, result.Failures.Values.Sum());
        Assert.Contains(result.Failures.Keys, k => k.StartsWith("the simulated variable 'x", StringComparison.Ordinal) && k.EndsWith("' is constant", StringComparison.Ordinal));
    }

    [Fact]
    public void A_power_curve_goes_on_past_degenerate_sample_sizes()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var curve = MonteCarlo.PowerCurve(pop, Analysis, [20, 400], new MonteCarloOptions { Replications = 30, Seed = 1, LikertThresholds = [2.0] });
        Assert.Equal(2, curve.Count);
        Assert.True(curve[0].Failed > 0);
        // At N = 400 an item is constant with probability 0.977^400 ≈ 1e-4: nearly every replication is fitted.
        Assert.True(curve[1].Converged >= 25, $"{curve[1].Converged} of 30 converged at N = 400");
    }

    /// <summary>
    /// Any exception of a replication's fit (as the IndexOutOfRangeException that skewed Likert cuts once caused in
    /// the start values) makes that replication fail with the error as its reason; the others are summarised as usual.
    /// </summary>
    [Fact]
    public void An_exception_in_a_replications_fit_fails_that_replication_only()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var options = new MonteCarloOptions { Replications = 20, SampleSize = 300, Seed = 2 };
        var clean = MonteCarlo.Run(pop, Analysis, options);
        MonteCarlo.FaultInjection.Value = r =>
        {
            if (r % 4 == 0) throw new IndexOutOfRangeException("Index was outside the bounds of the array.");
        };
        try
        {
            var result = MonteCarlo.Run(pop, Analysis, options);
            Assert.Equal(5, result.Failed); // replications 0, 4, 8, 12, 16
            Assert.Equal(clean.Converged - 5, result.Converged);
            var reason = Assert.Single(result.Failures);
            Assert.Equal("error in the fit (IndexOutOfRangeException): Index was outside the bounds of the array", reason.Key);
            Assert.Equal(5, reason.Value);
            Assert.NotEmpty(result.Parameters);
        }
        finally
        {
            MonteCarlo.FaultInjection.Value = null;
        }
    }

    [Fact]
    public void A_study_without_failures_has_an_empty_tally()
    {
        var pop = PopulationModel.FromSyntax(Population, standardized: true);
        var result = MonteCarlo.Run(pop, Analysis, new MonteCarloOptions { Replications = 20, SampleSize = 300, Seed = 2 });
        Assert.Equal(0, result.Failed);
        Assert.Empty(result.Failures);
    }
}
