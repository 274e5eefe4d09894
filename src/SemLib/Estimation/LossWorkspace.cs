using SemLib.LinearAlgebra;
using SemLib.Model;

namespace SemLib.Estimation;

/// <summary>
/// One group's state and buffers for evaluating a <see cref="Discrepancy"/>: the implied moments (through
/// <see cref="GroupState"/>), the sample moments, ∂F/∂Σ (<see cref="G"/>) and ∂F/∂μ (<see cref="GMu"/>), and the
/// blocks the chain rule to the parameters and the information need. Allocated once; evaluation allocates nothing.
/// </summary>
internal sealed class LossWorkspace
{
    public LossWorkspace(GroupModel model, EstimationSample.Moments sample, int thetaCount)
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
        GTau = new double[model.TauCount];
        GDelta = new double[p];
        if (sample.Layout is { } layout)
        {
            ThetaCount = thetaCount;
            Jacobian = new double[layout.Count * thetaCount];
            JacobianNonZero = new int[thetaCount];
            if (layout.FullWeight is not null) WeightedColumn = new double[layout.Count];
            JacobianMu = new double[p];
            JacobianA = new double[p];
            JacobianB = new double[p];
            _sigmaTermsOf = new SigmaTerm[thetaCount][];
            _meanTermsOf = new MeanTerm[thetaCount][];
            _ordinalCellOf = new (int, int)[thetaCount];
            for (int t = 0; t < thetaCount; t++)
            {
                _sigmaTermsOf[t] = model.SigmaTerms.Where(x => x.Param == t).ToArray();
                _meanTermsOf[t] = model.MeanTerms.Where(x => x.Param == t).ToArray();
                _ordinalCellOf[t] = (-1, -1);
            }
            foreach (var (cell, param) in model.FreeCells)
            {
                if (cell.Matrix == ModelMatrix.Tau) _ordinalCellOf[param] = (cell.Row, -1);
                else if (cell.Matrix == ModelMatrix.Delta) _ordinalCellOf[param] = (-1, cell.Row);
            }
            Residual = new double[layout.Count];
            WeightedResidual = new double[layout.Count];
            Implied = new double[layout.Count];
            Scale = new double[p];
            GScale = new double[p];
        }
        if (sample.Patterns is not null)
        {
            GramW = new double[(p + m2) * (p + m2)];
            PatternU = new double[p + m2];
            SavedG = new double[p * p];
            SavedGMu = new double[p];
            PreparePatterns();
        }
    }

    /// <summary>(Re)sizes the per-pattern buffers for the sample's current patterns (after a bootstrap draw replaced them).</summary>
    public void PreparePatterns()
    {
        var pats = Sample.Patterns!;
        int q = pats.MaxObserved, count = pats.PatternCount;
        PatternOffset = new int[count];
        PatternVectorOffset = new int[count];
        int size = 0, vsize = 0;
        for (int k = 0; k < count; k++)
        {
            int qk = pats.Patterns[k].ObservedIndices.Length;
            PatternOffset[k] = size;
            PatternVectorOffset[k] = vsize;
            size += qk * qk;
            vsize += qk;
        }
        PatternInverse = new double[size];
        PatternWd = new double[vsize];
        if (PatternFactor.Length < q * q)
        {
            PatternFactor = new double[q * q];
            PatternWork = new double[q * q];
            PatternProduct = new double[q * q];
            PatternDeviation = new double[q];
        }
    }

    // Full-information ML (only with sample.Patterns): per pattern k, W_k = Σ_oo⁻¹ (q_k×q_k, at PatternOffset[k])
    // and W_k d_k (q_k values at PatternVectorOffset[k]) at the last evaluation, and scratch of the largest q.
    public int[] PatternOffset { get; private set; } = [];
    public int[] PatternVectorOffset { get; private set; } = [];
    public double[] PatternInverse { get; private set; } = [];
    public double[] PatternWd { get; private set; } = [];
    public double[] PatternFactor { get; private set; } = [];
    public double[] PatternWork { get; private set; } = [];
    public double[] PatternProduct { get; private set; } = [];
    public double[] PatternDeviation { get; private set; } = [];
    /// <summary>FIML observed information: the Gram matrix of W_k (the Gram of W_k C_k W_k goes in <see cref="Gram"/>).</summary>
    public readonly double[] GramW = [];
    /// <summary>FIML observed information: [I | L1 | L2]ᵀ W_k d_k.</summary>
    public readonly double[] PatternU = [];
    /// <summary>FIML observed information: ∂F/∂Σ and ∂F/∂μ at the point, kept while the state moves.</summary>
    public readonly double[] SavedG = [];
    public readonly double[] SavedGMu = [];

    // Ordered items (only with sample.Layout): s − σ, W(s − σ), σ, the scale factors D and ∂F/∂D at the last evaluation.
    public readonly double[] Residual = [];
    public readonly double[] WeightedResidual = [];
    public readonly double[] Implied = [];
    public readonly double[] Scale = [];
    public readonly double[] GScale = [];
    /// <summary>Ordered items: Δ = ∂σ/∂θ (m×q, <see cref="CategoricalDiscrepancy.Jacobian"/>) and its scratch.</summary>
    public readonly double[] Jacobian = [];
    /// <summary>Scratch of the full-weight (WLS) information: one column of WΔ.</summary>
    public readonly double[] WeightedColumn = [];
    /// <summary>Scratch: the columns of one row of <see cref="Jacobian"/> that are not zero.</summary>
    public readonly int[] JacobianNonZero = [];
    public readonly double[] JacobianMu = [];
    public readonly double[] JacobianA = [];
    public readonly double[] JacobianB = [];
    public readonly int ThetaCount;
    private readonly SigmaTerm[][] _sigmaTermsOf = [];
    private readonly MeanTerm[][] _meanTermsOf = [];
    private readonly (int TauSlot, int DeltaIndex)[] _ordinalCellOf = [];

    /// <summary>The terms of ∂Σ/∂θ_t.</summary>
    public ReadOnlySpan<SigmaTerm> SigmaTermsOf(int t) => _sigmaTermsOf[t];

    /// <summary>The terms of ∂μ/∂θ_t.</summary>
    public ReadOnlySpan<MeanTerm> MeanTermsOf(int t) => _meanTermsOf[t];

    /// <summary>The threshold slot or scale-factor index θ_t sets in this group (−1 when none).</summary>
    public (int TauSlot, int DeltaIndex) OrdinalCellOf(int t) => _ordinalCellOf[t];

    /// <summary>∂F/∂τ (thresholds) and ∂F/∂Δ (scale factors); zero for estimators without them.</summary>
    public readonly double[] GTau;
    public readonly double[] GDelta;

    public GroupState State { get; }
    public EstimationSample.Moments Sample { get; }
    public double F;

    /// <summary>Scratch for <see cref="Dense.InvertSpd"/> (2·p·p).</summary>
    public readonly double[] InvertWork;
    /// <summary>Σ⁻¹, set by the ML discrepancy.</summary>
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

    public int P => Sample.P;

    /// <summary>D = x̄ − μ (zero without a mean structure).</summary>
    public void MeanResidual()
    {
        if (!State.Model.MeanStructure)
        {
            Array.Clear(D);
            return;
        }
        for (int i = 0; i < P; i++) D[i] = Sample.Mean[i] - State.Mu[i];
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
        if (State.Model.IsCategorical)
        {
            foreach (var (cell, param) in State.Model.FreeCells)
            {
                if (cell.Matrix == ModelMatrix.Tau) gradTheta[param] += weight * GTau[cell.Row];
                else if (cell.Matrix == ModelMatrix.Delta) gradTheta[param] += weight * GDelta[cell.Row];
            }
        }
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
