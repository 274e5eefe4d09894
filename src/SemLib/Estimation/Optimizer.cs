using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

/// <summary>What the optimizer reached.</summary>
internal sealed record OptimizerResult(double[] X, double F, int Iterations, bool Converged, string Message)
{
    /// <summary>Start values tried before this result was chosen.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// For a result that did not converge: the lowest F at which another attempt did converge (higher than this
    /// result's F), NaN when none did.
    /// </summary>
    public double HigherConvergedF { get; init; } = double.NaN;

    /// <summary>The attempt stopped because an estimate passed the divergence bound: it ran off toward infinity.</summary>
    public bool Diverged { get; init; }

    /// <summary>
    /// The fit function stopped decreasing (χ² changed by less than 1e-4 over 200 iterations) while the gradient did
    /// not vanish: F has converged to the infimum of a flat ridge, the estimates have not (empirical
    /// under-identification). Not <see cref="Converged"/>.
    /// </summary>
    public bool Stalled { get; init; }

    /// <summary>For a stalled result: the indices in ζ of the parameters drifting along the ridge, largest move first.</summary>
    public int[] Drifting { get; init; } = [];

    /// <summary>
    /// For a converged result: the lowest F of an attempt whose estimates ran off to infinity with a fit function
    /// below this result's (the likelihood keeps rising along a ray: empirical under-identification); NaN otherwise.
    /// </summary>
    public double LowerDivergedF { get; init; } = double.NaN;
}

/// <summary>
/// Minimises the fit function. Fisher scoring (Newton steps with the expected information in place of the
/// Hessian, Jennrich &amp; Sampson 1976; Lee &amp; Jennrich 1979) converges in few iterations from reasonable starts
/// because the information is the Hessian at a perfect fit. When the fit is poor enough for scoring to slow
/// down, damped Newton steps with a Hessian from finite differences of the analytic gradient take over, and
/// BFGS (inverse Hessian seeded from the inverse information; Nocedal &amp; Wright 2006, ch. 6) is the last resort. Both use a backtracking Armijo line search that also rejects inadmissible points (F = +∞).
/// Convergence: the Newton decrement gᵀH⁻¹g (≈ 2·(F − F*)) below <see cref="DecrementTolerance"/>/N.
/// Hand-written rather than MathNet's BfgsMinimizer because that allocates vectors on every evaluation and
/// cannot use the analytic information matrix.
/// </summary>
internal sealed class Optimizer
{
    /// <summary>
    /// The Newton decrement gᵀH⁻¹g at which the fit counts as converged, times the sample size: the remaining error
    /// of any estimate is then below √(1e-10) ≈ 1e-5 of its standard error (for F per observation, the decrement
    /// times N is the squared distance to the optimum in standard-error units).
    /// </summary>
    public const double DecrementTolerance = 1e-10;

    /// <summary>
    /// Below this decrement BFGS seeded with the information takes over (from Fisher scoring or from Newton steps);
    /// above it BFGS's local model is not trusted.
    /// </summary>
    private const double BfgsThreshold = 1e-3;
    private const double Armijo = 1e-4;

    private readonly Objective _obj;
    private readonly double _tolerance;
    private readonly int _n;
    private readonly double _stallTolerance;
    private readonly double[] _g, _d, _xn, _gn, _h, _chol, _hinv, _gOld, _xOld, _start, _bound, _scale, _windowX;

    public Optimizer(Objective objective)
    {
        _obj = objective;
        _tolerance = DecrementTolerance / Math.Max(1, objective.Sample.TotalN);
        _n = objective.Dimension;
        // χ² = 2·N·F (near enough for every estimator): a change below 1e-4 in χ² over a window of 200 iterations.
        _stallTolerance = 5e-5 / Math.Max(1, objective.Sample.TotalN);
        _g = new double[_n];
        _d = new double[_n];
        _xn = new double[_n];
        _gn = new double[_n];
        _h = new double[_n * _n];
        _chol = new double[_n * _n];
        _hinv = new double[_n * _n];
        _gOld = new double[_n];
        _xOld = new double[_n];
        _start = new double[_n];
        _bound = new double[_n];
        _scale = new double[_n];
        Array.Fill(_scale, 1.0);
        _windowX = new double[_n];
    }

    /// <summary>
    /// How far, in standard errors of a single observation (1/√I_kk of the expected information per observation at
    /// the start), an estimate may move from its start before the attempt counts as running off to infinity.
    /// Measured in each parameter's own units, so the verdict does not change when a variable is rescaled. It is
    /// generous on purpose: along a ridge to infinity the fit function converges (it is bounded below), and the stall
    /// test (<see cref="OptimizerResult.Stalled"/>) then reports the limit's χ² as a singular stop, as lavaan reports
    /// such a stop as converged; this bound only guards against overflow.
    /// </summary>
    public const double DivergenceDistance = 1e6;

    /// <summary>The objective minimised.</summary>
    public Objective Objective => _obj;

    /// <summary>Whether some estimate in x has moved beyond <see cref="DivergenceDistance"/> from the last start.</summary>
    public bool Diverged(double[] x)
    {
        for (int k = 0; k < _n; k++)
            if (!(Math.Abs(x[k] - _start[k]) <= _bound[k])) return true;
        return false;
    }

    private OptimizerResult DivergedResult(double[] x, double f, int iter)
    {
        int worst = 0;
        for (int k = 1; k < _n; k++)
            if (Math.Abs(x[k] - _start[k]) / _bound[k] > Math.Abs(x[worst] - _start[worst]) / _bound[worst]) worst = k;
        return new(x, f, iter, false, string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "the estimates diverge (a parameter moved to {0:G3}, {1:G0} single-observation standard errors from its start)", x[worst], DivergenceDistance)) { Diverged = true };
    }

    /// <summary>
    /// The parameters that moved most over the last window of iterations, in single-observation standard errors
    /// (at most four, each at least a fifth of the largest move): the direction of the ridge a stalled search follows.
    /// </summary>
    private int[] DriftingParameters(double[] x)
    {
        var moves = new List<(int K, double Move)>();
        for (int k = 0; k < _n; k++)
        {
            double unit = _bound[k] / DivergenceDistance;
            double move = double.IsFinite(unit) && unit > 0 ? Math.Abs(x[k] - _windowX[k]) / unit : 0;
            moves.Add((k, move));
        }
        double largest = moves.Max(m => m.Move);
        return largest > 0
            ? moves.Where(m => m.Move >= 0.2 * largest).OrderByDescending(m => m.Move).Take(4).Select(m => m.K).ToArray()
            : [];
    }

    /// <summary>Records the start and each parameter's divergence distance from the information there (_h is overwritten).</summary>
    private void SetBounds(double[] x)
    {
        Array.Copy(x, _start, _n);
        _obj.Information(_h);
        for (int k = 0; k < _n; k++)
        {
            double ikk = _h[k * _n + k];
            _bound[k] = ikk > 0 && double.IsFinite(ikk) ? DivergenceDistance / Math.Sqrt(ikk) : double.PositiveInfinity;
        }
    }

    public OptimizerResult Minimize(double[] start, int maxIterations)
    {
        int n = _n;
        var x = (double[])start.Clone();
        double f = _obj.Evaluate(x, _g);
        if (!double.IsFinite(f))
            return new OptimizerResult(x, f, 0, false, "the start values give an inadmissible model (implied covariance matrix not positive definite)");
        if (n == 0) return new OptimizerResult(x, f, 0, true, "no free parameters");
        SetBounds(x);

        int iter = 0;
        double lastDec = double.PositiveInfinity;
        int slow = 0;
        double dec = double.PositiveInfinity;
        bool factored = false;
        while (iter < maxIterations)
        {
            iter++;
            if (iter > 1) _obj.Information(_h); // at the start, SetBounds has just computed it
            double step = NewtonStep(_h);
            if (!(step >= 0)) break;
            dec = step;
            if (dec < _tolerance) return new OptimizerResult(x, f, iter, true, "converged");
            // Near the optimum, BFGS seeded with this information converges superlinearly where scoring is linear.
            if (dec < BfgsThreshold)
            {
                factored = true;
                break;
            }
            if (!LineSearch(x, ref f, _d)) break;
            if (Diverged(x)) return DivergedResult(x, f, iter);
            slow = dec > 0.3 * lastDec ? slow + 1 : 0;
            lastDec = dec;
            if (slow >= 4 && iter >= 8) break; // scoring is crawling: the observed Hessian differs from the information
        }
        if (iter >= maxIterations)
            return new OptimizerResult(x, f, iter, false, $"the maximum of {maxIterations} iterations was reached");

        // Far from the optimum (a large decrement), take damped Newton steps with a finite-difference Hessian
        // until the decrement is small; near it, BFGS seeded from the information converges superlinearly.
        int newtonStart = iter;
        while (!factored && dec > BfgsThreshold && iter < maxIterations && iter - newtonStart < 200)
        {
            iter++;
            _obj.Hessian(x, _h);
            double step = NewtonStep(_h);
            if (!(step >= 0)) break;
            dec = step;
            if (dec < _tolerance) return new OptimizerResult(x, f, iter, true, "converged");
            if (!LineSearch(x, ref f, _d)) break;
            if (Diverged(x)) return DivergedResult(x, f, iter);
        }

        // BFGS from the current point, inverse Hessian seeded from the (ridged) inverse information. The objective
        // is evaluated at x and _g holds its gradient there; when scoring handed over, _chol already holds the factor
        // of the information at x.
        if (!factored)
        {
            _obj.Information(_h);
            factored = Factorize(_h);
        }
        if (factored) InverseFromFactor();
        else ResetInverse();
        int stall = 0;
        int windowStart = iter;
        double windowF = f;
        Array.Copy(x, _windowX, n);
        while (iter < maxIterations)
        {
            iter++;
            for (int i = 0; i < n; i++) _d[i] = -Dense.Dot(new ReadOnlySpan<double>(_hinv, i * n, n), _g);
            dec = -Dense.Dot(_g, _d);
            if (!(dec > 0))
            {
                ResetInverse();
                for (int i = 0; i < n; i++) _d[i] = -_g[i];
                dec = Dense.Dot(_g, _g);
            }
            if (dec < _tolerance) return new OptimizerResult(x, f, iter, true, "converged");
            Array.Copy(_g, _gOld, n);
            Array.Copy(x, _xOld, n);
            double fOld = f;
            if (!LineSearch(x, ref f, _d))
            {
                if (++stall > 2) return new OptimizerResult(x, f, iter, dec < 1e-9, dec < 1e-9 ? "converged (line search at machine precision)" : "the line search could not improve the fit");
                ResetInverse();
                continue;
            }
            stall = 0;
            if (Diverged(x)) return DivergedResult(x, f, iter);
            // An asymptote: hundreds of steps that lower F by almost nothing while the gradient does not vanish.
            if (iter - windowStart >= 200)
            {
                if (windowF - f <= Math.Max(1e-10 * Math.Max(1, Math.Abs(f)), _stallTolerance))
                    return new OptimizerResult(x, f, iter, false, "the fit function stopped decreasing before the gradient vanished (the estimates drift along a flat ridge or toward a boundary)")
                    {
                        Stalled = true,
                        Drifting = DriftingParameters(x),
                    };
                windowStart = iter;
                windowF = f;
                Array.Copy(x, _windowX, n);
            }
            // s = x − xOld, y = g − gOld
            for (int i = 0; i < n; i++)
            {
                _xn[i] = x[i] - _xOld[i];
                _gn[i] = _g[i] - _gOld[i];
            }
            UpdateInverse(_xn, _gn);
            if (Math.Abs(fOld - f) <= 1e-16 * Math.Max(1, Math.Abs(f)) && dec < 1e-10)
                return new OptimizerResult(x, f, iter, true, "converged (no further change in the fit function)");
        }
        return new OptimizerResult(x, f, iter, false, $"the maximum of {maxIterations} iterations was reached");
    }

    /// <summary>
    /// Cholesky factor of the diagonally scaled matrix D·H·D (D = diag(1/√|h_ii|), unit diagonal) into _chol, adding a
    /// growing ridge while it is not positive definite. Working in this correlation form makes the steps, the ridge
    /// and the inverse the same whatever units the parameters are in: a variable measured in thousandths gives
    /// loadings near 10³ and a factor variance near 10⁻⁶, whose information differs by 10¹⁸, which a plain Cholesky
    /// (or a ridge relative to the largest diagonal) cannot handle.
    /// </summary>
    private bool Factorize(double[] h)
    {
        int n = _n;
        for (int i = 0; i < n; i++)
        {
            double d = Math.Abs(h[i * n + i]);
            _scale[i] = d > 0 && double.IsFinite(d) ? 1 / Math.Sqrt(d) : 1;
        }
        double ridge = 0;
        for (int attempt = 0; attempt < 12; attempt++)
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) _chol[i * n + j] = h[i * n + j] * _scale[i] * _scale[j];
            for (int i = 0; i < n; i++) _chol[i * n + i] += ridge;
            if (Dense.Cholesky(_chol, n)) return true;
            ridge = ridge == 0 ? 1e-10 : ridge * 100;
        }
        return false;
    }

    /// <summary>H⁻¹ into _hinv from the factor of D·H·D: H⁻¹ = D·(DHD)⁻¹·D (_h is used as work space).</summary>
    private void InverseFromFactor()
    {
        int n = _n;
        Dense.InverseFromCholesky(_chol, _hinv, _h, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) _hinv[i * n + j] *= _scale[i] * _scale[j];
    }

    /// <summary>The Newton step _d = −H⁻¹g through the (ridged) factor of D·H·D; returns the decrement gᵀH⁻¹g, NaN without a factor.</summary>
    private double NewtonStep(double[] h)
    {
        if (!Factorize(h)) return double.NaN;
        for (int i = 0; i < _n; i++) _d[i] = -_g[i] * _scale[i];
        Dense.CholeskySolve(_chol, _d, _n);
        for (int i = 0; i < _n; i++) _d[i] *= _scale[i];
        return -Dense.Dot(_g, _d);
    }

    /// <summary>Backtracking (halving) line search with the Armijo condition; x, f and the gradient are updated in place.</summary>
    private bool LineSearch(double[] x, ref double f, double[] d)
    {
        int n = _n;
        double slope = Dense.Dot(_g, d);
        double t = 1;
        for (int k = 0; k < 40; k++)
        {
            for (int i = 0; i < n; i++) _xn[i] = x[i] + t * d[i];
            double fn = _obj.Evaluate(_xn, _gn);
            if (double.IsFinite(fn) && fn <= f + Armijo * t * slope)
            {
                Array.Copy(_xn, x, n);
                Array.Copy(_gn, _g, n);
                f = fn;
                return true;
            }
            t *= 0.5;
        }
        // Leave the objective's state at x for the caller (the gradient there is still in _g).
        _obj.Evaluate(x, []);
        return false;
    }

    /// <summary>Restarts BFGS from the inverse of the last information matrix's diagonal (steepest descent in its metric).</summary>
    private void ResetInverse()
    {
        int n = _n;
        Array.Clear(_hinv);
        for (int i = 0; i < n; i++) _hinv[i * n + i] = _scale[i] * _scale[i];
    }

    /// <summary>BFGS update of the inverse Hessian: H⁺ = (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, skipped when sᵀy ≤ 0.</summary>
    private void UpdateInverse(double[] s, double[] y)
    {
        int n = _n;
        double sy = Dense.Dot(s, y);
        if (!(sy > 1e-300)) return;
        double rho = 1 / sy;
        // hy = H y
        var hy = _d;
        for (int i = 0; i < n; i++) hy[i] = Dense.Dot(new ReadOnlySpan<double>(_hinv, i * n, n), y);
        double yhy = Dense.Dot(y, hy);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                _hinv[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }
}
