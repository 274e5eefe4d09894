using System.Globalization;
using System.Text;
using System.Text.Json;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Results;

namespace SemLib.Tests.Specification;

/// <summary>
/// The parameter table against lavaan's: every (lhs, op, rhs, user, free, fixed value, exo, label) row in
/// lavaan's order. Expected tables: Reference/parameter-tables/tables.json, written by
/// Reference/scripts/make-parameter-tables.R from lavaan 0.6.14's <c>parTable(sem(model, data, do.fit = FALSE, ...))</c>.
/// </summary>
public sealed class ParameterTableTests
{
    private static readonly JsonElement Root = Load();

    private static JsonElement Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Reference", "parameter-tables", "tables.json");
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    private static JsonElement Case(string name) =>
        Root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Root.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    internal static ModelOptions OptionsOf(JsonElement c)
    {
        var opts = ModelOptions.Default;
        if (c.GetProperty("call").GetString() == "lavaan") opts = opts with { Kind = ModelKind.Lavaan };
        foreach (var p in c.GetProperty("options").EnumerateObject())
        {
            bool v = p.Value.GetBoolean();
            opts = p.Name switch
            {
                "std.lv" => opts with { StdLv = v },
                "orthogonal" => opts with { Orthogonal = v },
                "meanstructure" => opts with { MeanStructure = v },
                "fixed.x" => opts with { FixedX = v },
                _ => throw new NotSupportedException(p.Name),
            };
        }
        return opts;
    }

    /// <summary>One row as text: "lhs op rhs | user | free or the fixed value | exo | label".</summary>
    private static string Describe(string lhs, string op, string rhs, bool user, bool free, double? value, bool exo, string label) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} | {3} | {4} | {5} | {6}",
            lhs, op, rhs, user ? "user" : "default", free ? "free" : value is double v ? "fixed " + v.ToString("R", CultureInfo.InvariantCulture) : "fixed",
            exo ? "exo" : "", label);

    internal static string Describe(ParameterRow r) =>
        Describe(r.Lhs, r.Op.ToLavaan(), r.Rhs, r.User, r.Free, r.Free || double.IsNaN(r.Value) ? null : r.Value, r.Exogenous, r.Label);

    private static List<string> Expected(JsonElement c) =>
        c.GetProperty("rows").EnumerateArray().Select(r => Describe(
            r.GetProperty("lhs").GetString()!, r.GetProperty("op").GetString()!, r.GetProperty("rhs").GetString()!,
            r.GetProperty("user").GetBoolean(), r.GetProperty("free").GetBoolean(),
            r.GetProperty("value").ValueKind == JsonValueKind.Number ? r.GetProperty("value").GetDouble() : null,
            r.GetProperty("exo").GetBoolean(), r.GetProperty("label").GetString()!)).ToList();

    internal static void AssertSameRows(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string context)
    {
        if (expected.SequenceEqual(actual)) return;
        var sb = new StringBuilder($"{context}: the tables differ.\nexpected (lavaan):\n");
        foreach (var e in expected) sb.AppendLine("  " + e);
        sb.AppendLine("actual (SemLib):");
        foreach (var a in actual) sb.AppendLine("  " + a);
        Assert.Fail(sb.ToString());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rows_and_their_order_agree_with_lavaan(string name)
    {
        var c = Case(name);
        var table = ParameterTable.Build(c.GetProperty("model").GetString()!, OptionsOf(c));
        AssertSameRows(Expected(c), table.Rows.Select(Describe).ToList(), name);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Variable_roles_agree_with_lavaan(string name)
    {
        // Expected: the case's "names", lavaan 0.6.14's lavNames(fit, type) for each role. lavaan lists the covariates
        // under ov.x whatever fixed.x says; SemLib's ObservedExogenous holds only those fixed.x keeps fixed.
        var c = Case(name);
        var options = OptionsOf(c);
        var roles = ParameterTable.Build(c.GetProperty("model").GetString()!, options).Roles;
        List<string> Names(string type) => c.GetProperty("names").GetProperty(type).EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(Names("lv"), roles.Latent);
        Assert.Equal(Names("ov"), roles.Observed);
        Assert.Equal(Names("ov.ind"), roles.ObservedIndicators);
        Assert.Equal(options.FixedXInEffect ? Names("ov.x") : [], roles.ObservedExogenous);
        Assert.Equal(Names("lv.x"), roles.LatentExogenous);
        // Dependent: indicators (observed and latent) and regression outcomes.
        Assert.Equal(Names("ov.ind").Concat(Names("lv.ind")).Concat(Names("eqs.y")).ToHashSet(), roles.Dependent.ToHashSet());
        Assert.Equal(roles.Dependent.Count, roles.Dependent.Distinct().Count());
    }

    [Fact]
    public void The_reference_covers_the_defaults_the_brief_lists()
    {
        // Guards the fixture itself: each default rule is exercised by at least one lavaan table.
        var names = Root.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToHashSet();
        foreach (var required in new[] { "cfa-three-factors", "cfa-three-factors-stdlv", "sem-two-latent-outcomes", "path-multiple-outcomes",
                     "mimic-meanstructure", "single-indicator", "modifier-overrides", "shared-labels", "path-fixed-x-false" })
            Assert.Contains(required, names);
    }

    [Fact]
    public void Marker_loadings_are_fixed_to_one_and_std_lv_frees_them_and_fixes_the_variances()
    {
        // lavaan: cfa(..., std.lv = FALSE) fixes the first loading of each factor at 1; std.lv = TRUE frees it
        // and fixes the factor variance at 1 (tables.json, cases cfa-three-factors and cfa-three-factors-stdlv).
        const string model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6";
        var marker = ParameterTable.Build(model);
        var stdlv = ParameterTable.Build(model, ModelOptions.Default with { StdLv = true });
        foreach (var (f, first) in new[] { ("visual", "x1"), ("textual", "x4") })
        {
            var m = marker.Rows.Single(r => r.Matches(f, ModelOperator.MeasuredBy, first));
            Assert.False(m.Free);
            Assert.Equal(1.0, m.Value);
            Assert.True(marker.Rows.Single(r => r.Matches(f, ModelOperator.Covariance, f)).Free);
            Assert.True(stdlv.Rows.Single(r => r.Matches(f, ModelOperator.MeasuredBy, first)).Free);
            var v = stdlv.Rows.Single(r => r.Matches(f, ModelOperator.Covariance, f));
            Assert.False(v.Free);
            Assert.Equal(1.0, v.Value);
        }
        // Same number of free parameters either way: 2 * (3 loadings + 3 residuals) + 2 variances + 1 covariance - 2 fixed = 13.
        Assert.Equal(13, marker.FreeRowCount);
        Assert.Equal(13, stdlv.FreeRowCount);
    }

    [Fact]
    public void Duplicated_statements_are_one_row_with_a_warning()
    {
        // lavaan 0.6.14 refuses this model ("lavaan ERROR: duplicate model element in: f=~x1+x2");
        // SemLib merges the repeated loadings into one row each and says so.
        var table = ParameterTable.Build("f =~ x1 + x2 + x3\nf =~ x1 + x2");
        Assert.Equal(3, table.Rows.Count(r => r.Op == ModelOperator.MeasuredBy));
        Assert.Equal(2, table.Warnings.Count);
        Assert.Contains(table.Warnings, w => w.Message.Contains("f=~x1") && w.Message.Contains("line 1, column 6") && w.Message.Contains("line 2, column 6"));
        Assert.Contains(table.Warnings, w => w.Message.Contains("f=~x2"));
        Assert.All(table.Warnings, w => Assert.Equal(FitWarningKind.ModelSpecification, w.Kind));
        Assert.Equal([["f=~x1"], ["f=~x2"]], table.Warnings.Select(w => w.Variables));
    }

    [Fact]
    public void A_covariance_written_both_ways_round_is_one_row()
    {
        // lavaan 0.6.14: "duplicate model element in: x2~~x1"; SemLib: one row, a warning.
        var table = ParameterTable.Build("f =~ x1 + x2 + x3\nx1 ~~ x2\nx2 ~~ x1");
        Assert.Single(table.Rows, r => r.Matches("x1", ModelOperator.Covariance, "x2"));
        Assert.Single(table.Warnings);
    }

    [Fact]
    public void A_repeated_parameter_with_a_different_fixed_value_is_reported()
    {
        // lavaan 0.6.14: "duplicate model element in: f=~3*x2". SemLib keeps the later value but must say that
        // the parameter was written twice rather than silently replace 2 by 3.
        var table = ParameterTable.Build("f =~ x1 + 2*x2 + x3\nf =~ 3*x2");
        var row = table.Rows.Single(r => r.Matches("f", ModelOperator.MeasuredBy, "x2"));
        Assert.False(row.Free);
        Assert.Equal(3.0, row.Value);
        Assert.Contains(table.Warnings, w => w.Message.Contains("f=~x2") && w.Message.Contains("twice"));
    }

    [Fact]
    public void Start_values_and_labels_reach_the_rows()
    {
        // start(0.8)*a*x2: free, start 0.8, label a (lavaan: ustart 0.8 stays free, label "a").
        var table = ParameterTable.Build("f =~ x1 + start(0.8)*a*x2 + a*x3");
        var x2 = table.Rows.Single(r => r.Matches("f", ModelOperator.MeasuredBy, "x2"));
        var x3 = table.Rows.Single(r => r.Matches("f", ModelOperator.MeasuredBy, "x3"));
        Assert.True(x2.Free);
        Assert.Equal(0.8, x2.Start);
        Assert.Equal("a", x2.Label);
        Assert.Equal("a", x3.Label);
        Assert.True(double.IsNaN(x3.Start));
    }

    [Fact]
    public void A_label_shared_with_a_fixed_parameter_fixes_all_of_them()
    {
        // f =~ x1 + a*x2 + 0.5*a*x3: both rows labelled a are one parameter; 0.5 fixes it (ParameterTableBuilder.ApplyLabelEqualities).
        var table = ParameterTable.Build("f =~ x1 + a*x2 + 0.5*a*x3");
        foreach (var ind in new[] { "x2", "x3" })
        {
            var r = table.Rows.Single(r => r.Matches("f", ModelOperator.MeasuredBy, ind));
            Assert.False(r.Free);
            Assert.Equal(0.5, r.Value);
        }
    }

    [Fact]
    public void Group_specific_modifiers_need_one_value_per_group()
    {
        // lavaan 0.6.14 with one group: "wrong number of arguments in modifier (a,b) of element f=~x2".
        var ex = Assert.Throws<ModelSyntaxException>(() => ParameterTable.Build("f =~ x1 + c(a,b)*x2 + x3"));
        Assert.Contains("2 values", ex.Message);
        Assert.Contains("1 group", ex.Message);
        Assert.Equal(new SourceSpan(1, 18, 2), ex.Span);
        var two = ParameterTable.Build("f =~ x1 + c(a,b)*x2 + x3", groups: 2);
        Assert.Equal(["a", "b"], two.Rows.Where(r => r.Matches("f", ModelOperator.MeasuredBy, "x2")).Select(r => r.Label));
    }

    [Fact]
    public void One_label_on_a_parameter_of_several_groups_is_reported_once()
    {
        // lavaan reads a*x2 with two groups as the label a in both groups, so the loading is equal across them.
        var two = ParameterTable.Build("f =~ x1 + a*x2 + x3", groups: 2);
        Assert.Equal(["a", "a"], two.Rows.Where(r => r.Matches("f", ModelOperator.MeasuredBy, "x2")).Select(r => r.Label));
        var shared = Assert.Single(two.Warnings);
        Assert.Contains("The label 'a' on f=~x2 is used in every group", shared.Message);
        Assert.Equal(FitWarningKind.ModelSpecification, shared.Kind);
        Assert.Equal(["f=~x2"], shared.Variables);
        Assert.Empty(ParameterTable.Build("f =~ x1 + a*x2 + x3").Warnings);
        Assert.Empty(ParameterTable.Build("f =~ x1 + c(a,b)*x2 + x3", groups: 2).Warnings);
    }

    [Fact]
    public void A_label_fixed_to_two_values_takes_the_first_and_says_so()
    {
        // f =~ x1 + 0.5*a*x2 + 0.7*a*x3: one parameter a, fixed first at 0.5 (ParameterTableBuilder.ApplyLabelEqualities).
        var table = ParameterTable.Build("f =~ x1 + 0.5*a*x2 + 0.7*a*x3");
        Assert.All(table.Rows.Where(r => r.Label == "a"), r => Assert.Equal((false, 0.5), (r.Free, r.Value)));
        var w = Assert.Single(table.Warnings);
        Assert.Equal("Parameters labelled 'a' are fixed to different values; all now take 0.5.", w.Message);
        Assert.Equal(["f=~x2", "f=~x3"], w.Variables);
    }
}
