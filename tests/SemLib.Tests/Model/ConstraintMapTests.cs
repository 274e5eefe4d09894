using SemLib.Model;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Tests.Model;

/// <summary>
/// The reparameterisation θ = Kζ + c of <see cref="ConstraintMap"/>. Expected values follow from the constraints
/// written in each model, by hand, or from the identity that a θ satisfying the constraints maps back to itself.
/// </summary>
public sealed class ConstraintMapTests
{
    private static ConstraintMap Build(string model)
    {
        var table = ParameterTable.Build(model);
        var freeRows = Enumerable.Range(0, table.Rows.Count).Where(i => table.Rows[i].Free && table.Rows[i].Group > 0).ToList();
        return ConstraintMap.Build(table, freeRows);
    }

    [Theory]
    // shared labels only
    [InlineData("x4 ~ a*x1 + a*x2 + x3\nx5 ~ b*x1 + c*x2\nx6 ~ x4 + x5")]
    // shared labels next to a general linear constraint (the label a stands for two θ)
    [InlineData("x4 ~ a*x1 + a*x2 + x3\nx5 ~ b*x1 + c*x2\nx6 ~ x4 + x5\nb + c == 0.5")]
    [InlineData("f =~ x1 + a*x2 + a*x3 + b*x4\nb == 2*a")]
    public void A_theta_that_satisfies_the_constraints_maps_back_to_itself(string model)
    {
        var map = Build(model);
        var rng = new Random(3);
        var zeta = Enumerable.Range(0, map.ZetaCount).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        var theta = new double[map.ThetaCount];
        map.ToTheta(zeta, theta);
        var back = new double[map.ThetaCount];
        map.ToTheta(map.ToZeta(theta), back);
        for (int i = 0; i < theta.Length; i++) Assert.Equal(theta[i], back[i], 12);
    }

    [Fact]
    public void A_direction_in_zeta_maps_to_theta_without_the_offset()
    {
        // b + c == 1: θ = Kζ + c with c ≠ 0, so ToTheta(ζ) − ToTheta(0) is Kζ; a direction keeps b + c unchanged.
        var map = Build("y ~ b*x1 + c*x2\nb + c == 1");
        Assert.Contains(map.Offset, v => v != 0);
        double[] zeta = [0.7, -0.4];
        var at = new double[map.ThetaCount];
        var origin = new double[map.ThetaCount];
        var direction = new double[map.ThetaCount];
        map.ToTheta(zeta, at);
        map.ToTheta([0.0, 0.0], origin);
        map.MultiplyK(zeta, direction);
        for (int i = 0; i < direction.Length; i++) Assert.Equal(at[i] - origin[i], direction[i], 12);
        Assert.Equal(0.0, direction[0] + direction[1], 12);
    }

    [Fact]
    public void Shared_labels_take_the_mean_of_their_values()
    {
        // y ~ a*x1 + a*x2 + x3: θ = (a, a, b3, var y); one ζ for both a rows. Least squares gives their mean.
        var map = Build("y ~ a*x1 + a*x2 + x3");
        Assert.Equal(3, map.ZetaCount);
        var zeta = map.ToZeta([0.2, 0.6, 1.5, 2.0]);
        Assert.Equal([0.4, 1.5, 2.0], zeta.Select(z => Math.Round(z, 12)));
    }

    [Fact]
    public void A_general_constraint_projects_onto_the_parameters_that_satisfy_it()
    {
        // y ~ b*x1 + c*x2 with b + c == 0.5: the θ closest to (b, c) = (1, 1) on the line b + c = 0.5 is (0.25, 0.25).
        var map = Build("y ~ b*x1 + c*x2\nb + c == 0.5");
        var theta = new double[map.ThetaCount];
        map.ToTheta(map.ToZeta([1.0, 1.0, 2.0]), theta);
        Assert.Equal(0.25, theta[0], 12);
        Assert.Equal(0.25, theta[1], 12);
        Assert.Equal(2.0, theta[2], 12);
    }

    [Fact]
    public void Redundant_constraints_remove_one_parameter_and_hold()
    {
        // b + c == 1 and 2*b + 2*c == 2 say the same: the free parameters (b, c, var y) lose one dimension, and every θ
        // the map produces satisfies b + c = 1.
        var map = Build("y ~ b*x1 + c*x2\nb + c == 1\n2*b + 2*c == 2");
        Assert.Equal(3, map.ThetaCount);
        Assert.Equal(2, map.ZetaCount);
        var theta = new double[3];
        map.ToTheta([0.3, -1.7], theta);
        Assert.Equal(1.0, theta[0] + theta[1], 12);
    }

    [Fact]
    public void Parameters_outside_the_general_constraints_keep_a_zeta_of_their_own()
    {
        // x5 ~ b*x1 + c*x2 with b + c == 0.5 removes one dimension from (b, c) only. θ = (a, a, x3, b, c, x4, x5,
        // var x4, var x5, var x6) in table order: the shared a is one ζ, and every θ that no general constraint
        // names must be exactly one ζ with coefficient 1 and no offset, so that ζ is that parameter (the modification
        // indices read a candidate's ζ this way).
        var table = ParameterTable.Build("x4 ~ a*x1 + a*x2 + x3\nx5 ~ b*x1 + c*x2\nx6 ~ x4 + x5\nb + c == 0.5");
        var freeRows = Enumerable.Range(0, table.Rows.Count).Where(i => table.Rows[i].Free && table.Rows[i].Group > 0).ToList();
        var map = ConstraintMap.Build(table, freeRows);
        Assert.Equal(freeRows.Count - 2, map.ZetaCount); // a shared once, b + c fixed once
        var constrained = new HashSet<string>(StringComparer.Ordinal) { "b", "c" };
        var own = new HashSet<int>();
        for (int t = 0; t < map.ThetaCount; t++)
        {
            if (constrained.Contains(table.Rows[freeRows[t]].Label)) continue;
            var (z, coef) = Assert.Single(map.K[t]);
            Assert.Equal(1.0, coef);
            Assert.Equal(0.0, map.Offset[t]);
            if (table.Rows[freeRows[t]].Label != "a") Assert.True(own.Add(z), $"θ {t} shares ζ {z}");
        }
    }

    [Theory]
    [InlineData("y ~ b*x1 + c*x2\nb + c == 1\nb + c == 2", "contradict each other")]
    [InlineData("y ~ b*x1 + 0.5*c*x2\nc == 1", "involves no free parameter and does not hold")]
    [InlineData("y ~ b*x1 + c*x2\nb == c^2", "is not linear in the parameters")]
    [InlineData("y ~ b*x1 + c*x2\nb*c > 0", "is not linear in the parameters")]
    [InlineData("y ~ b*x1 + 0.5*c*x2\nc > 1", "involves no free parameter and does not hold")]
    public void Constraints_that_cannot_be_imposed_are_refused(string model, string message)
    {
        var ex = Assert.Throws<ModelSyntaxException>(() => Build(model));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Inactive_inequalities_are_listed_with_their_slack_and_do_not_reduce_the_parameters()
    {
        // b > c and b < 1: no inequality is held until the active-set fit makes it so; the slack forms are
        // b − c (for >) and 1 − b (for <), by the definitions in ConstraintMap.Inequalities.
        var table = ParameterTable.Build("y ~ b*x1 + c*x2\nb > c\nb < 1");
        var freeRows = Enumerable.Range(0, table.Rows.Count).Where(i => table.Rows[i].Free && table.Rows[i].Group > 0).ToList();
        var map = ConstraintMap.Build(table, freeRows);
        Assert.Equal(freeRows.Count, map.ZetaCount);
        Assert.Equal(2, map.Inequalities.Count);
        var theta = new double[freeRows.Count];
        int tb = freeRows.FindIndex(r => table.Rows[r].Label == "b"), tc = freeRows.FindIndex(r => table.Rows[r].Label == "c");
        theta[tb] = 0.4;
        theta[tc] = 0.1;
        Assert.Equal(0.3, ConstraintMap.Slack(map.Inequalities[0], theta), 12);
        Assert.Equal(0.6, ConstraintMap.Slack(map.Inequalities[1], theta), 12);
    }
}
