using System.Globalization;
using SemLib.Data;
using SemLib.Simulation;
using SemLib.Specification;

namespace SemLib.Tests.Support;

/// <summary>
/// A random population model for invariance properties, built deterministically from a seed (so a failure is replayed
/// with <c>RandomSem.FromSeed(seed, minLoading, minN, pairChance)</c>): 2–5 factors of 3–5 indicators (a factor has 2
/// with probability 0.15 by default), loadings |λ| in [minLoading, 0.9] with random signs — the first (marker) indicator's too —,
/// correlated exogenous factors, with probability 0.4 one or two latent regressions (the last factors regressed on
/// one or two earlier ones, |β| in [0.2, 0.45]), and with probability 0.3 identification by std.lv. Every population
/// value is rounded to two decimals, so <see cref="PopulationSyntax"/> defines the population exactly; data are
/// <c>PopulationModel.FromSyntax(PopulationSyntax, standardized: true).Sample(N, Seed)</c>.
/// </summary>
/// <remarks>
/// The exogenous factor correlations are r_ij = a_i·a_j with |a_i| in [0.3, 0.85] and random signs: the matrix
/// aaᵀ + diag(1 − a²) is positive definite (smallest eigenvalue ≥ 1 − 0.85² before rounding), and no factor — a
/// 2-indicator one in particular — is uncorrelated with the rest (|r| ≥ 0.09). With standardized factors the
/// explained variance of an endogenous factor is at most 2·0.45²·(1 + 1) = 0.81 &lt; 1, so its residual variance is positive.
/// </remarks>
public sealed record RandomSem
{
    /// <summary>The seed of the design and of the data.</summary>
    public required int Seed { get; init; }

    /// <summary>The arguments <see cref="FromSeed"/> was called with (for the replay line).</summary>
    public required double MinLoading { get; init; }

    /// <inheritdoc cref="MinLoading"/>
    public required int MinN { get; init; }

    /// <inheritdoc cref="MinLoading"/>
    public required double PairChance { get; init; }

    /// <summary>Sample size.</summary>
    public required int N { get; init; }

    /// <summary>Identification by unit factor variances instead of markers.</summary>
    public required bool StdLv { get; init; }

    /// <summary>Indicator names by factor (factor f is named f1, f2, ...); the first is the marker unless std.lv.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Indicators { get; init; }

    /// <summary>Population loadings by factor, in the order of <see cref="Indicators"/>.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Loadings { get; init; }

    /// <summary>Population correlations of the exogenous factors (0-based factor indices).</summary>
    public required IReadOnlyList<(int A, int B, double R)> Correlations { get; init; }

    /// <summary>Latent regressions: the endogenous factor and its predictors with their standardized coefficients.</summary>
    public required IReadOnlyList<(int Outcome, IReadOnlyList<(int Predictor, double Beta)> Paths)> Regressions { get; init; }

    /// <summary>Number of factors.</summary>
    public int Factors => Indicators.Count;

    /// <summary>Every indicator, factor by factor.</summary>
    public IReadOnlyList<string> Names => Indicators.SelectMany(i => i).ToList();

    /// <summary>The analysis model's options (std.lv or markers).</summary>
    public ModelOptions Options => ModelOptions.Default with { StdLv = StdLv };

    /// <summary>The factor's name.</summary>
    public static string Factor(int f) => "f" + (f + 1).ToString(CultureInfo.InvariantCulture);

    private static string Num(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The population model with its values, one statement a line.</summary>
    public string PopulationSyntax
    {
        get
        {
            var lines = new List<string>();
            for (int f = 0; f < Factors; f++)
                lines.Add($"{Factor(f)} =~ " + string.Join(" + ", Indicators[f].Select((x, i) => $"{Num(Loadings[f][i])}*{x}")));
            foreach (var (a, b, r) in Correlations) lines.Add($"{Factor(a)} ~~ {Num(r)}*{Factor(b)}");
            foreach (var (y, paths) in Regressions)
                lines.Add($"{Factor(y)} ~ " + string.Join(" + ", paths.Select(p => $"{Num(p.Beta)}*{Factor(p.Predictor)}")));
            return string.Join("\n", lines);
        }
    }

    /// <summary>The analysis model's statements: one measurement statement per factor, then the regressions.</summary>
    public IReadOnlyList<string> Statements(IReadOnlyList<IReadOnlyList<string>>? indicators = null)
    {
        indicators ??= Indicators;
        var lines = new List<string>();
        for (int f = 0; f < Factors; f++) lines.Add($"{Factor(f)} =~ {string.Join(" + ", indicators[f])}");
        foreach (var (y, paths) in Regressions)
            lines.Add($"{Factor(y)} ~ {string.Join(" + ", paths.Select(p => Factor(p.Predictor)))}");
        return lines;
    }

    /// <summary>The analysis model (the population model without its values).</summary>
    public string AnalysisSyntax => string.Join("\n", Statements());

    /// <summary>The standardized population (every latent and observed variance 1).</summary>
    public PopulationModel Population() => PopulationModel.FromSyntax(PopulationSyntax, standardized: true);

    /// <summary>N rows drawn from the standardized population with the design's seed.</summary>
    public DataSet Data() => Population().Sample(N, Seed);

    /// <summary>
    /// The analysis model with every free parameter starting at its population value in the analysis model's
    /// parametrization: factor f rescaled to η′ = s·η with s its marker's loading (std.lv: s = 1, or 1/√ψ for an
    /// endogenous factor, whose residual variance std.lv fixes at 1), so λ′ = λ/s, φ′_ab = s_a·s_b·φ_ab,
    /// β′_yx = β·s_y/s_x, ψ′ = s²·ψ; residual variances of the indicators are unchanged.
    /// </summary>
    public string PopulationStartSyntax
    {
        get
        {
            var pop = Population();
            var endogenous = Regressions.Select(r => r.Outcome).ToHashSet();
            var psi = Enumerable.Range(0, Factors).Select(f => pop.Value(Factor(f), "~~", Factor(f))).ToArray();
            var scale = Enumerable.Range(0, Factors)
                .Select(f => !StdLv ? Loadings[f][0] : endogenous.Contains(f) ? 1 / Math.Sqrt(psi[f]) : 1.0).ToArray();
            string Start(double v) => "start(" + v.ToString("R", CultureInfo.InvariantCulture) + ")*";
            var lines = new List<string>();
            for (int f = 0; f < Factors; f++)
                lines.Add($"{Factor(f)} =~ " + string.Join(" + ", Indicators[f].Select((x, i) =>
                    (i == 0 && !StdLv ? "" : Start(Loadings[f][i] / scale[f])) + x)));
            foreach (var (y, paths) in Regressions)
                lines.Add($"{Factor(y)} ~ " + string.Join(" + ", paths.Select(p => Start(p.Beta * scale[y] / scale[p.Predictor]) + Factor(p.Predictor))));
            if (!StdLv)
                for (int f = 0; f < Factors; f++) lines.Add($"{Factor(f)} ~~ {Start(scale[f] * scale[f] * psi[f])}{Factor(f)}");
            foreach (var (a, b, r) in Correlations) lines.Add($"{Factor(a)} ~~ {Start(scale[a] * scale[b] * r)}{Factor(b)}");
            foreach (var x in Names) lines.Add($"{x} ~~ {Start(pop.Value(x, "~~", x))}{x}");
            return string.Join("\n", lines);
        }
    }

    /// <summary>How to rebuild this design.</summary>
    public string Replay => string.Create(CultureInfo.InvariantCulture, $"RandomSem.FromSeed({Seed}, minLoading: {MinLoading}, minN: {MinN}, pairChance: {PairChance})");

    /// <summary>Everything needed to reproduce a failure without FsCheck: the replay call, N, options and both syntaxes.</summary>
    public override string ToString() =>
        $"{Replay}: N = {N}, std.lv = {StdLv}, data = PopulationModel.FromSyntax(population, standardized: true).Sample({N}, {Seed})\n" +
        $"population:\n{PopulationSyntax}\nanalysis:\n{AnalysisSyntax}";

    /// <summary>
    /// Draws a design from <paramref name="seed"/>: loadings |λ| ≥ <paramref name="minLoading"/>, N from
    /// <paramref name="minN"/> to 1000, each factor with 2 indicators with probability <paramref name="pairChance"/>
    /// (else 3–5).
    /// </summary>
    public static RandomSem FromSeed(int seed, double minLoading = 0.3, int minN = 150, double pairChance = 0.15)
    {
        var rng = new Random(seed);
        double Uniform(double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
        double Sign() => rng.Next(2) == 0 ? -1 : 1;
        double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);

        int m = rng.Next(2, 6);
        var indicators = new List<IReadOnlyList<string>>();
        var loadings = new List<IReadOnlyList<double>>();
        int x = 0;
        for (int f = 0; f < m; f++)
        {
            int k = rng.NextDouble() < pairChance ? 2 : rng.Next(3, 6);
            indicators.Add(Enumerable.Range(0, k).Select(_ => "x" + (++x).ToString(CultureInfo.InvariantCulture)).ToList());
            loadings.Add(Enumerable.Range(0, k).Select(_ => Round(Sign() * Uniform(minLoading, 0.9))).ToList());
        }

        int endogenous = rng.NextDouble() < 0.4 ? (m >= 4 && rng.Next(2) == 0 ? 2 : 1) : 0;
        int exogenous = m - endogenous;
        var weights = Enumerable.Range(0, exogenous).Select(_ => Sign() * Uniform(0.3, 0.85)).ToArray();
        var correlations = new List<(int, int, double)>();
        for (int a = 0; a < exogenous; a++)
            for (int b = a + 1; b < exogenous; b++)
                correlations.Add((a, b, Round(weights[a] * weights[b])));

        var regressions = new List<(int, IReadOnlyList<(int, double)>)>();
        for (int y = exogenous; y < m; y++)
        {
            int count = Math.Min(y, rng.Next(1, 3));
            var predictors = Enumerable.Range(0, y).OrderBy(_ => rng.Next()).Take(count).Order();
            regressions.Add((y, predictors.Select(p => (p, Round(Sign() * Uniform(0.2, 0.45)))).ToList()));
        }

        bool stdLv = rng.NextDouble() < 0.3;
        int n = rng.Next(minN, 1001);
        return new RandomSem
        {
            Seed = seed,
            MinLoading = minLoading,
            MinN = minN,
            PairChance = pairChance,
            N = n,
            StdLv = stdLv,
            Indicators = indicators,
            Loadings = loadings,
            Correlations = correlations,
            Regressions = regressions,
        };
    }
}
