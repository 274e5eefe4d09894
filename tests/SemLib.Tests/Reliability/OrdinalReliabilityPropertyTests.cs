using FsCheck;
using FsCheck.Fluent;
using SemLib.Data;
using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

/// <summary>FsCheck properties of ordinal alpha and categorical omega.</summary>
public sealed class OrdinalReliabilityPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(40);

    /// <summary>k items with categories 1..c cut from one normal factor plus noise, every item using every category
    /// (the first c rows), and about 5% missing values when asked.</summary>
    private static DataSet Ordinal(int seed, int n, int k, int c, bool missing)
    {
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var cols = new double[k][];
        var loadings = Enumerable.Range(0, k).Select(_ => 0.2 + 0.5 * rng.NextDouble()).ToArray();
        var cuts = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, c - 1).Select(_ => 0.6 * Normal()).Order().ToArray()).ToArray();
        for (int j = 0; j < k; j++) cols[j] = new double[n];
        for (int i = 0; i < n; i++)
        {
            double f = Normal();
            for (int j = 0; j < k; j++)
            {
                double y = loadings[j] * f + Math.Sqrt(1 - loadings[j] * loadings[j]) * Normal();
                cols[j][i] = i < c ? i + 1 : 1 + cuts[j].Count(t => y > t);
                if (missing && i >= c && rng.NextDouble() < 0.05) cols[j][i] = double.NaN;
            }
        }
        return DataSet.FromColumns(cols.Select((col, j) => new KeyValuePair<string, double[]>($"i{j + 1}", col)));
    }

    private static readonly Arbitrary<(int Seed, int N, int K, int C, bool Missing)> Designs =
        (from seed in Gen.Choose(0, int.MaxValue)
         from n in Gen.Choose(300, 600)
         from k in Gen.Choose(2, 6)
         from c in Gen.Choose(2, 4)
         from missing in Gen.Elements(false, true)
         select (seed, n, k, c, missing)).ToArbitrary();

    /// <summary>True when some pair of items has an empty cell in its table (pairwise-complete rows).</summary>
    private static bool AnyEmptyCell(DataSet data, int c)
    {
        var cols = data.Columns.Select(col => col.Values.ToArray()).ToArray();
        for (int i = 0; i < cols.Length; i++)
            for (int j = 0; j < i; j++)
            {
                var seen = new bool[c, c];
                for (int r = 0; r < cols[i].Length; r++)
                    if (!double.IsNaN(cols[i][r]) && !double.IsNaN(cols[j][r])) seen[(int)cols[i][r] - 1, (int)cols[j][r] - 1] = true;
                foreach (var s in seen) if (!s) return true;
            }
        return false;
    }

    /// <summary>
    /// Reversing the category codes of every item of a scale (x → min + max − x) maps each item's latent response
    /// y* to −y*, which leaves every polychoric correlation, hence ordinal alpha, unchanged. Under psych's rules this
    /// holds when every item uses both the lowest and the highest code (the data here): otherwise reversal can move an
    /// item's missing category from the top to the bottom and flip psych between its global and local thresholds.
    /// Data sets where some pair's table has an empty cell are left out (at most two thirds may be; about a third are): FsCheck found
    /// that such a table can have its likelihood maximum near ρ = ±1 so flat that rounding moves it by 1e-6 (the
    /// sum over the cells runs in another order after reversal), and psych's smoothing of the then indefinite matrix
    /// spreads that to every correlation. (A search on log-likelihood values rather than the score equation could not
    /// show the invariance to better than 1e-3 even without empty cells.)
    /// </summary>
    [Fact]
    public void OrdinalAlphaIsInvariantToReversingEveryItem()
    {
        int tested = 0, total = 0;
        Prop.ForAll(Designs, d =>
        {
            total++;
            var data = Ordinal(d.Seed, d.N, d.K, d.C, d.Missing);
            if (AnyEmptyCell(data, d.C)) return true.Label("an empty cell: left out");
            tested++;
            var a = OrdinalReliability.Alpha(data, new ScaleDefinition("s", data.Names));
            var b = OrdinalReliability.Alpha(data, new ScaleDefinition("s", data.Names, data.Names));
            bool same = true;
            for (int i = 0; i < d.K; i++)
                for (int j = 0; j < d.K; j++) same &= Math.Abs(a.Polychoric[i, j] - b.Polychoric[i, j]) < 1e-9;
            return (same && Math.Abs(a.Alpha - b.Alpha) < 1e-9 && a.GlobalThresholds && b.GlobalThresholds)
                .Label($"alpha {a.Alpha:R} vs {b.Alpha:R}; polychoric {a.Polychoric} vs {b.Polychoric}; global {a.GlobalThresholds}/{b.GlobalThresholds}");
        }).Check(Quick);
        Assert.True(3 * tested >= total, $"only {tested} of {total} generated data sets had no empty cell");
    }

    private static readonly Arbitrary<(int Seed, int K, int C)> OmegaDesigns =
        (from seed in Gen.Choose(0, int.MaxValue)
         from k in Gen.Choose(2, 8)
         from c in Gen.Choose(2, 7)
         select (seed, k, c)).ToArbitrary();

    private static (CategoricalMeasurement Original, CategoricalMeasurement Reversed) Measurement(int seed, int k, int c)
    {
        var rng = new Random(seed);
        var names = Enumerable.Range(1, k).Select(i => $"y{i}").ToArray();
        double psi = 0.3 + 1.5 * rng.NextDouble();
        var lambda = names.Select(_ => (0.1 + 0.85 * rng.NextDouble()) / Math.Sqrt(psi)).ToArray();
        var tau = names.Select(_ => Enumerable.Range(0, c - 1).Select(_ => 4 * rng.NextDouble() - 2).Order().ToArray()).ToArray();
        for (int j = 0; j < k; j++) for (int t = 1; t < c - 1; t++) if (tau[j][t] <= tau[j][t - 1]) tau[j][t] = tau[j][t - 1] + 1e-3;
        // Model-implied latent-response correlations: λλ′ψ off the diagonal, 1 on it.
        var r = new double[k, k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) r[i, j] = i == j ? 1 : lambda[i] * lambda[j] * psi;
        var implied = new LabeledMatrix(names, r);
        var original = new CategoricalMeasurement(new FactorLoadings("f", names, lambda), psi, tau.Select(t => (IReadOnlyList<double>)t).ToList(), implied);
        var reversed = new CategoricalMeasurement(new FactorLoadings("f", names, lambda.Select(l => -l).ToArray()), psi,
            tau.Select(t => (IReadOnlyList<double>)t.Select(v => -v).Reverse().ToArray()).ToList(), implied);
        return (original, reversed);
    }

    /// <summary>Reversing every indicator (thresholds τ → −τ, loadings λ → −λ) is Y → (C − 1) − Y for each item score,
    /// which leaves the variance of the sum score and its common part unchanged, hence categorical omega.</summary>
    [Fact]
    public void CategoricalOmegaIsInvariantToReversingEveryIndicator()
    {
        Prop.ForAll(OmegaDesigns, d =>
        {
            var (o, r) = Measurement(d.Seed, d.K, d.C);
            return Math.Abs(OrdinalReliability.CategoricalOmega(o) - OrdinalReliability.CategoricalOmega(r)) < 1e-12;
        }).Check(Quick);
    }

    /// <summary>With the model-implied correlations in the denominator, numerator and denominator differ only in the
    /// j = j′ terms, Φ₂(·, ·; λ²ψ) against Φ₂(·, ·; 1); Φ₂ increases with the correlation (Slepian), so 0 &lt; ω ≤ 1.</summary>
    [Fact]
    public void CategoricalOmegaWithImpliedCorrelationsLiesInTheUnitInterval()
    {
        Prop.ForAll(OmegaDesigns, d =>
        {
            double omega = OrdinalReliability.CategoricalOmega(Measurement(d.Seed, d.K, d.C).Original);
            return omega > 0 && omega <= 1 + 1e-12;
        }).Check(Quick);
    }
}
