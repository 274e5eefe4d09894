using SemLib.Estimation;

namespace SemLib.Tests.Support;

/// <summary>The analytic gradient of an objective against central finite differences, at a point near the start values.</summary>
internal static class GradientCheck
{
    /// <summary>
    /// Moves each start value by up to ±5 % (at least ±0.01) with a seeded generator, so every term of the gradient is
    /// non-zero away from the optimum, and requires each analytic component to match the central difference with step
    /// 1e-6·max(1, |x|) to 1e-6·max(1, |fd|).
    /// </summary>
    public static void AgainstFiniteDifferences(Objective objective, double[] start, int seed)
    {
        var rng = new Random(seed);
        var x = start.Select(v => v + 0.05 * (2 * rng.NextDouble() - 1) * Math.Max(0.2, Math.Abs(v))).ToArray();
        var grad = new double[x.Length];
        Assert.True(double.IsFinite(objective.Evaluate(x, grad)));
        for (int j = 0; j < x.Length; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            var xp = (double[])x.Clone();
            var xm = (double[])x.Clone();
            xp[j] += h;
            xm[j] -= h;
            double fd = (objective.Evaluate(xp, []) - objective.Evaluate(xm, [])) / (2 * h);
            Assert.True(Math.Abs(fd - grad[j]) <= 1e-6 * Math.Max(1, Math.Abs(fd)),
                $"parameter {j}: analytic {grad[j]:G10}, finite difference {fd:G10}");
        }
    }
}
