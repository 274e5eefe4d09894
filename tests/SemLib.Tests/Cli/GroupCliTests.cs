using SemLib.Tests.Support;

namespace SemLib.Tests.Cli;

/// <summary>
/// <c>--group</c> (configural multi-group, with lavaan's default mean structure) against lavaan 0.6.14's
/// <c>cfa(model, data, group = "school")</c>: Reference/cli/hs-cfa-groups/case.json, a copy of the shared case
/// hs-cfa-groups. Every parameter row, fit measure and R² under the project's agreement rule.
/// </summary>
public sealed class GroupCliTests
{
    [Fact]
    public void Configural_two_group_cfa_agrees_with_lavaan()
    {
        var c = ReferenceCase.Load("cli/hs-cfa-groups");
        using var files = new TempFiles();
        var run = CliRun.Of("fit", "--model", files.Model(c), "--data", Path.Combine(c.Folder, "data.csv"), "--group", "school", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = run.Json();
        Assert.Equal([156, 145], json.GetProperty("nobs").EnumerateArray().Select(n => n.GetInt32())); // case.json nobs

        var parameters = json.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(c.Parameters.Count(), parameters.Count);
        var agree = new Agreement("hs-cfa-groups via semlib fit --group school");
        foreach (var expected in c.Parameters)
        {
            var mine = FitJsonCliTests.Find(parameters, expected);
            string name = $"{expected.GetProperty("lhs").GetString()}{expected.GetProperty("op").GetString()}{expected.GetProperty("rhs").GetString()} (group {expected.GetProperty("group").GetInt32()})";
            Assert.Equal(expected.GetProperty("free").GetBoolean(), mine.GetProperty("free").GetBoolean());
            foreach (var key in new[] { "est", "se", "z", "pvalue", "ci.lower", "ci.upper", "std.lv", "std.all" })
                agree.Check($"{name} {key}", ReferenceCase.Number(mine.GetProperty(key)), ReferenceCase.Number(expected.GetProperty(key)));
        }
        var lavaanFit = c.Root.GetProperty("fit_measures").EnumerateObject().ToList();
        Assert.Equal(lavaanFit.Select(m => m.Name), json.GetProperty("fit").EnumerateObject().Select(m => m.Name));
        foreach (var m in lavaanFit)
            agree.Check("fit " + m.Name, ReferenceCase.Number(json.GetProperty("fit").GetProperty(m.Name)), ReferenceCase.Number(m.Value));

        // With groups, r2 is keyed by group label.
        var r2 = json.GetProperty("r2");
        Assert.Equal(["Pasteur", "Grant-White"], r2.EnumerateObject().Select(g => g.Name));
        foreach (var group in c.Root.GetProperty("r2").EnumerateObject())
            foreach (var v in group.Value.EnumerateObject())
                agree.Check($"r2 {group.Name} {v.Name}", r2.GetProperty(group.Name).GetProperty(v.Name).GetDouble(), v.Value.GetDouble());
        agree.Assert();
    }
}
