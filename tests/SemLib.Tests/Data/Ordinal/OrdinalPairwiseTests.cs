using System.Text.Json;
using SemLib.Data;
using SemLib.Data.Ordinal;

namespace SemLib.Tests.Data.Ordinal;

/// <summary>
/// lavaan's <c>missing = "pairwise"</c> for ordinal data (<see cref="OrdinalStatistics.Compute"/> with
/// <c>pairwise: true</c>) beyond the numbers checked in <see cref="OrdinalStatisticsReferenceTests"/>: which rows are
/// kept, that complete data give the listwise result, thread-count independence. Data: the -pw fixtures of
/// Reference/ordinal-stats (make-ordinal-pairwise-cases.R).
/// </summary>
public class OrdinalPairwiseTests
{
    private static readonly string[] Hs = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

    private static DataSet Load(string file) => DataSet.ReadCsv(Path.Combine(OrdinalStatisticsReferenceTests.Dir, file));

    private static DataSet Csv(string text) => DataSet.ReadCsv(new StringReader(text), "items.csv");

    [Fact]
    public void Rows_with_missing_cells_are_kept_and_an_empty_row_is_left_out_with_a_warning()
    {
        // hs5-pw: row 5 has no value at all; lavaan drops it ("some cases are empty and will be ignored: 5"), nobs 300.
        var warnings = new List<string>();
        var stats = OrdinalStatistics.Compute(Load("hs5-pw.csv"), Hs, Hs, null, warnings, pairwise: true)[0];
        Assert.Equal(300, stats.RowCount);
        Assert.Contains(warnings, w => w.Contains("1 row with no value") && w.Contains("row 5)"));
    }

    [Fact]
    public void Rows_without_a_group_value_are_left_out_with_a_warning()
    {
        // twogroups-pw: rows 3 and 10 have no school; lavaan drops them ("group variable 'school' contains missing
        // values"): nobs 154 + 145 of 301 (twogroups-pw.json).
        var (_, stats, warnings) = OrdinalStatisticsReferenceTests.Run("twogroups-pw");
        Assert.Equal([154, 145], stats.Select(s => s.RowCount));
        Assert.Contains(warnings, w => w.Contains("2 rows without a value of the group column 'school'") && w.Contains("rows 3, 10"));
    }

    [Fact]
    public void Without_pairwise_only_the_complete_rows_are_used()
    {
        var data = Load("hs5-pw.csv");
        int complete = Enumerable.Range(0, data.RowCount).Count(r => Hs.All(v => !double.IsNaN(data[v][r])));
        var stats = OrdinalStatistics.Compute(data, Hs, Hs, null, new List<string>())[0];
        Assert.Equal(complete, stats.RowCount);
        Assert.True(complete < 250, $"the fixture should have many incomplete rows ({complete} complete)");
    }

    [Fact]
    public void Complete_data_give_the_listwise_statistics()
    {
        var mixed = Load("mixed.csv");
        string[] vars = ["x1", "x4", "x2", "x5", "x6", "x3"], ordered = ["x4", "x5", "x6"];
        var listwise = OrdinalStatistics.Compute(mixed, vars, ordered, null, new List<string>())[0];
        var pairwise = OrdinalStatistics.Compute(mixed, vars, ordered, null, new List<string>(), pairwise: true)[0];
        Assert.Equal(listwise.RowCount, pairwise.RowCount);
        for (int k = 0; k < listwise.Count; k++) Assert.Equal(listwise.Observations[k], pairwise.Observations[k], 1e-12);
        for (int k = 0; k < listwise.Gamma!.Length; k++)
            Assert.True(Math.Abs(listwise.Gamma[k] - pairwise.Gamma![k]) <= 1e-10 * Math.Max(1, Math.Abs(listwise.Gamma[k])), $"Gamma entry {k}");
    }

    [Theory]
    [InlineData("mixed-pw")]
    [InlineData("hs5-pw")]
    public void One_thread_and_two_give_bitwise_identical_results(string name)
    {
        // mixed-pw has every kind of pair (polychoric, polyserial, two continuous) with missing cells.
        var (_, one, _) = OrdinalStatisticsReferenceTests.Run(name, threads: 1);
        var (_, two, _) = OrdinalStatisticsReferenceTests.Run(name, threads: 2);
        Assert.Equal(one[0].Observations, two[0].Observations);
        Assert.Equal(one[0].Gamma, two[0].Gamma);
        Assert.Equal(one[0].DwlsWeights, two[0].DwlsWeights);
    }

    [Fact]
    public void Two_continuous_variables_with_missing_cells_are_not_the_pairwise_pearson_r()
    {
        // lavaan estimates ρ by bivariate-normal ML over the rows observing both with the means and variances of all
        // available values fixed; the plain pairwise-complete r differs. Expected: mixed-pw.json (lavaan 0.6.14) cov.
        var (root, stats, _) = OrdinalStatisticsReferenceTests.Run("mixed-pw");
        var s = stats[0];
        int i = Array.IndexOf(s.Variables, "x1"), j = Array.IndexOf(s.Variables, "x2"), p = s.Variables.Length;
        double lavaanCov = root.GetProperty("groups")[0].GetProperty("cov")[i][j].GetDouble();
        Assert.Equal(lavaanCov, s.Covariance[i * p + j], 1e-6);
        var data = Load("mixed-pw.csv");
        var rows = Enumerable.Range(0, data.RowCount).Where(r => !double.IsNaN(data["x1"][r]) && !double.IsNaN(data["x2"][r])).ToList();
        double[] a = rows.Select(r => data["x1"][r]).ToArray(), b = rows.Select(r => data["x2"][r]).ToArray();
        double ma = a.Average(), mb = b.Average();
        double r = a.Zip(b).Sum(t => (t.First - ma) * (t.Second - mb)) / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(x => (x - mb) * (x - mb)));
        Assert.True(Math.Abs(r - s.Correlation[i * p + j]) > 1e-4, $"pairwise r {r} vs ML {s.Correlation[i * p + j]}");
    }

    [Fact]
    public void Two_variables_never_observed_together_are_an_error_naming_both()
    {
        var data = Csv("x,y,z\n1,,1\n2,,2\n1,,1\n,1,2\n,2,1\n,1,2\n2,,1\n");
        var ex = Assert.Throws<DataException>(() => OrdinalStatistics.Compute(data, ["x", "y", "z"], ["x", "y", "z"], null, new List<string>(), pairwise: true));
        Assert.Contains("'x' and 'y'", ex.Message);
        Assert.Contains("never observed in the same row", ex.Message);
    }

    [Fact]
    public void A_non_integer_value_names_the_data_row_and_column_when_rows_have_missing_cells()
    {
        // Row 1 is empty (left out), row 3 has x missing: the bad value 1.5 of y is in data row 4, column 2.
        var data = Csv("x,y\n,\n1,2\n,1\n2,1.5\n1,1\n2,2\n");
        var ex = Assert.Throws<DataException>(() => OrdinalStatistics.Compute(data, ["x", "y"], ["x", "y"], null, new List<string>(), pairwise: true));
        Assert.Contains("'y'", ex.Message);
        Assert.Contains("1.5", ex.Message);
        Assert.Contains("row 4, column 2", ex.Message);
    }

    [Fact]
    public void A_single_observed_category_among_the_available_values_is_an_error()
    {
        // y's only observed value is 2 (lavaan: "ordered variable(s) has/have only 1 level"; bad-input.json).
        var data = Csv("x,y\n1,2\n2,\n1,2\n2,\n1,\n2,2\n");
        var ex = Assert.Throws<DataException>(() => OrdinalStatistics.Compute(data, ["x", "y"], ["x", "y"], null, new List<string>(), pairwise: true));
        Assert.Contains("'y'", ex.Message);
        Assert.Contains("single observed category", ex.Message);
    }

    [Fact]
    public void A_continuous_variable_with_a_single_available_value_is_an_error()
    {
        var data = Csv("x,c\n1,2.5\n2,\n1,\n2,\n1,\n2,\n");
        var ex = Assert.Throws<DataException>(() => OrdinalStatistics.Compute(data, ["x", "c"], ["x"], null, new List<string>(), pairwise: true));
        Assert.Contains("'c'", ex.Message);
        Assert.Contains("a single value", ex.Message);
    }
}
