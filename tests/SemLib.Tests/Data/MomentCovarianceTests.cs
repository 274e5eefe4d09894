using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Tests.Support;

namespace SemLib.Tests.Data;

/// <summary>
/// The asymptotic covariance matrix Γ of the sample moments: against lavaan's (Reference/gamma, written by
/// Reference/scripts/make-gamma-cases.R: <c>lavInspect(fit, "gamma")</c> of an MLM fit and
/// <c>lav_samplestats_Gamma_NT</c>), and its invariances.
/// </summary>
public sealed class MomentCovarianceTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(100);

    /// <summary>A fixture of Reference/gamma with its data rows in the fixture's (lavaan's) variable order.</summary>
    private sealed record Fixture(string Name, string Reference, bool MeanStructure, string[] Variables, string[] Moments,
        double[][] Rows, double[] SampleMean, double[,] SampleCov, double[,] Gamma, double[,] GammaNT)
    {
        public static Fixture Load(string name)
        {
            var dir = Path.Combine(ReferenceCase.BaseDirectory, "gamma");
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name + ".json")));
            var root = doc.RootElement;
            string[] Strings(string p) => root.GetProperty(p).EnumerateArray().Select(x => x.GetString()!).ToArray();
            double[,] Matrix(string p)
            {
                var rows = root.GetProperty(p).EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
                var m = new double[rows.Length, rows.Length];
                for (int i = 0; i < rows.Length; i++)
                    for (int j = 0; j < rows.Length; j++) m[i, j] = rows[i][j];
                return m;
            }
            var variables = Strings("variables");
            var data = DataSet.ReadCsv(Path.Combine(dir, root.GetProperty("data").GetString()!));
            var cols = data.NumericColumns(variables);
            var rowsData = Enumerable.Range(0, data.RowCount).Select(i => cols.Select(c => c[i]).ToArray()).ToArray();
            Assert.Equal(root.GetProperty("nobs").GetInt32(), rowsData.Length);
            return new Fixture(name, root.GetProperty("reference").GetString()!, root.GetProperty("meanstructure").GetBoolean(),
                variables, Strings("moments"), rowsData,
                root.GetProperty("sample_mean").EnumerateArray().Select(x => x.GetDouble()).ToArray(),
                Matrix("sample_cov"), Matrix("gamma"), Matrix("gamma_nt"));
        }
    }

    /// <summary>Compares under the project rule and, as they agree to rounding (about 1e-14 seen), at 1e-12 relative.</summary>
    private static void Compare(string context, Matrix<double> actual, double[,] expected, IReadOnlyList<string> moments)
    {
        int q = expected.GetLength(0);
        Assert.Equal(q, actual.RowCount);
        Assert.Equal(q, actual.ColumnCount);
        var agreement = new Agreement(context);
        double worst = 0;
        for (int a = 0; a < q; a++)
            for (int b = 0; b < q; b++)
            {
                agreement.Check($"[{moments[a]}, {moments[b]}]", actual[a, b], expected[a, b]);
                worst = Math.Max(worst, Math.Abs(actual[a, b] - expected[a, b]) / Math.Max(1, Math.Abs(expected[a, b])));
            }
        agreement.Assert();
        Assert.True(worst < 1e-12, $"{context}: worst relative difference {worst:G3}, expected rounding only");
    }

    [Theory]
    [InlineData("hs9")]
    [InlineData("hs9-means")]
    [InlineData("small3-means")]
    public void Moment_order_is_lavaans(string name)
    {
        var f = Fixture.Load(name);
        Assert.Equal(f.Moments, MomentCovariance.MomentNames(f.Variables, f.MeanStructure));
    }

    [Theory]
    [InlineData("hs9")]
    [InlineData("hs9-means")]
    [InlineData("small3-means")]
    public void Distribution_free_gamma_agrees_with_lavaan(string name)
    {
        var f = Fixture.Load(name);
        Compare($"{name} ADF Γ ({f.Reference})", MomentCovariance.Adf(f.Rows, f.MeanStructure), f.Gamma, f.Moments);
    }

    [Theory]
    [InlineData("hs9")]
    [InlineData("hs9-means")]
    [InlineData("small3-means")]
    public void Normal_theory_gamma_agrees_with_lavaan(string name)
    {
        var f = Fixture.Load(name);
        int p = f.Variables.Length;
        var (mean, cov) = GroupSample.Moments(f.Rows, p);
        var agreement = new Agreement($"{name} sample moments ({f.Reference})");
        for (int i = 0; i < p; i++)
        {
            agreement.Check($"mean {f.Variables[i]}", mean[i], f.SampleMean[i]);
            for (int j = 0; j < p; j++) agreement.Check($"S[{f.Variables[i]}, {f.Variables[j]}]", cov[i * p + j], f.SampleCov[i, j]);
        }
        agreement.Assert();
        Compare($"{name} NT Γ ({f.Reference})", MomentCovariance.NormalTheory(cov, p, f.MeanStructure), f.GammaNT, f.Moments);
    }

    /// <summary>
    /// lavaan divides by N: the N − 1 divisor (Γ·N/(N − 1)) is 5% off on the 20-row fixture, far outside the rule, so
    /// the comparison above pins the divisor.
    /// </summary>
    [Fact]
    public void The_fixture_tells_the_divisor_N_from_N_minus_1()
    {
        var f = Fixture.Load("small3-means");
        int n = f.Rows.Length;
        var g = MomentCovariance.Adf(f.Rows, f.MeanStructure) * (n / (n - 1.0));
        Assert.Contains(Enumerable.Range(0, g.RowCount), a =>
            Math.Abs(g[a, a] - f.Gamma[a, a]) > Agreement.Tolerance * Math.Max(1, Math.Abs(f.Gamma[a, a])));
    }

    /// <summary>
    /// The casewise contributions about the sample moments average to zero, and the average of their outer products
    /// is lavaan's Γ itself (computed here by plain sums, not by <see cref="MomentCovariance.Adf(IReadOnlyList{double[]}, bool)"/>).
    /// </summary>
    [Theory]
    [InlineData("hs9")]
    [InlineData("hs9-means")]
    [InlineData("small3-means")]
    public void Contributions_average_to_zero_and_their_outer_products_to_gamma(string name)
    {
        var f = Fixture.Load(name);
        int p = f.Variables.Length, n = f.Rows.Length;
        int q = MomentCount(p, f.MeanStructure);
        var (mean, cov) = GroupSample.Moments(f.Rows, p);
        var sum = new double[q];
        var outer = Matrix<double>.Build.Dense(q, q);
        var d = new double[q];
        foreach (var row in f.Rows)
        {
            Array.Fill(d, double.NaN); // every place is written
            MomentCovariance.Contribution(row, mean, cov, f.MeanStructure, d);
            var v = Vector<double>.Build.DenseOfArray(d);
            outer += v.OuterProduct(v);
            for (int a = 0; a < q; a++) sum[a] += d[a];
        }
        for (int a = 0; a < q; a++)
        {
            double scale = Math.Sqrt(f.Gamma[a, a]); // the size of one contribution
            Assert.True(Math.Abs(sum[a] / n) < 1e-12 * Math.Max(1, scale), $"{name} {f.Moments[a]}: mean contribution {sum[a] / n:G3}");
        }
        Compare($"{name} mean outer product of contributions ({f.Reference})", outer / n, f.Gamma, f.Moments);
    }

    private static int MomentCount(int p, bool meanStructure) => MomentCovariance.MomentCount(p, meanStructure);

    [Fact]
    public void Contribution_matches_the_definition_with_and_without_means()
    {
        // p = 3, μ = (1, 2, 3), Σ lower triangle 1..6 written by hand; x − μ = (1, −1, 2).
        double[] mu = [1, 2, 3];
        double[] sigma = [1, 2, 4, 2, 3, 5, 4, 5, 6];
        double[] x = [2, 1, 5];
        // vech order (0,0) (1,0) (2,0) (1,1) (2,1) (2,2): products 1, −1, 2, 1, −2, 4 minus σ 1, 2, 4, 3, 5, 6.
        double[] vech = [0, -3, -2, -2, -7, -2];
        var d = new double[6];
        MomentCovariance.Contribution(x, mu, sigma, false, d);
        Assert.Equal(vech, d);
        var dm = new double[9];
        MomentCovariance.Contribution(x, mu, sigma, true, dm);
        Assert.Equal(new double[] { 1, -1, 2 }.Concat(vech).ToArray(), dm);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, new[] { (0, 0), (1, 0), (2, 0), (1, 1), (2, 1), (2, 2) }.Select(t => MomentCovariance.VechIndex(3, t.Item1, t.Item2)));
        Assert.Equal(4, MomentCovariance.VechIndex(3, 1, 2));
    }

    [Fact]
    public void Contributions_and_gamma_into_buffers_allocate_nothing()
    {
        var rows = RandomRows(7, 50, 6);
        int p = 6;
        var (mean, cov) = GroupSample.Moments(rows, p);
        int q = MomentCount(p, true);
        var d = new double[q];
        var gamma = new double[q * q];
        var scratch = new double[2 * q];
        MomentCovariance.Contribution(rows[0], mean, cov, true, d);
        MomentCovariance.Adf(rows, mean, cov, true, gamma, scratch);
        MomentCovariance.NormalTheory(cov, p, true, gamma);
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var row in rows) MomentCovariance.Contribution(row, mean, cov, false, d);
        MomentCovariance.Adf(rows, mean, cov, true, gamma, scratch);
        MomentCovariance.NormalTheory(cov, p, true, gamma);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_group_without_raw_rows_is_refused_with_its_name()
    {
        var sample = new GroupSample("school 2", 10, [1.0], [0.0], null);
        var ex = Assert.Throws<ArgumentException>(() => MomentCovariance.Adf(sample, false));
        Assert.Contains("school 2", ex.Message);
        Assert.Contains("raw rows", ex.Message);
    }

    // ---- properties -----------------------------------------------------------------------------------------------

    /// <summary>n rows of p skewed, correlated values (a shared exponential term plus noise).</summary>
    private static double[][] RandomRows(int seed, int n, int p)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ =>
        {
            double common = -Math.Log(1 - rng.NextDouble());
            return Enumerable.Range(0, p).Select(j => (j % 2 == 0 ? common : -0.5 * common) + rng.NextDouble() * 2 - 1 + j).ToArray();
        }).ToArray();
    }

    private static readonly Arbitrary<(int Seed, int N, int P, bool Means)> Designs =
        (from seed in Gen.Choose(0, int.MaxValue)
         from n in Gen.Choose(3, 40)
         from p in Gen.Choose(1, 5)
         from means in Gen.Elements(false, true)
         select (seed, n, p, means)).ToArbitrary();

    private static double MaxAbs(Matrix<double> m) => m.Enumerate().Max(Math.Abs);

    private static bool Close(Matrix<double> a, Matrix<double> b, double relative)
    {
        double tol = relative * Math.Max(1e-300, Math.Max(MaxAbs(a), MaxAbs(b)));
        return (a - b).Enumerate().All(x => Math.Abs(x) <= tol);
    }

    private static bool SymmetricPsd(Matrix<double> g)
    {
        for (int a = 0; a < g.RowCount; a++)
            for (int b = 0; b < a; b++)
                if (g[a, b] != g[b, a]) return false;
        var eig = g.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(z => z.Real).ToArray();
        return eig.Min() >= -1e-10 * Math.Max(1e-300, eig.Max(Math.Abs));
    }

    /// <summary>Γ (both kinds) is symmetric positive semi-definite, also when N ≤ q makes the ADF Γ singular.</summary>
    [Fact]
    public void Gamma_is_symmetric_positive_semidefinite()
    {
        Prop.ForAll(Designs, d =>
        {
            var rows = RandomRows(d.Seed, d.N, d.P);
            var (_, cov) = GroupSample.Moments(rows, d.P);
            return SymmetricPsd(MomentCovariance.Adf(rows, d.Means)) && SymmetricPsd(MomentCovariance.NormalTheory(cov, d.P, d.Means));
        }).Check(Quick);
    }

    /// <summary>Γ is a function of the set of rows: shuffling them changes it only by rounding.</summary>
    [Fact]
    public void Permuting_rows_leaves_gamma_unchanged()
    {
        Prop.ForAll(Designs, d =>
        {
            var rows = RandomRows(d.Seed, d.N, d.P);
            var shuffled = rows.ToArray();
            new Random(d.Seed ^ 0x5bd1e995).Shuffle(shuffled);
            var (_, cov) = GroupSample.Moments(rows, d.P);
            var (_, cov2) = GroupSample.Moments(shuffled, d.P);
            return Close(MomentCovariance.Adf(rows, d.Means), MomentCovariance.Adf(shuffled, d.Means), 1e-10)
                && Close(MomentCovariance.NormalTheory(cov, d.P, d.Means), MomentCovariance.NormalTheory(cov2, d.P, d.Means), 1e-10);
        }).Check(Quick);
    }

    /// <summary>
    /// Multiplying variable v by c multiplies a moment by c to the number of times v occurs in it (a mean of v: c;
    /// a covariance (v, w): c; a variance of v: c²) and so Γ[a, b] by the product of the two moments' factors.
    /// </summary>
    [Fact]
    public void Rescaling_a_column_rescales_gamma_by_powers_of_c()
    {
        var gen = from d in Designs.Generator
                  from column in Gen.Choose(0, 4)
                  from quarters in Gen.Choose(-40, 40).Where(k => k != 0)
                  select (d, column % d.P, quarters / 4.0);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var ((seed, n, p, means), v, c) = t;
            var rows = RandomRows(seed, n, p);
            var scaled = rows.Select(r => r.Select((x, j) => j == v ? c * x : x).ToArray()).ToArray();
            // The factor of each moment, in lavaan's order.
            var factor = new List<double>();
            if (means) for (int i = 0; i < p; i++) factor.Add(i == v ? c : 1);
            for (int j = 0; j < p; j++)
                for (int i = j; i < p; i++) factor.Add((i == v ? c : 1) * (j == v ? c : 1));
            int q = factor.Count;
            var weight = Matrix<double>.Build.Dense(q, q, (a, b) => factor[a] * factor[b]);
            var (_, cov) = GroupSample.Moments(rows, p);
            var (_, covScaled) = GroupSample.Moments(scaled, p);
            return Close(MomentCovariance.Adf(scaled, means), MomentCovariance.Adf(rows, means).PointwiseMultiply(weight), 1e-10)
                && Close(MomentCovariance.NormalTheory(covScaled, p, means), MomentCovariance.NormalTheory(cov, p, means).PointwiseMultiply(weight), 1e-10);
        }).Check(Quick);
    }
}
