using SemLib.Syntax;

namespace SemLib.Tests.Syntax;

/// <summary>
/// Broken syntax: every problem is a diagnostic with the line and column of the offending text (counted by hand
/// in the model strings) and a sentence that says what was expected; <see cref="ModelSyntax.Parse"/> throws
/// <see cref="ModelSyntaxException"/> carrying the same diagnostics.
/// </summary>
public sealed class ParserErrorTests
{
    private static SyntaxDiagnostic Only(string syntax)
    {
        var r = ModelSyntax.TryParse(syntax);
        Assert.False(r.Success);
        Assert.Null(r.Model);
        return Assert.Single(r.Diagnostics);
    }

    private static void AssertDiagnostic(SyntaxDiagnostic d, int line, int column, string message)
    {
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void Missing_right_hand_side()
    {
        // "g =~" ends at column 4; the end of the model is column 5 of line 2.
        AssertDiagnostic(Only("f =~ x1 + x2\ng =~"), 2, 5, "Expected a variable name after '=~' but found the end of the model.");
        AssertDiagnostic(Only("y ~ ; f =~ x1"), 1, 5, "Expected a variable name after '~' but found ';'.");
        AssertDiagnostic(Only("f =~ x1 +"), 1, 10, "Expected a variable name after '+' but found the end of the model.");
        AssertDiagnostic(Only("d :="), 1, 5, "Expected an expression after ':=' but found the end of the model.");
        // The end of the model is reported right after its last token (trailing blanks are not part of it).
        AssertDiagnostic(Only("a == "), 1, 5, "Expected an expression after '==' but found the end of the model.");
    }

    [Fact]
    public void Missing_operator()
    {
        AssertDiagnostic(Only("f x1 + x2"), 1, 3, "Expected an operator ('=~', '~', '~~', ':=', '==', '<' or '>') after 'f' but found 'x1'.");
        AssertDiagnostic(Only("f =~ x1\n=~ x2"), 2, 1, "Expected a variable name at the start of the statement but found '=~'.");
        AssertDiagnostic(Only("f + g"), 1, 6, "after 'g' but found the end of the model.");
    }

    [Fact]
    public void Unknown_modifier_function()
    {
        AssertDiagnostic(Only("f =~ x1 + foo(1)*x2"), 1, 11, "'foo(...)' is not a known modifier; expected start(), label(), equal() or c().");
        AssertDiagnostic(Only("f =~ x1 + lower(0)*x2"), 1, 11, "Bounds (lower()) are not supported");
        AssertDiagnostic(Only("d := foo(a)"), 1, 6, "'foo' is not a known function; expected one of sqrt, exp, log, abs, sin, cos, tan, pnorm.");
        AssertDiagnostic(Only("d := sqrt(a, b)"), 1, 6, "sqrt() takes one argument.");
    }

    [Fact]
    public void Unclosed_parenthesis_in_a_modifier()
    {
        // The '(' after start is column 11.
        AssertDiagnostic(Only("f =~ start(0.5*x1 + x2"), 1, 11, "The '(' after 'start' is not closed");
        AssertDiagnostic(Only("f =~ x1 + c(a, b*x2"), 1, 12, "The '(' after 'c' is not closed");
    }

    [Fact]
    public void A_modifier_function_without_a_star()
    {
        AssertDiagnostic(Only("f =~ start(0.5) x1"), 1, 6, "'start(...)' must be followed by '*' and a variable name");
    }

    [Fact]
    public void Unclosed_parenthesis_in_an_expression()
    {
        AssertDiagnostic(Only("f =~ x1 + x2\nab := (a*b"), 2, 11, "Expected ')' but found the end of the model.");
        AssertDiagnostic(Only("d := sqrt(a"), 1, 12, "Expected ')' to close sqrt( but found the end of the model.");
    }

    [Fact]
    public void Unclosed_string()
    {
        var r = ModelSyntax.TryParse("f =~ x1 + \"abc*x2");
        Assert.False(r.Success);
        Assert.Contains(r.Diagnostics, d => d.Span == new SourceSpan(1, 11, 1) && d.Message == "The string that starts here is not closed by a matching quote.");
    }

    [Fact]
    public void Bad_character()
    {
        var r = ModelSyntax.TryParse("f =~ x1 + x2 + $x3\ny ~ f");
        Assert.False(r.Success);
        AssertDiagnostic(Assert.Single(r.Diagnostics), 1, 16, "Unexpected character '$'.");
    }

    [Fact]
    public void A_number_too_large_for_a_double()
    {
        // R reads 1e999 as Inf; a fixed value of infinity cannot be estimated (and would be written back as a label).
        AssertDiagnostic(Only("f =~ x1 + 1e999*x2"), 1, 11, "'1e999' is not a valid number");
    }

    [Fact]
    public void One_in_a_measurement_or_covariance()
    {
        // lavaan 0.6.14: "right-hand side of formula contains an invalid variable name: f=~1+x1".
        AssertDiagnostic(Only("f =~ 1 + x1"), 1, 6, "An intercept ('1') can only appear on the right of '~', not '=~'.");
        AssertDiagnostic(Only("x1 ~~ x2 + 1"), 1, 12, "An intercept ('1') can only appear on the right of '~', not '~~'.");
    }

    [Fact]
    public void A_number_without_a_star_is_not_a_variable()
    {
        AssertDiagnostic(Only("y ~ 2 + x1"), 1, 5, "a fixed value is written as value*variable, e.g. 0.5*x1");
    }

    [Fact]
    public void NA_without_a_star()
    {
        // lavaan 0.6.14: "contains either a reserved word (in R) or an illegal character: “NA”".
        AssertDiagnostic(Only("f =~ NA + x1"), 1, 6, "'NA' is a modifier and must be followed by '*' and a variable name, e.g. NA*x1.");
    }

    [Fact]
    public void Several_latent_variables_left_of_measured_by()
    {
        // lavaan 0.6.14 accepts "f1 + f2 =~ x1 + x2 + x3" (both factors get the three indicators); SemLib asks
        // for one statement per factor.
        AssertDiagnostic(Only("f1 + f2 =~ x1 + x2 + x3"), 1, 1, "Only one latent variable may stand on the left of '=~'.");
    }

    [Fact]
    public void Mixed_numbers_and_labels_in_c()
    {
        AssertDiagnostic(Only("f =~ c(1,a)*x1"), 1, 11, "c() mixes numbers and labels");
    }

    [Fact]
    public void Unsupported_operators_say_so()
    {
        AssertDiagnostic(Only("f <~ x1 + x2"), 1, 3, "Formative indicators ('<~') are not supported yet");
        AssertDiagnostic(Only("u | t0"), 1, 5, "A threshold is named t1, t2, ...");
        AssertDiagnostic(Only("group: 1\nf =~ x1"), 1, 1, "Block headers such as 'group: 1' are not supported");
        AssertDiagnostic(Only("a + b := c"), 1, 7, "A defined parameter (':=') needs a single name on its left-hand side.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    [InlineData("# only a comment\n! and another")]
    [InlineData(" ;; ; ")]
    public void Empty_model(string syntax)
    {
        AssertDiagnostic(Only(syntax), 1, 1, "The model is empty: write at least one statement such as 'f =~ x1 + x2 + x3'.");
    }

    [Fact]
    public void Every_broken_statement_is_reported_in_source_order()
    {
        const string syntax = """
            f =~ x1 + x2 + x3
            g =~ x4 + + x5
            h x6
            y ~ f + g
            k =~ NA + x7
            d := (a*b
            """;
        var r = ModelSyntax.TryParse(syntax);
        Assert.Null(r.Model);
        Assert.Equal([(2, 11), (3, 3), (5, 6), (6, 10)], r.Diagnostics.Select(d => (d.Span.Line, d.Span.Column)));
        var ex = Assert.Throws<ModelSyntaxException>(() => ModelSyntax.Parse(syntax));
        Assert.Equal(r.Diagnostics, ex.Diagnostics);
        Assert.Equal(new SourceSpan(2, 11, 1), ex.Span);
        Assert.StartsWith("Model syntax error at line 2, column 11: Expected a variable name after '+' but found '+'.", ex.Message);
    }

    [Fact]
    public void Deeply_nested_expressions_are_a_diagnostic_not_a_crash()
    {
        // 100 000 nested parentheses or signs would overflow the stack of a recursive-descent parser.
        const int depth = 100_000;
        foreach (var formula in new[] { new string('(', depth) + "a" + new string(')', depth), new string('-', depth) + "a", string.Concat(Enumerable.Repeat("a^", depth)) + "a" })
        {
            var r = ModelSyntax.TryParse("f =~ x1 + a*x2\nd := " + formula);
            Assert.False(r.Success);
            Assert.Contains("nested too deeply", Assert.Single(r.Diagnostics).Message);
            Assert.Equal(2, r.Diagnostics[0].Span.Line);
        }
    }

    [Fact]
    public void A_long_run_of_bad_characters_is_reported_without_a_crash()
    {
        // The lexer must not recurse once per skipped character.
        var r = ModelSyntax.TryParse("f =~ x1 + x2 " + new string('$', 200_000));
        Assert.False(r.Success);
        Assert.Equal(new SourceSpan(1, 14, 1), r.Diagnostics[0].Span);
        Assert.Contains("Unexpected character '$'", r.Diagnostics[0].Message);
    }
}
