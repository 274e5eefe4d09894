using System.Text.Json;
using SemLib.Reliability;
using SemLib.Tests.Support;
using ReliabilityReference = SemLib.Tests.Reliability.Reference;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>semlib reliability</c> against the contract's reference, reliability/hs.json (psych 2.2.9, semTools 0.5.6,
/// lavaan 0.6.14, copied with hs.csv into Reference/reliability): the JSON has hs.json's key set and shape and
/// reproduces every number of it under the project's rule 1e-3·max(1, |ref|), EFA loadings up to factor order and
/// sign. Other expected numbers come from reliability-extra.json (psych on bfi.csv and further EFA runs on hs.csv,
/// written by Reference/scripts/reliability-extra.R). Bad scale definitions are one-line errors with exit code 2,
/// data that cannot be analysed exit code 1.
/// </summary>
public sealed class ReliabilityCliTests : IDisposable
{
    private static readonly string[] HsScales = ["--scale", "visual=x1,x2,x3", "--scale", "textual=x4,x5,x6", "--scale", "speed=x7,x8,x9"];

    /// <summary>hs.json's descriptive fields, which are about the reference file, not results.</summary>
    private static readonly string[] Metadata = ["name", "description", "reference"];

    private readonly TempFiles _files = new();
    private readonly string _hs;

    public ReliabilityCliTests()
    {
        // A copy of the fixture, so the command reads a file of its own.
        _hs = _files.Write("hs.csv", File.ReadAllText(ReliabilityReference.PathOf("hs.csv")));
    }

    public void Dispose() => _files.Dispose();

    private static CliRun Ok(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run;
    }

    [Fact]
    public void Json_has_hs_json_keys_and_reproduces_every_number()
    {
        var run = Ok(["reliability", "--data", _hs, .. HsScales, "--efa", "3", "--format", "json"]);
        Assert.Equal("", run.Stderr);
        var json = run.Json();
        var reference = ReliabilityReference.Json("hs.json");

        // Key set: hs.json's (without its metadata), in its order, plus the contract's omega and the extensions.
        var expectedKeys = reference.EnumerateObject().Select(p => p.Name).Where(n => !Metadata.Contains(n)).ToList();
        var keys = json.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(expectedKeys, keys.Where(k => expectedKeys.Contains(k)));
        Assert.Equal(["omega", "verdicts", "verdict_summary", "warnings"], keys.Except(expectedKeys));

        var agree = new Agreement("semlib reliability --format json, hs.csv against hs.json");
        foreach (var key in expectedKeys.Where(k => k != "efa"))
            Compare(agree, key, json.GetProperty(key), reference.GetProperty(key));
        Assert.Equal(reference.GetProperty("cfa_model").GetString(), json.GetProperty("cfa_model").GetString());

        // The contract's "omega" is semTools' omega, the reference's "omega_semtools".
        Compare(agree, "omega", json.GetProperty("omega"), reference.GetProperty("omega_semtools"));

        // EFA: the same runs (ML + varimax and PA + promax without --efa-method/--rotation), same keys per run.
        var efa = json.GetProperty("efa");
        Assert.Equal(reference.GetProperty("efa").EnumerateObject().Select(p => p.Name), efa.EnumerateObject().Select(p => p.Name));
        foreach (var run1 in reference.GetProperty("efa").EnumerateObject())
        {
            var mine = efa.GetProperty(run1.Name);
            Assert.Equal(run1.Value.EnumerateObject().Select(p => p.Name), mine.EnumerateObject().Select(p => p.Name));
            CompareEfa(agree, "efa." + run1.Name, mine, run1.Value);
        }
        agree.Assert();
        Assert.True(agree.Count > 150, $"only {agree.Count} numbers compared");
        Assert.Empty(json.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Json_verdicts_are_the_librarys_checks()
    {
        var json = Ok(["reliability", "--data", _hs, .. HsScales, "--format", "json"]).Json();
        Assert.False(json.TryGetProperty("efa", out _)); // no --efa, no efa object

        var scales = new[] { new ScaleDefinition("visual", ["x1", "x2", "x3"]), new ScaleDefinition("textual", ["x4", "x5", "x6"]), new ScaleDefinition("speed", ["x7", "x8", "x9"]) };
        var study = ReliabilityStudy.Run(SemLib.Data.DataSet.ReadCsv(_hs), scales);
        var verdicts = json.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(study.Verdicts.Checks.Count, verdicts.Count);
        for (int i = 0; i < verdicts.Count; i++)
        {
            var v = verdicts[i];
            var c = study.Verdicts.Checks[i];
            Assert.Equal(["scale", "item", "other_scale", "criterion", "rule", "value", "threshold", "passed", "citation"], v.EnumerateObject().Select(p => p.Name));
            Assert.Equal(c.Scale, v.GetProperty("scale").GetString());
            Assert.Equal(c.Item, v.GetProperty("item").ValueKind == JsonValueKind.Null ? null : v.GetProperty("item").GetString());
            Assert.Equal(c.Value, v.GetProperty("value").GetDouble());
            Assert.Equal(c.Threshold, v.GetProperty("threshold").GetDouble());
            Assert.Equal(c.Passed, v.GetProperty("passed").GetBoolean());
            Assert.Equal(c.Citation, v.GetProperty("citation").GetString());
        }
        // hs.json: visual's alpha is 0.626 (psych), below Nunnally's .70.
        var alpha = verdicts.First(v => v.GetProperty("criterion").GetString() == "alpha" && v.GetProperty("scale").GetString() == "visual");
        Assert.False(alpha.GetProperty("passed").GetBoolean());
        Assert.Equal(0.7, alpha.GetProperty("threshold").GetDouble());
        Assert.Equal(study.Verdicts.Describe(), json.GetProperty("verdict_summary").GetString());
    }

    [Fact]
    public void Text_report_shows_each_part_with_the_reference_numbers()
    {
        var run = Ok(["reliability", "--data", _hs, .. HsScales, "--efa", "3"]);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Reliability and validity: 3 scales, 9 items, 301 complete rows", lines[0]);
        // hs.json: visual alpha .626, std .627, G6 .535, average r .359, mean 4.425, sd .877, Feldt .547 to .694.
        int visual = lines.IndexOf("Scale 'visual' (x1, x2, x3):");
        Assert.Equal("  alpha  std.alpha  G6(smc)  average_r   mean     sd  95% CI (Feldt)", lines[visual + 2]);
        Assert.Equal("  0.626      0.627    0.535      0.359  4.425  0.877  0.547 to 0.694", lines[visual + 3]);
        // hs.json items_stats of x1: r.drop .449, r.cor .576, alpha if deleted .507.
        Assert.Equal("  x1     0.449  0.576             0.507", lines[visual + 6]);
        // hs.json kmo.overall .752 (Kaiser: middling) and Bartlett chi-square 904.097 on 36 df.
        Assert.Contains("  KMO (Kaiser-Meyer-Olkin)        0.752 (middling)", lines);
        Assert.Contains("  Bartlett's test of sphericity   chi-square = 904.097, df = 36, p < .001", lines);
        // hs.json composite_reliability .626, ave .371, omega_semtools .612, ave_semtools .371 for visual.
        Assert.Contains("  visual   0.626  0.371  0.612           0.371", lines);
        Assert.Contains(lines, l => l.StartsWith("Fornell-Larcker criterion", StringComparison.Ordinal));
        // hs.json htmt: visual-textual .384, visual-speed .387.
        Assert.Contains("  visual    1.000    0.384  0.387", lines);
        Assert.Contains("Exploratory factor analysis (3 factors, ml extraction, varimax rotation):", lines);
        Assert.Contains("Exploratory factor analysis (3 factors, pa extraction, promax rotation):", lines);
        Assert.Contains("  Factor correlations:", lines);
        // 61 checks: 9 items × (corrected item-total r, MSA, CFA loading), 3 scales × (alpha, CR, AVE), 3 HTMT pairs,
        // 3 Fornell-Larcker, KMO, and 2 EFA runs × 9 items' loadings. 9 fail: alpha of visual .626 and speed .688 (< .70),
        // CR .626 and .691 (< .70), AVE .371 and .430 (< .50) (hs.json); x2's CFA loading .424 (< .50; std.all in
        // lavaan/hs-cfa/case.json); the largest EFA loadings of x2 (.489, ml_varimax) and x9 (.477, pa_promax) (hs.json efa).
        int verdicts = lines.IndexOf("Verdicts:");
        Assert.StartsWith("  9 of 61 checks fail: scale 'visual' fails alpha ≥ .70 (0.626; Nunnally 1978)", lines[verdicts + 2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.EndsWith(' '));
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Reverse_keyed_items_and_a_single_scale_match_psych()
    {
        // reliability-extra.json bfi.scales.agreeableness: psych::alpha(bfi[A1:A5], keys = "A1").
        var bfi = _files.Write("bfi.csv", File.ReadAllText(ReliabilityReference.PathOf("bfi.csv")));
        var json = Ok("reliability", "--data", bfi, "--scale", "agreeableness=A1,A2,A3,A4,A5", "--reverse", "A1", "--format", "json").Json();
        var reference = ReliabilityReference.Json("reliability-extra.json").GetProperty("bfi").GetProperty("scales").GetProperty("agreeableness");
        var mine = json.GetProperty("scales").GetProperty("agreeableness");
        var agree = new Agreement("semlib reliability, bfi agreeableness with A1 reversed");
        foreach (var key in new[] { "alpha", "alpha_std", "g6", "average_r", "mean", "sd", "alpha_ci_feldt" })
            Compare(agree, key, mine.GetProperty(key), reference.GetProperty(key));
        // The reference's items_stats has more of psych's columns; the contract's are compared.
        var items = mine.GetProperty("items_stats").EnumerateArray().ToList();
        var refItems = reference.GetProperty("items_stats").EnumerateArray().ToList();
        Assert.Equal(refItems.Count, items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            Assert.Equal(refItems[i].GetProperty("item").GetString(), items[i].GetProperty("item").GetString());
            foreach (var key in new[] { "r_drop", "r_cor", "alpha_if_deleted" })
                Compare(agree, $"items_stats[{i}].{key}", items[i].GetProperty(key), refItems[i].GetProperty(key));
        }
        agree.Assert();
        Assert.Equal(0.703018446057304, mine.GetProperty("alpha").GetDouble(), 6);
        // One scale: no HTMT (it needs two constructs) and no Fornell-Larcker table.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("htmt").ValueKind);
        Assert.Equal(["agreeableness"], json.GetProperty("latent_correlations").GetProperty("names").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public void Efa_method_and_rotation_select_one_run()
    {
        // reliability-extra.json hs_efa.ml_oblimin: psych::fa(hs[x1:x9], 3, fm = "ml", rotate = "oblimin").
        var json = Ok(["reliability", "--data", _hs, .. HsScales, "--efa", "3", "--efa-method", "ml", "--rotation", "oblimin", "--format", "json"]).Json();
        var efa = json.GetProperty("efa");
        Assert.Equal(["ml_oblimin"], efa.EnumerateObject().Select(p => p.Name));
        var reference = ReliabilityReference.Json("reliability-extra.json").GetProperty("hs_efa").GetProperty("ml_oblimin");
        var agree = new Agreement("semlib reliability --efa 3 --efa-method ml --rotation oblimin");
        CompareEfa(agree, "ml_oblimin", efa.GetProperty("ml_oblimin"), reference);
        agree.Assert();

        // Only a rotation: psych::fa's default extraction, minres.
        var minres = Ok(["reliability", "--data", _hs, .. HsScales, "--efa", "3", "--rotation", "varimax", "--format", "json"]).Json();
        Assert.Equal(["minres_varimax"], minres.GetProperty("efa").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData(new[] { "--scale", "visual" }, "--scale 'visual' is not valid; write NAME=item1,item2")]
    [InlineData(new[] { "--scale", "=x1,x2" }, "has no scale name")]
    [InlineData(new[] { "--scale", "visual=x1,,x2" }, "has an empty item name")]
    [InlineData(new[] { "--scale", "visual=x1" }, "scale 'visual' has one item (x1); a scale needs at least two")]
    [InlineData(new[] { "--scale", "visual=x1,x2,x3", "--scale", "other=x3,x4" }, "the item 'x3' is in both scale 'visual' and scale 'other'")]
    [InlineData(new[] { "--scale", "visual=x1,x2", "--scale", "visual=x3,x4" }, "the scale name 'visual' is used twice")]
    [InlineData(new[] { "--scale", "visual=x1,x2,x1" }, "lists the item 'x1' twice")]
    [InlineData(new[] { "--scale", "visual=x1,x2,x3", "--reverse", "x9" }, "--reverse: 'x9' is not an item of any --scale")]
    [InlineData(new[] { "--scale", "visual=x1,x2,x3", "--rotation", "promax" }, "--rotation only goes with --efa K")]
    [InlineData(new[] { "--scale", "visual=x1,x2,x3", "--efa", "2", "--rotation", "quartimax" }, "--rotation quartimax is not valid")]
    [InlineData(new[] { "--scale", "visual=x1,x2,x3", "--efa", "2", "--efa-method", "uls" }, "--efa-method uls is not valid")]
    [InlineData(new[] { "--scale", "visual=x1,x2,x3", "--efa", "0" }, "--efa '0' is not valid; give a whole number from 1 to 10000")]
    // Issue 8: a scale named like an item cannot be the CFA's latent variable; the message is about --scale, not generated syntax.
    [InlineData(new[] { "--scale", "x1=x1,x2,x3" }, "--scale: the scale name 'x1' is also an item (of scale 'x1')")]
    [InlineData(new[] { "--scale", "v=x1,x2,x3", "--scale", "x2s=x4,x5,x6", "--scale", "x5=x7,x8,x9" }, "the scale name 'x5' is also an item (of scale 'x2s')")]
    // Issue 8: one factor with two indicators is not identified alone (4 parameters, 3 moments); the message names the scale.
    [InlineData(new[] { "--scale", "grit=x1,x2" }, "--scale: Scale 'grit' has two items and is the only scale")]
    public void Bad_scale_definitions_are_usage_errors(string[] args, string expected)
    {
        var line = CliRun.Of(["reliability", "--data", _hs, .. args]).AssertOneLineError(2);
        Assert.StartsWith("semlib reliability: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_scale_value_is_echoed_bounded()
    {
        // Issue 8: the first 40 characters and the length, not 100,000 characters on one line.
        var line = CliRun.Of("reliability", "--data", _hs, "--scale", new string('v', 100_000)).AssertOneLineError(2);
        Assert.Contains("--scale 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv…' (100,000 characters) is not valid", line, StringComparison.Ordinal);
        Assert.True(line.Length < 300, $"{line.Length} characters");
    }

    [Fact]
    public void Scale_names_that_are_not_lavaan_names_work_and_results_carry_them()
    {
        // Issue 8: "视觉 量表" (with a blank) and "t (2)" are not lavaan identifiers; the CFA is built, not parsed.
        var json = Ok(["reliability", "--data", _hs, "--scale", "视觉 量表=x1,x2,x3", "--scale", "t (2)=x4,x5,x6", "--format", "json"]).Json();
        var plain = Ok(["reliability", "--data", _hs, "--scale", "visual=x1,x2,x3", "--scale", "textual=x4,x5,x6", "--format", "json"]).Json();
        // The same numbers as under plain names (the names are only names): CR of each scale.
        Assert.Equal(plain.GetProperty("composite_reliability").GetProperty("visual").GetDouble(),
            json.GetProperty("composite_reliability").GetProperty("视觉 量表").GetDouble());
        Assert.Equal(plain.GetProperty("composite_reliability").GetProperty("textual").GetDouble(),
            json.GetProperty("composite_reliability").GetProperty("t (2)").GetDouble());
        Assert.Equal("视觉 量表 =~ x1 + x2 + x3\nt (2) =~ x4 + x5 + x6", json.GetProperty("cfa_model").GetString());
    }

    [Fact]
    public void A_scale_named_like_a_column_that_is_not_its_item_works()
    {
        // x9 is a column of hs.csv but not an item here: the CFA sees only the items' columns.
        var run = Ok("reliability", "--data", _hs, "--scale", "x9=x1,x2,x3", "--scale", "t=x4,x5,x6", "--format", "json");
        Assert.True(run.Json().GetProperty("composite_reliability").GetProperty("x9").GetDouble() > 0);
    }

    [Fact]
    public void A_two_item_scale_is_identified_inside_a_multi_factor_cfa()
    {
        // Issue 8 asked which situation fails: only the lone two-item scale; next to another scale it is fitted.
        var json = Ok("reliability", "--data", _hs, "--scale", "grit=x1,x2", "--scale", "t=x4,x5,x6", "--format", "json").Json();
        Assert.True(json.GetProperty("composite_reliability").TryGetProperty("grit", out _));
    }

    [Fact]
    public void Missing_scale_and_missing_data_file_are_usage_errors()
    {
        Assert.Contains("--scale", CliRun.Of("reliability", "--data", _hs).AssertOneLineError(2), StringComparison.Ordinal);
        var missing = Path.Combine(_files.Root, "nope.csv");
        Assert.Contains(missing, CliRun.Of("reliability", "--data", missing, "--scale", "a=x1,x2,x3").AssertOneLineError(2), StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_missing_from_the_data_cannot_be_analysed()
    {
        var line = CliRun.Of(["reliability", "--data", _hs, "--scale", "visual=x1,x2,x99", "--format", "json"]).AssertOneLineError(1);
        Assert.Contains("'x99'", line, StringComparison.Ordinal);
        Assert.Contains("visual", line, StringComparison.Ordinal);
    }

    [Fact]
    public void More_factors_than_the_items_identify_cannot_be_analysed()
    {
        var line = CliRun.Of("reliability", "--data", _hs, "--scale", "a=x1,x2,x3", "--scale", "b=x4,x5,x6", "--efa", "4").AssertOneLineError(1);
        Assert.StartsWith("semlib reliability: ", line, StringComparison.Ordinal);
    }

    /// <summary>Every number of <paramref name="expected"/> (recursively) against the same place in <paramref name="actual"/>; same keys, same lengths.</summary>
    private static void Compare(Agreement agree, string path, JsonElement actual, JsonElement expected)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(actual.ValueKind == JsonValueKind.Object, $"{path}: expected an object");
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var p in expected.EnumerateObject()) Compare(agree, $"{path}.{p.Name}", actual.GetProperty(p.Name), p.Value);
                break;
            case JsonValueKind.Array:
                Assert.True(actual.ValueKind == JsonValueKind.Array, $"{path}: expected an array");
                var a = actual.EnumerateArray().ToList();
                var e = expected.EnumerateArray().ToList();
                Assert.True(a.Count == e.Count, $"{path}: {a.Count} entries, expected {e.Count}");
                for (int i = 0; i < e.Count; i++) Compare(agree, $"{path}[{i}]", a[i], e[i]);
                break;
            case JsonValueKind.Number:
                agree.Check(path, actual.ValueKind == JsonValueKind.Number ? actual.GetDouble() : null, expected.GetDouble());
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{path}: expected {expected}, got {actual}");
                break;
        }
    }

    /// <summary>EFA runs agree up to the order and sign of the factors (both arbitrary): aligned as the library's EFA tests do.</summary>
    private static void CompareEfa(Agreement agree, string path, JsonElement actual, JsonElement expected)
    {
        Assert.Equal(expected.GetProperty("items").EnumerateArray().Select(i => i.GetString()), actual.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        var reference = ReliabilityReference.Matrix(expected.GetProperty("loadings"));
        var mine = ReliabilityReference.Matrix(actual.GetProperty("loadings"));
        int p = reference.GetLength(0), m = reference.GetLength(1);
        Assert.Equal(p, mine.GetLength(0));
        Assert.Equal(m, mine.GetLength(1));
        var items = Enumerable.Range(0, p).Select(i => $"i{i}").ToList();
        var factors = Enumerable.Range(0, m).Select(j => $"f{j}").ToList();
        var (perm, signs) = Reliability.EfaAlignment.Align(reference, new LabeledMatrix(items, factors, mine));
        for (int i = 0; i < p; i++)
            for (int j = 0; j < m; j++)
                agree.Check($"{path}.loadings[{i}][{j}]", signs[j] * mine[i, perm[j]], reference[i, j]);
        var h2 = actual.GetProperty("communalities").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var refH2 = expected.GetProperty("communalities").EnumerateArray().Select(v => v.GetDouble()).ToList();
        for (int i = 0; i < p; i++) agree.Check($"{path}.communalities[{i}]", h2[i], refH2[i]);
        if (expected.TryGetProperty("factor_correlations", out var refPhi))
        {
            var phi = ReliabilityReference.Matrix(actual.GetProperty("factor_correlations"));
            var rp = ReliabilityReference.Matrix(refPhi);
            for (int a = 0; a < m; a++)
                for (int b = 0; b < m; b++)
                    agree.Check($"{path}.factor_correlations[{a}][{b}]", signs[a] * signs[b] * phi[perm[a], perm[b]], rp[a, b]);
        }
        else
        {
            Assert.False(actual.TryGetProperty("factor_correlations", out _), $"{path}: an orthogonal rotation has no factor correlations");
        }
    }
}
