using System.Globalization;
using SemLib.Estimation;
using SemLib.LinearAlgebra;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Inference;

/// <summary>Turns a fitted model into a <see cref="SemFit"/>: standard errors, estimates, fit measures, status and warnings.</summary>
internal static class FitResultBuilder
{
    public static SemFit Build(FittedModel fitted, IEnumerable<FitWarning> earlierWarnings)
    {
        var warnings = new List<FitWarning>(earlierWarnings);
        warnings.AddRange(fitted.Table.Warnings);
        var opt = fitted.Optimizer;
        bool converged = opt.Converged;
        // A stalled search reached the infimum of F on a flat ridge: χ² and the fit measures exist (they are those of
        // the limit), the estimates do not settle. It is reported, but never as a clean convergence.
        bool stalled = !converged && opt.Stalled;
        if (!converged && !stalled)
        {
            warnings.Add(new(FitWarningKind.NotConverged, $"The optimizer did not converge: {opt.Message} from each of {opt.Attempts} sets of start values ({opt.Iterations} iterations in all); the estimates are the best last iterate and should not be interpreted."));
            if (double.IsFinite(opt.HigherConvergedF))
                warnings.Add(new(FitWarningKind.LocalOptimum, string.Format(CultureInfo.InvariantCulture,
                    "Another set of start values converged, but to a worse fit (fit function {0:G6} against {1:G6} here), so it is not reported as the solution.",
                    opt.HigherConvergedF, opt.F)));
        }
        else if (stalled)
        {
            var drifting = DriftingNames(fitted);
            warnings.Add(new(FitWarningKind.EmpiricalUnderidentification,
                "The fit function converged but the estimates did not: they drift along a direction in which the likelihood is flat (empirical under-identification, as with a two-indicator factor or a loading near zero)"
                + (drifting.Count > 0 ? $"; the parameters drifting are {string.Join(", ", drifting)}" : "")
                + ". χ² and the fit measures are those of that limit; the estimates are not interpretable.", drifting));
        }
        else if (double.IsFinite(opt.LowerDivergedF))
        {
            warnings.Add(new(FitWarningKind.LocalOptimum, string.Format(CultureInfo.InvariantCulture,
                "From other start values the estimates run off to infinity while the fit function falls below this solution's ({0:G6} against {1:G6}): the model is empirically under-identified, and this solution is a local optimum.",
                opt.LowerDivergedF, opt.F)));
        }

        var cov = ParameterCovariance.Compute(fitted.NewObjective(), fitted.Zeta, fitted.Options.InformationInEffect, fitted.Sample.StatisticN);
        if (cov.Warning is not null) warnings.Add(cov.Warning);
        // Robust standard errors and scaled tests (MLM, MLR, se/test options): the sandwich replaces the covariance of
        // the estimates, so SEs, z, p, CIs, defined parameters and standardized SEs are all robust.
        // A fit that did not converge gets none (its estimates are not interpretable, and plain ones would pass for robust).
        RobustInference.Result? robust = null;
        if (RobustInference.Needed(fitted.Options))
        {
            try
            {
                robust = opt.Converged || opt.Stalled ? RobustInference.Compute(fitted, cov) : new RobustInference.Result(null, null, null, []);
            }
            catch (SemLibException e)
            {
                // The implied covariance matrix at the estimates is not positive definite: a statistical outcome.
                robust = new RobustInference.Result(null, null, null, [new FitWarning(FitWarningKind.NotPositiveDefinite, e.Message)]);
            }
            warnings.AddRange(robust.Warnings);
            cov = cov with { CovTheta = robust.CovTheta, CovZeta = robust.CovZeta };
        }
        // se = "none" (lavaan): no standard errors, z, p or intervals. The information is still inverted above, so a
        // singular one (a sign of non-identification) is reported all the same.
        bool noStandardErrors = fitted.Options.StandardErrorsInEffect == StandardErrorType.None;
        var reported = noStandardErrors ? cov with { CovTheta = null, CovZeta = null } : cov;
        var output = EstimatesBuilder.Build(fitted, reported.CovTheta, fitted.Options.ConfidenceLevel);
        warnings.AddRange(output.Warnings);
        bool admissible = CheckAdmissibility(fitted, output.Estimates, warnings);
        bool usable = converged || stalled;
        var status = !usable ? FitStatus.NotConverged
            : stalled || cov.CovTheta is null ? FitStatus.ConvergedSingular
            : admissible ? FitStatus.Converged : FitStatus.ConvergedInadmissible;
        var measures = FitMeasureCalculator.Compute(fitted, usable, robust?.Scaled);
        var r2 = output.RSquare.Select(d => (IReadOnlyDictionary<string, double>)d).ToList();
        var tests = !usable ? [] : robust?.Scaled is { } scaled ? [.. StandardTest(fitted), scaled.ToModelTest()] : StandardTest(fitted);
        return new SemFit(fitted, status, output.Rows, measures, r2, warnings, reported.CovTheta, reported.CovZeta, tests, MissingData(fitted));
    }

    /// <summary>Per group, what full-information ML saw of the missing values (rows used, patterns, coverage); null otherwise.</summary>
    private static MissingDataSummary[]? MissingData(FittedModel fitted)
    {
        if (!fitted.Sample.FullInformation) return null;
        return fitted.Sample.Groups.Select(g =>
        {
            var patterns = g.Patterns!;
            int p = patterns.P;
            var coverage = new double[p, p];
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) coverage[i, j] = patterns.Coverage[i * p + j];
            return new MissingDataSummary(patterns.Names.ToArray(), patterns.N, patterns.PatternCount, coverage);
        }).ToArray();
    }

    /// <summary>The standard test: χ² with its df and upper-tail p (none for ULS, whose statistic has no known distribution).</summary>
    private static ModelTest[] StandardTest(FittedModel fitted)
    {
        double x2 = fitted.ChiSquare;
        int df = fitted.Df;
        // 1 − CDF, the form of lavaan's fitMeasures() pvalue, so that the two agree digit for digit.
        double p = df > 0 && fitted.Sample.Loss.ChiSquareReference ? 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(df, x2) : double.NaN;
        return [new ModelTest(TestType.Standard, x2, df, p, double.NaN, double.NaN)];
    }

    /// <summary>The table names of the ζ parameters a stalled search was drifting along (each ζ's rows with the largest weight).</summary>
    private static List<string> DriftingNames(FittedModel fitted)
    {
        var model = fitted.Model;
        var names = new List<string>();
        foreach (int z in fitted.Optimizer.Drifting)
        {
            var unit = new double[model.ZetaCount];
            unit[z] = 1;
            var theta = new double[model.ThetaCount];
            model.Constraints.MultiplyK(unit, theta);
            for (int t = 0; t < theta.Length; t++)
                if (theta[t] != 0) names.Add(model.Table.Rows[model.FreeRows[t]].Name);
        }
        return names.Distinct().Take(6).ToList();
    }

    /// <summary>
    /// Heywood cases: negative residual variances of observed variables, latent variances that are negative, and
    /// covariance matrices of latent variables or residuals that are not positive definite.
    /// </summary>
    private static bool CheckAdmissibility(FittedModel fitted, double[] estimates, List<FitWarning> warnings)
    {
        bool ok = true;
        var table = fitted.Table;
        string G(int g) => table.GroupCount > 1 ? $" in group {g}" : "";
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var r = table.Rows[i];
            // Under the delta parameterization an ordered item's residual variance is not a parameter but 1/Δ² minus the
            // explained variance; when the explained part exceeds it, that is the same Heywood case (lavaan checks Θ too).
            bool derived = !r.Free && r.IsVariance && table.Parameterization == CategoricalParameterization.Delta && table.Ordered.Contains(r.Lhs);
            if (!r.IsVariance || !(r.Free || derived) || estimates[i] >= 0) continue;
            ok = false;
            string what = table.Roles.IsLatent(r.Lhs) ? "variance of the latent variable" : "residual variance of";
            warnings.Add(new(FitWarningKind.HeywoodCase, string.Format(CultureInfo.InvariantCulture,
                "The {0} '{1}'{2} is negative ({3:G4}): a Heywood case, so the solution is not admissible.", what, r.Lhs, G(r.Group), estimates[i]), [r.Lhs]));
        }
        for (int g = 0; g < fitted.Model.Groups.Length; g++)
        {
            var s = fitted.State(g);
            int lv = s.Model.LatentCount, m = s.Model.M;
            if (lv > 0 && !IsPositiveDefinite(s.Phi, m, lv))
            {
                ok = false;
                warnings.Add(new(FitWarningKind.NotPositiveDefinite,
                    $"The covariance matrix of the latent variables{G(g + 1)} is not positive definite; some latent correlation is beyond ±1 or a latent variance is not positive.",
                    s.Model.Eta.Take(lv).ToList()));
            }
            int p = s.Model.P;
            if (!s.Model.ThetaDiagonal && !IsPositiveDefinite(s.Theta, p, p))
            {
                ok = false;
                warnings.Add(new(FitWarningKind.NotPositiveDefinite,
                    $"The covariance matrix of the residuals of the observed variables{G(g + 1)} is not positive definite.", s.Model.Observed));
            }
        }
        return ok;
    }

    private static bool IsPositiveDefinite(double[] matrix, int stride, int size)
    {
        var a = new double[size * size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++) a[i * size + j] = matrix[i * stride + j];
        // A variable with zero variance (a fixed-to-zero factor; a phantom or single indicator without residual) is
        // not a defect of the solution.
        for (int i = 0; i < size; i++)
        {
            bool zero = true;
            for (int j = 0; j < size; j++)
                if (a[i * size + j] != 0) zero = false;
            if (zero) a[i * size + i] = 1;
        }
        return Dense.Cholesky(a, size);
    }
}
