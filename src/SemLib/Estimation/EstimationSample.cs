using SemLib.Data;
using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

/// <summary>
/// Sample moments in the form an estimator uses them, per group. ML uses the covariance matrix with divisor N;
/// GLS and ULS use divisor N − 1, as lavaan does. Group weights are N_g / N.
/// </summary>
internal sealed class EstimationSample
{
    public EstimationSample(SampleData data, Estimator estimator)
    {
        Data = data;
        Estimator = estimator;
        TotalN = data.TotalN;
        Groups = data.Groups.Select(g => new Moments(g, estimator, data.TotalN)).ToArray();
    }

    public SampleData Data { get; }
    public Estimator Estimator { get; }
    public int TotalN { get; }
    public Moments[] Groups { get; }

    /// <summary>The effective sample size that multiplies the fit function: N for ML, N − (number of groups) otherwise.</summary>
    public double StatisticN => Estimator == Estimator.ML ? TotalN : TotalN - Groups.Length;

    internal sealed class Moments
    {
        public Moments(GroupSample g, Estimator estimator, int totalN)
        {
            P = g.P;
            N = g.N;
            Weight = g.N / (double)totalN;
            S = estimator == Estimator.ML ? (double[])g.Covariance.Clone() : g.UnbiasedCovariance();
            Mean = (double[])g.Mean.Clone();
            var chol = (double[])S.Clone();
            if (!Dense.Cholesky(chol, P))
                throw new DataException("The sample covariance matrix is not positive definite.");
            LogDetS = Dense.LogDetFromCholesky(chol, P);
            SInverse = new double[P * P];
            Dense.InverseFromCholesky(chol, SInverse, new double[P * P], P);
        }

        public int P { get; }
        public int N { get; }
        public double Weight { get; }
        public double[] S { get; }
        public double[] Mean { get; }
        public double LogDetS { get; }
        public double[] SInverse { get; }
    }
}
