using SemLib.Syntax;

namespace SemLib.Tests.Syntax;

/// <summary>
/// What the parser reads from valid lavaan syntax. Expected structures follow lavaan's model syntax
/// (lavaan 0.6.14, <c>?model.syntax</c>; the lavaanify() output quoted where lavaan was asked); positions
/// are 1-based line and column, counted by hand in the model strings.
/// </summary>
public sealed class ParserTests
{
    private static ModelStatement Single(string syntax) => Assert.Single(ModelSyntax.Parse(syntax).Statements);

    [Fact]
    public void Measured_by()
    {
        var s = Single("visual =~ x1 + x2 + x3");
        Assert.Equal(ModelOperator.MeasuredBy, s.Operator);
        Assert.Equal(["visual"], s.Lhs);
        Assert.Equal(["x1", "x2", "x3"], s.Terms.Select(t => t.Name));
        Assert.All(s.Terms, t => Assert.True(t.Modifiers.IsEmpty));
        // "visual =~ x1 + x2 + x3": x1 at column 11, x2 at 16, x3 at 21; the statement starts at column 1.
        Assert.Equal([new SourceSpan(1, 11, 2), new SourceSpan(1, 16, 2), new SourceSpan(1, 21, 2)], s.Terms.Select(t => t.Span));
        Assert.Equal(new SourceSpan(1, 1, 6), s.Span);
    }

    [Fact]
    public void Regression_covariance_and_intercept()
    {
        var m = ModelSyntax.Parse("y ~ x1 + x2\nx1 ~~ x2\ny ~ 1");
        Assert.Equal(
            [
                "Regression lhs=[y] terms=[x1 fixed=[-] labels=[-] start=[-]; x2 fixed=[-] labels=[-] start=[-]] left=- right=-",
                "Covariance lhs=[x1] terms=[x2 fixed=[-] labels=[-] start=[-]] left=- right=-",
                "Intercept lhs=[y] terms=[1 fixed=[-] labels=[-] start=[-]] left=- right=-",
            ], SyntaxDump.Of(m));
    }

    [Fact]
    public void An_intercept_among_regressors_becomes_its_own_statement()
    {
        // lavaan reads "y ~ 1 + x" as the regression y ~ x and the intercept y ~1.
        var m = ModelSyntax.Parse("y ~ 1 + x");
        Assert.Equal([ModelOperator.Regression, ModelOperator.Intercept], m.Statements.Select(s => s.Operator));
        Assert.Equal("x", m.Statements[0].Terms.Single().Name);
        Assert.Equal(new SourceSpan(1, 5, 1), m.Statements[1].Terms.Single().Span);
    }

    [Theory]
    [InlineData("y1 + y2 ~ x", ModelOperator.Regression)]
    [InlineData("y1 + y2 ~~ x", ModelOperator.Covariance)]
    [InlineData("y1 + y2 ~ 1", ModelOperator.Intercept)]
    public void Several_variables_on_the_left(string syntax, ModelOperator op)
    {
        var s = Single(syntax);
        Assert.Equal(op, s.Operator);
        Assert.Equal(["y1", "y2"], s.Lhs);
    }

    [Fact]
    public void Defined_parameters_and_constraints()
    {
        var m = ModelSyntax.Parse("ab := a*b\na == 2*b\nb < 1\nc > 0");
        Assert.Equal(
            [
                "Defined lhs=[ab] terms=[] left=- right=Bin(*,Name(a),Name(b))",
                "Equal lhs=[] terms=[] left=Name(a) right=Bin(*,Num(2),Name(b))",
                "Less lhs=[] terms=[] left=Name(b) right=Num(1)",
                "Greater lhs=[] terms=[] left=Name(c) right=Num(0)",
            ], SyntaxDump.Of(m));
        Assert.Equal(new SourceSpan(2, 1, 1), m.Statements[1].Span);
    }

    [Theory]
    // Fixed values, NA, labels, start values, c() vectors and chains (lavaan ?model.syntax, "modifiers").
    [InlineData("0.5*x", "fixed=[0.5] labels=[-] start=[-]")]
    [InlineData("-1*x", "fixed=[-1] labels=[-] start=[-]")]
    [InlineData("- 1 * x", "fixed=[-1] labels=[-] start=[-]")]
    [InlineData("NA*x", "fixed=[NA] labels=[-] start=[-]")]
    [InlineData("a*x", "fixed=[-] labels=['a'] start=[-]")]
    [InlineData("label(\"a\")*x", "fixed=[-] labels=['a'] start=[-]")]
    [InlineData("label(a)*x", "fixed=[-] labels=['a'] start=[-]")]
    [InlineData("equal(\"a\")*x", "fixed=[-] labels=['a'] start=[-]")]
    [InlineData("'a'*x", "fixed=[-] labels=['a'] start=[-]")]
    [InlineData("start(0.8)*x", "fixed=[-] labels=[-] start=[0.8]")]
    [InlineData("start(-0.8)*x", "fixed=[-] labels=[-] start=[-0.8]")]
    [InlineData("c(a,b)*x", "fixed=[-] labels=['a','b'] start=[-]")]
    [InlineData("c(a,NA)*x", "fixed=[-] labels=['a',''] start=[-]")]
    [InlineData("c(1,NA)*x", "fixed=[1,NA] labels=[-] start=[-]")]
    [InlineData("c(0.5, -1)*x", "fixed=[0.5,-1] labels=[-] start=[-]")]
    [InlineData("start(1)*a*x", "fixed=[-] labels=['a'] start=[1]")]
    [InlineData("a*start(1)*x", "fixed=[-] labels=['a'] start=[1]")]
    [InlineData("0.5*a*x", "fixed=[0.5] labels=['a'] start=[-]")]
    [InlineData("1.5e-3*x", "fixed=[0.0015] labels=[-] start=[-]")]
    [InlineData("2.5E+2*x", "fixed=[250] labels=[-] start=[-]")]
    [InlineData(".5*x", "fixed=[0.5] labels=[-] start=[-]")]
    [InlineData("1.*x", "fixed=[1] labels=[-] start=[-]")]
    [InlineData("1e2*x", "fixed=[100] labels=[-] start=[-]")]
    public void Modifiers(string term, string expected)
    {
        var t = Single("f =~ x0 + " + term).Terms[1];
        Assert.Equal("x", t.Name);
        Assert.Equal(expected, SyntaxDump.Of(t.Modifiers));
    }

    [Fact]
    public void A_later_modifier_of_the_same_kind_wins()
    {
        // start(0.5)*start(0.7)*x: TermModifiers.Merge keeps the later value.
        Assert.Equal([0.7], Single("f =~ start(0.5)*start(0.7)*x1").Terms[0].Modifiers.Start);
    }

    [Fact]
    public void Intercept_modifiers()
    {
        var s = Single("y ~ 0*1");
        Assert.Equal(ModelOperator.Intercept, s.Operator);
        Assert.Equal([0.0], s.Terms.Single().Modifiers.Fixed);
        Assert.Equal(["m"], Single("y ~ m*1").Terms.Single().Modifiers.Labels);
    }

    [Fact]
    public void Comments_with_hash_and_exclamation_mark()
    {
        const string syntax = """
            # a measurement model
            f =~ x1 + x2 # first two
              + x3 ! third, lavaan's other comment character
            ! a whole line
            g =~ x4 + x5 + x6   # 'quotes' and =~ ~ in comments are ignored
            """;
        var m = ModelSyntax.Parse(syntax);
        Assert.Equal(["f =~ x1 + x2 + x3", "g =~ x4 + x5 + x6"], m.Statements.Select(SyntaxWriter.Write));
        Assert.Equal(new SourceSpan(3, 5, 2), m.Statements[0].Terms[2].Span);
        Assert.Equal(5, m.Statements[1].Span.Line);
    }

    [Fact]
    public void Semicolons_separate_statements()
    {
        var m = ModelSyntax.Parse("f =~ x1 + x2 + x3; g =~ x4 + x5;; ;y ~ f + g;");
        Assert.Equal(["f =~ x1 + x2 + x3", "g =~ x4 + x5", "y ~ f + g"], m.Statements.Select(SyntaxWriter.Write));
        Assert.Equal(new SourceSpan(1, 20, 1), m.Statements[1].Span);
    }

    [Theory]
    // A statement continues on the next line after an operator, '+', '*' or ',' or inside parentheses, and when
    // the next line starts with '+' (lavaanify gives the same rows for each of these).
    [InlineData("f =~ x1 +\n  x2 + x3")]
    [InlineData("f =~\n  x1 + x2 + x3")]
    [InlineData("f =~ x1 + x2\n  + x3")]
    [InlineData("f =~ x1 +\n\n  # a comment line in between\n\n  x2\n  + x3")]
    [InlineData("f =~ x1 + x2 + x3\n")]
    [InlineData("\n\n  f =~ x1 + x2 + x3  \n\n")]
    public void Statements_continue_over_lines(string syntax)
    {
        var s = Single(syntax);
        Assert.Equal("f =~ x1 + x2 + x3", SyntaxWriter.Write(s));
    }

    [Fact]
    public void Continuation_inside_parentheses_and_after_a_star()
    {
        Assert.Equal("f =~ c(1,2)*x1", SyntaxWriter.Write(Single("f =~ c(1,\n  2)*x1")));
        // lavaan reads "f =~ x1*\n x2" as the label x1 on x2 (lavaanify: f =~ x2, label "x1").
        Assert.Equal("f =~ x1*x2", SyntaxWriter.Write(Single("f =~ x1*\n x2")));
        Assert.Equal("d := a*b+c", SyntaxWriter.Write(Single("d := a *\n b +\n c")));
    }

    [Fact]
    public void A_line_without_an_operator_is_not_glued_to_the_previous_one()
    {
        // lavaan 0.6.14 glues it: lavaanify("f =~ x1 + x2\n x3") gives the indicator "x2x3". SemLib reports it.
        var r = ModelSyntax.TryParse("f =~ x1 + x2\n x3");
        Assert.False(r.Success);
        Assert.Equal(new SourceSpan(2, 4, 1), Assert.Single(r.Diagnostics).Span);
    }

    [Theory]
    [InlineData("x.1")]
    [InlineData("x_2")]
    [InlineData("X.long_name.3")]
    [InlineData(".hidden")]
    [InlineData("_u")]
    [InlineData("é1")]
    public void Names_with_dots_underscores_and_letters(string name)
    {
        var s = Single($"f =~ {name} + {name}b");
        Assert.Equal([name, name + "b"], s.Terms.Select(t => t.Name));
    }

    [Theory]
    // Precedence as in R (?Syntax): ^ binds tighter than unary minus, which binds tighter than * and /, then + and -;
    // ^ is right-associative, the others left-associative.
    [InlineData("-a^2", "Neg(Bin(^,Name(a),Num(2)))")]
    [InlineData("(-a)^2", "Bin(^,Neg(Name(a)),Num(2))")]
    [InlineData("a*b+c", "Bin(+,Bin(*,Name(a),Name(b)),Name(c))")]
    [InlineData("a+b*c", "Bin(+,Name(a),Bin(*,Name(b),Name(c)))")]
    [InlineData("(a+b)/2", "Bin(/,Bin(+,Name(a),Name(b)),Num(2))")]
    [InlineData("a-b-c", "Bin(-,Bin(-,Name(a),Name(b)),Name(c))")]
    [InlineData("a/b/c", "Bin(/,Bin(/,Name(a),Name(b)),Name(c))")]
    [InlineData("2^3^2", "Bin(^,Num(2),Bin(^,Num(3),Num(2)))")]
    [InlineData("a^-b", "Bin(^,Name(a),Neg(Name(b)))")]
    [InlineData("-a*b", "Bin(*,Neg(Name(a)),Name(b))")]
    [InlineData("a--b", "Bin(-,Name(a),Neg(Name(b)))")]
    [InlineData("+a", "Name(a)")]
    [InlineData("sqrt(a)", "Call(sqrt,Name(a))")]
    [InlineData("exp(log(a)) + pnorm(-a/2)", "Bin(+,Call(exp,Call(log,Name(a))),Call(pnorm,Bin(/,Neg(Name(a)),Num(2))))")]
    [InlineData("1.5e-3*a", "Bin(*,Num(0.0015),Name(a))")]
    public void Expression_precedence(string formula, string tree)
    {
        Assert.Equal(tree, SyntaxDump.Of(Single("d := " + formula).Right));
    }

    [Theory]
    // Values by hand with a = 3, b = 2, c = 5.
    [InlineData("-a^2", -9)]
    [InlineData("a*b+c", 11)]
    [InlineData("(a+b)/2", 2.5)]
    [InlineData("a-b-c", -4)]
    [InlineData("2^3^2", 512)]
    [InlineData("sqrt(a*a+b*b*4)", 5)]
    [InlineData("abs(b-a)", 1)]
    public void Expressions_evaluate_with_R_precedence(string formula, double value)
    {
        var e = Single("d := " + formula).Right!;
        Assert.Equal(value, e.Evaluate(n => n switch { "a" => 3, "b" => 2, "c" => 5, _ => throw new KeyNotFoundException(n) }), 12);
    }

    [Fact]
    public void Expressions_print_as_lavaan_does_without_spaces()
    {
        Assert.Equal("-a^2+a*b+c-(a+b)/2+sqrt(a)", Single("d := -a^2 + a*b+c - (a+b)/2 + sqrt(a)").Right!.ToString());
    }

    [Fact]
    public void Crlf_cr_tabs_and_blank_lines_read_like_lf()
    {
        const string lf = "f =~ x1 + x2 +\n  x3\n\ny ~ f\nd := a*b";
        var expected = SyntaxDump.Of(ModelSyntax.Parse(lf));
        foreach (var variant in new[] { lf.Replace("\n", "\r\n"), lf.Replace("\n", "\r"), lf.Replace(" ", "\t"), "\r\n \t" + lf.Replace("\n", " \t\r\n") + "\r\n\r\n" })
            Assert.Equal(expected, SyntaxDump.Of(ModelSyntax.Parse(variant)));
        // Positions count CRLF as one line break.
        var crlf = ModelSyntax.Parse(lf.Replace("\n", "\r\n"));
        Assert.Equal(new SourceSpan(2, 3, 2), crlf.Statements[0].Terms[2].Span);
        Assert.Equal(4, crlf.Statements[1].Span.Line);
    }

    [Fact]
    public void Latent_variables_in_order_of_appearance()
    {
        var m = ModelSyntax.Parse("g =~ f2 + f1\nf1 =~ x1 + x2\nf2 =~ x3 + x4\ng =~ f3\nf3 =~ x5");
        Assert.Equal(["g", "f1", "f2", "f3"], m.LatentVariables);
    }
}
