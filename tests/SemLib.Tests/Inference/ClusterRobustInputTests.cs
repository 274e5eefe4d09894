using SemLib.Results;
using System.Globalization;
using System.Text;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;
using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// Bad input for robust and cluster-robust fits: each refused with a message that names the variable, row or option, and
/// the warning when there are fewer clusters than free parameters.
/// </summary>
public sealed class ClusterRobustInputTests
{
    private const string Model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n";
    private static readonly ModelOptions Mlr = ModelOptions.Default with { Estimator = Estimator.MLR };

    /// <summary>The HS data (x1..x9, 301 rows) as CSV with a cluster column whose i-th value is <paramref name="cluster"/>(i).</summary>
    private static DataSet WithCluster(Func<int, string> cluster)
    {
        var hs = TestData.HolzingerSwineford();
        var names = Enumerable.Range(1, 9).Select(i => "x" + i).ToArray();
        var columns = hs.NumericColumns(names);
        var csv = new StringBuilder("cl," + string.Join(",", names) + "\n");
        for (int r = 0; r < columns[0].Length; r++)
            csv.Append(cluster(r)).Append(',').AppendJoin(",", names.Select((_, j) => columns[j][r].ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        return DataSet.ReadCsv(new StringReader(csv.ToString()), "hs.csv");
    }

    [Fact]
    public void A_cluster_column_that_is_not_in_the_data_is_named()
    {
        var e = Assert.Throws<DataException>(() => Sem.Fit(Model, TestData.HolzingerSwineford(), Mlr with { Cluster = "classroom" }));
        Assert.Contains("'classroom'", e.Message);
        Assert.Contains("not a column", e.Message);
    }

    [Fact]
    public void One_cluster_is_refused()
    {
        var e = Assert.Throws<DataException>(() => Sem.Fit(Model, WithCluster(_ => "a"), Mlr with { Cluster = "cl" }));
        Assert.Contains("one cluster", e.Message);
        Assert.Contains("'cl'", e.Message);
    }

    [Fact]
    public void A_cluster_per_row_is_refused()
    {
        var e = Assert.Throws<DataException>(() => Sem.Fit(Model, WithCluster(r => "id" + r), Mlr with { Cluster = "cl" }));
        Assert.Contains("cluster of its own", e.Message);
    }

    [Fact]
    public void A_missing_cluster_value_names_the_row()
    {
        var e = Assert.Throws<DataException>(() => Sem.Fit(Model, WithCluster(r => r == 6 ? "" : "c" + r % 20), Mlr with { Cluster = "cl" }));
        Assert.Contains("row 7", e.Message);
        Assert.Contains("'cl'", e.Message);
    }

    /// <summary>Five clusters for 21 free parameters: the cluster-robust covariance has rank at most 5.</summary>
    [Fact]
    public void Fewer_clusters_than_parameters_is_a_warning()
    {
        var fit = Sem.Fit(Model, WithCluster(r => "c" + r % 5), Mlr with { Cluster = "cl" });
        Assert.Contains(fit.Warnings, w => w.Kind == FitWarningKind.RobustInference && w.Message.Contains("5 clusters") && w.Message.Contains("30 free parameters"));
        var many = Sem.Fit(Model, WithCluster(r => "c" + r % 40), Mlr with { Cluster = "cl" });
        Assert.DoesNotContain(many.Warnings, w => w.Message.Contains("clusters but"));
    }

    [Fact]
    public void Cluster_needs_MLR()
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Model, WithCluster(r => "c" + r % 20), ModelOptions.Default with { Cluster = "cl" }));
        Assert.Contains("MLR", e.Message);
        e = Assert.Throws<SemLibException>(() => Sem.Fit(Model, WithCluster(r => "c" + r % 20), ModelOptions.Default with { Estimator = Estimator.MLM, Cluster = "cl" }));
        Assert.Contains("MLR", e.Message);
    }

    /// <summary>One iteration does not converge: no robust SEs (plain ones would pass for robust), no exception, no scaled test.</summary>
    [Fact]
    public void A_robust_fit_that_did_not_converge_has_no_standard_errors()
    {
        var fit = Sem.Fit(Model, TestData.HolzingerSwineford(), Mlr with { MaxIterations = 1 });
        Assert.False(fit.Converged);
        Assert.All(fit.Parameters.Where(p => p.Free == true), p => Assert.Null(p.StandardError));
        Assert.Empty(fit.Tests);
        var converged = Sem.Fit(Model, TestData.HolzingerSwineford(), Mlr);
        Assert.All(converged.Parameters.Where(p => p.Free == true), p => Assert.NotNull(p.StandardError));
    }

    [Fact]
    public void Robust_options_need_raw_data_and_an_ML_estimator()
    {
        var ml = Sem.Fit(Model, TestData.HolzingerSwineford());
        var names = ml.Fitted.Model.Groups[0].Observed;
        var cov = new CovarianceData(names, ml.Implied().Covariance, ml.NObs[0]);
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Model, cov, Mlr));
        Assert.Contains("raw data", e.Message);
        e = Assert.Throws<SemLibException>(() => Sem.Fit(Model, TestData.HolzingerSwineford(), ModelOptions.Default with { Estimator = Estimator.GLS, Test = TestType.SatorraBentler }));
        Assert.Contains("GLS", e.Message);
        e = Assert.Throws<SemLibException>(() => Sem.Fit(Model, TestData.HolzingerSwineford(), ModelOptions.Default with { Test = TestType.ScaledShifted }));
        Assert.Contains("scaled.shifted", e.Message);
        e = Assert.Throws<SemLibException>(() => Sem.Fit(Model, TestData.HolzingerSwineford(), ModelOptions.Default with { Test = TestType.YuanBentlerMplus }));
        Assert.Contains("MLR", e.Message);
    }
}
