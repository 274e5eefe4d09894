using MathNet.Numerics.LinearAlgebra;
using SemLib.Estimation;
using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Tests.Support;

namespace SemLib.Tests.Model;

/// <summary>
/// The implied moments of <see cref="GroupState"/> against the LISREL formulas Σ = Λ(I − B)⁻¹Ψ(I − B)⁻ᵀΛᵀ + Θ and
/// μ = ν + Λ(I − B)⁻¹α evaluated with MathNet.Numerics on the same matrices, and its update without allocation.
/// </summary>
public sealed class GroupStateTests
{
    // A second-order factor (B among latent variables) with latent and observed regressions (phantoms), a
    // correlated residual (Θ off the diagonal) and a mean structure (ν, α).
    private const string Model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n" +
        "g =~ visual + textual + speed\nx1 ~~ x4\nspeed ~ ageyr\nx9 ~ sex";

    private static (LisrelModel Model, double[] Theta) Compile() => CompileWithSample().Model;

    private static ((LisrelModel Model, double[] Theta) Model, EstimationSample Sample) CompileWithSample()
    {
        var options = ModelOptions.Default with { MeanStructure = true };
        var (table, sample) = FitEngine.Prepare(ModelSyntax.Parse(Model), options, TestData.HolzingerSwineford(), null);
        var est = new EstimationSample(sample, options.Estimator);
        var model = FitEngine.Compile(table, est);
        var theta = StartValues.Compute(model, est, StartValues.Kind.ModelImplied);
        var rng = new Random(5);
        for (int i = 0; i < theta.Length; i++) theta[i] += 0.1 * (2 * rng.NextDouble() - 1);
        return ((model, theta), est);
    }

    private static double[][] Matrices(GroupState s) => [s.Lambda, s.Theta, s.Psi, s.Beta, s.Nu, s.Alpha];

    [Fact]
    public void Fixed_x_cells_hold_the_sample_moments_from_compilation_and_after_new_data()
    {
        // ageyr and sex are exogenous covariates: their variances, covariance and means are fixed at the sample's.
        var ((model, _), est) = CompileWithSample();
        var group = model.Groups[0];
        var moments = est.Groups[0];
        int p = group.P;
        Assert.Equal(5, group.ExogenousCells.Length);
        int age = group.Observed.ToList().IndexOf("ageyr"), sex = group.Observed.ToList().IndexOf("sex");
        Assert.Equal(
            new[] { (age, age), (sex, age), (sex, sex), (age, -1), (sex, -1) }.Order(),
            group.ExogenousCells.Select(c => (Math.Max(c.I, c.J), c.J < 0 ? -1 : Math.Min(c.I, c.J))).Order());

        // Compilation fills the cells by the rule SetExogenous applies, so refreshing with the same moments changes nothing.
        var compiled = new GroupState(group);
        var refreshed = new GroupState(group);
        refreshed.SetExogenous(moments.S, moments.Mean);
        Assert.Equal(Matrices(compiled), Matrices(refreshed));

        var doubled = moments.S.Select(v => 2 * v).ToArray();
        var shifted = moments.Mean.Select(v => v + 1).ToArray();
        refreshed.SetExogenous(doubled, shifted);
        int changed = Matrices(compiled).Zip(Matrices(refreshed)).Sum(m => m.First.Zip(m.Second).Count(x => x.First != x.Second));
        Assert.Equal(2 + 2 + 2, changed); // two variances, one covariance stored twice (symmetric), two means
        foreach (var (cell, i, j) in group.ExogenousCells)
            Assert.Equal(j < 0 ? shifted[i] : doubled[i * p + j], GroupModel.ExogenousMoment(i, j, doubled, shifted, p));
    }

    [Fact]
    public void Implied_moments_follow_the_LISREL_formulas()
    {
        var (model, theta) = Compile();
        var state = new GroupState(model.Groups[0]);
        Assert.True(state.Update(theta));
        int p = state.Model.P, m = state.Model.M;
        Assert.True(state.Model.HasBeta);
        Assert.False(state.Model.ThetaDiagonal);

        var lambda = Matrix<double>.Build.DenseOfRowMajor(p, m, state.Lambda);
        var a = (Matrix<double>.Build.DenseIdentity(m) - Matrix<double>.Build.DenseOfRowMajor(m, m, state.Beta)).Inverse();
        var psi = Matrix<double>.Build.DenseOfRowMajor(m, m, state.Psi);
        var sigma = lambda * a * psi * a.Transpose() * lambda.Transpose() + Matrix<double>.Build.DenseOfRowMajor(p, p, state.Theta);
        var mu = Vector<double>.Build.DenseOfArray(state.Nu) + lambda * a * Vector<double>.Build.DenseOfArray(state.Alpha);

        Assert.True((sigma - Matrix<double>.Build.DenseOfRowMajor(p, p, state.Sigma)).InfinityNorm() < 1e-12);
        Assert.True((mu - Vector<double>.Build.DenseOfArray(state.Mu)).InfinityNorm() < 1e-12);
        // L12 = [ΛA | ΛΦ], the vectors the derivative terms refer to.
        var l12 = lambda * a;
        var l2 = lambda * a * psi * a.Transpose();
        var expected = Matrix<double>.Build.Dense(p, 2 * m, (i, j) => j < m ? l12[i, j] : l2[i, j - m]);
        Assert.True((expected - Matrix<double>.Build.DenseOfRowMajor(p, 2 * m, state.L12)).InfinityNorm() < 1e-12);
    }

    [Fact]
    public void Update_and_the_constraint_map_allocate_nothing()
    {
        // The objective calls these once per evaluation; they must work in the buffers allocated up front.
        var (model, theta) = Compile();
        var state = new GroupState(model.Groups[0]);
        var zeta = model.Constraints.ToZeta(theta);
        var gradZeta = new double[zeta.Length];
        state.Update(theta);
        model.Constraints.ToTheta(zeta, theta);
        model.Constraints.GradientToZeta(theta, gradZeta);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 50; k++)
        {
            model.Constraints.ToTheta(zeta, theta);
            state.Update(theta);
            model.Constraints.GradientToZeta(theta, gradZeta);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
