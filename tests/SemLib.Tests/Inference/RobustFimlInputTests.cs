using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Model;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Tests.Estimation;
using SemLib.Tests.Support;

namespace SemLib.Tests.Inference;

/// <summary>
/// Robust full-information ML and bad input: what lavaan refuses is refused with the reason, a cluster column under
/// missing = ml is checked as under listwise deletion, and the robust FIML pieces hold their identities. Data: the
/// hs-cfa-fiml reference data (Reference/missing/hs-cfa-fiml, about 8% of each item missing).
/// </summary>
public sealed class RobustFimlInputTests
{
    private const string Model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
    private static readonly ModelOptions Mlr = ModelOptions.Default with { Estimator = Estimator.MLR, Missing = MissingPolicy.ML };

    /// <summary>The hs-cfa-fiml rows (missing cells kept) with a cluster column "cl" given by row number (null = empty cell).</summary>
    private static DataSet WithCluster(Func<int, string?> cluster)
    {
        var hs = FimlTests.Data("missing/hs-cfa-fiml");
        var names = Enumerable.Range(1, 9).Select(i => "x" + i).ToArray();
        var columns = hs.NumericColumns(names);
        var csv = new StringBuilder("cl," + string.Join(",", names) + "\n");
        for (int r = 0; r < columns[0].Length; r++)
            csv.Append(cluster(r)).Append(',')
                .AppendJoin(",", names.Select((_, j) => double.IsNaN(columns[j][r]) ? "" : columns[j][r].ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        return DataSet.ReadCsv(new StringReader(csv.ToString()), "hs.csv");
    }

    [Fact]
    public void Mlm_with_missing_ml_is_still_refused_with_its_reason()
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Model, FimlTests.Data("missing/hs-cfa-fiml"), Mlr with { Estimator = Estimator.MLM }));
        Assert.Contains("MLM", e.Message);
        Assert.Contains("complete data", e.Message);
        Assert.Contains("MLR", e.Message); // what to use instead
    }

    [Theory]
    [InlineData(StandardErrorType.RobustSem, null, "robust.sem")]
    [InlineData(null, TestType.SatorraBentler, "satorra.bentler")]
    public void Satorra_bentler_pieces_with_missing_ml_are_refused(StandardErrorType? se, TestType? test, string name)
    {
        var e = Assert.Throws<SemLibException>(() => Sem.Fit(Model, FimlTests.Data("missing/hs-cfa-fiml"),
            ModelOptions.Default with { Missing = MissingPolicy.ML, StandardErrors = se, Test = test }));
        Assert.Contains(name, e.Message);
        Assert.Contains("missing = ml", e.Message);
        Assert.Contains("complete data", e.Message);
    }

    [Fact]
    public void One_cluster_under_missing_ml_is_refused()
    {
        var e = Assert.Throws<DataException>(() => Sem.Fit(Model, WithCluster(_ => "a"), Mlr with { Cluster = "cl" }));
        Assert.Contains("one cluster", e.Message);
        Assert.Contains("'cl'", e.Message);
    }

    [Fact]
    public void A_cluster_per_row_under_missing_ml_is_refused()
    {
        var e = Assert.Throws<DataException>(() => Sem.Fit(Model, WithCluster(r => "c" + r), Mlr with { Cluster = "cl" }));
        Assert.Contains("cluster of its own", e.Message);
    }

    [Fact]
    public void A_missing_cluster_value_under_missing_ml_names_the_row()
    {
        var e = Assert.Throws<DataException>(() => Sem.Fit(Model, WithCluster(r => r == 6 ? null : "c" + (r % 30)), Mlr with { Cluster = "cl" }));
        Assert.Contains("row 7", e.Message);
        Assert.Contains("'cl'", e.Message);
    }

    /// <summary>
    /// x1 and x2 never observed in the same row: the EM model's information is singular in their covariance, so the
    /// Yuan-Bentler test has no h1 part — a RobustInference warning says so (no silent NaN), and the robust standard
    /// errors, which do not need it, are still reported.
    /// </summary>
    [Fact]
    public void A_singular_h1_information_leaves_the_scaled_test_out_with_a_warning()
    {
        var hs = FimlTests.Data("missing/hs-cfa-fiml");
        var names = Enumerable.Range(1, 9).Select(i => "x" + i).ToArray();
        var cols = hs.NumericColumns(names).Select(c => c.ToArray()).ToArray();
        for (int r = 0; r < cols[0].Length; r++) (r % 2 == 0 ? cols[0] : cols[1])[r] = double.NaN;
        var data = DataSet.FromColumns(names.Select((n, j) => new KeyValuePair<string, double[]>(n, cols[j])), "hs.csv");
        var fit = Sem.Fit(Model, data, Mlr);
        Assert.True(fit.Converged);
        Assert.Contains(fit.Warnings, w => w.Kind == FitWarningKind.RobustInference && w.Message.Contains("Yuan-Bentler", StringComparison.Ordinal)
            && w.Message.Contains("never observed in the same row", StringComparison.Ordinal));
        Assert.True(double.IsNaN(fit.Tests[1].Statistic));
        Assert.All(fit.Parameters.Where(p => p.Free == true), p => Assert.True(p.StandardError is > 0 and < double.PositiveInfinity, p.Name));
    }

    /// <summary>
    /// The casewise scores of the incomplete rows are the derivatives of each row's observed-data log-likelihood: at any
    /// point near the estimates (one group and two groups with equal loadings) they sum to −N·∇F of the FIML objective
    /// (χ² = 2NF, so ℓ = const − N·F).
    /// </summary>
    [Fact]
    public void Incomplete_casewise_scores_sum_to_minus_N_times_the_fiml_gradient()
    {
        var fits = new[]
        {
            Sem.Fit(Model, FimlTests.Data("missing/hs-cfa-fiml"), Mlr).Fitted,
            Sem.Fit("visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + x5 + x6", FimlTests.Data("missing/hs-cfa-fiml"), Mlr with { Group = "school" }).Fitted,
        };
        var gen = from which in Gen.Choose(0, 1)
                  from seed in Gen.Choose(1, 1_000_000)
                  select (which, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var fitted = fits[t.which];
            var rng = new Random(t.seed);
            int r = fitted.Model.ZetaCount;
            var zeta = fitted.Zeta.Select(z => z * (1 + 0.1 * (2 * rng.NextDouble() - 1))).ToArray();
            var gradient = new double[r];
            double f = fitted.NewObjective().Evaluate(zeta, gradient);
            if (!double.IsFinite(f)) return true;
            var theta = new double[fitted.Model.ThetaCount];
            fitted.Model.Constraints.ToTheta(zeta, theta);
            var sum = new double[r];
            for (int g = 0; g < fitted.Model.Groups.Length; g++)
            {
                var state = new GroupState(fitted.Model.Groups[g]);
                state.SetExogenous(fitted.Sample.Groups[g].S, fitted.Sample.Groups[g].Mean);
                if (!state.Update(theta)) return true; // an inadmissible point has no likelihood
                var sample = fitted.Sample.Data.Groups[g];
                var cases = IncompleteCaseDerivatives.Create(sample.Rows!, sample.Patterns!, state.Mu, state.Sigma);
                if (cases is null) return true;
                var scores = CasewiseScores.Compute(state, cases, fitted.Model.Constraints);
                for (int i = 0; i < sample.N; i++)
                    for (int j = 0; j < r; j++) sum[j] += scores[i * r + j];
            }
            double n = fitted.Sample.TotalN;
            return Enumerable.Range(0, r).All(j => Math.Abs(sum[j] + n * gradient[j]) <= 1e-8 * Math.Max(1, n * Math.Abs(gradient[j])));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }
}
