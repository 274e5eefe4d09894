using SemLib.Syntax;

namespace SemLib.Tests.Syntax;

/// <summary>
/// lavaan syntax SemLib does not do yet (issue 8): the operators and modifiers lavaan 0.6's parser accepts
/// (its operator list: =~ &lt;~ ~*~ ~~ ~ == &lt; &gt; := : | %; its modifiers efa(), start(), label(), equal(),
/// upper(), lower(), prior(), rv() and the start-value shorthand 0.5?x) are each one diagnostic saying "not
/// supported yet" at the line and column of the operator or modifier (counted by hand in the model strings), never a
/// generic parse error.
/// </summary>
public sealed class UnsupportedSyntaxTests
{
    private static SyntaxDiagnostic Only(string syntax)
    {
        var r = ModelSyntax.TryParse(syntax);
        Assert.False(r.Success);
        return Assert.Single(r.Diagnostics);
    }

    [Theory]
    // line 2 "x1 ~*~ 1*x2": the wrong variable starts at column 10.
    [InlineData("f =~ x1 + x2 + x3\nx1 ~*~ 1*x2", 2, 10, "A scale factor is written x1 ~*~ x1")]
    [InlineData("f =~ x1 + x2 + x3\nf <~ x4 + x5", 2, 3, "Formative indicators ('<~') are not supported yet")]
    [InlineData("f =~ x1 + x2 + x3\nx1 | t1 + a2", 2, 11, "A threshold is named t1, t2, ...")]
    [InlineData("f =~ x1 + x2 + x3\nx1 + x2 | t1", 2, 1, "Only one ordered variable may stand on the left of '|'")]
    [InlineData("f =~ x1 + x2 + x3\ngroup % w", 2, 7, "The group-weight operator ('%') is not supported yet")]
    public void Operators(string syntax, int line, int column, string message)
    {
        var d = Only(syntax);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    // "efa" is the first token of line 1 (and of line 2 in the second model).
    [InlineData("efa(\"e1\")*f1 + efa(\"e1\")*f2 =~ x1 + x2 + x3 + x4 + x5 + x6", 1, 1, "EFA blocks")]
    [InlineData("g =~ y1 + y2 + y3\nefa(\"e1\")*f1 +\nefa(\"e1\")*f2 =~ x1 + x2 + x3 + x4", 2, 1, "EFA blocks")]
    // "f1 + efa(...)": efa is column 6.
    [InlineData("f1 + efa(\"e1\")*f2 =~ x1 + x2 + x3 + x4", 1, 6, "EFA blocks")]
    // The modifier's name: column 11 of "f =~ x1 + upper(2)*x2" and of "f =~ x1 + prior(...)*x2"; column 7 of "x1 ~~ lower(0)*x1".
    [InlineData("f =~ x1 + upper(2)*x2 + x3", 1, 11, "Bounds (upper()) are not supported yet")]
    [InlineData("f =~ x1 + x2 + x3\nx1 ~~ lower(0)*x1", 2, 7, "Bounds (lower()) are not supported yet")]
    [InlineData("f =~ x1 + prior(\"normal(0,1)\")*x2 + x3", 1, 11, "Priors (prior()) are not supported yet")]
    [InlineData("f =~ x1 + x2 + x3\ny ~ rv(s)*x2", 2, 5, "Random slopes (rv()) are not supported yet")]
    [InlineData("f =~ x1 + efa(\"e1\")*x2 + x3", 1, 11, "EFA blocks")]
    // A known modifier without its '*' gets the same message.
    [InlineData("f =~ x1 + upper(2) + x3", 1, 11, "Bounds (upper()) are not supported yet")]
    // The '?' of 0.5?x2 is column 14.
    [InlineData("f =~ x1 + 0.5?x2 + x3", 1, 14, "Start values written with '?' (e.g. 0.5?x1) are not supported yet")]
    [InlineData("y ~ -1?x2", 1, 7, "Start values written with '?'")]
    public void Modifiers(string syntax, int line, int column, string message)
    {
        var d = Only(syntax);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_carries_the_span()
    {
        var e = Assert.Throws<ModelSyntaxException>(() => ModelSyntax.Parse("f =~ x1 + x2 + x3\nf <~ x4"));
        Assert.Equal(new SourceSpan(2, 3, 2), e.Span);
        Assert.Contains("not supported yet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undecodable_bytes_and_invisible_characters_are_named()
    {
        // U+FFFD is what a lenient UTF-8 decoder makes of GBK bytes: the message says the text was probably not UTF-8.
        // Only the first replacement character is reported: there are usually many.
        var r = ModelSyntax.TryParse("f =~ x1 + \uFFFD\uFFFD + x2\n\uFFFD =~ x3 + x4");
        var d = Assert.Single(r.Diagnostics);
        Assert.Contains("not UTF-8", d.Message, StringComparison.Ordinal);
        Assert.Equal((1, 11), (d.Span.Line, d.Span.Column));
        // A zero-width space is invisible: its code point is the only way to find it.
        Assert.Equal("Unexpected character (U+200B).", Only("f =~ x1 +\u200B x2").Message);
        // A character outside the BMP is one character (a surrogate pair), reported once.
        Assert.Equal("Unexpected character '😀' (U+1F600).", Only("f =~ x1 + x2 😀").Message);
        // A lone surrogate (found by the property tests) is named by its code, not converted.
        Assert.Equal("Unexpected character (U+D800).", Only("f =~ x1 + x2 \uD800").Message);
        // A byte-order mark at the start is not text.
        Assert.True(ModelSyntax.TryParse("\uFEFFf =~ x1 + x2 + x3").Success);
    }

    [Fact]
    public void A_huge_name_is_not_echoed_whole()
    {
        string name = new('a', 1_000_000);
        var d = Only("f " + name + " =~ x1");
        Assert.True(d.Message.Length < 300, $"{d.Message.Length} characters");
        Assert.Contains("(1,000,000 characters)", d.Message, StringComparison.Ordinal);
    }
}
