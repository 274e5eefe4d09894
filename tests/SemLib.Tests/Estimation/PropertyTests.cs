using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SemLib.Data;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Tests.Support;
using SemLib.Syntax;

namespace SemLib.Tests.Estimation;

/// <summary>
/// FsCheck properties of ML estimation on data simulated from known one- and two-factor models
/// (<see cref="Simulation"/>): χ² and p-values in range, saturated models fit exactly, invariance to the order of
/// columns, statements and indicators and to the scale of a variable, a positive-definite implied covariance
/// matrix, and equivalent identifications giving the same fit. Each property fits small models on 30 designs.
/// </summary>
public sealed class PropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(30);

    /// <summary>
    /// Relative agreement for quantities that must be equal up to the optimizer's convergence: it stops when the
    /// Newton decrement times N is below 1e-10, i.e. every estimate within 1e-5 of its standard error of the optimum;
    /// two fits of equivalent models can therefore differ by ~1e-5 SE, which for weakly determined parameters (SE up
    /// to ~10 times the value, as in the just-identified and Heywood designs drawn here) is ~1e-4 of the value.
    /// </summary>
    private const double Tolerance = 1e-4;

    /// <summary>Equal within the tolerance, or both NaN (R² of a variable with a negative residual variance is NaN, NA in lavaan).</summary>
    private static bool Close(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static void AssertClose(double? expected, double? actual, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: {expected} vs {actual}");
        if (expected is double e && actual is double a)
            Assert.True(Close(e, a), $"{what}: {e:R} vs {a:R}");
    }

    /// <summary>A simulation design: seed, sample size and indicators per factor (one or two factors of 3-4 indicators).</summary>
    public sealed record Design(int Seed, int N, int[] PerFactor)
    {
        public FactorPopulation Population => Support.Simulation.Factors(Seed, PerFactor);
        public DataSet Data => Population.Sample(Seed, N);
        public override string ToString() => $"seed {Seed}, n {N}, indicators [{string.Join(",", PerFactor)}]";
    }

    private static Gen<Design> DesignGen(int minFactors, int maxFactors) =>
        from seed in Gen.Choose(0, int.MaxValue)
        from n in Gen.Choose(150, 500)
        from m in Gen.Choose(minFactors, maxFactors)
        from perFactor in Gen.ArrayOf(Gen.Choose(3, 4), m)
        select new Design(seed, n, perFactor);

    private static readonly Arbitrary<Design> AnyDesign = DesignGen(1, 2).ToArbitrary();
    private static readonly Arbitrary<Design> TwoFactors = DesignGen(2, 2).ToArbitrary();

    private static readonly ModelOptions StdLv = ModelOptions.Default with { StdLv = true };

    private static ParameterEstimate Row(SemFit fit, ParameterEstimate like) =>
        fit.Parameter(like.Lhs, like.Op, like.Rhs, like.Group) ?? throw new Xunit.Sdk.XunitException($"{like.Name} is missing");

    // ---- (a) χ² ≥ 0 and p in [0, 1] --------------------------------------------------------------------------

    [Fact]
    public void ChiSquare_is_non_negative_and_p_values_are_probabilities()
    {
        Prop.ForAll(AnyDesign, d =>
        {
            var data = d.Data;
            // The true model, and a misspecified one (every indicator on one factor, identified by its variance: with
            // a marker from a cluster that barely correlates with the rest there may be no finite ML solution).
            foreach (var (model, options) in new[] { (d.Population.Syntax, ModelOptions.Default), ("g =~ " + string.Join(" + ", d.Population.Names), StdLv) })
            {
                var fit = Sem.Fit(model, data, options);
                Assert.True(fit.Converged, $"{d}: {model}: {string.Join(" ", fit.Warnings)}");
                var m = fit.FitMeasures;
                Assert.True(m["chisq"] >= 0, $"{d}: chisq {m["chisq"]}");
                Assert.InRange(m["baseline.pvalue"]!.Value, 0, 1);
                Assert.InRange(m["cfi"]!.Value, 0, 1);
                Assert.InRange(m["srmr"]!.Value, 0, 1);
                // A single factor with three indicators is saturated (df = 0): its p-values do not exist.
                if (m["df"] == 0) continue;
                foreach (var p in new[] { "pvalue", "rmsea.pvalue", "rmsea.notclose.pvalue", "nfi" })
                    Assert.InRange(m[p]!.Value, 0, 1);
                Assert.True(m["rmsea"] >= 0 && m["rmsea.ci.lower"] <= m["rmsea"] && m["rmsea"] <= m["rmsea.ci.upper"], $"{d}: RMSEA interval");
                Assert.All(fit.Parameters.Where(p => p.PValue is not null), p => Assert.InRange(p.PValue!.Value, 0, 1));
            }
        }).Check(Cases);
    }

    // ---- (b) saturated models ----------------------------------------------------------------------------

    [Fact]
    public void Saturated_models_fit_exactly()
    {
        Prop.ForAll(AnyDesign, d =>
        {
            var data = d.Data;
            var x = d.Population.Names;
            // A 3-indicator factor (6 parameters, 6 moments) and two just-identified path models (fixed.x: the
            // covariates' moments are not parameters, the regressions and residual (co)variances take the rest).
            foreach (var model in new[] { $"f =~ {x[0]} + {x[1]} + {x[2]}", $"{x[2]} ~ {x[0]} + {x[1]}", $"{x[1]} ~ {x[0]}\n{x[2]} ~ {x[0]} + {x[1]}" })
            {
                var fit = Sem.Fit(model, data);
                // A one-factor model on two-factor data may still be inadmissible; exactness does not depend on it.
                Assert.True(fit.Converged, $"{d}: {model}");
                Assert.Equal(0, fit.FitMeasures["df"]);
                Assert.True(Math.Abs(fit.FitMeasures["chisq"]!.Value) <= 1e-6, $"{d}: {model}: chisq {fit.FitMeasures["chisq"]}");
                Assert.Equal(1, fit.FitMeasures["cfi"]);
                Assert.True(fit.FitMeasures["srmr"] <= 1e-6);
            }
        }).Check(Cases);
    }

    // ---- (c) order invariance ----------------------------------------------------------------------------

    private static DataSet Reorder(DataSet data, IEnumerable<string> order) =>
        DataSet.FromColumns(order.Select(n => new KeyValuePair<string, double[]>(n, data[n].Values.ToArray())));

    private static void AssertSameSolution(SemFit a, SemFit b, string context)
    {
        AssertClose(a.FitMeasures["chisq"], b.FitMeasures["chisq"], context + " chisq");
        Assert.Equal(a.Parameters.Count, b.Parameters.Count);
        foreach (var p in a.Parameters)
        {
            var q = Row(b, p);
            AssertClose(p.Estimate, q.Estimate, $"{context} {p.Name} est");
            AssertClose(p.StandardError, q.StandardError, $"{context} {p.Name} se");
            AssertClose(p.StdAll, q.StdAll, $"{context} {p.Name} std.all");
        }
    }

    [Fact]
    public void Estimates_do_not_depend_on_the_order_of_columns_statements_or_indicators()
    {
        var arb = (from d in TwoFactors.Generator
                   from columnOrder in Gen.Shuffle(Enumerable.Range(0, 8).ToArray())
                   from rest1 in Gen.Shuffle(new[] { 1, 2, 3 })
                   from rest2 in Gen.Shuffle(new[] { 1, 2, 3 })
                   select (d, columnOrder, rest1, rest2)).ToArbitrary();
        Prop.ForAll(arb, t =>
        {
            var (d, columnOrder, rest1, rest2) = t;
            var data = d.Data;
            var pop = d.Population;
            var fit = Sem.Fit(pop.Syntax, data);

            // Statements in reverse order, indicators after each marker permuted (the marker stays first: it is the
            // identification), and the data's columns in a random order.
            string Statement(int f, int[] perm)
            {
                var ind = pop.Indicators[f];
                var others = perm.Where(i => i < ind.Count).Select(i => ind[i]);
                return $"f{f + 1} =~ {ind[0]} + {string.Join(" + ", others)}";
            }
            string reordered = Statement(1, rest2) + "\n" + Statement(0, rest1);
            var names = pop.Names.ToList();
            var shuffled = Reorder(data, columnOrder.Where(i => i < names.Count).Select(i => names[i]));
            var other = Sem.Fit(reordered, shuffled);
            Assert.Equal(fit.Status, other.Status);
            AssertSameSolution(fit, other, $"{d}: {reordered.Replace('\n', ';')}");
            foreach (var (v, r2) in fit.RSquare) AssertClose(r2, other.RSquare[v], $"{d} R² {v}");
        }).Check(Cases);
    }

    // ---- (d) rescaling a variable ------------------------------------------------------------------------

    [Fact]
    public void Rescaling_an_indicator_rescales_its_parameters_and_nothing_else()
    {
        var arb = (from d in AnyDesign.Generator
                   from c in Gen.Elements(0.01, 0.1, 0.5, 2.0, 3.7, 10.0, 100.0)
                   from which in Gen.Choose(1, 2) // a non-marker indicator of f1
                   select (d, c, which)).ToArbitrary();
        Prop.ForAll(arb, t =>
        {
            var (d, c, which) = t;
            var data = d.Data;
            var pop = d.Population;
            string v = pop.Indicators[0][which];
            var scaled = DataSet.FromColumns(pop.Names.Select(n => new KeyValuePair<string, double[]>(n,
                n == v ? data[n].Values.ToArray().Select(x => c * x).ToArray() : data[n].Values.ToArray())));
            var fit = Sem.Fit(pop.Syntax, data);
            var other = Sem.Fit(pop.Syntax, scaled);
            string ctx = $"{d}, {v} times {c}";

            AssertClose(fit.FitMeasures["chisq"], other.FitMeasures["chisq"], ctx + " chisq");
            foreach (var (name, r2) in fit.RSquare) AssertClose(r2, other.RSquare[name], $"{ctx} R² {name}");
            foreach (var p in fit.Parameters)
            {
                var q = Row(other, p);
                AssertClose(p.StdAll, q.StdAll, $"{ctx} {p.Name} std.all");
                // The loading on v scales by c, v's residual variance by c²; every other parameter is unchanged.
                double factor = p.Op == ModelOperator.MeasuredBy && p.Rhs == v ? c : p.Op == ModelOperator.Covariance && p.Lhs == v && p.Rhs == v ? c * c : 1;
                AssertClose(p.Estimate * factor, q.Estimate, $"{ctx} {p.Name} est");
                AssertClose(p.StandardError * factor, q.StandardError, $"{ctx} {p.Name} se");
            }
        }).Check(Cases);
    }

    [Fact]
    public void Standard_errors_survive_a_change_of_units()
    {
        // HS x2 in thousandths (x2 · 1000): the model is as identified as before, so every SE is still reported, the
        // loading's SE times 1000 and the residual variance's times 10⁶ (the delta method for a linear rescaling).
        var hs = SemLib.Tests.Data.DataCheckTests.Hs();
        DataSet X2Times(double c) => DataSet.FromColumns(new[] { "x1", "x2", "x3" }.Select(n => new KeyValuePair<string, double[]>(n,
            hs[n].Values.ToArray().Select(x => n == "x2" ? c * x : x).ToArray())));
        var fit = Sem.Fit("f =~ x1 + x2 + x3", X2Times(1));
        var scaled = Sem.Fit("f =~ x1 + x2 + x3", X2Times(1000));
        Assert.DoesNotContain(scaled.Warnings, w => w.Message.StartsWith("The information matrix"));
        AssertClose(fit.Parameter("f", "=~", "x2")!.StandardError * 1000, scaled.Parameter("f", "=~", "x2")!.StandardError, "f=~x2 se");
        AssertClose(fit.Parameter("x2", "~~", "x2")!.StandardError * 1e6, scaled.Parameter("x2", "~~", "x2")!.StandardError, "x2~~x2 se");
        AssertClose(fit.Parameter("f", "~~", "f")!.StandardError, scaled.Parameter("f", "~~", "f")!.StandardError, "f~~f se");
    }

    // ---- (e) implied covariance matrix -------------------------------------------------------------------

    [Fact]
    public void The_implied_covariance_matrix_is_symmetric_and_positive_definite()
    {
        Prop.ForAll(AnyDesign, d =>
        {
            var data = d.Data;
            foreach (var (model, options) in new[] { (d.Population.Syntax, ModelOptions.Default), ("g =~ " + string.Join(" + ", d.Population.Names), StdLv) })
            {
                var fit = Sem.Fit(model, data, options);
                Assert.True(fit.Converged, $"{d}: {model}");
                var implied = fit.Implied();
                Assert.Equal(d.Population.Names.Count, implied.Names.Count);
                var sigma = Matrix<double>.Build.DenseOfArray(implied.Covariance);
                for (int i = 0; i < sigma.RowCount; i++)
                    for (int j = 0; j < i; j++)
                        Assert.Equal(sigma[i, j], sigma[j, i]);
                Assert.All(sigma.Evd(Symmetricity.Symmetric).EigenValues, e => Assert.True(e.Real > 0, $"{d}: {model}: eigenvalue {e.Real}"));
                if (fit.Status == FitStatus.Converged)
                    Assert.All(implied.Names, n => Assert.True(implied[n, n] > 0));
            }
        }).Check(Cases);
    }

    // ---- (f) equivalent identifications ------------------------------------------------------------------

    [Fact]
    public void Std_lv_and_marker_identification_give_the_same_fit_and_standardized_solution()
    {
        Prop.ForAll(AnyDesign, d =>
        {
            var data = d.Data;
            var marker = Sem.Fit(d.Population.Syntax, data);
            var stdlv = Sem.Fit(d.Population.Syntax, data, ModelOptions.Default with { StdLv = true });
            Assert.Equal(marker.FitMeasures["npar"], stdlv.FitMeasures["npar"]);
            AssertClose(marker.FitMeasures["chisq"], stdlv.FitMeasures["chisq"], $"{d} chisq");
            foreach (var p in marker.Parameters)
                AssertClose(p.StdAll, Row(stdlv, p).StdAll, $"{d} {p.Name} std.all");
            // The std.lv loadings are the marker loadings times the factor's standard deviation.
            foreach (var (ind, f) in d.Population.Indicators.SelectMany((ind, f) => ind.Select(i => (i, $"f{f + 1}"))))
            {
                double sd = Math.Sqrt(marker.Parameter(f, "~~", f)!.Estimate);
                AssertClose(marker.Parameter(f, "=~", ind)!.Estimate * sd, stdlv.Parameter(f, "=~", ind)!.Estimate, $"{d} {f}=~{ind}");
            }
        }).Check(Cases);
    }
}
