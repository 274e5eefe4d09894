using SemLib.Results;
using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// The typed properties of <see cref="FitMeasures"/> read the measure of lavaan's name (the names are lavaan 0.6.14's
/// <c>fitMeasures()</c> names, written out here rather than taken from the library), and are null when the fit has no
/// such measure. Expected values: the reference cases' <c>fit_measures</c> (lavaan 0.6.14).
/// </summary>
public sealed class TypedFitMeasureTests
{
    private static readonly (string Name, Func<FitMeasures, double?> Get)[] Typed =
    [
        ("npar", m => m.Npar), ("fmin", m => m.Fmin), ("chisq", m => m.ChiSquare), ("df", m => m.Df), ("pvalue", m => m.PValue),
        ("baseline.chisq", m => m.BaselineChiSquare), ("baseline.df", m => m.BaselineDf), ("cfi", m => m.Cfi), ("tli", m => m.Tli),
        ("logl", m => m.LogLikelihood), ("unrestricted.logl", m => m.UnrestrictedLogLikelihood), ("aic", m => m.Aic),
        ("bic", m => m.Bic), ("rmsea", m => m.Rmsea), ("rmsea.ci.lower", m => m.RmseaCiLower),
        ("rmsea.ci.upper", m => m.RmseaCiUpper), ("rmsea.pvalue", m => m.RmseaPValue), ("srmr", m => m.Srmr), ("gfi", m => m.Gfi),
    ];

    private static readonly Func<FitMeasures, double?>[] Robust =
        [m => m.ChiSquareScaled, m => m.DfScaled, m => m.PValueScaled, m => m.ScalingFactor, m => m.CfiRobust, m => m.TliRobust, m => m.RmseaRobust];

    [Theory]
    [InlineData("lavaan/hs-cfa")]
    [InlineData("lavaan/hs-cfa-uls")]
    public void Each_typed_measure_is_the_lavaan_named_one_and_agrees_with_lavaan(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var m = c.Fit().FitMeasures;
        var lavaan = c.Root.GetProperty("fit_measures");
        var agree = new Agreement(c.Name);
        foreach (var (name, get) in Typed)
        {
            if (m.TryGetValue(name, out var v))
            {
                Assert.Equal(v, get(m));
                agree.Check(name, get(m), ReferenceCase.Number(lavaan.GetProperty(name)));
            }
            else
            {
                Assert.Null(get(m)); // ULS has no log-likelihood, AIC or BIC
            }
        }
        agree.Assert();
        Assert.All(Robust, get => Assert.Null(get(m))); // no robust test was asked for
    }

    [Fact]
    public void Uls_has_no_likelihood_measures_and_ml_has()
    {
        Assert.Null(ReferenceCase.Load("lavaan/hs-cfa-uls").Fit().FitMeasures.LogLikelihood);
        Assert.NotNull(ReferenceCase.Load("lavaan/hs-cfa").Fit().FitMeasures.Aic);
    }
}
