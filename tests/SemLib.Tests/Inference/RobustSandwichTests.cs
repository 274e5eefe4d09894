using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;
using TestData = SemLib.Tests.Support.TestData;

namespace SemLib.Tests.Inference;

/// <summary>
/// The information / sandwich layer: the moment Jacobian Δ against central differences of the implied moments, the
/// identity Σ_g f_g Δ_gᵀW_gΔ_g = expected information, and the Satorra–Bentler (MLM) robust SEs and scaled χ² against
/// lavaan 0.6.14 (Reference/robust, written by Reference/scripts/make-robust-cases.R).
/// </summary>
public sealed class RobustSandwichTests
{
    private const string HsModel = "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9\n";

    private const string HsEqualModel =
        "visual  =~ x1 + c(a2, a2)*x2 + c(a3, a3)*x3\ntextual =~ x4 + c(a5, a5)*x5 + c(a6, a6)*x6\nspeed   =~ x7 + c(a8, a8)*x8 + c(a9, a9)*x9\n";

    /// <summary>Fits of different structure: one group, means, two groups, equality constraints, B with phantoms (poldem, mediation).</summary>
    public static TheoryData<string> Cases => new() { "hs", "hs-means", "hs-groups", "hs-groups-equal", "poldem-means", "mediation-means" };

    private static FittedModel Fit(string name)
    {
        var hs = TestData.HolzingerSwineford();
        SemFit fit = name switch
        {
            "hs" => Sem.Fit(HsModel, hs),
            "hs-means" => Sem.Fit(HsModel, hs, ModelOptions.Default with { MeanStructure = true }),
            "hs-groups" => Sem.Fit(HsModel, hs, ModelOptions.Default with { Group = "school" }),
            "hs-groups-equal" => Sem.Fit(HsEqualModel, hs, ModelOptions.Default with { Group = "school" }),
            "poldem-means" => FitCase("lavaan/poldem-sem"),
            "mediation-means" => FitCase("lavaan/talor-mediation"),
            _ => throw new ArgumentException(name),
        };
        Assert.True(fit.Converged, name);
        return fit.Fitted;
    }

    private static SemFit FitCase(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var data = DataSet.ReadCsv(Path.Combine(c.Folder, "data.csv"));
        return Sem.Fit(c.Model, data, c.Options() with { MeanStructure = true });
    }

    /// <summary>The implied moments (μ, then vech(Σ) in lavaan's order) of one group at ζ.</summary>
    private static double[] Moments(FittedModel fitted, int group, double[] zeta)
    {
        var theta = new double[fitted.Model.ThetaCount];
        fitted.Model.Constraints.ToTheta(zeta, theta);
        var state = new GroupState(fitted.Model.Groups[group]);
        Assert.True(state.Update(theta));
        int p = state.Model.P;
        bool means = state.Model.MeanStructure;
        var m = new double[MomentCovariance.MomentCount(p, means)];
        int offset = means ? p : 0;
        if (means) Array.Copy(state.Mu, m, p);
        for (int j = 0; j < p; j++)
            for (int i = j; i < p; i++) m[offset + MomentCovariance.VechIndex(p, i, j)] = state.Sigma[i * p + j];
        return m;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jacobian_matches_central_differences_of_the_implied_moments(string name)
    {
        var fitted = Fit(name);
        int r = fitted.Model.ZetaCount;
        for (int g = 0; g < fitted.Model.Groups.Length; g++)
        {
            var delta = MomentJacobian.Compute(fitted, g);
            Assert.Equal(r, delta.ColumnCount);
            for (int j = 0; j < r; j++)
            {
                // Central differences, step 1e-5·max(1, |ζ_j|): truncation error of order h² ≈ 1e-10.
                double h = 1e-5 * Math.Max(1, Math.Abs(fitted.Zeta[j]));
                var plus = (double[])fitted.Zeta.Clone();
                var minus = (double[])fitted.Zeta.Clone();
                plus[j] += h;
                minus[j] -= h;
                var mp = Moments(fitted, g, plus);
                var mm = Moments(fitted, g, minus);
                Assert.Equal(mp.Length, delta.RowCount);
                for (int a = 0; a < mp.Length; a++)
                {
                    double fd = (mp[a] - mm[a]) / (2 * h);
                    Assert.True(Math.Abs(fd - delta[a, j]) <= 1e-6 * Math.Max(1, Math.Abs(fd)),
                        $"{name}, group {g + 1}, moment {a}, parameter {j}: analytic {delta[a, j]}, central difference {fd}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weighted_jacobian_cross_product_is_the_expected_information_per_observation(string name)
    {
        var fitted = Fit(name);
        int r = fitted.Model.ZetaCount;
        var info = Matrix<double>.Build.Dense(r, r);
        for (int g = 0; g < fitted.Model.Groups.Length; g++)
        {
            var state = fitted.State(g);
            var w = NormalTheoryWeight.Compute(state.Sigma, state.Model.P, state.Model.MeanStructure)!;
            var d = MomentJacobian.Compute(fitted, g);
            info += fitted.Sample.Groups[g].Weight * d.TransposeThisAndMultiply(w * d);
        }
        var objective = fitted.NewObjective();
        objective.Evaluate(fitted.Zeta, []);
        var expected = new double[r * r];
        objective.Information(expected);
        // The exact relation: factor 1, with the group weights f_g = N_g/N (both are per observation).
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
                Assert.True(Math.Abs(info[i, j] - expected[i * r + j]) <= 1e-10 * Math.Max(1, Math.Abs(expected[i * r + j])),
                    $"{name} [{i},{j}]: Σ f ΔᵀWΔ = {info[i, j]}, Objective.Information = {expected[i * r + j]}");
    }

    /// <summary>One fixture of Reference/robust.</summary>
    private sealed record Fixture(string Name, string Model, string DataPath, bool MeanStructure, string? Group, int Df, double ChiSquare,
        double ChiSquareScaled, double ScalingFactor, (string Lhs, string Op, string Rhs, int Group, double Est, double Se, double SeMl)[] Parameters)
    {
        public static Fixture Load(string name)
        {
            var path = Path.Combine(ReferenceCase.BaseDirectory, "robust", name + ".json");
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var pars = root.GetProperty("parameters").EnumerateArray().Select(p => (
                p.GetProperty("lhs").GetString()!, p.GetProperty("op").GetString()!, p.GetProperty("rhs").GetString()!,
                p.GetProperty("group").GetInt32(), p.GetProperty("est").GetDouble(), p.GetProperty("se_robust").GetDouble(),
                p.GetProperty("se_ml").GetDouble())).ToArray();
            var group = root.TryGetProperty("group", out var gr) && gr.ValueKind == JsonValueKind.String ? gr.GetString() : null;
            var dataPath = Path.Combine(ReferenceCase.BaseDirectory, "robust", root.GetProperty("data").GetString()!);
            return new Fixture(name, root.GetProperty("model").GetString()!, dataPath, root.GetProperty("meanstructure").GetBoolean(), group,
                root.GetProperty("df").GetInt32(), root.GetProperty("chisq").GetDouble(), root.GetProperty("chisq_scaled").GetDouble(),
                root.GetProperty("chisq_scaling_factor").GetDouble(), pars);
        }
    }

    [Theory]
    [InlineData("hs-cfa-mlm")]
    [InlineData("hs-cfa-mlm-means")]
    [InlineData("hs-cfa-mlm-groups")]
    [InlineData("hs-cfa-mlm-groups-equal")]
    [InlineData("hs-sem-mlm-covariates")]
    [InlineData("hs-sem-mlm-covariates-means")]
    [InlineData("poldem-sem-mlm")]
    public void Satorra_Bentler_agrees_with_lavaan(string name)
    {
        var f = Fixture.Load(name);
        var fit = Sem.Fit(f.Model, DataSet.ReadCsv(f.DataPath),
            ModelOptions.Default with { MeanStructure = f.MeanStructure, Group = f.Group });
        Assert.True(fit.Converged);
        var fitted = fit.Fitted;
        var sb = SatorraBentler.Compute(fitted);
        Assert.Null(sb.Problem);

        var agreement = new Agreement(name);
        Assert.Equal(f.Df, sb.Df);
        agreement.Check("chisq", sb.ChiSquare, f.ChiSquare);
        agreement.Check("chisq.scaling.factor", sb.ScalingFactor, f.ScalingFactor);
        agreement.Check("chisq.scaled", sb.ScaledChiSquare, f.ChiSquareScaled);

        var byRow = new Dictionary<(string, string, string, int), int>();
        for (int t = 0; t < fitted.Model.ThetaCount; t++)
        {
            var row = fitted.Table.Rows[fitted.Model.FreeRows[t]];
            byRow[(row.Lhs, row.Op.ToLavaan(), row.Op == ModelOperator.Intercept ? "" : row.Rhs, row.Group)] = t;
        }
        Assert.Equal(f.Parameters.Length, fitted.Model.ThetaCount);
        foreach (var p in f.Parameters)
        {
            string what = $"{p.Lhs}{p.Op}{p.Rhs} (group {p.Group})";
            Assert.True(byRow.TryGetValue((p.Lhs, p.Op, p.Rhs, p.Group), out int t), $"{name}: {what} is not a free parameter in SemLib");
            agreement.Check(what + " est", fitted.Theta[t], p.Est);
            agreement.Check(what + " se (robust.sem)", sb.StandardErrors[t], p.Se);
            agreement.Check(what + " se (ML, contrast)", fit.Parameter(p.Lhs, p.Op, p.Rhs, p.Group)?.StandardError, p.SeMl);
        }
        agreement.Assert();
        // The robust SEs differ from the ML ones, so the comparison above could fail.
        Assert.Contains(f.Parameters, p => Math.Abs(p.Se - p.SeMl) > 0.01 * p.SeMl);
    }

    /// <summary>
    /// With the normal-theory Γ of the implied moments, Γ_g = W_g⁻¹, the sandwich collapses to the ML covariance E⁻¹/N and
    /// tr(UΓ) = Σ_g q_g − npar = df exactly, so c = 1: a check of the weighting by f_g independent of lavaan.
    /// </summary>
    [Theory]
    [InlineData("hs")]
    [InlineData("hs-means")]
    [InlineData("hs-groups")]
    [InlineData("hs-groups-equal")]
    [InlineData("poldem-means")]
    public void Normal_theory_gamma_gives_the_ML_covariance_and_a_scaling_factor_of_one(string name)
    {
        var fitted = Fit(name);
        var sb = SatorraBentler.Compute(fitted, g =>
        {
            var state = fitted.State(g);
            return MomentCovariance.NormalTheory(state.Sigma, state.Model.P, state.Model.MeanStructure);
        });
        Assert.Null(sb.Problem);
        Assert.True(Math.Abs(sb.TraceUGamma - fitted.Df) < 1e-8 * fitted.Df, $"{name}: tr(UΓ) = {sb.TraceUGamma}, df = {fitted.Df}");
        Assert.True(Math.Abs(sb.ScalingFactor - 1) < 1e-8, $"{name}: c = {sb.ScalingFactor}");
        int r = fitted.Model.ZetaCount;
        var info = new double[r * r];
        var objective = fitted.NewObjective();
        objective.Evaluate(fitted.Zeta, []);
        objective.Information(info);
        var mlCov = Matrix<double>.Build.DenseOfRowMajor(r, r, info).Inverse() / fitted.Sample.TotalN;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
                Assert.True(Math.Abs(sb.CovarianceZeta[i * r + j] - mlCov[i, j]) <= 1e-8 * Math.Sqrt(mlCov[i, i] * mlCov[j, j]),
                    $"{name} [{i},{j}]: sandwich {sb.CovarianceZeta[i * r + j]}, E⁻¹/N {mlCov[i, j]}");
    }

    /// <summary>
    /// Changing the units of the variables (x_i → a_i·x_i + b_i) multiplies each estimate other than an intercept and its
    /// robust SE by the same factor, so their z-values, the scaling factor and the scaled χ² stay the same; the robust SE
    /// of the intercept of x_i is multiplied by a_i. Tolerance 1e-4 relative: the two fits stop at slightly different
    /// points (about 1e-6).
    /// </summary>
    [Fact]
    public void Robust_z_values_and_scaled_test_do_not_depend_on_the_units_of_the_variables()
    {
        var hs = TestData.HolzingerSwineford();
        var names = Enumerable.Range(1, 9).Select(i => "x" + i).ToArray();
        var columns = hs.NumericColumns(names);
        var gen = from quarters in Gen.ArrayOf(Gen.Choose(1, 40), 9)
                  from shifts in Gen.ArrayOf(Gen.Choose(-20, 20), 9)
                  from means in Gen.Elements(false, true)
                  select (Scales: quarters.Select(k => k / 4.0).ToArray(), Shifts: shifts.Select(k => k / 4.0).ToArray(), Means: means);
        var baseline = new Dictionary<bool, (SatorraBentlerResult Sb, double[] Z, int[] Intercept)>();
        // The z-value of each free row, and for an intercept the index of its variable (−1 otherwise).
        (SatorraBentlerResult, double[], int[]) Robust(DataSet data, bool means)
        {
            var fit = Sem.Fit(HsModel, data, ModelOptions.Default with { MeanStructure = means });
            Assert.True(fit.Converged);
            var fm = fit.Fitted;
            var sb = SatorraBentler.Compute(fm);
            var intercept = fm.Model.FreeRows.Select(r => fm.Table.Rows[r]).Select(r =>
                r.Op == ModelOperator.Intercept ? Array.IndexOf(names, r.Lhs) : -1).ToArray();
            return (sb, fm.Theta.Select((t, i) => t / sb.StandardErrors[i]).ToArray(), intercept);
        }
        foreach (bool m in new[] { false, true })
            baseline[m] = Robust(DataSet.FromColumns(names.Select((n, j) => new KeyValuePair<string, double[]>(n, columns[j]))), m);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var data = DataSet.FromColumns(names.Select((n, j) =>
                new KeyValuePair<string, double[]>(n, columns[j].Select(x => t.Scales[j] * x + t.Shifts[j]).ToArray())));
            var (sb, z, intercept) = Robust(data, t.Means);
            var (sb0, z0, _) = baseline[t.Means];
            static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-4 * Math.Max(1, Math.Abs(b));
            return Near(sb.ScalingFactor, sb0.ScalingFactor) && Near(sb.ScaledChiSquare, sb0.ScaledChiSquare)
                && Enumerable.Range(0, z.Length).All(i => intercept[i] < 0
                    ? Near(z[i], z0[i])
                    : Near(sb.StandardErrors[i] / t.Scales[intercept[i]], sb0.StandardErrors[i]));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void Satorra_Bentler_refuses_a_GLS_fit_and_summary_data_with_a_message()
    {
        var gls = Sem.Fit(HsModel, TestData.HolzingerSwineford(), ModelOptions.Default with { Estimator = Estimator.GLS });
        var ex = Assert.Throws<SemLibException>(() => SatorraBentler.Compute(gls.Fitted));
        Assert.Contains("ML fit", ex.Message);

        var ml = Sem.Fit(HsModel, TestData.HolzingerSwineford());
        var names = ml.Fitted.Model.Groups[0].Observed;
        var cov = new CovarianceData(names, ml.Implied().Covariance, ml.NObs[0]);
        var summary = Sem.Fit(HsModel, cov);
        ex = Assert.Throws<SemLibException>(() => SatorraBentler.Compute(summary.Fitted));
        Assert.Contains("raw data", ex.Message);
    }
}
