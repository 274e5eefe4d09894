using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Tests.Specification;

/// <summary>
/// Models that parse but cannot be a parameter table: the error names the culprit and points at it (line and
/// column of the offending term, counted by hand in each model string).
/// </summary>
public sealed class SpecificationErrorTests
{
    private static ModelSyntaxException Fails(string model) =>
        Assert.Throws<ModelSyntaxException>(() => ParameterTable.Build(model));

    [Fact]
    public void A_factor_measured_by_itself()
    {
        // lavaan 0.6.14: "latent variable `f' can not be measured by itself".
        var ex = Fails("f =~ x1 + f + x3");
        Assert.Equal(new SourceSpan(1, 11, 1), ex.Span);
        Assert.Contains("'f' cannot be an indicator of itself", ex.Message);
    }

    [Fact]
    public void A_variable_regressed_on_itself()
    {
        // lavaan 0.6.14 only warns ("lhs and rhs are the same in: y~y+x"); SemLib refuses the model.
        var ex = Fails("f =~ x1 + x2 + x3\ny ~ x1 + y");
        Assert.Equal(new SourceSpan(2, 10, 1), ex.Span);
        Assert.Contains("'y' cannot be regressed on itself", ex.Message);
    }

    [Fact]
    public void A_label_that_is_a_variable_name()
    {
        // lavaan 0.6.14 accepts x1*x2 as the label "x1"; SemLib refuses it because the label reads as a variable.
        var ex = Fails("f =~ x1 + x1*x2 + x3");
        Assert.Equal(new SourceSpan(1, 14, 2), ex.Span);
        Assert.Contains("label 'x1' is also the name of a variable", ex.Message);
    }

    [Fact]
    public void A_definition_using_an_unknown_label()
    {
        var ex = Fails("f =~ x1 + a*x2 + x3\nd := a*b");
        Assert.Equal(new SourceSpan(2, 8, 1), ex.Span);
        Assert.Contains("'b' in the definition of 'd' is not a parameter label", ex.Message);
    }

    [Fact]
    public void A_constraint_using_an_unknown_label()
    {
        var ex = Fails("f =~ x1 + a*x2 + x3\n2*a == sqrt(zz)");
        Assert.Equal(new SourceSpan(2, 13, 2), ex.Span);
        Assert.Contains("'zz' in the constraint", ex.Message);
    }

    [Fact]
    public void A_definition_may_use_earlier_definitions_only()
    {
        var table = ParameterTable.Build("f =~ x1 + a*x2 + b*x3\nab := a*b\nab2 := ab^2");
        Assert.Equal(["ab:=a*b", "ab2:=ab^2"], table.Rows.Where(r => r.Op == ModelOperator.Defined).Select(r => r.Name));
        var ex = Fails("f =~ x1 + a*x2 + b*x3\nab2 := ab^2\nab := a*b");
        Assert.Equal(new SourceSpan(2, 8, 2), ex.Span);
    }

    [Theory]
    [InlineData("f =~ x1 + a*x2 + x3\na := 2*a", 2, "has the name of a parameter label")]
    [InlineData("f =~ x1 + a*x2 + x3\nx1 := 2*a", 2, "has the name of a variable")]
    [InlineData("f =~ x1 + a*x2 + x3\nf := 2*a", 2, "has the name of a variable")]
    [InlineData("f =~ x1 + a*x2 + x3\nd := 2*a\nd := 3*a", 3, "is defined twice")]
    public void A_defined_name_that_clashes(string model, int line, string message)
    {
        // lavaan 0.6.14 accepts "a := 2" next to a label a (it adds a row a := 2); SemLib refuses every clash.
        var ex = Fails(model);
        Assert.Equal(line, ex.Span.Line);
        Assert.Equal(1, ex.Span.Column);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_model_with_only_definitions_has_nothing_to_estimate()
    {
        var ex = Assert.Throws<SemLibException>(() => ParameterTable.Build("d := 2*3"));
        Assert.Contains("nothing can be estimated", ex.Message);
    }

    [Fact]
    public void Equal_naming_a_parameter_that_does_not_exist()
    {
        // lavaan 0.6.14 silently keeps "visual=~x9" as an unused label (df 8, no constraint); SemLib refuses it.
        var ex = Fails("visual =~ x1 + x2 + equal(\"visual=~x9\")*x3\ntextual =~ x4 + x5 + x6");
        Assert.Equal(new SourceSpan(1, 41, 2), ex.Span); // the term x3: "visual =~ x1 + x2 + equal(\"visual=~x9\")*" is 40 characters
        Assert.Contains("no parameter visual=~x9", ex.Message);
    }

    [Fact]
    public void Equal_naming_a_label_used_nowhere_else()
    {
        var ex = Fails("visual =~ x1 + x2 + equal(\"a\")*x3");
        Assert.Contains("no other parameter labelled 'a'", ex.Message);
    }

    [Fact]
    public void Equal_naming_a_parameter_links_the_two_rows()
    {
        var table = ParameterTable.Build("visual =~ x1 + x2 + equal(\"visual=~x2\")*x3\ntextual =~ x4 + x5 + x6");
        var x2 = table.Rows.Single(r => r.Lhs == "visual" && r.Rhs == "x2");
        var x3 = table.Rows.Single(r => r.Lhs == "visual" && r.Rhs == "x3");
        Assert.Equal(x2.Id, x3.EqualTo);
        Assert.Equal("visual=~x2", x3.Label); // as lavaan's parTable shows it
    }
}
