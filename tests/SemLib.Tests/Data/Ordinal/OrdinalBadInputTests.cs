using System.Text.Json;
using SemLib.Data;
using SemLib.Data.Ordinal;

namespace SemLib.Tests.Data.Ordinal;

/// <summary>
/// Bad ordinal input beyond <see cref="OrdinalCodingTests"/>: where the value at fault is (row and column), groups too
/// small, sparse tables. lavaan 0.6.14's own messages for the same inputs are in Reference/ordinal-stats/bad-input.json
/// (make-ordinal-pairwise-cases.R).
/// </summary>
public class OrdinalBadInputTests
{
    private static DataSet Csv(string text) => DataSet.ReadCsv(new StringReader(text), "items.csv");

    private static JsonElement Lavaan => JsonDocument.Parse(File.ReadAllText(Path.Combine(OrdinalStatisticsReferenceTests.Dir, "bad-input.json"))).RootElement;

    [Fact]
    public void A_non_integer_value_names_the_column_number()
    {
        // lavaan 0.6.14 accepts 2.5 as a third level (bad-input.json non_integer: no error); SemLib refuses it.
        Assert.Equal("", Lavaan.GetProperty("non_integer").GetString());
        var data = Csv("id,x,y\n1,1,2\n2,2,1\n3,2.5,1\n4,1,2\n");
        var ex = Assert.Throws<DataException>(() => OrdinalStatistics.Compute(data, ["x", "y"], ["x", "y"], null, new List<string>()));
        Assert.Contains("'x'", ex.Message);
        Assert.Contains("row 3, column 2", ex.Message);
    }

    [Fact]
    public void A_non_numeric_value_names_the_row_and_column()
    {
        var data = Csv("id,x,y\n1,1,2\n2,2,1\n3,1,agree\n4,1,2\n");
        var ex = Assert.Throws<DataException>(() => OrdinalStatistics.Compute(data, ["x", "y"], ["x", "y"], null, new List<string>()));
        Assert.Contains("'y'", ex.Message);
        Assert.Contains("row 3, column 3", ex.Message);
        Assert.Contains("agree", ex.Message);
    }

    [Fact]
    public void A_category_empty_in_a_group_gives_the_frequencies_as_lavaan_does()
    {
        // lavaan: "some categories of variable `a' are empty in group 2; frequencies are [2 2 0]" (bad-input.json).
        string lavaan = Lavaan.GetProperty("empty_category_in_group").GetString()!;
        Assert.Contains("frequencies are [2 2 0]", lavaan);
        var data = Csv("a,b,g\n1,1,1\n2,2,1\n3,1,1\n1,2,2\n2,1,2\n1,2,2\n2,1,2\n");
        var ex = Assert.Throws<DataException>(() => OrdinalStatistics.Compute(data, ["a", "b"], ["a", "b"], "g", new List<string>()));
        Assert.Contains("'a'", ex.Message);
        Assert.Contains("group '2'", ex.Message);
        Assert.Contains("frequencies 2 2 0", ex.Message);
    }

    [Fact]
    public void A_group_with_a_single_row_is_an_error_naming_the_group()
    {
        // lavaan: "data contains only a single observation in group 2" (bad-input.json).
        Assert.Contains("single observation in group 2", Lavaan.GetProperty("single_observation_group").GetString());
        var data = Csv("a,b,g\n1,1,1\n2,2,1\n2,1,1\n1,2,1\n2,1,1\n1,2,1\n2,1,2\n");
        var ex = Assert.Throws<DataException>(() => OrdinalStatistics.Compute(data, ["a", "b"], ["a", "b"], "g", new List<string>()));
        Assert.Contains("group '2'", ex.Message);
        Assert.Contains("only one usable row", ex.Message);
        Assert.Contains("data row 7", ex.Message);
    }

    [Fact]
    public void A_group_with_fewer_rows_than_variables_draws_a_warning()
    {
        // lavaan warns "small number of observations (nobs < nvar)"; here group B has 3 rows for 4 variables.
        var rows = new List<string> { "a,b,c,d,g" };
        for (int r = 0; r < 12; r++) rows.Add($"{1 + r % 2},{1 + r / 2 % 2},{1 + (r + 1) % 2},{1 + r / 3 % 2},A");
        rows.AddRange(["1,2,1,2,B", "2,1,2,1,B", "2,2,1,1,B"]);
        var warnings = new List<string>();
        var stats = OrdinalStatistics.Compute(Csv(string.Join("\n", rows) + "\n"), ["a", "b", "c", "d"], ["a", "b", "c", "d"], "g", warnings, withGamma: false);
        Assert.Equal(2, stats.Count);
        Assert.Contains(warnings, w => w.Contains("only 3 rows in group 'B' for 4 variables"));
        Assert.DoesNotContain(warnings, w => w.Contains("group 'A' for"));
    }

    [Fact]
    public void More_than_fifteen_categories_draw_one_warning_per_item()
    {
        // lavaan 0.6.14 warns from 13 levels on ("more than 12 levels", bad-input.json); SemLib's limit is 15.
        Assert.Contains("more than 12 levels", Lavaan.GetProperty("many_levels").GetString());
        var x = Enumerable.Range(0, 64).Select(i => (double)(i % 16)).ToArray();
        var y = Enumerable.Range(0, 64).Select(i => (double)(i % 15)).ToArray();
        var z = Enumerable.Range(0, 64).Select(i => (double)(i / 32)).ToArray();
        var warnings = new List<string>();
        OrdinalStatistics.Compute(DataSet.FromColumns([new("x", x), new("y", y), new("z", z)]), ["x", "y", "z"], ["x", "y", "z"], null, warnings, withGamma: false);
        Assert.Single(warnings, w => w.Contains("'x'") && w.Contains("16 categories"));
        Assert.DoesNotContain(warnings, w => w.Contains("'y'") && w.Contains("categories"));
    }

    [Fact]
    public void A_sparse_six_category_pair_has_empty_cells_and_finite_statistics()
    {
        // sparse6: 45 rows, six categories; lavaan lists all three pairs in zero.cell.tables and adds nothing to the
        // cells (tables larger than 2x2); the numbers are checked in OrdinalStatisticsReferenceTests("sparse6").
        var (root, stats, warnings) = OrdinalStatisticsReferenceTests.Run("sparse6");
        var s = stats[0];
        Assert.Equal(3, s.EmptyCellPairs.Count);
        Assert.Equal(3, root.GetProperty("groups")[0].GetProperty("zero_cell_tables").GetArrayLength());
        Assert.All(s.Observations, v => Assert.True(double.IsFinite(v)));
        Assert.All(s.Gamma!, v => Assert.True(double.IsFinite(v)));
        Assert.All(s.DwlsWeights!, v => Assert.True(v > 0 && double.IsFinite(v)));
        Assert.Empty(warnings);
    }
}
