using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using SemLib.Data;

namespace SemLib.Reliability;

/// <summary>
/// Parallel analysis for the number of factors (Horn 1965): the eigenvalues of the observed correlation matrix
/// are compared, position by position, with those of correlation matrices of uncorrelated normal data of the same
/// size (simulated with a seeded Mersenne Twister, so results are reproducible). The suggested number of factors is
/// the count of leading observed eigenvalues above the criterion: by default the 95th percentile of the simulated
/// ones (Glorfeld 1995), or their mean (<see cref="ParallelAnalysisOptions.Quantile"/> = null).
/// </summary>
public static class ParallelAnalysis
{
    /// <summary>Runs parallel analysis on items of raw data.</summary>
    public static ParallelAnalysisResult Run(DataSet data, IReadOnlyList<string> items, ParallelAnalysisOptions? options = null)
    {
        options ??= new ParallelAnalysisOptions();
        if (options.Iterations < 1) throw new ArgumentOutOfRangeException(nameof(options), "Parallel analysis needs at least one iteration.");
        if (options.Quantile is { } q && !(q > 0 && q < 1)) throw new ArgumentOutOfRangeException(nameof(options), "The quantile must lie strictly between 0 and 1.");
        var (r, n, names) = ExploratoryFactorAnalysis.Correlation(data, items, options.MissingData, "the parallel analysis");
        if (options.Kind == ParallelAnalysisKind.CommonFactors) Stats.PositiveDefiniteEigenvalues(r, names, "the parallel analysis");
        int p = names.Length;
        var observed = Values(r, options.Kind);

        var rng = new MersenneTwister(options.Seed);
        var normal = new Normal(0, 1, rng);
        var sims = new double[options.Iterations][];
        var column = new double[n];
        var rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = new double[p];
        for (int it = 0; it < options.Iterations; it++)
        {
            // Drawn variable by variable, n values at a time.
            for (int j = 0; j < p; j++)
            {
                normal.Samples(column);
                for (int i = 0; i < n; i++) rows[i][j] = column[i];
            }
            var (_, cov) = GroupSample.Moments(rows, p);
            sims[it] = Values(Stats.CovToCor(Stats.Square(cov, p)), options.Kind);
        }
        var mean = new double[p];
        var criterion = new double[p];
        for (int k = 0; k < p; k++)
        {
            var at = sims.Select(s => s[k]).ToArray();
            mean[k] = at.Average();
            // R's default quantile (type 7) for the chosen probability.
            criterion[k] = options.Quantile is { } quant ? MathNet.Numerics.Statistics.Statistics.QuantileCustom(at, quant, MathNet.Numerics.Statistics.QuantileDefinition.R7) : mean[k];
        }
        int suggested = 0;
        while (suggested < p && observed[suggested] > criterion[suggested]) suggested++;
        return new ParallelAnalysisResult
        {
            Items = names,
            Kind = options.Kind,
            Observed = observed,
            SimulatedMean = mean,
            Criterion = criterion,
            SuggestedFactors = suggested,
            N = n,
            Iterations = options.Iterations,
            Seed = options.Seed,
        };
    }

    private static double[] Values(double[,] r, ParallelAnalysisKind kind)
    {
        if (kind == ParallelAnalysisKind.CommonFactors)
        {
            r = (double[,])r.Clone();
            var smc = Stats.Smc(r);
            for (int i = 0; i < smc.Length; i++) r[i, i] = smc[i];
        }
        return Stats.EigenvaluesDescending(r);
    }
}
