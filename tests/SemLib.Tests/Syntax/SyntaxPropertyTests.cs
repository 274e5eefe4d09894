using FsCheck;
using FsCheck.Fluent;
using SemLib.Syntax;

namespace SemLib.Tests.Syntax;

/// <summary>
/// FsCheck properties of the parser and writer: random valid models survive a round trip through
/// <see cref="SyntaxWriter.ToSyntax"/>, and arbitrary text never makes <see cref="ModelSyntax.TryParse"/> throw.
/// </summary>
public sealed class SyntaxPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    // ---- generators of valid models ------------------------------------------------------------------

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>lavaan names: a letter, '_' or '.' (not followed by a digit), then letters, digits, '_' and '.'.</summary>
    private static readonly Gen<string> Name =
        (from first in Gen.Elements((Letters + "_.").ToCharArray())
         from second in Gen.Elements(Letters.ToCharArray())
         from rest in Gen.ArrayOf(Gen.Elements((Letters + "0123456789_.").ToCharArray()))
         select (first == '.' ? first + second.ToString() : first.ToString()) + new string(rest.Take(6).ToArray()))
        .Where(n => n != "NA");

    private static readonly Gen<double> Value = Gen.OneOf(
        Gen.Elements(0.0, 1.0, 0.5, 2.5, 1e-7, 123456.789, 1e20, 0.1, 1.0 / 3.0),
        Gen.Choose(0, 100_000).Select(i => i / 1000.0));

    private static readonly Gen<double> SignedValue =
        from v in Value
        from negative in Gen.Elements(false, true)
        select negative ? -v : v;

    private static Gen<IReadOnlyList<T>> ListOf<T>(Gen<T> item) =>
        from n in Gen.Elements(1, 1, 2)
        from items in Gen.ListOf(item, n)
        select (IReadOnlyList<T>)items.ToList();

    /// <summary>Labels: mostly names, sometimes text that must be quoted when written (lavaan's label("...")).</summary>
    private static readonly Gen<string> Label = Gen.Frequency(
        (8, Name),
        (1, Gen.Elements("NA", "1", "a b", "x-y", "", "2*x")));

    private static readonly Gen<TermModifiers> Modifiers =
        from fixedValues in Gen.OneOf(Gen.Constant<IReadOnlyList<double>?>(null),
            ListOf(Gen.Frequency((4, SignedValue), (1, Gen.Constant(double.NaN)))).Select(l => (IReadOnlyList<double>?)l))
        from labels in Gen.OneOf(Gen.Constant<IReadOnlyList<string>?>(null),
            // c(...) writes an empty label as NA, so a vector of labels needs one that is not empty to stay a vector of labels.
            ListOf(Label).Where(l => l.Count == 1 || l.Any(s => s.Length > 0)).Select(l => (IReadOnlyList<string>?)l))
        from start in Gen.OneOf(Gen.Constant<IReadOnlyList<double>?>(null), ListOf(SignedValue).Select(l => (IReadOnlyList<double>?)l))
        select new TermModifiers { Fixed = fixedValues, Labels = labels, Start = start };

    private static readonly Gen<ModelTerm> Term =
        from name in Name
        from m in Gen.Frequency((2, Gen.Constant(TermModifiers.None)), (3, Modifiers))
        select new ModelTerm(name, m, default);

    private static Gen<Expression> ExpressionOf(int size)
    {
        var leaf = Gen.OneOf(Value.Select(v => (Expression)new NumberExpression(v)), Name.Select(n => (Expression)new NameExpression(n)));
        if (size <= 0) return leaf;
        var sub = ExpressionOf(size / 2);
        return Gen.Frequency(
            (3, leaf),
            (1, sub.Select(e => (Expression)new UnaryExpression(e))),
            (4, from op in Gen.Elements('+', '-', '*', '/', '^')
                from l in sub
                from r in sub
                select (Expression)new BinaryExpression(op, l, r)),
            (1, from f in Gen.Elements(CallExpression.KnownFunctions.ToArray())
                from a in sub
                select (Expression)new CallExpression(f, [a])));
    }

    private static readonly Gen<Expression> Formula = Gen.Sized(s => ExpressionOf(Math.Min(s, 16)));

    private static readonly Gen<ModelStatement> Statement = Gen.OneOf(
        from lhs in Name
        from terms in Gen.NonEmptyListOf(Term)
        select new ModelStatement(ModelOperator.MeasuredBy, [lhs], terms.Take(5).ToList(), null, null, default),
        from op in Gen.Elements(ModelOperator.Regression, ModelOperator.Covariance)
        from lhs in ListOf(Name)
        from terms in Gen.NonEmptyListOf(Term)
        select new ModelStatement(op, lhs, terms.Take(4).ToList(), null, null, default),
        from lhs in ListOf(Name)
        from m in Gen.Frequency((1, Gen.Constant(TermModifiers.None)), (2, Modifiers))
        select new ModelStatement(ModelOperator.Intercept, lhs, [new ModelTerm("1", m, default)], null, null, default),
        from name in Name
        from right in Formula
        select new ModelStatement(ModelOperator.Defined, [name], [], null, right, default),
        from op in Gen.Elements(ModelOperator.Equal, ModelOperator.Less, ModelOperator.Greater)
        from left in Formula
        from right in Formula
        select new ModelStatement(op, [], [], left, right, default));

    private static readonly Arbitrary<ParsedModel> Models =
        Gen.NonEmptyListOf(Statement).Select(s => new ParsedModel(s.Take(8).ToList())).ToArbitrary();

    [Fact]
    public void Written_models_parse_back_to_the_same_statements_and_the_same_text()
    {
        Prop.ForAll(Models, model =>
        {
            string text = model.ToSyntax();
            var parsed = ModelSyntax.TryParse(text);
            Assert.True(parsed.Success, text + "\n" + string.Join("\n", parsed.Diagnostics));
            AssertSameStructure(model, parsed.Model!, text);
            Assert.Equal(text, parsed.Model!.ToSyntax());
        }).Check(Quick);
    }

    private static void AssertSameStructure(ParsedModel expected, ParsedModel actual, string text)
    {
        string e = string.Join("\n", SyntaxDump.Of(expected)), a = string.Join("\n", SyntaxDump.Of(actual));
        if (e != a) Assert.Fail($"The text\n{text}\nreads back as\n{a}\ninstead of\n{e}");
    }

    [Theory]
    // Parsed text that the writer must spell so that it reads back the same (label(NA) is "no label" for one group,
    // a quoted label may be any text, a*(b*c) is not (a*b)*c as a tree).
    [InlineData("f =~ label(NA)*x1")]
    [InlineData("f =~ label(\"a b\")*x1 + \"NA\"*x2 + '1'*x3")]
    [InlineData("f =~ c(\"NA\", b)*x1")]
    [InlineData("d := a*(b*c) + (a+(b-c)) - (a-(b+c))")]
    [InlineData("d := 2^(3^2) + (2^3)^2 + a/(b/c) + a-(-b)")]
    public void Tricky_parsed_models_round_trip(string syntax)
    {
        var first = ModelSyntax.Parse(syntax);
        string text = first.ToSyntax();
        var second = ModelSyntax.TryParse(text);
        Assert.True(second.Success, text + "\n" + string.Join("\n", second.Diagnostics));
        AssertSameStructure(first, second.Model!, text);
        Assert.Equal(text, second.Model!.ToSyntax());
    }

    // ---- arbitrary text ------------------------------------------------------------------------------

    private static readonly string[] Soup =
    [
        "f", "x1", "x.2", "_y", "a", "b", "NA", "c", "start", "label", "equal", "sqrt", "=~", "~", "~~", ":=", "==", "<", ">",
        "<~", "|", ":", "+", "-", "*", "/", "^", "(", ")", ",", ";", "\n", "\r\n", "\r", " ", "\t", "#", "!", "\"", "'",
        "1", "0", "0.5", ".5", "1e", "1e-3", "2E+2", "1e999", "1.2.3", "$", "@", "é", "\u00a0", "\0", "\ud83d\ude00",
    ];

    private static readonly Gen<string> SoupGen = Gen.ListOf(Gen.Elements(Soup)).Select(parts => string.Concat(parts));

    /// <summary>A valid model's text with up to three random edits: a token inserted, characters deleted or replaced.</summary>
    private static readonly Gen<string> MutatedGen =
        from model in Models.Generator
        from edits in Gen.ListOf(
            from pos in Gen.Choose(0, 100_000)
            from kind in Gen.Choose(0, 2)
            from token in Gen.Elements(Soup)
            select (pos, kind, token))
        select Mutate(model.ToSyntax(), edits.Take(3));

    private static string Mutate(string text, IEnumerable<(int Pos, int Kind, string Token)> edits)
    {
        foreach (var (pos, kind, token) in edits)
        {
            int p = pos % (text.Length + 1);
            int n = Math.Min(token.Length, text.Length - p);
            text = kind switch
            {
                0 => text.Insert(p, token),
                1 => text.Remove(p, n),
                _ => text.Remove(p, n).Insert(p, token),
            };
        }
        return text;
    }

    private static void CheckNeverThrows(string text)
    {
        ModelParseResult result;
        try
        {
            result = ModelSyntax.TryParse(text);
        }
        catch (Exception ex)
        {
            Assert.Fail($"TryParse threw {ex.GetType().Name} for {Show(text)}: {ex.Message}");
            return;
        }
        Assert.Equal(result.Success, result.Model is not null);
        Assert.Equal(result.Success, result.Diagnostics.Count == 0);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        foreach (var d in result.Diagnostics)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
            Assert.InRange(d.Span.Line, 1, lines.Length);
            Assert.InRange(d.Span.Column, 1, lines[d.Span.Line - 1].Length + 1);
        }
        if (result.Success)
        {
            // Whatever parses can be written and read back unchanged.
            string written = result.Model!.ToSyntax();
            var again = ModelSyntax.TryParse(written);
            Assert.True(again.Success, $"{Show(text)} was written as {Show(written)}, which does not parse: {string.Join("; ", again.Diagnostics)}");
            AssertSameStructure(result.Model!, again.Model!, written);
        }
    }

    private static string Show(string s) => "\"" + string.Concat(s.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    [Fact]
    public void Arbitrary_strings_give_diagnostics_within_the_text_never_exceptions()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), s => CheckNeverThrows(s)).Check(Quick.WithMaxTest(1000));
    }

    [Fact]
    public void Operator_soup_gives_diagnostics_within_the_text_never_exceptions()
    {
        Prop.ForAll(SoupGen.ToArbitrary(), s => CheckNeverThrows(s)).Check(Quick.WithMaxTest(2000));
    }

    [Fact]
    public void Mutated_models_give_diagnostics_within_the_text_never_exceptions()
    {
        Prop.ForAll(MutatedGen.ToArbitrary(), s => CheckNeverThrows(s)).Check(Quick.WithMaxTest(800));
    }

    [Fact]
    public void Mutated_models_are_sometimes_valid_and_sometimes_not()
    {
        // Guards the property above against vacuity: it must see both parsed and rejected text. About one mutant in
        // seven parses (140–160 of 1000 in three runs; 200 mutants gave as few as 17), so fewer than 20 of 1000 would
        // be a ten-sigma event rather than bad luck.
        var samples = MutatedGen.Sample(1000, 10);
        int ok = samples.Count(s => ModelSyntax.TryParse(s).Success);
        Assert.InRange(ok, 20, samples.Length - 20);
    }
}
