using SemLib.LinearAlgebra;
using SemLib.Model;

namespace SemLib.Estimation;

/// <summary>
/// The fit function F(ζ) = Σ_g (N_g/N)·F_g with its analytic gradient, on preallocated buffers: an evaluation
/// allocates nothing. Each group's F_g is the estimator's <see cref="Discrepancy"/> (lavaan's fmin scale, so
/// χ² = 2·n·F), which gives G = ∂F/∂Σ and g_μ = ∂F/∂μ; the chain rule to the parameters uses the rank-2 terms of
/// <see cref="GroupModel"/>, so the gradient costs a few matrix products. One instance per thread.
/// </summary>
internal sealed partial class Objective
{
    private readonly LisrelModel _model;
    private readonly EstimationSample _sample;
    private readonly LossWorkspace[] _ws;
    private readonly Discrepancy _loss;
    private readonly double[] _theta;
    private readonly double[] _gradTheta;

    public Objective(LisrelModel model, EstimationSample sample)
    {
        _model = model;
        _sample = sample;
        Estimator = sample.Estimator;
        _loss = sample.Loss;
        _ws = model.Groups.Select((g, i) => new LossWorkspace(g, sample.Groups[i], model.ThetaCount)).ToArray();
        _theta = new double[model.ThetaCount];
        _gradTheta = new double[model.ThetaCount];
        _infoTheta = new double[model.ThetaCount * model.ThetaCount];
        _diagDerivs = sample.Loss.VechDiagonal ? new double[model.ThetaCount * model.Groups.Max(g => g.P)] : [];
        _hessianPoint = new double[model.ZetaCount];
        _hessianPlus = new double[model.ZetaCount];
        _hessianMinus = new double[model.ZetaCount];
        // Buffers of the analytic FIML observed information (FullInformationHessian), only for FIML samples.
        int fimlTheta = sample.FullInformation ? model.ThetaCount : 0;
        _thetaPoint = fimlTheta == 0 ? [] : new double[fimlTheta];
        _gradPlus = fimlTheta == 0 ? [] : new double[fimlTheta];
        _gradMinus = fimlTheta == 0 ? [] : new double[fimlTheta];
    }

    private readonly double[] _thetaPoint, _gradPlus, _gradMinus;

    public Estimator Estimator { get; }
    public LisrelModel Model => _model;
    public EstimationSample Sample => _sample;
    public int Dimension => _model.ZetaCount;

    /// <summary>After the sample's moments were replaced: refreshes the cells that copy exogenous moments.</summary>
    public void RefreshExogenous()
    {
        foreach (var w in _ws) w.State.SetExogenous(w.Sample.S, w.Sample.Mean);
    }

    /// <summary>After a FIML group's patterns were replaced (<see cref="EstimationSample.Moments.SetFullInformation"/>): resizes its buffers.</summary>
    public void RefreshPatterns(int group) => _ws[group].PreparePatterns();

    /// <summary>A group's workspace at the last evaluated point (categorical inference reads its Δ).</summary>
    public LossWorkspace Workspace(int group) => _ws[group];

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
            double fg = _loss.Evaluate(w, wantGrad);
            if (!double.IsFinite(fg)) return double.PositiveInfinity;
            w.F = fg;
            f += w.Sample.Weight * fg;
            if (wantGrad) w.AccumulateGradient(_gradTheta, w.Sample.Weight);
        }
        if (wantGrad) _model.Constraints.GradientToZeta(_gradTheta, gradient);
        return f;
    }
}
