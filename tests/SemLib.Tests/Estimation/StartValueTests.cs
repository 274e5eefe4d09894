using SemLib.Data;
using SemLib.Estimation;
using SemLib.Results;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

/// <summary>
/// Start values that respect the identification (each factor oriented by its marker), FABIN 3, the repair of a
/// non-positive-definite start, and the ranking of attempts by the fit function.
/// </summary>
public sealed class StartValueTests
{
    private const string HsModel = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

    private static DataSet Negated(DataSet data, params string[] names) =>
        DataSet.FromColumns(data.Names.Select(n => new KeyValuePair<string, double[]>(n,
            data[n].Values.ToArray().Select(v => names.Contains(n) ? -v : v).ToArray())));

    /// <summary>
    /// Every marker reverse keyed (x1, x4, x7 negated): an equivalent model. lavaan 0.6.14's χ² for the HS CFA is
    /// the hs-cfa reference's; the loadings keep their size and change sign.
    /// </summary>
    [Fact]
    public void Reverse_keyed_markers_give_the_same_fit_with_the_signs_turned()
    {
        var hs = TestData.HolzingerSwineford();
        var original = Sem.Fit(HsModel, hs);
        var fit = Sem.Fit(HsModel, Negated(hs, "x1", "x4", "x7"));
        Assert.Equal(FitStatus.Converged, fit.Status);
        AssertHsChiSquare(fit);
        Assert.True(fit.Fitted.Optimizer.Attempts == 1, "the first start (oriented by the marker) converges");
        foreach (var (lv, x) in new[] { ("visual", "x2"), ("textual", "x5"), ("speed", "x9") })
        {
            var a = original.Parameter(lv, "=~", x)!;
            var b = fit.Parameter(lv, "=~", x)!;
            Assert.Equal(-a.Estimate, b.Estimate, 6);
            Assert.Equal(a.StandardError!.Value, b.StandardError!.Value, 6);
        }
    }

    /// <summary>
    /// The model-implied start of a factor whose marker is reverse keyed: every free loading starts with the sign of
    /// its covariance with the marker (here negative), for both start sets.
    /// </summary>
    [Theory]
    [InlineData("ModelImplied")]
    [InlineData("Fabin")]
    public void Free_loadings_start_with_the_sign_the_marker_gives(string kindName)
    {
        var kind = Enum.Parse<StartValues.Kind>(kindName);
        var fitted = Sem.Fit(HsModel, Negated(TestData.HolzingerSwineford(), "x1")).Fitted;
        var theta = StartValues.Compute(fitted.Model, fitted.Sample, kind);
        var table = fitted.Table;
        for (int t = 0; t < theta.Length; t++)
        {
            var row = table.Rows[fitted.Model.FreeRows[t]];
            if (row.Op != ModelOperator.MeasuredBy) continue;
            if (row.Lhs == "visual") Assert.True(theta[t] < 0, $"{row.Name} starts at {theta[t]}");
            else Assert.True(theta[t] > 0, $"{row.Name} starts at {theta[t]}");
        }
    }

    /// <summary>
    /// FABIN 3 is exact on population moments: with Σ = λλᵀφ + Θ for λ = (1, −0.8, 0.6, 0.7), φ = 2 and
    /// Θ = diag(1, 0.5, 0.8, 0.6), the instrumental-variable slopes are λ_j exactly (hand algebra: s_Ij = λ_Iλ_jφ).
    /// </summary>
    [Fact]
    public void Fabin_recovers_population_loadings_exactly()
    {
        double[] lambda = [1, -0.8, 0.6, 0.7];
        double[] theta = [1, 0.5, 0.8, 0.6];
        const double phi = 2;
        var sigma = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) sigma[i, j] = lambda[i] * lambda[j] * phi + (i == j ? theta[i] : 0);
        var fitted = Sem.Fit("f =~ y1 + y2 + y3 + y4", new CovarianceData(["y1", "y2", "y3", "y4"], sigma, 1001)).Fitted;
        var start = StartValues.Compute(fitted.Model, fitted.Sample, StartValues.Kind.Fabin);
        // ML reads the matrix as unbiased: S = Σ·1000/1001, so loadings are unchanged and φ, Θ shrink by that factor.
        var table = fitted.Table;
        for (int t = 0; t < start.Length; t++)
        {
            var row = table.Rows[fitted.Model.FreeRows[t]];
            if (row.Op == ModelOperator.MeasuredBy)
                Assert.Equal(lambda[int.Parse(row.Rhs[1..]) - 1], start[t], 10);
            else if (row.Lhs == "f")
                Assert.Equal(phi * 1000 / 1001, start[t], 10);
        }
    }

    /// <summary>
    /// A user start() that makes the latent covariance matrix non-positive-definite (a correlation of 3) is repaired,
    /// not dropped: the fit still converges to lavaan's HS solution (χ² as in the hs-cfa reference) in the first attempt.
    /// </summary>
    [Fact]
    public void A_non_positive_definite_start_is_repaired()
    {
        const string model = HsModel + "\nvisual ~~ start(3)*textual";
        var fit = Sem.Fit(model, TestData.HolzingerSwineford());
        var fitted = fit.Fitted;
        var start = StartValues.Compute(fitted.Model, fitted.Sample, StartValues.Kind.ModelImplied);
        var objective = new Objective(fitted.Model, fitted.Sample);
        Assert.False(double.IsFinite(objective.Evaluate(fitted.Model.Constraints.ToZeta(start), [])), "the raw start is inadmissible");
        Assert.True(double.IsFinite(objective.Evaluate(FitEngine.Repair(fitted.Model, objective, start), [])));
        Assert.Equal(FitStatus.Converged, fit.Status);
        AssertHsChiSquare(fit);
        Assert.Equal(1, fit.Fitted.Optimizer.Attempts);
    }

    /// <summary>χ² of the HS CFA as lavaan 0.6.14 reports it (the hs-cfa reference case), under the agreement rule.</summary>
    private static void AssertHsChiSquare(SemFit fit)
    {
        double lavaan = ReferenceCase.Number(ReferenceCase.Load("lavaan/hs-cfa").Root.GetProperty("fit_measures").GetProperty("chisq"))!.Value;
        double mine = fit.FitMeasures["chisq"]!.Value;
        Assert.True(Math.Abs(mine - lavaan) <= Agreement.Tolerance * Math.Max(1, lavaan), $"chisq {mine} vs lavaan {lavaan}");
    }

    private static OptimizerResult R(double f, bool converged, bool diverged = false, bool stalled = false) =>
        new([f], f, 10, converged, "test") { Diverged = diverged, Stalled = stalled };

    /// <summary>The attempt with the lower fit function wins, whatever the other attempt's convergence.</summary>
    [Fact]
    public void Attempts_are_ranked_by_the_fit_function()
    {
        static bool Admissible(double[] x) => x[0] != 0.9;
        // A "converged" stop at a singular point with a higher F loses to a lower F.
        Assert.Equal(0.3, FitEngine.Best([R(0.9, true), R(0.3, false, stalled: true)], Admissible).F);
        Assert.Equal(0.3, FitEngine.Best([R(0.9, true), R(0.3, false)], Admissible).F);
        // At the same optimum (within 1e-9 relative) a converged attempt is preferred, and an admissible one first.
        Assert.True(FitEngine.Best([R(0.5 - 1e-12, false), R(0.5, true)], Admissible).Converged);
        Assert.Equal(0.5, FitEngine.Best([R(0.9, true), R(0.5, false), R(0.5, true)], Admissible).F);
        // Estimates that ran off to infinity reached no point: they compete only when every attempt diverged.
        Assert.Equal(0.5, FitEngine.Best([R(0.1, false, diverged: true), R(0.5, true)], Admissible).F);
        Assert.Equal(0.1, FitEngine.Best([R(0.2, false, diverged: true), R(0.1, false, diverged: true)], Admissible).F);
    }
}
