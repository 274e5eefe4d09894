using SemLib.Data;
using SemLib.Specification;

namespace SemLib.Tests.Data;

/// <summary>
/// Issue 8: hostile data never make a message of megabytes. A huge cell, a header of a million names and a model of
/// 50,000 repeated indicators give messages of at most a few hundred characters that still say what and where.
/// </summary>
public sealed class BoundedMessageTests
{
    private const int Limit = 600;

    private static void Bounded(string message) => Assert.True(message.Length < Limit, $"{message.Length} characters: {message[..Math.Min(300, message.Length)]}");

    [Fact]
    public void A_huge_non_numeric_cell_is_cut()
    {
        string cell = new('z', 5_000_000);
        var data = DataSet.ReadCsv(new StringReader($"x1,x2,x3\n1,2,3\n2,{cell},4\n3,1,2\n4,2,1\n"), "big.csv");
        var e = Assert.Throws<DataException>(() => Sem.Fit("f =~ x1 + x2 + x3", data));
        Bounded(e.Message);
        Assert.Contains("big.csv: row 2, column 'x2': 'zzzz", e.Message, StringComparison.Ordinal);
        Assert.Contains("(5,000,000 characters) is not a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_of_a_million_names_is_not_listed_whole()
    {
        const int p = 1_000_000;
        var columns = Enumerable.Range(1, p).Select(i => new KeyValuePair<string, double[]>($"v{i}", [i % 7, i % 5, i % 3, i % 2]));
        var data = DataSet.FromColumns(columns, "wide.csv");
        var e = Assert.Throws<DataException>(() => Sem.Fit("f =~ x1 + v1 + v2", data));
        Bounded(e.Message);
        Assert.Contains("The model variable 'x1' (used at line 1, column 6) is not a column of wide.csv; available: v1, v2, v3, v4, v5, v6, v7, v8, v9, v10 and 999,990 more.", e.Message, StringComparison.Ordinal);
        // The indexer and NumericColumns say the same, bounded.
        Bounded(Assert.Throws<DataException>(() => data["nope"]).Message);
        Bounded(Assert.Throws<DataException>(() => data.NumericColumns(["nope"])).Message);
    }

    [Fact]
    public void A_huge_variable_name_is_cut()
    {
        string name = new('n', 1_000_000);
        var data = DataSet.FromColumns([new("x1", [1.0, 2, 3, 4]), new("x2", [2.0, 1, 4, 3])]);
        var e = Assert.Throws<DataException>(() => Sem.Fit($"f =~ x1 + x2 + {name}", data));
        Bounded(e.Message);
        Assert.Contains("(1,000,000 characters)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_thousand_repeated_indicators_give_one_warning()
    {
        // 50,000 terms over x1..x9: the first nine are new, the other 49,991 repeat one of them.
        var terms = Enumerable.Range(0, 50_000).Select(i => $"x{i % 9 + 1}");
        var table = ParameterTable.Build("f =~ " + string.Join(" + ", terms));
        var w = Assert.Single(table.Warnings);
        Assert.Equal("49,991 terms repeat a parameter written before them (f=~x1, f=~x2, f=~x3 and 6 more); each parameter is one parameter however often it is written.", w.Message);
        Assert.Equal(9, w.Variables.Count); // the one warning names every repeated parameter, not only the three shown
        // Up to three repeats keep their own warnings, with where they are.
        Assert.Equal(3, ParameterTable.Build("f =~ x1 + x2 + x3 + x1 + x2 + x3").Warnings.Count);
    }

    [Fact]
    public void A_duplicated_header_name_is_cut()
    {
        string name = new('h', 100_000);
        var e = Assert.Throws<DataException>(() => DataSet.ReadCsv(new StringReader($"{name},{name}\n1,2\n"), "dup.csv"));
        Bounded(e.Message);
        Assert.Contains("appears twice in the header (columns 1 and 2)", e.Message, StringComparison.Ordinal);
    }
}
