using SemLib.LinearAlgebra;

namespace SemLib.Data;

/// <summary>
/// The unrestricted (h1, saturated) model of one group's incomplete data: the maximum-likelihood mean vector and
/// covariance matrix under missing at random, found by the EM algorithm (Dempster, Laird &amp; Rubin, 1977; for the
/// multivariate normal, Little &amp; Rubin, 2002, §11.2), and the observed-data log-likelihood there — lavaan's
/// <c>lavInspect(fit, "sampstat.h1")</c> and <c>fitMeasures(fit, "unrestricted.logl")</c> for a <c>missing = "ml"</c>
/// fit. The E step works on each pattern's sufficient statistics, not on its rows. With complete data the first step
/// gives the ML (divisor N) mean and covariance exactly, and the estimation stops there.
/// Not converging, or a covariance estimate that stops being positive definite, is a status and a warning here,
/// not an exception.
/// </summary>
internal sealed class SaturatedMoments
{
    /// <summary>
    /// Default convergence tolerance: EM stops when no mean moves by more than this times its variable's standard
    /// deviation and no covariance by more than this times the product of the two. (lavaan stops when no moment moves
    /// by more than 1e-5 in absolute terms, so its estimates are within about 1e-5 of the maximum.)
    /// </summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>Default largest number of EM steps.</summary>
    public const int DefaultMaxIterations = 10_000;

    private SaturatedMoments(MissingPatterns data, double[] mean, double[] covariance, double logLikelihood, int iterations,
        bool converged, IReadOnlyList<string> warnings)
    {
        Data = data;
        Mean = mean;
        Covariance = covariance;
        LogLikelihood = logLikelihood;
        Iterations = iterations;
        Converged = converged;
        Warnings = warnings;
    }

    /// <summary>The patterns the moments were estimated from.</summary>
    public MissingPatterns Data { get; }

    /// <summary>The EM estimate of the mean vector (p values, in <see cref="MissingPatterns.Names"/> order).</summary>
    public double[] Mean { get; }

    /// <summary>The EM estimate of the covariance matrix, row-major p×p (an ML estimate: divisor N).</summary>
    public double[] Covariance { get; }

    /// <summary>The observed-data log-likelihood at <see cref="Mean"/> and <see cref="Covariance"/> (lavaan's
    /// <c>unrestricted.logl</c>); −∞ when the estimate is not positive definite.</summary>
    public double LogLikelihood { get; }

    /// <summary>EM steps taken.</summary>
    public int Iterations { get; }

    /// <summary>Whether the convergence criterion was met with a positive-definite estimate.</summary>
    public bool Converged { get; }

    /// <summary>Statistical warnings: no convergence, a non-positive-definite estimate, pairs never observed together.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Runs EM from the available-case means and the pairwise covariances (the available-case variances alone when
    /// the pairwise matrix is not positive definite). Throws <see cref="DataException"/> when a variable has the same
    /// value in every row that observes it.
    /// </summary>
    public static SaturatedMoments Estimate(MissingPatterns data, double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        int p = data.P;
        var warnings = new List<string>();
        var (mu, sigma) = StartValues(data, warnings);

        var em = new MissingDataEmStep(data);
        var nextMu = new double[p];
        var nextSigma = new double[p * p];
        int iterations = 0;
        bool converged = false, broke = false;
        double change = double.PositiveInfinity;
        while (iterations < maxIterations)
        {
            iterations++;
            if (!em.Run(mu, sigma, nextMu, nextSigma))
            {
                warnings.Add($"EM for the unrestricted means and covariances stopped at step {iterations}: the covariance estimate is not positive definite for the variables some rows observe. The data may hold too little information on some pairs of variables.");
                broke = true;
                break;
            }
            change = RelativeChange(mu, sigma, nextMu, nextSigma, p);
            (mu, nextMu) = (nextMu, mu);
            (sigma, nextSigma) = (nextSigma, sigma);
            if (data.IsComplete || change <= tolerance)
            {
                converged = true;
                break;
            }
        }
        if (!converged && !broke)
            warnings.Add($"EM for the unrestricted means and covariances did not converge in {MessageText.Count(maxIterations)} steps (last relative change {change:G3}, tolerance {tolerance:G3}).");
        double logL = new MissingDataLikelihood(data).LogLikelihood(mu, sigma);
        if (double.IsNegativeInfinity(logL))
        {
            if (converged)
                warnings.Add("The EM estimate of the covariance matrix is not positive definite: some variables are linear combinations of others in the rows that observe them, or there are fewer rows than variables.");
            converged = false;
        }
        return new SaturatedMoments(data, mu, sigma, logL, iterations, converged, warnings);
    }

    /// <summary>The largest change of a mean relative to its standard deviation, or of a covariance relative to the product of two.</summary>
    private static double RelativeChange(double[] mu, double[] sigma, double[] nextMu, double[] nextSigma, int p)
    {
        double worst = 0;
        for (int i = 0; i < p; i++)
        {
            double si = Math.Sqrt(nextSigma[i * p + i]);
            worst = Math.Max(worst, Math.Abs(nextMu[i] - mu[i]) / si);
            for (int j = 0; j <= i; j++)
            {
                double scale = si * Math.Sqrt(nextSigma[j * p + j]);
                worst = Math.Max(worst, Math.Abs(nextSigma[i * p + j] - sigma[i * p + j]) / scale);
            }
        }
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }

    /// <summary>Available-case means and variances and pairwise covariances, all from the patterns' statistics.</summary>
    private static (double[] Mu, double[] Sigma) StartValues(MissingPatterns data, List<string> warnings)
    {
        int p = data.P;
        var count = new double[p * p];
        var mu = new double[p];
        foreach (var pt in data.Patterns)
        {
            var obs = pt.ObservedIndices;
            for (int a = 0; a < obs.Length; a++)
            {
                mu[obs[a]] += pt.Count * pt.Mean[a];
                foreach (int b in obs) count[obs[a] * p + b] += pt.Count;
            }
        }
        for (int j = 0; j < p; j++) mu[j] /= count[j * p + j];
        var sigma = new double[p * p];
        foreach (var pt in data.Patterns)
        {
            var obs = pt.ObservedIndices;
            int q = obs.Length;
            for (int a = 0; a < q; a++)
                for (int b = 0; b < q; b++)
                    sigma[obs[a] * p + obs[b]] += pt.Count * (pt.Covariance[a * q + b] + (pt.Mean[a] - mu[obs[a]]) * (pt.Mean[b] - mu[obs[b]]));
        }
        var never = new List<string>();
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double c = count[i * p + j];
                sigma[i * p + j] = c > 0 ? sigma[i * p + j] / c : 0;
                if (c == 0 && j < i) never.Add($"{data.Names[j]} and {data.Names[i]}");
            }
            if (!(sigma[i * p + i] > 0))
                throw new DataException($"Variable {MessageText.Quote(data.Names[i])} has the same value in every row that observes it ({MessageText.Count((int)count[i * p + i])} rows); it has no variance and cannot be analysed.");
        }
        if (never.Count > 0)
            warnings.Add($"Some pairs of variables are never observed in the same row ({MessageText.List(never)}); the data say nothing about their covariance, which EM fills in from the other variables.");
        var factor = (double[])sigma.Clone();
        if (!Dense.Cholesky(factor, p))
        {
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++)
                    if (i != j) sigma[i * p + j] = 0;
        }
        return (mu, sigma);
    }
}
