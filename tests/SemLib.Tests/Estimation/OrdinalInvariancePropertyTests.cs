using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SemLib.Data;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Results;
using SemLib.Tests.Support;

namespace SemLib.Tests.Estimation;

/// <summary>
/// Invariance properties of the ordinal estimators (issue 10) on data sets of the random ordinal corpus
/// (Reference/ordinal-corpus: all items ordered, single group; delta and theta parameterization, WLSMV and ULSMV) and
/// the HS five-category items (Reference/ordinal-fit/hs-cfa-wlsmv), each fitted with its case's model and options:
/// <list type="bullet">
/// <item>reversing the category codes of one item (x → min + max − x) is the map y* → −y* of its latent response: χ²,
/// the scaled χ² and every fit measure are unchanged, the item's thresholds become the negated thresholds in reverse
/// order, and its loading changes sign with the same absolute value (in both parameterizations: the residual
/// variance or scale factor of y* does not change); when the item is its factor's marker, the factor is reflected
/// instead: every other loading of that factor changes sign;</item>
/// <item>reordering the columns of the data and the model syntax (statements, and the indicators of each factor,
/// which may change the marker: an equivalent model) leaves χ², the scaled χ² and every fit measure unchanged;</item>
/// <item>recoding an item's categories by a strictly increasing map (1..5 → 10, 20, 35, 50, 90, and random ones) gives
/// identical results: every fit measure and every parameter row.</item>
/// </list>
/// </summary>
/// <remarks>
/// Tolerances: χ², scaled χ² and every fit measure within 1e-6 relative (|a − b| ≤ 1e-6·max(|a|, |b|) + 1e-9: the
/// optimizer stops within ~1e-10 of the minimum of the fit function, and the sample statistics of an equivalent data
/// set are the same up to rounding); parameter estimates, SEs and std.all within 1e-6 relative + 1e-6 absolute (a
/// transformed problem is started from other start values, and an estimate is only determined to ~1e-7 by that
/// stopping rule). The monotone recode is the same problem bit for bit (the categories are the sorted distinct
/// values), so the same tolerances hold there with room to spare.
/// </remarks>
public sealed class OrdinalInvariancePropertyTests
{
    private const double Relative = 1e-6;
    private const double FitAbsolute = 1e-9;
    private const double RobustRelative = 1e-5;
    private const double EstimateAbsolute = 1e-6;

    /// <summary>Cases whose data and model the properties use: every column ordered, one group, lavaan agreement clean.</summary>
    private static readonly string[] Folders =
    [
        "ordinal-fit/hs-cfa-wlsmv",
        "ordinal-corpus/o11-cfa3",
        "ordinal-corpus/o24-cfa2",
        "ordinal-corpus/o06-cfa4-theta",
        "ordinal-corpus/o10-sem2-theta-ulsmv",
        "ordinal-corpus/o34-sem3",
    ];

    private sealed record Problem(string Folder, string Model, DataSet Data, ModelOptions Options, IReadOnlyList<string> Items, SemFit Fit);

    private static readonly Lazy<Problem[]> Problems = new(() => Folders.Select(Load).ToArray());

    private static Problem Load(string folder)
    {
        var c = ReferenceCase.Load(folder);
        var options = c.Options();
        var all = c.Data();
        var items = options.Ordered!.ToList();
        // Only the model's variables: the HS file also holds id, sex, school, ...
        var data = DataSet.FromColumns(items.Select(n => new KeyValuePair<string, double[]>(n, all[n].Values.ToArray())), folder);
        var fit = Sem.Fit(c.Model, data, options);
        Assert.True(fit.Status == FitStatus.Converged, $"{folder}: {fit.Status}");
        return new Problem(folder, c.Model, data, options, items, fit);
    }

    private static Config Cases(int n) => Config.QuickThrowOnFailure.WithMaxTest(n);

    [Fact]
    public void Reversing_an_items_categories_flips_its_loading_and_keeps_the_fit()
    {
        var arb = (from p in Gen.Choose(0, Folders.Length - 1)
                   from item in Gen.Choose(0, 1000)
                   select (Problem: p, Item: item)).ToArbitrary();
        Prop.ForAll(arb, t =>
        {
            var p = Problems.Value[t.Problem];
            string item = p.Items[t.Item % p.Items.Count];
            var codes = p.Data[item].Values.ToArray();
            double lo = codes.Min(), hi = codes.Max();
            var data = Map(p.Data, item, x => lo + hi - x);
            var fit = Sem.Fit(p.Model, data, p.Options);
            var problems = new List<string>();
            SameFitMeasures(p.Fit, fit, problems);
            var marker = p.Fit.Parameters.FirstOrDefault(r => r.Op == ModelOperator.MeasuredBy && r.Rhs == item && r.Free == false);
            foreach (var r in p.Fit.Parameters.Where(r => r.Op == ModelOperator.MeasuredBy))
            {
                var q = fit.Parameter(r.Lhs, r.Op, r.Rhs)!;
                bool flips = marker is null ? r.Rhs == item : r.Lhs == marker.Lhs && r.Rhs != item;
                Close($"{r.Name} est{(flips ? " (sign flipped)" : "")}", flips ? -r.Estimate : r.Estimate, q.Estimate, problems);
                Close($"{r.Name} se", r.StandardError, q.StandardError, problems);
            }
            var th = p.Fit.Parameters.Where(r => r.Op == ModelOperator.Threshold && r.Lhs == item).ToList();
            var th2 = fit.Parameters.Where(r => r.Op == ModelOperator.Threshold && r.Lhs == item).ToList();
            for (int k = 0; k < th.Count; k++)
                Close($"{item}|t{k + 1} = −{item}|t{th.Count - k}", -th[th.Count - 1 - k].Estimate, th2[k].Estimate, problems);
            Report(p, $"reverse the categories of {item} (x -> {lo} + {hi} - x)", fit, problems);
        }).Check(Cases(100));
    }

    [Fact]
    public void Reordering_columns_and_syntax_keeps_the_fit()
    {
        var arb = (from p in Gen.Choose(0, Folders.Length - 1)
                   from seed in Gen.Choose(0, int.MaxValue)
                   select (Problem: p, Seed: seed)).ToArbitrary();
        Prop.ForAll(arb, t =>
        {
            var p = Problems.Value[t.Problem];
            var random = new Random(t.Seed);
            var columns = p.Data.Names.OrderBy(_ => random.Next()).ToList();
            var data = DataSet.FromColumns(columns.Select(n => new KeyValuePair<string, double[]>(n, p.Data[n].Values.ToArray())));
            string model = Shuffle(p.Model, random);
            var fit = Sem.Fit(model, data, p.Options with { Ordered = p.Items.OrderBy(_ => random.Next()).ToList() });
            var problems = new List<string>();
            SameFitMeasures(p.Fit, fit, problems);
            Report(p, $"columns [{string.Join(", ", columns)}], model:\n{model}", fit, problems);
        }).Check(Cases(100));
    }

    [Fact]
    public void Recoding_categories_by_a_monotone_map_gives_identical_results()
    {
        var arb = (from p in Gen.Choose(0, Folders.Length - 1)
                   from item in Gen.Choose(0, 1000)
                   from fixedMap in Gen.Elements(true, false)
                   from steps in Gen.ArrayOf(Gen.Choose(1, 40), 8)
                   select (Problem: p, Item: item, Fixed: fixedMap, Steps: steps)).ToArbitrary();
        Prop.ForAll(arb, t =>
        {
            var p = Problems.Value[t.Problem];
            string item = p.Items[t.Item % p.Items.Count];
            var categories = p.Data[item].Values.ToArray().Distinct().Order().ToList();
            // 1..5 -> 10, 20, 35, 50, 90 (the issue's example) where the item has five categories, else a random increasing
            // integer map from -29 up (SemLib takes integer category codes only)
            double[] target = t.Fixed && categories.Count == 5 ? [10, 20, 35, 50, 90]
                : t.Steps.Take(categories.Count).Select((s, k) => -30.0 + t.Steps.Take(k + 1).Sum()).ToArray();
            var data = Map(p.Data, item, x => target[categories.IndexOf(x)]);
            var fit = Sem.Fit(p.Model, data, p.Options);
            var problems = new List<string>();
            SameFitMeasures(p.Fit, fit, problems);
            foreach (var r in p.Fit.Parameters)
            {
                var q = fit.Parameter(r.Lhs, r.Op, r.Rhs, r.Group);
                if (q is null) { problems.Add($"{r.Name} missing"); continue; }
                Close(r.Name + " est", r.Estimate, q.Estimate, problems);
                Close(r.Name + " se", r.StandardError, q.StandardError, problems);
                Close(r.Name + " std.all", r.StdAll, q.StdAll, problems);
            }
            if (fit.Parameters.Count != p.Fit.Parameters.Count) problems.Add($"{fit.Parameters.Count} vs {p.Fit.Parameters.Count} rows");
            Report(p, $"recode {item}: [{string.Join(", ", categories)}] -> [{string.Join(", ", target.Select(x => Num(x)))}]", fit, problems);
        }).Check(Cases(100));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private static DataSet Map(DataSet data, string name, Func<double, double> f) =>
        DataSet.FromColumns(data.Names.Select(n => new KeyValuePair<string, double[]>(n,
            n == name ? data[n].Values.ToArray().Select(f).ToArray() : data[n].Values.ToArray())));

    /// <summary>The model's statements in random order, the right-hand side of each in random order.</summary>
    private static string Shuffle(string model, Random random)
    {
        var lines = model.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shuffled = lines.Select(line =>
        {
            string op = line.Contains("=~") ? "=~" : "~";
            var parts = line.Split(op, 2);
            var rhs = parts[1].Split('+', StringSplitOptions.TrimEntries).OrderBy(_ => random.Next());
            return $"{parts[0].Trim()} {op} {string.Join(" + ", rhs)}";
        }).OrderBy(_ => random.Next());
        return string.Join("\n", shuffled) + "\n";
    }

    private static void SameFitMeasures(SemFit a, SemFit b, List<string> problems)
    {
        if (b.Status != a.Status) problems.Add($"status {a.Status} vs {b.Status}");
        foreach (var (name, value) in a.FitMeasures)
            if (!b.FitMeasures.TryGetValue(name, out var other)) problems.Add($"fit measure {name} missing");
            else if (!FitClose(value, other, name.EndsWith(".robust", StringComparison.Ordinal) ? RobustRelative : Relative)) problems.Add($"fit {name}: {Num(value)} vs {Num(other)}");
        for (int i = 0; i < a.Tests.Count; i++)
            if (i >= b.Tests.Count || !FitClose(a.Tests[i].Statistic, b.Tests[i].Statistic, Relative))
                problems.Add($"test {a.Tests[i].Name}: {Num(a.Tests[i].Statistic)} vs {(i < b.Tests.Count ? Num(b.Tests[i].Statistic) : "missing")}");
    }

    private static bool FitClose(double? a, double? b, double relative)
    {
        if (a is null || b is null) return a is null && b is null;
        if (double.IsNaN(a.Value) || double.IsNaN(b.Value)) return double.IsNaN(a.Value) && double.IsNaN(b.Value);
        return Math.Abs(a.Value - b.Value) <= relative * Math.Max(Math.Abs(a.Value), Math.Abs(b.Value)) + FitAbsolute;
    }

    private static void Close(string what, double? a, double? b, List<string> problems)
    {
        if (a is null || b is null) { if (a is not null || b is not null) problems.Add($"{what}: {Num(a)} vs {Num(b)}"); return; }
        if (double.IsNaN(a.Value) && double.IsNaN(b.Value)) return;
        if (!(Math.Abs(a.Value - b.Value) <= Relative * Math.Max(Math.Abs(a.Value), Math.Abs(b.Value)) + EstimateAbsolute))
            problems.Add($"{what}: {Num(a)} vs {Num(b)}");
    }

    private static void Report(Problem p, string transformation, SemFit fit, List<string> problems)
    {
        if (problems.Count == 0) return;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{p.Folder}: {transformation}");
        text.AppendLine(CultureInfo.InvariantCulture, $"original {p.Fit.Status} chisq {Num(p.Fit.FitMeasures["chisq"])}, transformed {fit.Status} chisq {Num(fit.FitMeasures["chisq"])}");
        foreach (var x in problems.Take(12)) text.AppendLine("  " + x);
        throw new Xunit.Sdk.XunitException(text.ToString());
    }

    private static string Num(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
