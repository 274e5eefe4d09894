using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

/// <summary>
/// The discrepancy (loss) of one group's sample moments from the implied ones, on lavaan's fmin scale so that
/// χ² = 2·n·F: one type per estimator, each owning what it reads of the data and declaring its χ² count and its
/// covariance divisor. The objective is their weighted sum over groups (<see cref="Objective"/>). Stateless: the
/// buffers are in the <see cref="LossWorkspace"/>, so one instance serves every group and thread.
/// <list type="bullet">
/// <item>ML: F = ½[log|Σ| + tr(SΣ⁻¹) − log|S| − p + (x̄−μ)ᵀΣ⁻¹(x̄−μ)] (Jöreskog 1969);</item>
/// <item>GLS: F = ¼ tr[(S⁻¹(S−Σ))²] + ½(x̄−μ)ᵀS⁻¹(x̄−μ) (Browne 1974);</item>
/// <item>ULS: F = ½ Σ_{i≤j}(s_ij − σ_ij)² + ½‖x̄−μ‖².</item>
/// </list>
/// </summary>
internal abstract class Discrepancy
{
    /// <summary>The discrepancy of an estimator.</summary>
    public static Discrepancy For(Estimator estimator) => estimator switch
    {
        Estimator.ML or Estimator.MLM or Estimator.MLR => MaximumLikelihood.Instance,
        Estimator.GLS => GeneralizedLeastSquares.Instance,
        Estimator.ULS => UnweightedLeastSquares.Instance,
        Estimator.DWLS or Estimator.WLS or Estimator.WLSMV or Estimator.ULSMV => CategoricalDiscrepancy.For(estimator),
        _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "no discrepancy for this estimator"),
    };

    /// <summary>Full-information ML on incomplete rows (<see cref="FullInformationDiscrepancy"/>).</summary>
    public static Discrepancy FullInformation => FullInformationDiscrepancy.Instance;

    public abstract Estimator Estimator { get; }

    /// <summary>Whether F sums over missing-data patterns, each with its own information weight (FIML).</summary>
    public virtual bool ByPattern => false;

    /// <summary>Whether the sample covariance matrix has divisor N − 1 (GLS, ULS, as lavaan) rather than N (ML).</summary>
    public abstract bool UnbiasedCovariance { get; }

    /// <summary>The n of χ² = 2·n·F for a group of <paramref name="n"/> observations: N for ML, N − 1 otherwise.</summary>
    public int StatisticCount(int n) => UnbiasedCovariance ? n - 1 : n;

    /// <summary>
    /// The n that standard errors and RMSEA divide by for a group of <paramref name="n"/>: the χ² count, except for the
    /// estimators of ordered items, whose χ² counts N (with (N − 1)/N inside F) while lavaan divides by N − 1 here.
    /// </summary>
    public virtual int InferenceCount(int n) => StatisticCount(n);

    /// <summary>F of the group at the workspace's state; with <paramref name="gradient"/> also ∂F/∂Σ and ∂F/∂μ into it. +∞ when undefined.</summary>
    public abstract double Evaluate(LossWorkspace w, bool gradient);

    /// <summary>
    /// The weight M of the expected information ½ tr(M dΣ_j M dΣ_k) + dμ_jᵀ M dμ_k at the last evaluation: Σ⁻¹ (ML),
    /// S⁻¹ (GLS), or null for the identity with lavaan's vech weighting of the diagonal (ULS, <see cref="VechDiagonal"/>).
    /// </summary>
    public abstract double[]? InformationWeight(LossWorkspace w);

    /// <summary>Whether F is a likelihood-ratio discrepancy, so the fit has a log-likelihood (logl, AIC, BIC): ML only.</summary>
    public virtual bool HasLogLikelihood => false;

    /// <summary>Whether χ² = 2·n·F has a known reference distribution (a p-value): not for ULS.</summary>
    public virtual bool ChiSquareReference => true;

    /// <summary>Whether the information counts each covariance once (vech), adding ½ Σ_i (dΣ_j)_ii (dΣ_k)_ii (ULS).</summary>
    public virtual bool VechDiagonal => false;

    private sealed class MaximumLikelihood : Discrepancy
    {
        public static readonly MaximumLikelihood Instance = new();
        public override Estimator Estimator => Estimator.ML;
        public override bool UnbiasedCovariance => false;
        public override double[]? InformationWeight(LossWorkspace w) => w.W;
        public override bool HasLogLikelihood => true;

        public override double Evaluate(LossWorkspace w, bool gradient)
        {
            int p = w.P;
            var sigma = w.State.Sigma;
            if (!Dense.InvertSpd(sigma, w.W, w.InvertWork, p, out double logDet)) return double.PositiveInfinity;
            double trSW = Dense.Dot(w.Sample.S, w.W);
            w.MeanResidual();
            double quad = 0;
            if (w.State.Model.MeanStructure)
            {
                for (int i = 0; i < p; i++) quad += w.D[i] * Dense.Dot(new ReadOnlySpan<double>(w.W, i * p, p), w.D);
            }
            double f = 0.5 * (logDet + trSW - w.Sample.LogDetS - p + quad);
            if (gradient)
            {
                // G = ½ W (Σ − S − ddᵀ) W ; g_μ = −W d
                for (int i = 0; i < p; i++)
                    for (int j = 0; j < p; j++)
                        w.Tmp2[i * p + j] = sigma[i * p + j] - w.Sample.S[i * p + j] - w.D[i] * w.D[j];
                Dense.Multiply(w.W, w.Tmp2, w.Tmp, p, p, p);
                Dense.MultiplySymmetricResult(w.Tmp, w.W, w.G, p);
                for (int i = 0; i < p * p; i++) w.G[i] *= 0.5;
                for (int i = 0; i < p; i++) w.GMu[i] = -Dense.Dot(new ReadOnlySpan<double>(w.W, i * p, p), w.D);
            }
            return f;
        }
    }

    private sealed class GeneralizedLeastSquares : Discrepancy
    {
        public static readonly GeneralizedLeastSquares Instance = new();
        public override Estimator Estimator => Estimator.GLS;
        public override bool UnbiasedCovariance => true;
        public override double[]? InformationWeight(LossWorkspace w) => w.Sample.SInverse;

        public override double Evaluate(LossWorkspace w, bool gradient)
        {
            int p = w.P;
            // E = S − Σ ; Y = S⁻¹E
            for (int i = 0; i < p * p; i++) w.Tmp2[i] = w.Sample.S[i] - w.State.Sigma[i];
            Dense.Multiply(w.Sample.SInverse, w.Tmp2, w.Tmp, p, p, p);
            double trYY = 0;
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) trYY += w.Tmp[i * p + j] * w.Tmp[j * p + i];
            w.MeanResidual();
            double quad = 0;
            if (w.State.Model.MeanStructure)
                for (int i = 0; i < p; i++) quad += w.D[i] * Dense.Dot(new ReadOnlySpan<double>(w.Sample.SInverse, i * p, p), w.D);
            double f = 0.25 * trYY + 0.5 * quad;
            if (gradient)
            {
                // G = −½ S⁻¹ E S⁻¹ ; g_μ = −S⁻¹ d
                Dense.MultiplySymmetricResult(w.Tmp, w.Sample.SInverse, w.G, p);
                for (int i = 0; i < p * p; i++) w.G[i] *= -0.5;
                for (int i = 0; i < p; i++) w.GMu[i] = -Dense.Dot(new ReadOnlySpan<double>(w.Sample.SInverse, i * p, p), w.D);
            }
            return f;
        }
    }

    private sealed class UnweightedLeastSquares : Discrepancy
    {
        public static readonly UnweightedLeastSquares Instance = new();
        public override Estimator Estimator => Estimator.ULS;
        public override bool UnbiasedCovariance => true;
        public override double[]? InformationWeight(LossWorkspace w) => null;
        public override bool VechDiagonal => true;
        public override bool ChiSquareReference => false;

        public override double Evaluate(LossWorkspace w, bool gradient)
        {
            int p = w.P;
            double f = 0;
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    double e = w.Sample.S[i * p + j] - w.State.Sigma[i * p + j];
                    f += 0.5 * e * e;
                    if (gradient)
                    {
                        double gij = i == j ? -e : -0.5 * e; // −½(E + diag E)
                        w.G[i * p + j] = gij;
                        w.G[j * p + i] = gij;
                    }
                }
            }
            w.MeanResidual();
            if (w.State.Model.MeanStructure)
            {
                for (int i = 0; i < p; i++)
                {
                    f += 0.5 * w.D[i] * w.D[i];
                    if (gradient) w.GMu[i] = -w.D[i];
                }
            }
            return f;
        }
    }
}
