using FsCheck;
using FsCheck.Fluent;
using SemLib.Reporting.Text;

namespace SemLib.Tests.Reporting;

/// <summary>
/// The port of R's <c>abbreviate()</c> that the text summary uses for names and labels, as lavaan's summary does.
/// Expected values: R 4.2.2, <c>abbreviate(x, 4)</c> and <c>abbreviate(x, minlength, strict = TRUE)</c> on the
/// vectors below (run with Rscript on this machine).
/// </summary>
public sealed class RAbbreviateTests
{
    [Theory]
    [InlineData(4, false, "indirect,total,a,b,loading1,loading2,powerless67,visual_speed", "indr,totl,a,b,ldn1,ldn2,pw67,vsl_")]
    [InlineData(10, true, "powerless67,anomia67,education,x1", "powerlss67,anomia67,education,x1")]
    [InlineData(14, true, "verylongvariable_name_here", "vrylngvrbl_nm_")]
    [InlineData(4, false, "aaaa1,aaaa2,l_one,l_two", "aaa1,aaa2,l_on,l_tw")]
    public void Agrees_with_R(int minLength, bool strict, string names, string expected)
    {
        var result = RAbbreviate.Abbreviate(names.Split(','), minLength, strict);
        Assert.Equal(expected.Split(','), result);
    }

    [Fact]
    public void Strict_abbreviation_keeps_the_first_character_and_an_ordered_subset_of_the_rest()
    {
        var word = ArbMap.Default.GeneratorFor<char>().Where(ch => ch is >= '!' and <= '~').ArrayOf().Where(a => a.Length > 0)
            .Select(a => new string(a));
        Prop.ForAll(word.ToArbitrary(), Gen.Choose(1, 16).ToArbitrary(), (name, min) =>
        {
            var s = RAbbreviate.Strip(name, min);
            bool subsequence = true;
            int k = 0;
            foreach (char ch in s)
            {
                while (k < name.Length && name[k] != ch) k++;
                if (k == name.Length) subsequence = false;
                k++;
            }
            return s.Length == Math.Min(name.Length, min) && s[0] == name[0] && subsequence;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Non_strict_abbreviations_of_distinct_names_are_distinct()
    {
        var names = Gen.Elements("x", "y", "f", "load", "loading", "intercept", "ab", "ba").ArrayOf().Select(a => a.Distinct().ToArray());
        Prop.ForAll(names.ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (n, min) =>
        {
            var r = RAbbreviate.Abbreviate(n, min, strict: false);
            return r.Distinct().Count() == n.Length;
        }).QuickCheckThrowOnFailure();
    }
}
