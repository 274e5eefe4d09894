using SemLib.Data;
using SemLib.Data.Ordinal;

namespace SemLib.Tests.Data.Ordinal;

/// <summary>Category coding and bad input for ordered variables: what is wrong, and where.</summary>
public class OrdinalCodingTests
{
    private static DataSet Csv(string text) => DataSet.ReadCsv(new StringReader(text), "items.csv");

    private static IReadOnlyList<OrdinalSampleStatistics> Compute(DataSet data, string[] vars, string? group = null, List<string>? warnings = null) =>
        OrdinalStatistics.Compute(data, vars, vars, group, warnings ?? [], withGamma: true);

    [Fact]
    public void Categories_are_the_sorted_distinct_values_with_gaps_removed()
    {
        var coded = OrdinalColumn.Code("x", new double[] { 10, 2, 7, double.NaN, 2, 4, 8 }, "data", new List<string>());
        Assert.Equal(new double[] { 2, 4, 7, 8, 10 }, coded.Categories);
        Assert.Equal(new[] { 4, 0, 2, -1, 0, 1, 3 }, coded.Codes);
    }

    [Fact]
    public void A_non_integer_value_names_the_variable_and_the_data_row()
    {
        // Row 2 is incomplete (y missing) and left out, so the bad value is in data row 3, not complete row 2.
        var data = Csv("x,y\n1,2\n2,\n2.5,1\n3,2\n");
        var ex = Assert.Throws<DataException>(() => Compute(data, ["x", "y"]));
        Assert.Contains("'x'", ex.Message);
        Assert.Contains("2.5", ex.Message);
        Assert.Contains("row 3", ex.Message);
    }

    [Fact]
    public void A_non_numeric_value_names_the_variable_and_the_row()
    {
        var data = Csv("x,y\n1,2\n2,1\nagree,1\n3,2\n");
        var ex = Assert.Throws<DataException>(() => Compute(data, ["x", "y"]));
        Assert.Contains("'x'", ex.Message);
        Assert.Contains("row 3", ex.Message);
        Assert.Contains("agree", ex.Message);
    }

    [Fact]
    public void A_single_observed_category_is_an_error()
    {
        var data = Csv("x,y\n1,2\n2,2\n1,2\n2,2\n");
        var ex = Assert.Throws<DataException>(() => Compute(data, ["x", "y"]));
        Assert.Contains("'y'", ex.Message);
        Assert.Contains("single observed category", ex.Message);
    }

    [Fact]
    public void More_than_fifteen_categories_draws_a_warning()
    {
        var rng = new Random(3);
        var x = Enumerable.Range(0, 200).Select(i => (double)(i % 20)).ToArray();
        var y = x.Select(v => v > 9 ? 2.0 : 1.0).Select(v => rng.NextDouble() < 0.2 ? 3 - v : v).ToArray();
        var warnings = new List<string>();
        var data = DataSet.FromColumns([new("x", x), new("y", y)]);
        Compute(data, ["x", "y"], warnings: warnings);
        Assert.Contains(warnings, w => w.Contains("'x'") && w.Contains("20 categories") && w.Contains("probably continuous"));
        Assert.DoesNotContain(warnings, w => w.Contains("'y'"));
    }

    [Fact]
    public void A_category_absent_in_one_group_is_an_error_naming_the_group()
    {
        // Category 3 of x occurs in group A only.
        var data = Csv("g,x,y\nA,1,1\nA,2,2\nA,3,2\nA,1,2\nB,1,1\nB,2,2\nB,2,1\nB,1,2\n");
        var ex = Assert.Throws<DataException>(() => Compute(data, ["x", "y"], "g"));
        Assert.Contains("'x'", ex.Message);
        Assert.Contains("category 3", ex.Message);
        Assert.Contains("group 'B'", ex.Message);
    }

    [Fact]
    public void Incomplete_rows_are_left_out()
    {
        var data = Csv("x,y\n1,2\n2,\n2,1\n1,1\n,2\n2,2\n");
        Assert.Equal(4, Compute(data, ["x", "y"])[0].RowCount);
    }

    [Fact]
    public void A_two_by_two_table_with_two_empty_cells_gives_plus_one_and_a_warning()
    {
        // x = y in every row: cells (1,2) and (2,1) are empty, lavaan returns ρ = 1 with a warning.
        double rho = PolychoricPair.Fit(new double[] { 30, 0, 0, 20 }, [0.25], [0.25], out var warning);
        Assert.Equal(1, rho);
        Assert.Contains("two empty cells", warning);
        rho = PolychoricPair.Fit(new double[] { 0, 30, 20, 0 }, [-0.25], [0.25], out warning);
        Assert.Equal(-1, rho);
    }

    [Fact]
    public void A_two_by_two_table_with_independent_counts_gives_zero()
    {
        // f11·f22 = f12·f21 (lavaan's shortcut): 10·40 = 20·20.
        Assert.Equal(0, PolychoricPair.Fit(new double[] { 10, 20, 20, 40 }, [-0.4], [-0.4], out _));
    }
}
