using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Syntax;

/// <summary>
/// The operator enum is the op column of the results: its lavaan spellings (lavaan's <c>parTable()$op</c>: =~ ~ ~~ ~1
/// := == &lt; &gt; | ~*~) read back to the same operator, and <see cref="SemFit.Parameter(string, string, string, int)"/>
/// finds the same rows whether the operator is typed as text or as the enum.
/// </summary>
public sealed class ModelOperatorTests
{
    [Fact]
    public void Every_operator_round_trips_through_its_lavaan_spelling()
    {
        string[] lavaan = ["=~", "~", "~~", "~1", ":=", "==", "<", ">", "|", "~*~"];
        Assert.Equal(lavaan, Enum.GetValues<ModelOperator>().Select(o => o.ToLavaan()));
        Assert.All(Enum.GetValues<ModelOperator>(), o => Assert.Equal(o, ModelOperatorText.FromLavaan(o.ToLavaan())));
        Assert.Null(ModelOperatorText.FromLavaan("~ 1"));
        Assert.Null(ModelOperatorText.FromLavaan(""));
    }

    [Fact]
    public void Parameter_lookup_by_text_and_by_enum_agree_on_every_row()
    {
        var fit = ReferenceCase.Load("lavaan-extra/poldem-mediation").Fit();
        foreach (var p in fit.Parameters.Where(p => p.Op is not ModelOperator.Defined))
        {
            var byText = fit.Parameter(p.Lhs, p.Op.ToLavaan(), p.Rhs, p.Group);
            Assert.NotNull(byText);
            Assert.Same(byText, fit.Parameter(p.Lhs, p.Op, p.Rhs, p.Group));
        }
        // ~~ matches either way round; text that is no operator finds nothing rather than throwing.
        Assert.Same(fit.Parameter("y1", ModelOperator.Covariance, "y5"), fit.Parameter("y5", "~~", "y1"));
        Assert.NotNull(fit.Parameter("y1", ModelOperator.Covariance, "y5"));
        Assert.Null(fit.Parameter("dem60", "=", "y1"));
    }
}
