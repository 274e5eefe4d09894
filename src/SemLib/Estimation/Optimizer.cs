using SemLib.LinearAlgebra;

namespace SemLib.Estimation;

/// <summary>What the optimizer reached.</summary>
internal sealed record OptimizerResult(double[] X, double F, int Iterations, int Evaluations, bool Converged, string Message, double Decrement)
{
    /// <summary>Start values tried before this result was chosen.</summary>
    public int Attempts { get; init; } = 1;
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

    /// <summary>Below this decrement Fisher scoring hands over to BFGS seeded with the information.</summary>
    private const double BfgsThreshold = 1e-3;

    /// <summary>Above this Newton decrement BFGS's local model is not trusted and Newton steps are taken instead.</summary>
    private const double NewtonThreshold = 1e-3;
    private const double Armijo = 1e-4;

    private readonly Objective _obj;
    private readonly double _tolerance;
    private readonly int _n;
    private readonly double[] _g, _d, _xn, _gn, _h, _chol, _hinv, _tmp, _xo;

    public Optimizer(Objective objective)
    {
        _obj = objective;
        _tolerance = DecrementTolerance / Math.Max(1, objective.Sample.TotalN);
        _n = objective.Dimension;
        _g = new double[_n];
        _d = new double[_n];
        _xn = new double[_n];
        _gn = new double[_n];
        _h = new double[_n * _n];
        _chol = new double[_n * _n];
        _hinv = new double[_n * _n];
        _tmp = new double[_n];
        _xo = new double[_n];
    }

    public int Evaluations { get; private set; }

    /// <summary>
    /// A parameter larger than this in absolute value means the estimates are running off to infinity: the attempt
    /// stops as not converged (an asymptote can look flat enough to pass the convergence test).
    /// </summary>
    public double DivergenceBound { get; set; } = double.PositiveInfinity;

    private bool Diverged(double[] x)
    {
        foreach (var v in x)
            if (!(Math.Abs(v) <= DivergenceBound)) return true;
        return false;
    }

    private OptimizerResult DivergedResult(double[] x, double f, int iter, double dec) =>
        new(x, f, iter, Evaluations, false, $"the estimates diverge (a parameter passed {DivergenceBound:G3}, far beyond the scale of the data)", dec);

    public OptimizerResult Minimize(double[] start, int maxIterations)
    {
        int n = _n;
        var x = (double[])start.Clone();
        Evaluations = 0;
        double f = Eval(x, _g);
        if (!double.IsFinite(f))
            return new OptimizerResult(x, f, 0, Evaluations, false, "the start values give an inadmissible model (implied covariance matrix not positive definite)", double.NaN);
        if (n == 0) return new OptimizerResult(x, f, 0, Evaluations, true, "no free parameters", 0);

        int iter = 0;
        double lastDec = double.PositiveInfinity;
        int slow = 0;
        double dec = double.PositiveInfinity;
        bool informationCurrent = false;
        while (iter < maxIterations)
        {
            iter++;
            _obj.Information(_h);
            if (!Factorize(_h)) break;
            Solve(_g, _d, out dec);
            if (!(dec >= 0)) break;
            if (dec < _tolerance) return new OptimizerResult(x, f, iter, Evaluations, true, "converged", dec);
            // Near the optimum, BFGS seeded with this information converges superlinearly where scoring is linear.
            if (dec < BfgsThreshold)
            {
                informationCurrent = true;
                break;
            }
            if (!LineSearch(x, ref f, _d)) break;
            if (Diverged(x)) return DivergedResult(x, f, iter, dec);
            slow = dec > 0.3 * lastDec ? slow + 1 : 0;
            lastDec = dec;
            if (slow >= 4 && iter >= 8) break; // scoring is crawling: the observed Hessian differs from the information
        }
        if (iter >= maxIterations)
            return new OptimizerResult(x, f, iter, Evaluations, false, $"the maximum of {maxIterations} iterations was reached", dec);

        // Far from the optimum (a large decrement), take damped Newton steps with a finite-difference Hessian
        // until the decrement is small; near it, BFGS seeded from the information converges superlinearly.
        int newtonStart = iter;
        while (!informationCurrent && dec > NewtonThreshold && iter < maxIterations && iter - newtonStart < 200)
        {
            iter++;
            _obj.Hessian(x, _h);
            Evaluations += 2 * n + 1;
            if (!SolveNewton(_h, _g, _d, out dec)) break;
            if (dec < _tolerance) return new OptimizerResult(x, f, iter, Evaluations, true, "converged", dec);
            if (!LineSearch(x, ref f, _d)) break;
            if (Diverged(x)) return DivergedResult(x, f, iter, dec);
        }

        // BFGS from the current point, inverse Hessian seeded from the (ridged) inverse information.
        if (!informationCurrent)
        {
            _obj.Evaluate(x, _g);
            Evaluations++;
            _obj.Information(_h);
        }
        SeedInverse(_h);
        int stall = 0;
        int windowStart = iter;
        double windowF = f;
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
            if (dec < _tolerance) return new OptimizerResult(x, f, iter, Evaluations, true, "converged", dec);
            Array.Copy(_g, _tmp, n);
            var xOld = _xo;
            Array.Copy(x, xOld, n);
            double fOld = f;
            if (!LineSearch(x, ref f, _d))
            {
                if (++stall > 2) return new OptimizerResult(x, f, iter, Evaluations, dec < 1e-9, dec < 1e-9 ? "converged (line search at machine precision)" : "the line search could not improve the fit", dec);
                ResetInverse();
                continue;
            }
            stall = 0;
            if (Diverged(x)) return DivergedResult(x, f, iter, dec);
            // An asymptote: hundreds of steps that lower F by almost nothing while the gradient does not vanish.
            if (iter - windowStart >= 200)
            {
                if (windowF - f <= 1e-10 * Math.Max(1, Math.Abs(f)))
                    return new OptimizerResult(x, f, iter, Evaluations, false, "the fit function stopped decreasing before the gradient vanished (the estimates drift toward a boundary)", dec);
                windowStart = iter;
                windowF = f;
            }
            // s = x − xOld, y = g − gOld
            for (int i = 0; i < n; i++)
            {
                _xn[i] = x[i] - xOld[i];
                _gn[i] = _g[i] - _tmp[i];
            }
            UpdateInverse(_xn, _gn);
            if (Math.Abs(fOld - f) <= 1e-16 * Math.Max(1, Math.Abs(f)) && dec < 1e-10)
                return new OptimizerResult(x, f, iter, Evaluations, true, "converged (no further change in the fit function)", dec);
        }
        return new OptimizerResult(x, f, iter, Evaluations, false, $"the maximum of {maxIterations} iterations was reached", dec);
    }

    private double Eval(double[] x, double[] g)
    {
        Evaluations++;
        return _obj.Evaluate(x, g);
    }

    /// <summary>Cholesky factor of H into the factor buffer, adding a ridge when H is not positive definite.</summary>
    private bool Factorize(double[] h)
    {
        int n = _n;
        double ridge = 0;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) maxDiag = Math.Max(maxDiag, Math.Abs(h[i * n + i]));
        if (maxDiag == 0) maxDiag = 1;
        for (int attempt = 0; attempt < 12; attempt++)
        {
            Array.Copy(h, _chol, n * n);
            for (int i = 0; i < n; i++) _chol[i * n + i] += ridge;
            if (Dense.Cholesky(_chol, n)) return true;
            ridge = ridge == 0 ? 1e-10 * maxDiag : ridge * 100;
        }
        return false;
    }

    /// <summary>d = −H⁻¹g from the factor; the decrement gᵀH⁻¹g.</summary>
    private void Solve(double[] g, double[] d, out double dec)
    {
        for (int i = 0; i < _n; i++) d[i] = -g[i];
        Dense.CholeskySolve(_chol, d, _n);
        dec = -Dense.Dot(g, d);
    }

    /// <summary>Solves H d = −g by Cholesky, adding a ridge when H is not positive definite.</summary>
    private bool SolveNewton(double[] h, double[] g, double[] d, out double dec)
    {
        int n = _n;
        double ridge = 0;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) maxDiag = Math.Max(maxDiag, Math.Abs(h[i * n + i]));
        if (maxDiag == 0) maxDiag = 1;
        for (int attempt = 0; attempt < 12; attempt++)
        {
            Array.Copy(h, _chol, n * n);
            for (int i = 0; i < n; i++) _chol[i * n + i] += ridge;
            if (Dense.Cholesky(_chol, n))
            {
                for (int i = 0; i < n; i++) d[i] = -g[i];
                Dense.CholeskySolve(_chol, d, n);
                dec = -Dense.Dot(g, d);
                if (double.IsFinite(dec) && dec >= 0) return true;
            }
            ridge = ridge == 0 ? 1e-10 * maxDiag : ridge * 100;
        }
        dec = double.NaN;
        return false;
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
            double fn = Eval(_xn, _gn);
            if (double.IsFinite(fn) && fn <= f + Armijo * t * slope)
            {
                Array.Copy(_xn, x, n);
                Array.Copy(_gn, _g, n);
                f = fn;
                return true;
            }
            t *= 0.5;
        }
        // Leave the objective's state at x for the caller.
        Eval(x, _g);
        return false;
    }

    private void SeedInverse(double[] h)
    {
        int n = _n;
        double ridge = 0;
        for (int attempt = 0; attempt < 12; attempt++)
        {
            Array.Copy(h, _chol, n * n);
            for (int i = 0; i < n; i++) _chol[i * n + i] += ridge;
            if (Dense.Cholesky(_chol, n))
            {
                Dense.InverseFromCholesky(_chol, _hinv, _h, n);
                return;
            }
            ridge = ridge == 0 ? 1e-8 : ridge * 100;
        }
        ResetInverse();
    }

    private void ResetInverse()
    {
        int n = _n;
        Array.Clear(_hinv);
        for (int i = 0; i < n; i++) _hinv[i * n + i] = 1;
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
