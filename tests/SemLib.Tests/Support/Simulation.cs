using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;

namespace SemLib.Tests.Support;

/// <summary>
/// Seeded multivariate-normal data for property tests: x = μ + L z with L the Cholesky factor of Σ and z standard
/// normal (MathNet's Box-Muller sampler on a seeded <see cref="Random"/>), so a seed always gives the same data.
/// </summary>
public static class Simulation
{
    /// <summary>n rows drawn from N(μ, Σ) as named columns.</summary>
    public static DataSet MultivariateNormal(int seed, int n, IReadOnlyList<string> names, Matrix<double> sigma, double[]? mean = null)
    {
        int p = names.Count;
        if (sigma.RowCount != p || sigma.ColumnCount != p) throw new ArgumentException("Σ does not match the names.", nameof(sigma));
        var l = sigma.Cholesky().Factor;
        var rng = new Random(seed);
        var cols = new double[p][];
        for (int j = 0; j < p; j++) cols[j] = new double[n];
        var z = new double[p];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++) z[j] = Normal.Sample(rng, 0, 1);
            for (int j = 0; j < p; j++)
            {
                double v = mean?[j] ?? 0;
                for (int k = 0; k <= j; k++) v += l[j, k] * z[k];
                cols[j][i] = v;
            }
        }
        return DataSet.FromColumns(names.Select((name, j) => new KeyValuePair<string, double[]>(name, cols[j])), $"simulated(seed {seed}, n {n})");
    }

    /// <summary>
    /// A factor model's population: indicators x1..xk (the first <c>perFactor[0]</c> load on f1, the next on f2, ...)
    /// with loadings in [0.5, 1.5], residual variances in [0.3, 1.0] and factor correlations in [-0.5, 0.5], all drawn
    /// from <paramref name="seed"/>. Σ = ΛΦΛᵀ + Θ.
    /// </summary>
    public static FactorPopulation Factors(int seed, params int[] perFactor)
    {
        var rng = new Random(unchecked(seed * 7919 + 17));
        int m = perFactor.Length, p = perFactor.Sum();
        var lambda = Matrix<double>.Build.Dense(p, m);
        var theta = Matrix<double>.Build.Dense(p, p);
        int row = 0;
        for (int f = 0; f < m; f++)
            for (int i = 0; i < perFactor[f]; i++, row++)
            {
                lambda[row, f] = 0.5 + rng.NextDouble();
                theta[row, row] = 0.3 + 0.7 * rng.NextDouble();
            }
        var phi = Matrix<double>.Build.DenseIdentity(m);
        for (int a = 0; a < m; a++)
            for (int b = 0; b < a; b++)
                phi[a, b] = phi[b, a] = rng.NextDouble() - 0.5;
        var sigma = lambda * phi * lambda.Transpose() + theta;
        var names = Enumerable.Range(1, p).Select(i => "x" + i).ToList();
        var factors = new List<IReadOnlyList<string>>();
        row = 0;
        foreach (int k in perFactor)
        {
            factors.Add(names.Skip(row).Take(k).ToList());
            row += k;
        }
        return new FactorPopulation(names, factors, sigma);
    }
}

/// <summary>A factor model's population covariance matrix and its indicators, factor by factor.</summary>
public sealed record FactorPopulation(IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<string>> Indicators, Matrix<double> Sigma)
{
    /// <summary>lavaan syntax for the true model: "f1 =~ x1 + x2 + x3" and so on.</summary>
    public string Syntax => string.Join("\n", Indicators.Select((ind, f) => $"f{f + 1} =~ {string.Join(" + ", ind)}"));

    /// <summary>n rows from the population.</summary>
    public DataSet Sample(int seed, int n) => Simulation.MultivariateNormal(seed, n, Names, Sigma);
}
