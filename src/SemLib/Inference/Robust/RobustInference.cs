using System.Globalization;
using SemLib.Estimation;
using SemLib.LinearAlgebra;
using SemLib.Results;

namespace SemLib.Inference;

/// <summary>
/// The sandwich layer: robust covariance matrices of the estimates and scaled model tests of an ML fit to raw data
/// (complete rows, or incomplete ones under full-information ML), with lavaan 0.6.14's definitions. With N the total
/// sample size, f_g = N_g/N, A the information per observation
/// that <see cref="ParameterCovariance"/> inverts (expected, or observed = the Hessian of F, as
/// <see cref="Specification.ModelOptions.InformationInEffect"/>: observed for MLR) and B0_g the first-order information
/// of group g per case (<see cref="CasewiseScores.FirstOrder"/>, casewise scores summed within clusters with the factor
/// G/(G − 1) when a cluster column is given):
/// <list type="bullet">
/// <item><c>se = "robust.huber.white"</c> (MLR): Cov(ζ̂) = A⁻¹ (Σ_g f_g B0_g) A⁻¹ / N;</item>
/// <item><c>se = "robust.sem"</c> (MLM): the Satorra–Bentler sandwich with the expected information and Γ
/// (<see cref="SatorraBentler"/>);</item>
/// <item><c>test = "satorra.bentler"</c>: c = tr(UΓ)/df (<see cref="SatorraBentler"/>);</item>
/// <item><c>test = "yuan.bentler.mplus"</c>: tr(UΓ) = Σ_g [tr(A1_g⁻¹B1_g) − f_g tr(A⁻¹B0_g)] with the unstructured h1
/// part from <see cref="UnstructuredH1Trace"/>, c = tr(UΓ)/df.</item>
/// </list>
/// Every matrix is in ζ, the parameters after equality constraints (θ = Kζ + c): for linear constraints this is
/// lavaan's information bordered by the constraints' Jacobian, and Cov(θ) = K Cov(ζ) Kᵀ.
/// Under full-information ML the scores are those of the incomplete rows (<see cref="IncompleteCaseDerivatives"/>) and the
/// h1 part comes from the EM saturated model (<see cref="IncompleteH1Parts"/>), as lavaan's MLR with missing = "ml".
/// </summary>
internal static class RobustInference
{
    public sealed record Result(double[]? CovTheta, double[]? CovZeta, ScaledTest? Scaled, IReadOnlyList<FitWarning> Warnings);

    /// <summary>Whether the options ask for anything beyond the standard errors and test of the information.</summary>
    public static bool Needed(Specification.ModelOptions options) =>
        options.StandardErrorsInEffect is StandardErrorType.RobustSem or StandardErrorType.RobustHuberWhite
        || options.TestInEffect != TestType.Standard;

    /// <param name="fitted">The fit.</param>
    /// <param name="cov">The standard covariance of the estimates from the information in effect (its inverse is A⁻¹·N).</param>
    /// <param name="h1">The h1 part of the Yuan–Bentler trace when already known for the same data (see <see cref="ScaledTest.H1"/>).</param>
    public static Result Compute(FittedModel fitted, ParameterCovariance.Result cov, (double Trace, int Ndat)? h1 = null)
    {
        if (fitted.Sample.Categorical) return CategoricalInference.Compute(fitted, cov);
        var options = fitted.Options;
        var se = options.StandardErrorsInEffect;
        var test = options.TestInEffect;
        var warnings = new List<FitWarning>();
        int r = fitted.Model.ZetaCount;
        double n = fitted.Sample.TotalN;

        SatorraBentlerResult? sb = se == StandardErrorType.RobustSem || test == TestType.SatorraBentler ? SatorraBentler.Compute(fitted) : null;
        if (sb?.Problem is { } problem) warnings.Add(new(FitWarningKind.RobustInference, problem));

        double[][]? b0 = null;
        if ((se == StandardErrorType.RobustHuberWhite || test == TestType.YuanBentlerMplus) && cov.CovZeta is not null)
            b0 = FirstOrderByGroup(fitted, warnings);

        double[]? covZeta = se switch
        {
            StandardErrorType.RobustSem => sb is { Problem: null } ? sb.CovarianceZeta : null,
            StandardErrorType.RobustHuberWhite => b0 is null ? null : HuberWhite(fitted, cov.CovZeta!, b0, n, r),
            _ => cov.CovZeta,
        };
        double[]? covTheta = covZeta is null ? null
            : ReferenceEquals(covZeta, cov.CovZeta) ? cov.CovTheta : fitted.Model.Constraints.CovarianceToTheta(covZeta);

        ScaledTest? scaled = test switch
        {
            TestType.SatorraBentler => new ScaledTest(TestType.SatorraBentler, fitted.ChiSquare, fitted.Df,
                fitted.Df > 0 && sb is { Problem: null } ? sb.ScalingFactor : double.NaN, fitted.Df > 0 && sb is not null ? sb.TraceUGamma : double.NaN),
            TestType.YuanBentlerMplus => YuanBentlerMplus(fitted, cov.CovZeta, b0, n, r, h1, warnings),
            _ => null,
        };
        return new Result(covTheta, covZeta, scaled, warnings);
    }

    /// <summary>
    /// The scaled test of the independence (baseline) model of the robust fit measures, reusing <paramref name="h1"/> when
    /// given. Its information is the expected one whatever the options say: at the independence model's estimates every
    /// free variance and mean equals its sample value, so the observed information (the Hessian of a fit function that
    /// separates by variable) equals the expected one, and the finite-difference Hessian is not needed.
    /// </summary>
    public static ScaledTest? BaselineTest(FittedModel fitted, (double Trace, int Ndat)? h1 = null)
    {
        if (fitted.Options.TestInEffect == TestType.Standard) return null;
        if (fitted.Sample.Categorical) return CategoricalInference.Test(fitted);
        // Under full-information ML the two differ (the rows are incomplete): the information in effect, as lavaan.
        var type = fitted.Sample.FullInformation ? fitted.Options.InformationInEffect : InformationType.Expected;
        var cov = ParameterCovariance.Compute(fitted.NewObjective(), fitted.Zeta, type, fitted.Sample.StatisticN);
        var options = fitted.Options with { StandardErrors = StandardErrorType.Standard };
        return Compute(new FittedModel
        {
            Table = fitted.Table, Model = fitted.Model, Sample = fitted.Sample, Options = options, Zeta = fitted.Zeta,
            Theta = fitted.Theta, F = fitted.F, Optimizer = fitted.Optimizer, GroupF = fitted.GroupF,
        }, cov, h1).Scaled;
    }

    /// <summary>B0_g = S_gᵀS_g/N_g (clusters: summed within clusters, times G/(G − 1)) for every group.</summary>
    private static double[][] FirstOrderByGroup(FittedModel fitted, List<FitWarning> warnings)
    {
        var groups = fitted.Sample.Data.Groups;
        int r = fitted.Model.ZetaCount;
        var result = new double[groups.Length][];
        for (int g = 0; g < groups.Length; g++)
        {
            var sample = groups[g];
            var rows = sample.Rows ?? throw new SemLibException($"Robust standard errors and tests need the raw data; group '{sample.Label}' has only summary statistics.");
            var state = fitted.State(g);
            var mean = state.Model.MeanStructure ? state.Mu : sample.Mean;
            // Full-information ML: the scores of the observed-data likelihood, pattern by pattern, at the implied moments.
            var cases = (sample.Patterns is { } patterns
                    ? IncompleteCaseDerivatives.Create(rows, patterns, mean, state.Sigma)
                    : CaseMomentDerivatives.Complete(rows, mean, state.Sigma))
                ?? throw new SemLibException($"The model-implied covariance matrix{GroupText(fitted, g)} is not positive definite; robust standard errors cannot be computed.");
            var scores = CasewiseScores.Compute(state, cases, fitted.Model.Constraints);
            result[g] = CasewiseScores.FirstOrder(scores, rows.Length, r, sample.Clusters, sample.ClusterCount);
        }
        int clusters = groups.Sum(g => g.ClusterCount);
        if (groups.Any(g => g.Clusters is not null) && clusters < r)
            warnings.Add(new(FitWarningKind.RobustInference, string.Format(CultureInfo.InvariantCulture,
                "There are {0} clusters but {1} free parameters: the cluster-robust covariance matrix of the estimates is singular (its rank is at most the number of clusters), so the standard errors and the scaled test are unreliable. Use more clusters or fewer parameters.",
                clusters, r)));
        return result;
    }

    private static string GroupText(FittedModel fitted, int g) =>
        fitted.Sample.Groups.Length > 1 ? $" of group '{fitted.Sample.Data.Groups[g].Label}'" : "";

    /// <summary>A⁻¹BA⁻¹/N = N·C·B·C with C = (N·A)⁻¹ the standard covariance, B = Σ_g f_g B0_g.</summary>
    private static double[] HuberWhite(FittedModel fitted, double[] covZeta, double[][] b0, double n, int r)
    {
        var b = new double[r * r];
        for (int g = 0; g < b0.Length; g++) Dense.Axpy(fitted.Sample.Groups[g].Weight, b0[g], b);
        var cb = new double[r * r];
        var result = new double[r * r];
        Dense.Multiply(covZeta, b, cb, r, r, r);
        Dense.Multiply(cb, covZeta, result, r, r, r);
        for (int i = 0; i < r; i++)
            for (int j = 0; j <= i; j++)
            {
                double v = 0.5 * n * (result[i * r + j] + result[j * r + i]);
                result[i * r + j] = v;
                result[j * r + i] = v;
            }
        return result;
    }

    /// <summary>lavaan's yuan.bentler.mplus: tr(UΓ) = Σ_g [tr(A1_g⁻¹B1_g) − f_g tr(A⁻¹B0_g)], c = tr(UΓ)/df.</summary>
    private static ScaledTest YuanBentlerMplus(FittedModel fitted, double[]? covZeta, double[][]? b0, double n, int r, (double Trace, int Ndat)? knownH1,
        List<FitWarning> warnings)
    {
        double chisq = fitted.ChiSquare;
        int df = fitted.Df;
        if (df <= 0 || covZeta is null || b0 is null) return new ScaledTest(TestType.YuanBentlerMplus, chisq, df, double.NaN, double.NaN);
        var groups = fitted.Sample.Data.Groups;
        bool means = fitted.Table.MeanStructure;
        var exogenous = fitted.Table.Roles.ObservedExogenous;
        double h1 = 0, h0 = 0;
        int ndat = 0;
        for (int g = 0; g < groups.Length; g++)
        {
            if (knownH1 is null)
            {
                var exoIndex = exogenous.Select(fitted.Model.Groups[g].ObservedIndex).ToArray();
                // Full-information ML: A1 and B1 of the EM saturated model of the incomplete rows (lavaan's unstructured h1).
                var (trace, nd) = groups[g].Patterns is null
                    ? UnstructuredH1Trace.Compute(groups[g], exoIndex, means, groups[g].Clusters, groups[g].ClusterCount)
                    : IncompleteH1Parts.Get(groups[g], exoIndex)?.YuanBentlerH1() ?? (double.NaN, 0);
                if (double.IsNaN(trace) && groups[g].Patterns is not null)
                    warnings.Add(new(FitWarningKind.RobustInference,
                        $"The scaled (Yuan-Bentler) test is not available{GroupText(fitted, g)}: the information of the unrestricted (EM) model of the incomplete rows is singular — for example when two variables are never observed in the same row, so that the data carry no information about their covariance. The standard test and the robust standard errors are reported."));
                h1 += trace;
                ndat += nd;
            }
            // f_g tr(A⁻¹ B0_g) with A⁻¹ = N·Cov(ζ); both symmetric, so the trace of the product is the elementwise sum.
            h0 += fitted.Sample.Groups[g].Weight * n * Dense.Dot(covZeta, b0[g]);
        }
        if (knownH1 is { } known) (h1, ndat) = known;
        double traceUGamma = h1 - h0;
        double c = traceUGamma / df;
        if (!(c >= 0)) c = double.NaN;
        return new ScaledTest(TestType.YuanBentlerMplus, chisq, df, c, traceUGamma, h1 / ndat, h0 / fitted.Model.ThetaCount) { H1 = (h1, ndat) };
    }
}
