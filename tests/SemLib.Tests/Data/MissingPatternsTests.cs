using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Tests.Support;

namespace SemLib.Tests.Data;

/// <summary>
/// Missing-data patterns, the EM estimate of the unrestricted (h1) moments and the pattern-wise observed-data
/// log-likelihood. Expected numbers come from lavaan 0.6.14 through Reference/missing/&lt;case&gt;/moments.json
/// (written by Reference/scripts/make-missing-cases.R; hs-cfa-fiml's case.json is the shared lavaan case, copied),
/// or from formulas computed here naively, row by row.
/// </summary>
public sealed class MissingPatternsTests
{
    private static readonly string[] Hs = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

    private sealed record Fixture(JsonElement Root, MissingPatterns Data)
    {
        public double[] Vector(string name) => Root.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();
        public double[] Matrix(string name) => Root.GetProperty(name).EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetDouble())).ToArray();
        public double Number(string name) => Root.GetProperty(name).GetDouble();
        public int Int(string name) => Root.GetProperty(name).GetInt32();
    }

    private static Fixture Load(string name)
    {
        var folder = Path.Combine(ReferenceCase.BaseDirectory, "missing", name);
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "moments.json"))).RootElement.Clone();
        var names = root.GetProperty("variables").EnumerateArray().Select(x => x.GetString()!).ToArray();
        return new Fixture(root, MissingPatterns.FromDataSet(DataSet.ReadCsv(Path.Combine(folder, "data.csv")), names));
    }

    private static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Assert.Equal(b.Length, a.Length);
        double worst = 0;
        for (int i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        return worst;
    }

    [Theory]
    [InlineData("hs-cfa-fiml")]
    [InlineData("mono-small")]
    public void Patterns_and_coverage_are_lavaans(string name)
    {
        var f = Load(name);
        Assert.Equal(f.Int("rows"), f.Data.RowCount);
        Assert.Equal(f.Int("nobs"), f.Data.N);
        Assert.Equal(f.Int("empty_rows"), f.Data.EmptyRows.Count);
        Assert.Equal(f.Int("npatterns"), f.Data.PatternCount);
        var keys = f.Root.GetProperty("patterns").EnumerateArray().Select(r => string.Concat(r.EnumerateArray().Select(x => x.GetInt32()))).ToArray();
        Assert.Equal(keys, f.Data.Patterns.Select(p => p.Key).ToArray());
        Assert.Equal(f.Vector("pattern_freq").Select(x => (int)x).ToArray(), f.Data.Patterns.Select(p => p.Count).ToArray());
        Assert.True(MaxAbsDifference(f.Data.Coverage, f.Matrix("coverage")) < 1e-14);
    }

    [Theory]
    [InlineData("hs-cfa-fiml", 1e-5)]
    [InlineData("mono-small", 1e-5)]
    public void Em_moments_and_loglikelihoods_agree_with_lavaan(string name, double lavaanEmTolerance)
    {
        var f = Load(name);
        var h1 = SaturatedMoments.Estimate(f.Data);
        Assert.True(h1.Converged);
        Assert.Empty(h1.Warnings);

        var agreement = new Agreement($"{name} ({f.Root.GetProperty("reference").GetString()})");
        var mean = f.Vector("h1_mean");
        var cov = f.Matrix("h1_cov");
        for (int i = 0; i < mean.Length; i++) agreement.Check($"h1 mean {i}", h1.Mean[i], mean[i]);
        for (int i = 0; i < cov.Length; i++) agreement.Check($"h1 cov {i}", h1.Covariance[i], cov[i]);
        agreement.Check("unrestricted.logl", h1.LogLikelihood, f.Number("unrestricted_logl"));
        var likelihood = new MissingDataLikelihood(f.Data);
        agreement.Check("logl at the implied moments", likelihood.LogLikelihood(f.Vector("implied_mean"), f.Matrix("implied_cov")), f.Number("logl"));
        agreement.Assert();

        // Tighter: lavaan's EM stops once no moment moves by more than em.h1.tol (1e-5), so its default estimates are
        // that close to the maximum; run to em.h1.tol = 1e-12 they agree with this EM to rounding.
        Assert.True(MaxAbsDifference(h1.Mean, mean) < 10 * lavaanEmTolerance);
        Assert.True(MaxAbsDifference(h1.Covariance, cov) < 10 * lavaanEmTolerance);
        Assert.True(MaxAbsDifference(h1.Mean, f.Vector("h1_tight_mean")) < 1e-9);
        Assert.True(MaxAbsDifference(h1.Covariance, f.Matrix("h1_tight_cov")) < 1e-9);
        Assert.True(Math.Abs(h1.LogLikelihood - f.Number("unrestricted_logl_tight")) < 1e-9);
        Assert.True(Math.Abs(likelihood.LogLikelihood(f.Vector("implied_mean"), f.Matrix("implied_cov")) - f.Number("logl")) < 1e-8);
    }

    /// <summary>SemLib's h1 log-likelihood and N against the shared lavaan case's own fit measures (not the script's copy).</summary>
    [Fact]
    public void The_h1_log_likelihood_agrees_with_the_shared_lavaan_case()
    {
        var f = Load("hs-cfa-fiml");
        var shared = ReferenceCase.Load(Path.Combine("missing", "hs-cfa-fiml")).Root.GetProperty("fit_measures");
        var agreement = new Agreement("hs-cfa-fiml (shared lavaan case)");
        agreement.Check("unrestricted.logl", SaturatedMoments.Estimate(f.Data).LogLikelihood, shared.GetProperty("unrestricted.logl").GetDouble());
        agreement.Check("logl at the implied moments",
            new MissingDataLikelihood(f.Data).LogLikelihood(f.Vector("implied_mean"), f.Matrix("implied_cov")), shared.GetProperty("logl").GetDouble());
        agreement.Check("ntotal", f.Data.N, shared.GetProperty("ntotal").GetDouble());
        agreement.Assert();
    }

    /// <summary>With complete data one E step returns the rows themselves: μ = x̄ and Σ = S (divisor N), and
    /// ℓ = −N/2 [p log 2π + log|S| + p]. Reference: lavaan's unrestricted.logl of the complete hs-cfa case.</summary>
    [Fact]
    public void Complete_data_give_the_ml_moments_in_one_step()
    {
        var data = Support.TestData.HolzingerSwineford();
        var patterns = MissingPatterns.FromDataSet(data, Hs);
        Assert.True(patterns.IsComplete);
        Assert.Equal(1.0, patterns.Coverage.Min());
        var h1 = SaturatedMoments.Estimate(patterns);
        Assert.Equal(1, h1.Iterations);
        Assert.True(h1.Converged);
        var cols = data.NumericColumns(Hs);
        var rows = Enumerable.Range(0, data.RowCount).Select(i => cols.Select(c => c[i]).ToArray()).ToArray();
        var (mean, cov) = GroupSample.Moments(rows, Hs.Length);
        Assert.True(MaxAbsDifference(h1.Mean, mean) < 1e-12);
        Assert.True(MaxAbsDifference(h1.Covariance, cov) < 1e-12);

        int n = rows.Length, p = Hs.Length;
        double logDet = Matrix<double>.Build.Dense(p, p, (i, j) => cov[i * p + j]).Cholesky().DeterminantLn;
        double expected = -0.5 * n * (p * Math.Log(2 * Math.PI) + logDet + p);
        Assert.True(Math.Abs(h1.LogLikelihood - expected) < 1e-9);
        double lavaan = ReferenceCase.Load(Path.Combine("lavaan", "hs-cfa")).Root.GetProperty("fit_measures").GetProperty("unrestricted.logl").GetDouble();
        Assert.True(Math.Abs(h1.LogLikelihood - lavaan) < 1e-8);
    }

    /// <summary>The normal log-density of one row's observed values, written out with MathNet.</summary>
    private static double Casewise(double[] row, double[] mu, double[] sigma)
    {
        int p = mu.Length;
        var o = Enumerable.Range(0, p).Where(j => !double.IsNaN(row[j])).ToArray();
        if (o.Length == 0) return 0;
        var s = Matrix<double>.Build.Dense(o.Length, o.Length, (a, b) => sigma[o[a] * p + o[b]]);
        var d = Vector<double>.Build.Dense(o.Length, a => row[o[a]] - mu[o[a]]);
        return -0.5 * (o.Length * Math.Log(2 * Math.PI) + s.Cholesky().DeterminantLn + d * s.Inverse() * d);
    }

    private static double[][] Rows(string name, IReadOnlyList<string> names)
    {
        var data = DataSet.ReadCsv(Path.Combine(ReferenceCase.BaseDirectory, "missing", name, "data.csv"));
        var cols = data.NumericColumns(names);
        return Enumerable.Range(0, data.RowCount).Select(i => cols.Select(c => c[i]).ToArray()).ToArray();
    }

    [Theory]
    [InlineData("hs-cfa-fiml")]
    [InlineData("mono-small")]
    public void Pattern_loglikelihood_is_the_sum_of_casewise_loglikelihoods(string name)
    {
        var f = Load(name);
        var rows = Rows(name, f.Data.Names);
        var likelihood = new MissingDataLikelihood(f.Data);
        // At the fitted model's implied moments, and at moments no estimate would give (means off by one, Σ + 0.3·I).
        var mu = f.Vector("implied_mean");
        var sigma = f.Matrix("implied_cov");
        int p = mu.Length;
        var mu2 = mu.Select(m => m + 1).ToArray();
        var sigma2 = sigma.Select((v, i) => i / p == i % p ? v + 0.3 : v).ToArray();
        foreach (var (m, s) in new[] { (mu, sigma), (mu2, sigma2) })
        {
            var byPattern = new double[f.Data.PatternCount];
            double total = likelihood.LogLikelihood(m, s, byPattern);
            double naive = rows.Sum(r => Casewise(r, m, s));
            Assert.True(Math.Abs(total - naive) < 1e-9 * Math.Abs(naive), $"{total} vs {naive}");
            for (int k = 0; k < f.Data.PatternCount; k++)
            {
                double rowsSum = f.Data.Patterns[k].Rows.Sum(i => Casewise(rows[i], m, s));
                Assert.True(Math.Abs(byPattern[k] - rowsSum) < 1e-9 * Math.Max(1, Math.Abs(rowsSum)));
            }
        }
    }

    [Fact]
    public void Loglikelihood_allocates_nothing_and_is_minus_infinity_for_a_non_positive_definite_sigma()
    {
        var f = Load("hs-cfa-fiml");
        var likelihood = new MissingDataLikelihood(f.Data);
        var mu = f.Vector("implied_mean");
        var sigma = f.Matrix("implied_cov");
        var byPattern = new double[f.Data.PatternCount];
        likelihood.LogLikelihood(mu, sigma, byPattern);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double value = likelihood.LogLikelihood(mu, sigma, byPattern);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(value));
        sigma[0] = -1; // a negative variance of x1
        Assert.Equal(double.NegativeInfinity, likelihood.LogLikelihood(mu, sigma));
    }

    /// <summary>Whether a covariance matrix is singular to rounding: smallest eigenvalue at most 1e-10 of the largest.</summary>
    private static bool Singular(double[] covariance, int p)
    {
        var ev = Matrix<double>.Build.Dense(p, p, (i, j) => covariance[i * p + j]).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        return ev.Min() <= 1e-10 * ev.Max();
    }

    /// <summary>Random data with about 15% of cells missing and a few rows empty; the first two rows are complete.</summary>
    private static double[][] RandomRows(int seed, int n, int p)
    {
        var rng = new Random(seed);
        var rows = new double[n][];
        for (int i = 0; i < n; i++)
        {
            double f = rng.NextDouble() * 2 - 1;
            rows[i] = Enumerable.Range(0, p).Select(j => f * (j + 1) + rng.NextDouble() * 3 + j).ToArray();
            if (i < 2) continue; // so every pair is observed together, in two different rows
            for (int j = 0; j < p; j++) if (rng.NextDouble() < 0.15) rows[i][j] = double.NaN;
            if (rng.NextDouble() < 0.05) Array.Fill(rows[i], double.NaN);
        }
        return rows;
    }

    [Fact]
    public void Permuting_the_rows_changes_nothing()
    {
        var gen = (from seed in Gen.Choose(0, int.MaxValue)
                   from n in Gen.Choose(15, 60)
                   from p in Gen.Choose(2, 5)
                   from shuffle in Gen.Choose(0, int.MaxValue)
                   select (seed, n, p, shuffle)).ToArbitrary();
        Prop.ForAll(gen, t =>
        {
            var rows = RandomRows(t.seed, t.n, t.p);
            var order = Enumerable.Range(0, t.n).ToArray();
            new Random(t.shuffle).Shuffle(order);
            var names = Enumerable.Range(1, t.p).Select(j => $"v{j}").ToArray();
            var a = MissingPatterns.Create(names, rows);
            var b = MissingPatterns.Create(names, order.Select(i => rows[i]).ToArray());
            bool same = a.N == b.N && a.PatternCount == b.PatternCount
                && a.EmptyRows.Select(i => i).Order().SequenceEqual(b.EmptyRows.Select(i => order[i]).Order())
                && MaxAbsDifference(a.Coverage, b.Coverage) < 1e-15;
            for (int k = 0; same && k < a.PatternCount; k++)
            {
                var pa = a.Patterns[k];
                var pb = b.Patterns[k];
                same = pa.Key == pb.Key && pa.Rows.SequenceEqual(pb.Rows.Select(i => order[i]).Order())
                    && MaxAbsDifference(pa.Mean, pb.Mean) < 1e-10 && MaxAbsDifference(pa.Covariance, pb.Covariance) < 1e-10;
            }
            var ha = SaturatedMoments.Estimate(a);
            var hb = SaturatedMoments.Estimate(b);
            bool moments = MaxAbsDifference(ha.Mean, hb.Mean) < 1e-8 && MaxAbsDifference(ha.Covariance, hb.Covariance) < 1e-7;
            // With few rows EM can converge to a covariance matrix that is singular where some pattern observes it (a
            // pattern with fewer rows than variables): whether its Cholesky factorisation succeeds — a finite
            // log-likelihood — is then decided by rounding, which the row order changes (seen: (1722647209, 15, 5,
            // 832749360), moments equal to 1e-14, log-likelihood −24.03 in one order and −∞ in the other). There the
            // moments must agree and at least one side must report the singular estimate.
            if (double.IsNegativeInfinity(ha.LogLikelihood) || double.IsNegativeInfinity(hb.LogLikelihood))
                return same && moments && (!ha.Converged || !hb.Converged);
            // The same with both log-likelihoods finite: EM converged to an exactly singular covariance matrix (seen:
            // (1346468241, 16, 5, 291430769), smallest eigenvalue 0 of 15.6, moments equal to 1e-13, log-likelihood
            // −24.88 in one order and −27.71 in the other, the log-determinant of a singular block being rounding).
            // A singular estimate has no meaningful log-likelihood; the moments must still agree.
            if (Singular(ha.Covariance, t.p)) return same && moments;
            return same && ha.Converged && hb.Converged && moments
                && Math.Abs(ha.LogLikelihood - hb.LogLikelihood) < 1e-8 * Math.Abs(ha.LogLikelihood);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(50));
    }

    [Fact]
    public void A_variable_missing_in_every_row_is_an_error_naming_it()
    {
        double nan = double.NaN;
        double[][] rows = [[1, nan, 3], [2, nan, 5], [4, nan, 4]];
        var e = Assert.Throws<DataException>(() => MissingPatterns.Create(["a", "b", "c"], rows));
        Assert.Contains("'b'", e.Message);
        Assert.Contains("missing in every row", e.Message);
        double[][] two = [[nan, nan, 3], [nan, nan, 5]];
        e = Assert.Throws<DataException>(() => MissingPatterns.Create(["a", "b", "c"], two));
        Assert.Contains("'a', 'b'", e.Message);
    }

    [Fact]
    public void Other_data_that_cannot_be_analysed_are_errors_saying_where()
    {
        double nan = double.NaN;
        var e = Assert.Throws<DataException>(() => MissingPatterns.Create(["a", "b"], [[nan, nan], [nan, nan]]));
        Assert.Contains("All 2 rows are missing every variable", e.Message);
        e = Assert.Throws<DataException>(() => MissingPatterns.Create(["a", "b"], [[1, 2], [3, double.PositiveInfinity]]));
        Assert.Contains("Row 2, variable 'b'", e.Message);
        e = Assert.Throws<DataException>(() => MissingPatterns.Create(["a", "b"], Array.Empty<double[]>()));
        Assert.Contains("no rows", e.Message);
        // b is observed twice, with one value: no variance.
        var constant = MissingPatterns.Create(["a", "b"], [[1, 7], [2, 7], [3, nan], [5, nan]]);
        e = Assert.Throws<DataException>(() => SaturatedMoments.Estimate(constant));
        Assert.Contains("'b' has the same value in every row that observes it (2 rows)", e.Message);
        // Complete but fewer rows than variables: S is singular, a status and a warning.
        var few = SaturatedMoments.Estimate(MissingPatterns.Create(["a", "b", "c"], [[1, 2, 4], [2, 1, 3]]));
        Assert.False(few.Converged);
        Assert.Equal(double.NegativeInfinity, few.LogLikelihood);
        Assert.Contains(few.Warnings, w => w.Contains("not positive definite", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_rows_are_dropped_and_counted()
    {
        double nan = double.NaN;
        double[][] rows = [[1, 2], [nan, nan], [3, 1], [nan, 5], [nan, nan], [4, 4]];
        var m = MissingPatterns.Create(["a", "b"], rows);
        Assert.Equal(6, m.RowCount);
        Assert.Equal(4, m.N);
        Assert.Equal([1, 4], m.EmptyRows);
        Assert.Equal(["2 rows are missing every variable and were dropped (rows 2, 5); 4 rows are used."], m.Warnings);
        Assert.Empty(MissingPatterns.Create(["a", "b"], [[1, 2], [nan, 3]]).Warnings);
        // Coverage over the 4 rows used: a is observed in 3, b in 4, both in 3.
        Assert.Equal([0.75, 0.75, 0.75, 1.0], m.Coverage);
    }

    /// <summary>A pattern with one row: its mean is the row, its covariance zero, and EM and the likelihood use it
    /// (mono-small's row 39, missing only y1, is another; see the lavaan tests above).</summary>
    [Fact]
    public void A_pattern_with_a_single_row_works()
    {
        double nan = double.NaN;
        var rows = RandomRows(11, 30, 3);
        rows[7] = [nan, 2.5, 4.25];
        for (int i = 0; i < rows.Length; i++)
            if (i != 7 && double.IsNaN(rows[i][0]) && !double.IsNaN(rows[i][1]) && !double.IsNaN(rows[i][2])) rows[i][1] = nan;
        var m = MissingPatterns.Create(["a", "b", "c"], rows);
        var single = m.Patterns.Single(pt => pt.Key == "011");
        Assert.Equal([7], single.Rows);
        Assert.Equal([2.5, 4.25], single.Mean);
        Assert.Equal([0.0, 0, 0, 0], single.Covariance);
        var h1 = SaturatedMoments.Estimate(m);
        Assert.True(h1.Converged);
        var byPattern = new double[m.PatternCount];
        new MissingDataLikelihood(m).LogLikelihood(h1.Mean, h1.Covariance, byPattern);
        int k = m.Patterns.ToList().IndexOf(single);
        Assert.Equal(Casewise(rows[7], h1.Mean, h1.Covariance), byPattern[k], 1e-12);
    }

    /// <summary>EM never lowers the observed-data log-likelihood (Dempster, Laird &amp; Rubin, 1977, Theorem 1); stopped
    /// early it says so as a status and a warning, not an exception.</summary>
    [Fact]
    public void Em_climbs_and_reports_stopping_early()
    {
        var f = Load("hs-cfa-fiml");
        double previous = double.NegativeInfinity;
        for (int steps = 1; steps <= 8; steps++)
        {
            var h1 = SaturatedMoments.Estimate(f.Data, maxIterations: steps);
            Assert.False(h1.Converged);
            Assert.Equal(steps, h1.Iterations);
            Assert.Contains($"did not converge in {steps} steps", Assert.Single(h1.Warnings), StringComparison.Ordinal);
            Assert.True(h1.LogLikelihood >= previous, $"step {steps}: {h1.LogLikelihood} < {previous}");
            previous = h1.LogLikelihood;
        }
        Assert.True(SaturatedMoments.Estimate(f.Data).LogLikelihood >= previous);
    }

    [Fact]
    public void Pairs_never_observed_together_are_a_warning()
    {
        double nan = double.NaN;
        var rng = new Random(3);
        var rows = Enumerable.Range(0, 40).Select(i =>
        {
            double c = rng.NextDouble(), x = c + rng.NextDouble();
            return i % 2 == 0 ? new[] { x, nan, c } : [nan, x + rng.NextDouble(), c];
        }).ToArray();
        var m = MissingPatterns.Create(["a", "b", "c"], rows);
        Assert.Equal(0.0, m.Coverage[0 * 3 + 1]);
        var h1 = SaturatedMoments.Estimate(m);
        Assert.Contains(h1.Warnings, w => w.Contains("never observed in the same row (a and b)", StringComparison.Ordinal));
    }
}
