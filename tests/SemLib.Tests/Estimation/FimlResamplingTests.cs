using SemLib.Data;
using SemLib.Estimation;
using SemLib.Resampling;
using SemLib.Simulation;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

/// <summary>
/// The bootstrap and Monte Carlo studies of full-information ML fits: draws and replications keep their missing cells and
/// are refitted by FIML.
/// </summary>
public sealed class FimlResamplingTests
{
    private static DataSet Data(string folder) => FimlTests.Data(folder);

    private static double[] Column(DataSet data, string name) => FimlTests.Column(data, name);

    /// <summary>
    /// The bootstrap of a FIML fit: each draw keeps its missing cells and is refitted by FIML. Its loadings' standard
    /// errors are compared with lavaan 0.6.14's bootstrap of the same fit (cfa(..., missing = "ml", se = "bootstrap",
    /// bootstrap = 200) after set.seed(3): x2 0.129, x3 0.122, x5 0.073, x6 0.059, x8 0.178, x9 0.405); both are
    /// 200 random draws, so they agree within their spread (±40%), not digit for digit. A draw that kept the original
    /// patterns would give standard errors of zero.
    /// </summary>
    [Fact]
    public void The_bootstrap_refits_each_draw_by_fiml()
    {
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
        var fit = Sem.Fit(model, Data("fiml/hs-fiml-mi"), ModelOptions.Default with { Missing = MissingPolicy.ML });
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 200, Seed = 3 });
        Assert.True(boot.Converged >= 190, $"{boot.Converged} of 200 draws converged");
        var lavaan = new Dictionary<string, double> { ["x2"] = 0.129, ["x3"] = 0.122, ["x5"] = 0.073, ["x6"] = 0.059, ["x8"] = 0.178, ["x9"] = 0.405 };
        foreach (var (rhs, se) in lavaan)
        {
            var b = boot.Parameters.Single(x => x.Op == ModelOperator.MeasuredBy && x.Rhs == rhs);
            double ratio = b.StandardError!.Value / se;
            Assert.True(ratio is > 0.6 and < 1.4, $"{b.Lhs}=~{rhs}: bootstrap SE {b.StandardError:G4}, lavaan's bootstrap {se:G4}");
        }
    }

    [Fact]
    public void The_bca_bootstrap_of_a_fiml_fit_refits_the_jackknife_by_fiml()
    {
        var fit = Sem.Fit("f =~ y1 + y2 + y3 + y4", Data("fiml/mono-small-fiml"), ModelOptions.Default with { Missing = MissingPolicy.ML });
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Draws = 60, Seed = 5, Interval = BootstrapInterval.BiasCorrectedAccelerated });
        Assert.True(boot.Converged >= 40);
        var loading = boot.Parameters.Single(b => b.Lhs == "f" && b.Rhs == "y2");
        Assert.True(loading.CiLower < loading.Estimate && loading.Estimate < loading.CiUpper);
    }

    [Fact]
    public void Bollen_stine_refuses_fiml_with_a_reason()
    {
        var fit = Sem.Fit("visual =~ x1 + x2 + x3", Data("fiml/hs-fiml-mi"), ModelOptions.Default with { Missing = MissingPolicy.ML });
        var e = Assert.Throws<SemLibException>(() => Bootstrap.Run(fit, new BootstrapOptions { Draws = 10, BollenStine = true }));
        Assert.Contains("Bollen–Stine", e.Message);
        Assert.Contains("full-information ML", e.Message);
    }

    /// <summary>
    /// A Monte Carlo study with 20% of the cells deleted at random, fitted by FIML: the estimates are unbiased and the
    /// observed-information standard errors cover the population values about 95% of the time (expected values: the
    /// population model's own loadings; a tolerance for 200 replications).
    /// </summary>
    [Fact]
    public void Monte_carlo_replications_with_missing_cells_are_fitted_by_fiml()
    {
        var pop = PopulationModel.FromSyntax("f =~ 0.8*y1 + 0.7*y2 + 0.6*y3 + 0.7*y4", standardized: true);
        var result = MonteCarlo.Run(pop, "f =~ y1 + y2 + y3 + y4", new MonteCarloOptions
        {
            Replications = 200, SampleSize = 300, Seed = 11, MissingProportion = 0.2,
            Analysis = ModelOptions.Default with { Missing = MissingPolicy.ML },
        });
        Assert.True(result.Converged >= 195, $"{result.Converged} of 200 converged");
        foreach (var p in result.Parameters.Where(p => p.Op == ModelOperator.MeasuredBy))
        {
            Assert.True(Math.Abs(p.RelativeBias ?? 0) < 0.05, $"{p.Lhs}=~{p.Rhs}: relative bias {p.RelativeBias:G3}");
            Assert.True(p.Coverage is > 0.88 and < 0.99, $"{p.Lhs}=~{p.Rhs}: coverage {p.Coverage:G3}");
        }
        // The intercepts are estimated (a mean structure, as FIML has).
        Assert.Contains(result.Parameters, p => p.Op == ModelOperator.Intercept);
        // The deleted cells cost precision: the same study on complete data has smaller standard errors.
        var complete = MonteCarlo.Run(pop, "f =~ y1 + y2 + y3 + y4", new MonteCarloOptions
        {
            Replications = 200, SampleSize = 300, Seed = 11,
            Analysis = ModelOptions.Default with { Missing = MissingPolicy.ML },
        });
        foreach (var p in result.Parameters.Where(p => p.Op == ModelOperator.MeasuredBy))
            Assert.True(p.MeanSe > complete.Parameters.Single(c => c.Op == ModelOperator.MeasuredBy && c.Rhs == p.Rhs).MeanSe * 1.05, $"{p.Rhs}: SE with missing cells {p.MeanSe:G3}");
    }

    [Fact]
    public void Monte_carlo_missing_cells_need_fiml()
    {
        var pop = PopulationModel.FromSyntax("f =~ 0.7*y1 + 0.7*y2 + 0.7*y3", standardized: true);
        var m = Assert.Throws<SemLibException>(() => MonteCarlo.Run(pop, "f =~ y1 + y2 + y3",
            new MonteCarloOptions { Replications = 5, SampleSize = 100, MissingProportion = 0.1 }));
        Assert.Contains("missing = ML", m.Message);
    }
}
