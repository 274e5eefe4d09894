using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;

namespace SemLib.Tests.Reporting;

/// <summary>
/// Test-only data for the 29-item cluster-upgrade model (/work/shared/design/cluster-upgrade-218.md): the
/// population covariance matrix built from the design's standardized values, and N draws from the multivariate
/// normal with a seeded System.Random, cut into five categories at −1.5, −0.5, 0.5, 1.5 as the design says.
/// (A general simulateData belongs to another issue; this is deliberately minimal.)
/// </summary>
internal static class ClusterUpgradeSimulation
{
    public const string Model = """
        scale =~ sc1 + sc2 + sc3 + sc4
        centr =~ ce1 + ce2 + ce3 + ce4
        ties  =~ ti1 + ti2 + ti3 + ti4
        acq   =~ aq1 + aq2 + aq3 + aq4
        crea  =~ cr1 + cr2 + cr3 + cr4
        proc  =~ pr1 + pr2 + pr3
        prod  =~ pd1 + pd2 + pd3
        func  =~ fu1 + fu2 + fu3
        upg   =~ proc + prod + func
        acq  ~ scale + centr + ties
        crea ~ scale + centr + ties + acq
        upg  ~ acq + crea
        """;

    private static readonly (string Factor, string Prefix, double[] Loadings)[] Measurement =
    [
        ("scale", "sc", [.78, .72, .81, .66]),
        ("centr", "ce", [.74, .79, .70, .77]),
        ("ties", "ti", [.80, .75, .71, .73]),
        ("acq", "aq", [.76, .81, .72, .69]),
        ("crea", "cr", [.73, .78, .80, .71]),
        ("proc", "pr", [.82, .77, .70]),
        ("prod", "pd", [.76, .83, .72]),
        ("func", "fu", [.71, .77, .79]),
    ];

    public static IReadOnlyList<string> Items =>
        Measurement.SelectMany(m => m.Loadings.Select((_, i) => m.Prefix + (i + 1))).ToList();

    /// <summary>The population correlation matrix of the 29 items (every factor and item variance is 1).</summary>
    public static Matrix<double> PopulationCovariance()
    {
        // Factors in order scale, centr, ties, acq, crea, upg, proc, prod, func: η = B η + ζ.
        string[] f = ["scale", "centr", "ties", "acq", "crea", "upg", "proc", "prod", "func"];
        int k = f.Length;
        var b = Matrix<double>.Build.Dense(k, k);
        void Path(string to, string from, double v) => b[Array.IndexOf(f, to), Array.IndexOf(f, from)] = v;
        Path("acq", "scale", .35); Path("acq", "centr", .30); Path("acq", "ties", .10);
        Path("crea", "scale", .05); Path("crea", "centr", .25); Path("crea", "ties", .30); Path("crea", "acq", .30);
        Path("upg", "acq", .35); Path("upg", "crea", .40);
        Path("proc", "upg", .82); Path("prod", "upg", .86); Path("func", "upg", .74);
        // Exogenous correlations, then residual variances that make each factor's variance 1, in causal order.
        var cov = Matrix<double>.Build.Dense(k, k);
        double[,] phi = { { 1, .45, .30 }, { .45, 1, .40 }, { .30, .40, 1 } };
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) cov[i, j] = phi[i, j];
        for (int i = 3; i < k; i++)
        {
            // cov(η_i, η_j) = Σ_m B[i,m] cov(η_m, η_j) for j < i; var = 1.
            for (int j = 0; j < i; j++)
            {
                double c = 0;
                for (int m = 0; m < i; m++) c += b[i, m] * cov[m, j];
                cov[i, j] = cov[j, i] = c;
            }
            cov[i, i] = 1;
        }
        var items = Items;
        var lambda = Matrix<double>.Build.Dense(items.Count, k);
        int row = 0;
        foreach (var (factor, _, loadings) in Measurement)
            foreach (double l in loadings) lambda[row++, Array.IndexOf(f, factor)] = l;
        var sigma = lambda * cov * lambda.Transpose();
        for (int i = 0; i < items.Count; i++) sigma[i, i] = 1;
        return sigma;
    }

    /// <summary>N rows of five-point scores drawn with the given seed.</summary>
    public static DataSet Simulate(int n = 218, int seed = 218)
    {
        var items = Items;
        var chol = PopulationCovariance().Cholesky().Factor;
        var rng = new Random(seed);
        var data = new double[n, items.Count];
        var z = new double[items.Count];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < z.Length; j++) z[j] = Gaussian(rng);
            for (int i = 0; i < items.Count; i++)
            {
                double x = 0;
                for (int j = 0; j <= i; j++) x += chol[i, j] * z[j];
                data[r, i] = x < -1.5 ? 1 : x < -0.5 ? 2 : x < 0.5 ? 3 : x < 1.5 ? 4 : 5;
            }
        }
        return DataSet.FromMatrix(items, data, "simulated cluster-upgrade data");
    }

    private static double Gaussian(Random rng)
    {
        // Box–Muller: deterministic for a seeded Random.
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
