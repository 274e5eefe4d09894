using SemLib.Data;
using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

/// <summary>
/// Sample moments in the form an estimator uses them, per group. ML uses the covariance matrix with divisor N;
/// GLS and ULS use divisor N − 1, as lavaan does. Group weights are N_g / N. Under full-information ML each group
/// also carries its missing-data patterns (<see cref="Moments.Patterns"/>, the data the FIML discrepancy reads) and
/// the EM estimates of the unrestricted moments (<see cref="Moments.H1"/>), which are then its S and mean.
/// </summary>
internal sealed class EstimationSample
{
    public EstimationSample(SampleData data, Estimator estimator)
    {
        Data = data;
        Estimator = estimator;
        TotalN = data.TotalN;
        Groups = data.Groups.Select(g => new Moments(g, estimator, data.TotalN)).ToArray();
        FullInformation = data.Groups.Any(g => g.Patterns is not null);
        Categorical = data.Groups.Any(g => g.Ordinal is not null);
        Loss = FullInformation ? Discrepancy.FullInformation : Categorical ? CategoricalDiscrepancy.For(estimator) : Discrepancy.For(estimator);
        StatisticN = Groups.Sum(g => Loss.InferenceCount(g.N));
    }

    private EstimationSample(EstimationSample other)
    {
        Data = other.Data;
        Estimator = other.Estimator;
        TotalN = other.TotalN;
        Groups = other.Groups.Select(g => g.Clone()).ToArray();
        Loss = other.Loss;
        StatisticN = other.StatisticN;
        FullInformation = other.FullInformation;
        Categorical = other.Categorical;
    }

    /// <summary>Whether the fit is to the thresholds and polychoric correlations of ordered items: each group has <see cref="Moments.Layout"/>.</summary>
    public bool Categorical { get; }

    /// <summary>Whether the fit is by full-information ML: each group has <see cref="Moments.Patterns"/> and <see cref="Moments.H1"/>.</summary>
    public bool FullInformation { get; }

    /// <summary>A deep copy whose moments can be replaced (one per thread in bootstrap and simulation).</summary>
    public EstimationSample Clone() => new(this);

    public SampleData Data { get; }
    public Estimator Estimator { get; }
    public int TotalN { get; }
    public Moments[] Groups { get; }

    /// <summary>The estimator's discrepancy, which declares the χ² count and the covariance divisor.</summary>
    public Discrepancy Loss { get; }

    /// <summary>
    /// The effective sample size of standard errors and RMSEA: Σ_g n_g, n_g = N_g for ML, N_g − 1 otherwise (for ML, GLS
    /// and ULS also the count that multiplies the fit function in χ²).
    /// </summary>
    public double StatisticN { get; }

    internal sealed class Moments
    {
        private readonly Estimator _estimator;
        /// <summary>Scratch for <see cref="Dense.InvertSpd"/> (2·P·P).</summary>
        private readonly double[] _work;

        public Moments(GroupSample g, Estimator estimator, int totalN)
        {
            P = g.P;
            N = g.N;
            _estimator = estimator;
            Weight = g.N / (double)totalN;
            S = new double[P * P];
            Mean = new double[P];
            SInverse = new double[P * P];
            _work = new double[2 * P * P];
            Patterns = g.Patterns;
            H1 = g.H1;
            if (g.Patterns is { } pats) FimlConstant = Constant(pats, g.H1!, g.N);
            if (g.Ordinal is { } ordinal)
            {
                // The least-squares fit to polychoric correlations needs no positive-definite matrix (lavaan warns, and so
                // does the sample); S is only the start values' guide.
                Layout = new CategoricalLayout(ordinal, estimator);
                g.Covariance.CopyTo(S, 0);
                g.Mean.CopyTo(Mean, 0);
                if (Dense.InvertSpd(S, SInverse, _work, P, out double ld)) LogDetS = ld;
                return;
            }
            if (!SetMoments(g.Covariance, g.Mean))
                throw new DataException("The sample covariance matrix is not positive definite.");
        }

        private Moments(Moments o)
        {
            P = o.P;
            N = o.N;
            _estimator = o._estimator;
            Weight = o.Weight;
            S = (double[])o.S.Clone();
            Mean = (double[])o.Mean.Clone();
            SInverse = (double[])o.SInverse.Clone();
            LogDetS = o.LogDetS;
            _work = new double[2 * P * P];
            Patterns = o.Patterns;
            H1 = o.H1;
            FimlConstant = o.FimlConstant;
            Layout = o.Layout;
        }

        /// <summary>With ordered items: the group's thresholds, correlations and weights (<see cref="CategoricalLayout"/>); null otherwise.</summary>
        public CategoricalLayout? Layout { get; private set; }

        /// <summary>Under full-information ML, the group's missing-data patterns (per pattern the observed variables' n, mean and n-divisor covariance); null otherwise.</summary>
        public MissingPatterns? Patterns { get; private set; }

        /// <summary>Under full-information ML, the EM estimates of the unrestricted moments and the h1 log-likelihood; null otherwise.</summary>
        public SaturatedMoments? H1 { get; private set; }

        /// <summary>
        /// Under full-information ML, (½ Σ_k n_k q_k log 2π + h1 log-likelihood)/N: added to the patterns' terms it
        /// makes F = (ℓ_h1 − ℓ)/N, lavaan's scale, on which χ² = 2·N·F.
        /// </summary>
        public double FimlConstant { get; private set; }

        /// <summary>
        /// Under full-information ML, replaces the patterns and the EM moments by those of new rows of the same count (a
        /// bootstrap draw); false when the EM covariance matrix is not positive definite. The workspaces that read the
        /// patterns must be refreshed (<see cref="Objective.RefreshPatterns"/>).
        /// </summary>
        public bool SetFullInformation(MissingPatterns patterns, SaturatedMoments h1)
        {
            if (Patterns is null) throw new InvalidOperationException("Only a FIML group's patterns can be replaced.");
            Patterns = patterns;
            H1 = h1;
            FimlConstant = Constant(patterns, h1, N);
            return SetMoments(h1.Covariance, h1.Mean);
        }

        private static double Constant(MissingPatterns patterns, SaturatedMoments h1, int n)
        {
            double c = 0;
            foreach (var pt in patterns.Patterns) c += 0.5 * pt.Count * pt.ObservedIndices.Length * Math.Log(2 * Math.PI);
            return (c + h1.LogLikelihood) / n;
        }

        public Moments Clone() => new(this);

        public int P { get; }
        public int N { get; }
        public double Weight { get; }
        public double[] S { get; }
        public double[] Mean { get; }
        public double LogDetS { get; private set; }
        public double[] SInverse { get; }

        /// <summary>
        /// Replaces the moments by new ones (covariance with divisor N, means) without allocating; false when
        /// the covariance matrix is not positive definite (the moments are then unusable).
        /// </summary>
        public bool SetMoments(ReadOnlySpan<double> covarianceN, ReadOnlySpan<double> mean)
        {
            double scale = Discrepancy.For(_estimator).UnbiasedCovariance ? N / (double)(N - 1) : 1.0;
            for (int i = 0; i < P * P; i++) S[i] = covarianceN[i] * scale;
            mean.CopyTo(Mean);
            if (!Dense.InvertSpd(S, SInverse, _work, P, out double logDet)) return false;
            LogDetS = logDet;
            return true;
        }
    }
}
