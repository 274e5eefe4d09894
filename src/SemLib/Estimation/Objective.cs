using SemLib.LinearAlgebra;
using SemLib.Model;

namespace SemLib.Estimation;

/// <summary>
/// The fit function F(ζ) = Σ_g (N_g/N)·F_g with its analytic gradient, on preallocated buffers: an evaluation
/// allocates nothing. The per-group discrepancies are lavaan's (its <c>fmin</c> scale, so χ² = 2·n·F):
/// <list type="bullet">
/// <item>ML: F = ½[log|Σ| + tr(SΣ⁻¹) − log|S| − p + (x̄−μ)ᵀΣ⁻¹(x̄−μ)] (Jöreskog 1969);</item>
/// <item>GLS: F = ¼ tr[(S⁻¹(S−Σ))²] + ½(x̄−μ)ᵀS⁻¹(x̄−μ) (Browne 1974);</item>
/// <item>ULS: F = ½ Σ_{i≤j}(s_ij − σ_ij)² + ½‖x̄−μ‖².</item>
/// </list>
/// Each group's discrepancy gives G = ∂F/∂Σ and g_μ = ∂F/∂μ; the chain rule to the parameters uses the rank-2
/// terms of <see cref="GroupModel"/>, so the gradient costs a few matrix products. One instance per thread.
/// </summary>
internal sealed partial class Objective
{
    private readonly LisrelModel _model;
    private readonly EstimationSample _sample;
    private readonly Workspace[] _ws;
    private readonly double[] _theta;
    private readonly double[] _gradTheta;

    public Objective(LisrelModel model, EstimationSample sample)
    {
        _model = model;
        _sample = sample;
        Estimator = sample.Estimator;
        _ws = model.Groups.Select((g, i) => new Workspace(g, sample.Groups[i])).ToArray();
        _theta = new double[model.ThetaCount];
        _gradTheta = new double[model.ThetaCount];
        _infoTheta = new double[model.ThetaCount * model.ThetaCount];
        _diagDerivs = Estimator == Estimator.ULS ? new double[model.ThetaCount * model.Groups.Max(g => g.P)] : [];
        _hessianPoint = new double[model.ZetaCount];
        _hessianPlus = new double[model.ZetaCount];
        _hessianMinus = new double[model.ZetaCount];
    }

    public Estimator Estimator { get; }
    public LisrelModel Model => _model;
    public EstimationSample Sample => _sample;
    public int Dimension => _model.ZetaCount;

    /// <summary>After the sample's moments were replaced: refreshes the cells that copy exogenous moments.</summary>
    public void RefreshExogenous()
    {
        foreach (var w in _ws) w.State.SetExogenous(w.Sample.S, w.Sample.Mean);
    }

    /// <summary>The group states at the last evaluated point.</summary>
    public GroupState State(int group) => _ws[group].State;

    /// <summary>θ at the last evaluated point (read by bootstrap draws and Monte Carlo replications).</summary>
    public ReadOnlySpan<double> Theta => _theta;

    /// <summary>Per-group discrepancy at the last evaluated point (before weighting).</summary>
    public double GroupValue(int group) => _ws[group].F;

    /// <summary>
    /// F at ζ, and its gradient when <paramref name="gradient"/> is not empty. Returns +∞ when the point is
    /// inadmissible (Σ not positive definite under ML, or I − B singular).
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> zeta, Span<double> gradient)
    {
        _model.Constraints.ToTheta(zeta, _theta);
        bool wantGrad = !gradient.IsEmpty;
        if (wantGrad) Array.Clear(_gradTheta);
        double f = 0;
        for (int g = 0; g < _ws.Length; g++)
        {
            var w = _ws[g];
            if (!w.State.Update(_theta)) return double.PositiveInfinity;
            double fg = Estimator switch
            {
                Estimator.ML => w.EvaluateML(wantGrad),
                Estimator.GLS => w.EvaluateGLS(wantGrad),
                _ => w.EvaluateULS(wantGrad),
            };
            if (!double.IsFinite(fg)) return double.PositiveInfinity;
            w.F = fg;
            f += w.Sample.Weight * fg;
            if (wantGrad) w.AccumulateGradient(_gradTheta, w.Sample.Weight);
        }
        if (wantGrad) _model.Constraints.GradientToZeta(_gradTheta, gradient);
        return f;
    }

    /// <summary>Per-group buffers and the discrepancy functions.</summary>
    private sealed class Workspace
    {
        public Workspace(GroupModel model, EstimationSample.Moments sample)
        {
            State = new GroupState(model);
            Sample = sample;
            int p = model.P, m2 = 2 * model.M;
            InvertWork = new double[2 * p * p];
            W = new double[p * p];
            G = new double[p * p];
            Tmp = new double[p * p];
            Tmp2 = new double[p * p];
            D = new double[p];
            GMu = new double[p];
            MG = new double[p * m2];
            Q = new double[m2 * m2];
            Gram = new double[(p + m2) * (p + m2)];
            LtG = new double[m2];
        }

        public GroupState State { get; }
        public EstimationSample.Moments Sample { get; }
        public double F;

        /// <summary>Scratch for <see cref="Dense.InvertSpd"/> (2·p·p).</summary>
        public readonly double[] InvertWork;
        /// <summary>Σ⁻¹ (ML), set by <see cref="EvaluateML"/>.</summary>
        public readonly double[] W;
        /// <summary>∂F/∂Σ (symmetric).</summary>
        public readonly double[] G;
        public readonly double[] Tmp;
        public readonly double[] Tmp2;
        /// <summary>x̄ − μ.</summary>
        public readonly double[] D;
        /// <summary>∂F/∂μ.</summary>
        public readonly double[] GMu;
        /// <summary>M·[L1|L2] for the current bilinear weight M.</summary>
        public readonly double[] MG;
        /// <summary>[L1|L2]ᵀ·M·[L1|L2].</summary>
        public readonly double[] Q;
        /// <summary>[L1|L2]ᵀ g_μ.</summary>
        public readonly double[] LtG;
        /// <summary>All bilinear forms v_aᵀ M v_b as one (p+2m)² matrix, for the information's pair loop.</summary>
        public readonly double[] Gram;

        /// <summary>Fills <see cref="Gram"/> from M and the blocks of <see cref="Bilinear"/>.</summary>
        public void FillGram(ReadOnlySpan<double> m)
        {
            int p = P, m2 = 2 * State.Model.M, v = p + m2;
            for (int a = 0; a < p; a++)
            {
                m.Slice(a * p, p).CopyTo(Gram.AsSpan(a * v, p));
                Array.Copy(MG, a * m2, Gram, a * v + p, m2);
            }
            for (int b = 0; b < m2; b++)
            {
                for (int a = 0; a < p; a++) Gram[(p + b) * v + a] = MG[a * m2 + b];
                Array.Copy(Q, b * m2, Gram, (p + b) * v + p, m2);
            }
        }

        private int P => Sample.P;

        private void MeanResidual()
        {
            if (!State.Model.MeanStructure)
            {
                Array.Clear(D);
                return;
            }
            for (int i = 0; i < P; i++) D[i] = Sample.Mean[i] - State.Mu[i];
        }

        public double EvaluateML(bool gradient)
        {
            int p = P;
            var sigma = State.Sigma;
            if (!Dense.InvertSpd(sigma, W, InvertWork, p, out double logDet)) return double.PositiveInfinity;
            double trSW = Dense.Dot(Sample.S, W);
            MeanResidual();
            double quad = 0;
            if (State.Model.MeanStructure)
            {
                for (int i = 0; i < p; i++) quad += D[i] * Dense.Dot(new ReadOnlySpan<double>(W, i * p, p), D);
            }
            double f = 0.5 * (logDet + trSW - Sample.LogDetS - p + quad);
            if (gradient)
            {
                // G = ½ W (Σ − S − ddᵀ) W ; g_μ = −W d
                for (int i = 0; i < p; i++)
                    for (int j = 0; j < p; j++)
                        Tmp2[i * p + j] = sigma[i * p + j] - Sample.S[i * p + j] - D[i] * D[j];
                Dense.Multiply(W, Tmp2, Tmp, p, p, p);
                Dense.MultiplySymmetricResult(Tmp, W, G, p);
                for (int i = 0; i < p * p; i++) G[i] *= 0.5;
                for (int i = 0; i < p; i++) GMu[i] = -Dense.Dot(new ReadOnlySpan<double>(W, i * p, p), D);
            }
            return f;
        }

        public double EvaluateGLS(bool gradient)
        {
            int p = P;
            // E = S − Σ ; Y = S⁻¹E
            for (int i = 0; i < p * p; i++) Tmp2[i] = Sample.S[i] - State.Sigma[i];
            Dense.Multiply(Sample.SInverse, Tmp2, Tmp, p, p, p);
            double trYY = 0;
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) trYY += Tmp[i * p + j] * Tmp[j * p + i];
            MeanResidual();
            double quad = 0;
            if (State.Model.MeanStructure)
                for (int i = 0; i < p; i++) quad += D[i] * Dense.Dot(new ReadOnlySpan<double>(Sample.SInverse, i * p, p), D);
            double f = 0.25 * trYY + 0.5 * quad;
            if (gradient)
            {
                // G = −½ S⁻¹ E S⁻¹ ; g_μ = −S⁻¹ d
                Dense.MultiplySymmetricResult(Tmp, Sample.SInverse, G, p);
                for (int i = 0; i < p * p; i++) G[i] *= -0.5;
                for (int i = 0; i < p; i++) GMu[i] = -Dense.Dot(new ReadOnlySpan<double>(Sample.SInverse, i * p, p), D);
            }
            return f;
        }

        public double EvaluateULS(bool gradient)
        {
            int p = P;
            double f = 0;
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    double e = Sample.S[i * p + j] - State.Sigma[i * p + j];
                    f += 0.5 * e * e;
                    if (gradient)
                    {
                        double gij = i == j ? -e : -0.5 * e; // −½(E + diag E)
                        G[i * p + j] = gij;
                        G[j * p + i] = gij;
                    }
                }
            }
            MeanResidual();
            if (State.Model.MeanStructure)
            {
                for (int i = 0; i < p; i++)
                {
                    f += 0.5 * D[i] * D[i];
                    if (gradient) GMu[i] = -D[i];
                }
            }
            return f;
        }

        /// <summary>MG = M·L12 and Q = L12ᵀ·M·L12 for a symmetric p×p weight M.</summary>
        public void Bilinear(ReadOnlySpan<double> m)
        {
            int p = P, m2 = 2 * State.Model.M;
            if (m2 == 0) return;
            Dense.Multiply(m, State.L12, MG, p, p, m2);
            Dense.MultiplyTransposeA(State.L12, MG, Q, p, m2, m2);
        }

        /// <summary>v_aᵀ M v_b from the blocks computed by <see cref="Bilinear"/> (M itself for unit vectors).</summary>
        public double Form(ReadOnlySpan<double> m, int a, int b)
        {
            int p = P, m2 = 2 * State.Model.M;
            if (a < p)
                return b < p ? m[a * p + b] : MG[a * m2 + (b - p)];
            return b < p ? MG[b * m2 + (a - p)] : Q[(a - p) * m2 + (b - p)];
        }

        public void AccumulateGradient(Span<double> gradTheta, double weight)
        {
            Bilinear(G);
            foreach (var t in State.Model.SigmaTerms)
                gradTheta[t.Param] += weight * 2 * t.Coef * Form(G, t.A, t.B);
            if (State.Model.MeanStructure)
            {
                int p = P, m2 = 2 * State.Model.M;
                if (m2 > 0) Dense.MultiplyTransposeA(State.L12, GMu, LtG, p, m2, 1);
                foreach (var t in State.Model.MeanTerms)
                {
                    double va = t.A < p ? GMu[t.A] : LtG[t.A - p];
                    double k = t.K < 0 ? 1 : State.Kappa[t.K];
                    gradTheta[t.Param] += weight * t.Coef * k * va;
                }
            }
        }
    }
}
