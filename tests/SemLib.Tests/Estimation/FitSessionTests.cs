using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

public sealed class FitSessionTests
{
    /// <summary>
    /// Monte Carlo replications take χ² from the objective's last evaluation (FitSession.CurrentChiSquare) right after
    /// ParameterCovariance.Compute, because that leaves the objective evaluated at the solution; with either
    /// information and several groups this must be exactly the χ² of evaluating there again.
    /// </summary>
    [Theory]
    [InlineData("hs-cfa", InformationType.Expected)]
    [InlineData("hs-cfa", InformationType.Observed)]
    [InlineData("hs-cfa-groups", InformationType.Expected)]
    [InlineData("hs-cfa-groups", InformationType.Observed)]
    public void Chi_square_after_the_covariance_computation_needs_no_new_evaluation(string name, InformationType information)
    {
        var fitted = ReferenceCase.Load(Path.Combine("lavaan", name)).Fit().Fitted;
        var options = fitted.Options with { Information = information };
        var session = new FitSession(fitted.Model, fitted.Sample, options);
        var rng = new Random(3);
        for (int g = 0; g < fitted.Sample.Groups.Length; g++)
        {
            var rows = fitted.Sample.Data.Groups[g].Rows!;
            var idx = Enumerable.Range(0, rows.Length).Select(_ => rng.Next(rows.Length)).ToArray();
            Assert.True(session.SetRows(g, rows, idx));
        }
        var res = session.Fit(fitted.Zeta);
        Assert.True(res.Converged);
        // Leave the objective somewhere else first (the original data's estimates), so the test sees what Compute does.
        session.Objective.Evaluate(fitted.Zeta, []);
        double elsewhere = session.CurrentChiSquare();
        ParameterCovariance.Compute(session.Objective, res.X, information, session.Sample.StatisticN);
        double current = session.CurrentChiSquare();
        Assert.NotEqual(elsewhere, current);
        Assert.Equal(session.ChiSquareAt(res.X), current);
    }
}
