using FsCheck;
using FsCheck.Fluent;
using SemLib.Data;
using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

/// <summary>FsCheck properties of the reliability module. Random data sets are built from generated seeds and sizes.</summary>
public sealed class ReliabilityPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(60);
    private static readonly string[] Hs = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

    /// <summary>Likert-like data (values 1..5) of k items driven by one common factor plus noise, some items
    /// reversed in sign; a little missingness when <paramref name="missing"/>.</summary>
    private static DataSet Likert(int seed, int n, int k, bool missing)
    {
        var rng = new Random(seed);
        var cols = new double[k][];
        for (int j = 0; j < k; j++) cols[j] = new double[n];
        for (int i = 0; i < n; i++)
        {
            double f = rng.NextDouble() * 2 - 1;
            for (int j = 0; j < k; j++)
            {
                double v = (j % 3 == 2 ? -f : f) * rng.NextDouble() * 2 + rng.NextDouble() * 2 - 1;
                cols[j][i] = Math.Clamp(Math.Round(3 + 1.5 * v), 1, 5);
                if (missing && rng.NextDouble() < 0.05) cols[j][i] = double.NaN;
            }
        }
        for (int j = 0; j < k; j++) { cols[j][0] = 1; cols[j][1] = 5; } // never constant
        return DataSet.FromColumns(cols.Select((c, j) => new KeyValuePair<string, double[]>($"i{j + 1}", c)));
    }

    private static readonly Arbitrary<(int Seed, int N, int K)> Designs =
        (from seed in Gen.Choose(0, int.MaxValue)
         from n in Gen.Choose(10, 80)
         from k in Gen.Choose(2, 7)
         select (seed, n, k)).ToArbitrary();

    /// <summary>
    /// α ≤ 1 whenever the covariance matrix is positive semi-definite, i.e. on complete data. (With pairwise deletion
    /// a covariance can exceed √(v₁v₂) and psych's alpha can exceed 1; and psych's "alpha if deleted" of a two-item
    /// scale is C₁₂/C₂₂, not an alpha — FsCheck found both, so they are outside the theorem.)
    /// </summary>
    [Fact]
    public void AlphaNeverExceedsOne()
    {
        Prop.ForAll(Designs, d =>
        {
            var data = Likert(d.Seed, d.N, d.K, missing: false);
            var r = ItemAnalysis.Analyze(data, new ScaleDefinition("s", data.Names));
            return r.Alpha <= 1 + 1e-12 && r.StandardizedAlpha <= 1 + 1e-12
                && (d.K < 3 || r.ItemStatistics.All(s => s.AlphaIfDeleted <= 1 + 1e-12));
        }).Check(Quick);
    }

    [Fact]
    public void AlphaEqualsStandardizedAlphaWhenItemVariancesAreEqual()
    {
        Prop.ForAll(Designs, d =>
        {
            var raw = Likert(d.Seed, d.N, d.K, missing: false);
            // Standardize every item: equal variances, so C is a multiple of R.
            var z = raw.Columns.Select(c =>
            {
                var v = c.Values.ToArray();
                double m = v.Average(), sd = Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
                return new KeyValuePair<string, double[]>(c.Name, v.Select(x => 3 * (x - m) / sd).ToArray());
            });
            var r = ItemAnalysis.Analyze(DataSet.FromColumns(z), new ScaleDefinition("s", raw.Names));
            return Math.Abs(r.Alpha - r.StandardizedAlpha) < 1e-10;
        }).Check(Quick);
    }

    [Fact]
    public void OmegaEqualsAlphaForTauEquivalentItems()
    {
        var gen = (from k in Gen.Choose(2, 10)
                   from lambda in Gen.Choose(1, 300)
                   from psi in Gen.Choose(1, 300)
                   from thetas in Gen.ArrayOf(Gen.Choose(1, 300), 10)
                   select (k, lambda / 100.0, psi / 100.0, thetas.Select(t => t / 100.0).ToArray())).ToArbitrary();
        Prop.ForAll(gen, t =>
        {
            var (k, lambda, psi, theta) = t;
            var names = Enumerable.Range(1, k).Select(i => $"y{i}").ToArray();
            var s = new double[k, k];
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) s[i, j] = lambda * lambda * psi + (i == j ? theta[i] : 0);
            var cov = new LabeledMatrix(names, s);
            double omega = ConstructReliability.Omega(new FactorMeasurement(new FactorLoadings("f", names, Enumerable.Repeat(lambda, k).ToArray()), psi, cov));
            return Math.Abs(omega - ItemAnalysis.CoefficientAlpha(cov)) < 1e-12;
        }).Check(Quick);
    }

    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

    private static T[] Shuffle<T>(IEnumerable<T> items, Random rng) => items.OrderBy(_ => rng.Next()).ToArray();

    [Fact]
    public void AlphaAndKmoDoNotDependOnItemOrder()
    {
        var data = Reference.Data("bfi.csv");
        var items = new[] { "A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3" };
        var alpha = ItemAnalysis.Analyze(data, new ScaleDefinition("s", items, ["A1"]));
        var kmo = SamplingAdequacy.Kmo(data, items);
        Prop.ForAll(Seeds, seed =>
        {
            var order = Shuffle(items, new Random(seed));
            var a = ItemAnalysis.Analyze(data, new ScaleDefinition("s", order, ["A1"]));
            var k = SamplingAdequacy.Kmo(data, order);
            return Math.Abs(a.Alpha - alpha.Alpha) < 1e-12 && Math.Abs(a.LambdaSix - alpha.LambdaSix) < 1e-12
                && Math.Abs(a.Mean - alpha.Mean) < 1e-12 && Math.Abs(k.Overall - kmo.Overall) < 1e-12
                && order.All(i => Math.Abs(k.Msa(i) - kmo.Msa(i)) < 1e-12 && Math.Abs(a.Item(i).CorrectedItemTotalCorrelation - alpha.Item(i).CorrectedItemTotalCorrelation) < 1e-12);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void HtmtIsEquivariantUnderPermutationsOfConstructsAndItems()
    {
        var data = Reference.Data("hs.csv");
        var constructs = new[] { new ScaleDefinition("visual", ["x1", "x2", "x3"]), new ScaleDefinition("textual", ["x4", "x5", "x6"]), new ScaleDefinition("speed", ["x7", "x8", "x9"]) };
        var h = Htmt.Compute(data, constructs);
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var shuffled = Shuffle(constructs, rng).Select(c => new ScaleDefinition(c.Name, Shuffle(c.Items, rng))).ToArray();
            var g = Htmt.Compute(data, shuffled);
            return constructs.All(a => constructs.All(b => Math.Abs(g.Ratio(a.Name, b.Name) - h.Ratio(a.Name, b.Name)) < 1e-12));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void EfaCommunalitiesDoNotDependOnItemOrder()
    {
        var data = Reference.Data("hs.csv");
        var ml = ExploratoryFactorAnalysis.Fit(data, Hs, 3, new EfaOptions { Rotation = FactorRotation.Varimax });
        var pa = ExploratoryFactorAnalysis.Fit(data, Hs, 3, new EfaOptions { Extraction = FactorExtraction.PrincipalAxis, Rotation = FactorRotation.Promax });
        Prop.ForAll(Seeds, seed =>
        {
            var order = Shuffle(Hs, new Random(seed));
            var ml2 = ExploratoryFactorAnalysis.Fit(data, order, 3, new EfaOptions { Rotation = FactorRotation.Varimax });
            var pa2 = ExploratoryFactorAnalysis.Fit(data, order, 3, new EfaOptions { Extraction = FactorExtraction.PrincipalAxis, Rotation = FactorRotation.Promax });
            return order.Select((item, i) => (item, i)).All(t =>
                Math.Abs(ml2.Communalities[t.i] - ml.Communalities[Array.IndexOf(Hs, t.item)]) < 1e-5
                && Math.Abs(pa2.Communalities[t.i] - pa.Communalities[Array.IndexOf(Hs, t.item)]) < 1e-9);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(10));
    }
}
