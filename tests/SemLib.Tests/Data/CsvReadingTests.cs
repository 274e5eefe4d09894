using SemLib.Data;

namespace SemLib.Tests.Data;

/// <summary>
/// Reading CSV: separators, quoting, missing values and blank lines, and errors that name the file, the row and
/// the column. Expected values are the cells of the small files written in each test.
/// </summary>
public sealed class CsvReadingTests
{
    private static DataSet Read(string text) => DataSet.ReadCsv(new StringReader(text), "t.csv");

    private static DataException Fails(string text) => Assert.Throws<DataException>(() => Read(text));

    private static void AssertColumns(DataSet d, params (string Name, double[] Values)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Name), d.Names);
        foreach (var (name, values) in expected) Assert.Equal(values, d[name].Values.ToArray());
    }

    [Theory]
    [InlineData("a,b,c\n1,2.5,-3\n4,5e-1,6\n")]
    [InlineData("a;b;c\n1;2.5;-3\n4;5e-1;6\n")]
    [InlineData("a\tb\tc\n1\t2.5\t-3\n4\t5e-1\t6\n")]
    [InlineData("a,b,c\r\n1,2.5,-3\r\n4,5e-1,6\r\n")]
    [InlineData("\uFEFFa,b,c\n1,2.5,-3\n4,5e-1,6")]
    [InlineData(" a , b ,c\n 1, 2.5 ,-3\n4,5e-1, 6 \n")]
    public void Separators_line_ends_and_spaces(string text)
    {
        var d = Read(text);
        Assert.Equal(2, d.RowCount);
        AssertColumns(d, ("a", [1, 4]), ("b", [2.5, 0.5]), ("c", [-3, 6]));
    }

    [Fact]
    public void Quoted_headers_and_cells()
    {
        // R's write.csv quotes every name; a quoted name may hold the separator.
        var d = Read("\"x1\",\"my var\",\"a,b\"\n\"1\",2,3\n");
        AssertColumns(d, ("x1", [1]), ("my var", [2]), ("a,b", [3]));
    }

    [Fact]
    public void Empty_cells_and_NA_are_missing()
    {
        var d = Read("a,b,c\n1,,3\nNA,5,6\n7, NA ,\"\"\n");
        AssertColumns(d, ("a", [1, double.NaN, 7]), ("b", [double.NaN, 5, double.NaN]), ("c", [3, 6, double.NaN]));
        Assert.Equal([1, 2, 1], d.Columns.Select(c => c.MissingCount));
        Assert.All(d.Columns, c => Assert.True(c.IsNumeric));
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        var d = Read("a,b\n\n1,2\n\n\n3,4\n\n");
        AssertColumns(d, ("a", [1, 3]), ("b", [2, 4]));
    }

    [Fact]
    public void A_text_column_keeps_its_text_and_reports_its_first_non_number()
    {
        // Rows: 1 -> "2", 2 -> "x", 3 -> missing, 4 -> "y": one missing cell, first non-number in data row 2.
        var d = Read("a,b\n1,2\n3,x\n5,\n7,y\n");
        var b = d["b"];
        Assert.False(b.IsNumeric);
        Assert.Equal(2, b.FirstNonNumericRow);
        Assert.Equal("x", b.FirstNonNumericValue);
        Assert.Equal(["2", "x", null, "y"], Enumerable.Range(0, 4).Select(b.TextAt));
        Assert.Equal(1, b.MissingCount);
    }

    [Fact]
    public void A_header_without_rows_is_an_empty_data_set()
    {
        var d = Read("a,b\n");
        Assert.Equal(0, d.RowCount);
        Assert.Equal(["a", "b"], d.Names);
    }

    [Fact]
    public void Missing_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "semlib-no-such-file-" + Guid.NewGuid().ToString("N") + ".csv");
        var ex = Assert.Throws<DataException>(() => DataSet.ReadCsv(path));
        Assert.Equal($"The data file '{path}' does not exist.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Empty_file(string text)
    {
        Assert.Equal("t.csv: the file is empty; expected a header row with the variable names.", Fails(text).Message);
    }

    [Fact]
    public void Header_cell_without_a_name()
    {
        Assert.Equal("t.csv: column 2 of the header row has no name.", Fails("a,,c\n1,2,3\n").Message);
        Assert.Equal("t.csv: column 3 of the header row has no name.", Fails("a,b,\n1,2,\n").Message);
    }

    [Fact]
    public void Duplicated_header_name()
    {
        Assert.Equal("t.csv: the column name 'a' appears twice in the header (columns 1 and 3).", Fails("a,b,a\n1,2,3\n").Message);
    }

    [Fact]
    public void Ragged_rows_name_the_row_and_the_line()
    {
        // Data row 2 is line 3 of the file; with a blank line before it, line 4.
        Assert.Equal("t.csv: row 2 (line 3) has 2 cells but the header names 3 columns.", Fails("a,b,c\n1,2,3\n4,5\n6,7,8\n").Message);
        Assert.Equal("t.csv: row 2 (line 4) has 4 cells but the header names 3 columns.", Fails("a,b,c\n1,2,3\n\n4,5,6,7\n").Message);
    }

    [Fact]
    public void Reading_from_a_file_names_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("semlib-csv-");
        try
        {
            var path = Path.Combine(dir.FullName, "scores.csv");
            File.WriteAllText(path, "a,b\n1,2\n3\n");
            var ex = Assert.Throws<DataException>(() => DataSet.ReadCsv(path));
            Assert.StartsWith("scores.csv: row 2 (line 3)", ex.Message);
            File.WriteAllText(path, "a;b\n1;2\n3;4\n");
            Assert.Equal([1.0, 3.0], DataSet.ReadCsv(path)["a"].Values.ToArray());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Unknown_column_lists_the_columns()
    {
        var ex = Assert.Throws<DataException>(() => Read("a,b\n1,2\n")["zz"]);
        Assert.Equal("t.csv: there is no column named 'zz' (columns are: a, b).", ex.Message);
    }

    [Fact]
    public void Writing_and_reading_back_keeps_values_text_and_missing_cells()
    {
        var d = Read("a,g,b\n1.5,\"x, y\",\n-2e-8,z,3\n");
        var sw = new StringWriter();
        d.WriteCsv(sw);
        var back = Read(sw.ToString());
        Assert.Equal(d.Names, back.Names);
        Assert.Equal(d["a"].Values.ToArray(), back["a"].Values.ToArray());
        Assert.Equal(d["b"].Values.ToArray(), back["b"].Values.ToArray());
        Assert.Equal(["x, y", "z"], Enumerable.Range(0, 2).Select(back["g"].TextAt));
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused()
    {
        var ex = Assert.Throws<DataException>(() => DataSet.FromColumns([new("a", [1.0, 2.0]), new("b", [1.0])]));
        Assert.Equal("data: columns have different lengths (a: 2, b: 1).", ex.Message);
    }
}
