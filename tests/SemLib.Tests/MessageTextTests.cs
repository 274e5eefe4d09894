namespace SemLib.Tests;

/// <summary>
/// The message helper of issue 8: a value is shown up to 40 characters with its length, a list up to 10 entries with
/// how many more, many warnings of one kind as one. The expected strings are written out by hand from those rules.
/// </summary>
public sealed class MessageTextTests
{
    [Fact]
    public void Short_values_are_shown_whole()
    {
        Assert.Equal("'x1'", MessageText.Quote("x1"));
        Assert.Equal("x1", MessageText.Truncate("x1"));
        Assert.Equal("''", MessageText.Quote(null));
        Assert.Equal("'" + new string('a', 40) + "'", MessageText.Quote(new string('a', 40)));
    }

    [Fact]
    public void Long_values_are_cut_with_their_length()
    {
        Assert.Equal("'" + new string('a', 40) + "…' (41 characters)", MessageText.Quote(new string('a', 41)));
        Assert.Equal(new string('b', 40) + "… (60,000,000 characters)", MessageText.Truncate(new string('b', 60_000_000)));
        // A surrogate pair is not split: 39 a's and 😀 (2 chars) make 41; the cut keeps the 39 a's.
        Assert.Equal("'" + new string('a', 39) + "…' (42 characters)", MessageText.Quote(new string('a', 39) + "😀x"));
    }

    [Fact]
    public void Control_characters_become_blanks()
    {
        Assert.Equal("'a b c'", MessageText.Quote("a\nb\rc"));
    }

    [Fact]
    public void Lists_stop_after_ten_with_a_count()
    {
        Assert.Equal("a, b", MessageText.List(["a", "b"]));
        Assert.Equal("'a', 'b'", MessageText.List(["a", "b"], quote: true));
        var names = Enumerable.Range(1, 1_000_000).Select(i => $"v{i}");
        Assert.Equal("v1, v2, v3, v4, v5, v6, v7, v8, v9, v10 and 999,990 more", MessageText.List(names));
        Assert.Equal("v1, v2, v3 and 2 more", MessageText.List(["v1", "v2", "v3", "v4", "v5"], max: 3));
    }

    [Fact]
    public void Many_warnings_of_a_kind_become_one()
    {
        string[] few = ["a", "b", "c"];
        Assert.Equal(["one a", "one b", "one c"], MessageText.Collapse(few, x => "one " + x, (n, list) => $"{n}: {list}", x => x));
        string[] many = ["a", "b", "a", "c", "d", "e"];
        // Six items, the first three distinct names listed, the other two distinct names counted.
        Assert.Equal(["6: a, b, c and 2 more"], MessageText.Collapse(many, x => "one " + x, (n, list) => $"{n}: {list}", x => x));
    }
}
