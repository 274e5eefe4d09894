using SemLib.Data;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Tests.Specification;

/// <summary>The typed <see cref="ModelBuilder"/> gives the same parameter table as the equivalent lavaan syntax.</summary>
public sealed class ModelBuilderTests
{
    private static void AssertSameTable(string syntax, ModelBuilder builder, ModelOptions? options = null)
    {
        var fromSyntax = ParameterTable.Build(syntax, options);
        var fromBuilder = ParameterTable.Build(builder.Build(), options);
        ParameterTableTests.AssertSameRows(
            fromSyntax.Rows.Select(Describe).ToList(), fromBuilder.Rows.Select(Describe).ToList(), syntax);
        Assert.Equal(fromSyntax.ObservedVariables, fromBuilder.ObservedVariables);
        Assert.Equal(fromSyntax.LatentVariables, fromBuilder.LatentVariables);
        Assert.Equal(fromSyntax.MeanStructure, fromBuilder.MeanStructure);
    }

    /// <summary>The table row plus what the shared description leaves out: start value and formulas.</summary>
    private static string Describe(ParameterRow r) =>
        ParameterTableTests.Describe(r) + $" | start {r.Start} | {r.ConstraintLeft} | {r.Formula}";

    [Fact]
    public void Three_factor_cfa()
    {
        AssertSameTable("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9",
            new ModelBuilder().MeasuredBy("visual", "x1", "x2", "x3").MeasuredBy("textual", "x4", "x5", "x6").MeasuredBy("speed", "x7", "x8", "x9"));
    }

    [Fact]
    public void Cfa_with_std_lv_and_means()
    {
        AssertSameTable("f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6",
            new ModelBuilder().MeasuredBy("f1", "x1", "x2", "x3").MeasuredBy("f2", "x4", "x5", "x6"),
            ModelOptions.Default with { StdLv = true, MeanStructure = true });
    }

    [Fact]
    public void Modifiers_labels_definitions_and_constraints()
    {
        const string syntax = """
            visual =~ x1 + x2 + x3
            textual =~ NA*x4 + a*x5 + start(0.9)*b*x6
            textual ~~ 1*textual
            textual ~ c1*visual
            x1 ~~ 0.2*x4
            x2 ~ 0*1
            ab := a*b
            d2 := ab - c1^2
            a == 2*b
            b > 0
            """;
        var builder = new ModelBuilder()
            .MeasuredBy("visual", "x1", "x2", "x3")
            .MeasuredBy("textual", t => t.Add("x4", free: true).Add("x5", label: "a").Add("x6", label: "b", start: 0.9))
            .Covariance("textual", "textual", fixedAt: 1)
            .Regression("textual", t => t.Add("visual", label: "c1"))
            .Covariance("x1", "x4", fixedAt: 0.2)
            .Intercept("x2", fixedAt: 0)
            .Define("ab", "a*b")
            .Define("d2", "ab - c1^2")
            .Constrain("a == 2*b")
            .Constrain("b > 0");
        AssertSameTable(syntax, builder);
    }

    [Fact]
    public void Path_model_with_covariates()
    {
        AssertSameTable("y1 ~ x1 + x2\ny2 ~ x1 + y1\ny1 ~~ y2",
            new ModelBuilder().Regression("y1", "x1", "x2").Regression("y2", "x1", "y1").Covariance("y1", "y2"));
    }

    [Fact]
    public void Builder_examples_from_its_documentation()
    {
        // The example in ModelBuilder's XML documentation, written out as syntax.
        AssertSameTable("visual =~ x1 + x2 + x3\ntextual =~ x4 + a*x5 + a*x6\ntextual ~ visual\nx1 ~~ x4\ntwice := 2*a",
            new ModelBuilder()
                .MeasuredBy("visual", "x1", "x2", "x3")
                .MeasuredBy("textual", t => t.Add("x4").Add("x5", label: "a").Add("x6", label: "a"))
                .Regression("textual", "visual")
                .Covariance("x1", "x4")
                .Define("twice", "2*a"));
    }

    [Fact]
    public void Builder_refuses_what_syntax_cannot_express()
    {
        Assert.Throws<InvalidOperationException>(() => new ModelBuilder().Build());
        Assert.Throws<ArgumentException>(() => new ModelBuilder().MeasuredBy("f"));
        Assert.Throws<ArgumentException>(() => new ModelBuilder().MeasuredBy("f", t => t.Add("x1", fixedAt: 1, free: true)));
        Assert.Throws<ArgumentException>(() => new ModelBuilder().Constrain("f =~ x1"));
        Assert.Throws<ModelSyntaxException>(() => new ModelBuilder().Define("d", "a +"));
    }

    [Fact]
    public void Errors_in_a_builder_made_model_name_the_culprit_without_a_made_up_position()
    {
        // A builder-made model has no source text: messages must not point at "line 0, column 0".
        var selfLoading = Assert.Throws<ModelSyntaxException>(() => ParameterTable.Build(new ModelBuilder().MeasuredBy("f", "x1", "f", "x3").Build()));
        Assert.Equal("Model error: The latent variable 'f' cannot be an indicator of itself.", selfLoading.Message);
        Assert.Equal("The latent variable 'f' cannot be an indicator of itself.", selfLoading.Diagnostics[0].ToString());

        var hs = SemLib.Tests.Data.DataCheckTests.Hs();
        var missing = Assert.Throws<DataException>(() => Sem.Fit(new ModelBuilder().MeasuredBy("f", "x1", "x2", "zz").Build(), hs));
        Assert.StartsWith("The model variable 'zz' is not a column of data.csv; available: id,", missing.Message);
        var clash = Assert.Throws<ModelSyntaxException>(() => Sem.Fit(new ModelBuilder().MeasuredBy("x4", "x1", "x2", "x3").Build(), hs));
        Assert.Equal("Model error: The latent variable 'x4' has the name of a column in the data; rename the latent variable.", clash.Message);
    }
}
