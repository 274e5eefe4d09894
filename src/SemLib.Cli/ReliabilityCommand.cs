using System.CommandLine;
using System.CommandLine.Parsing;
using SemLib.Data;
using SemLib.Reliability;
using SemLib.Reporting.Json;
using SemLib.Reporting.Text;

namespace SemLib.Cli;

/// <summary>
/// <c>semlib reliability</c>: the scale-validation workflow of <see cref="ReliabilityStudy"/> (psych's alpha per
/// scale, KMO and Bartlett, the one-factor-per-scale CFA with CR, AVE and semTools' omega, Fornell–Larcker, HTMT,
/// optional EFA runs, verdicts) as a readable report or the JSON document of the contract (the shape of
/// reliability/hs.json). Scale definitions that cannot be right whatever the data (a malformed --scale, one item,
/// an item in two scales) are usage errors (exit 2); items missing from the data, constant items and the like are
/// analysis failures (exit 1), as for <c>fit</c>.
/// </summary>
internal sealed class ReliabilityCommand
{
    private static readonly string[] Methods = ["ml", "pa", "minres"];
    private static readonly string[] Rotations = ["none", "varimax", "promax", "oblimin"];

    private readonly Option<string> _data = new("--data")
    {
        Description = "The item responses: a CSV file with a header row of item names; empty cells and NA are missing.",
        HelpName = "DATA.csv",
        Required = true,
    };

    private readonly Option<string[]> _scale = new("--scale")
    {
        Description = "A scale and its items (at least two; each item in one scale only). Repeat the option for more scales.",
        HelpName = "NAME=item1,item2,...",
        Required = true,
    };

    private readonly Option<string[]> _reverse = new("--reverse")
    {
        Description = "Reverse-keyed items, rescored as min + max - x (over the scale's items, as psych::alpha) before anything else.",
        HelpName = "item,item,...",
    };

    private readonly Option<int> _efa = new("--efa")
    {
        Description = "Also run exploratory factor analyses of all items with K factors: by default two, ML + varimax and PA + promax; with --efa-method and/or --rotation, that one.",
        HelpName = "K",
    };

    private readonly Option<string> _efaMethod = new("--efa-method")
    {
        Description = "EFA extraction (psych's fm): ml, pa or minres (default minres, as psych::fa, when only --rotation is given).",
        HelpName = "ml|pa|minres",
    };

    private readonly Option<string> _rotation = new("--rotation")
    {
        Description = "EFA rotation (psych's rotate): none, varimax, promax or oblimin (default oblimin, as psych::fa, when only --efa-method is given).",
        HelpName = "varimax|promax|oblimin|none",
    };

    private readonly EncodingOption _encoding = new();

    private readonly FormatOption _format = new("Output: text (a readable report) or json (the documented JSON document, nothing else on standard output).");

    private readonly Option<bool> _ordinal = new("--ordinal")
    {
        Description = "Treat the items as ordinal: add ordinal alpha (alpha of the polychoric correlations, as psych) and categorical omega (Green & Yang 2009, as semTools' compRelSEM), with the CFA fitted by WLSMV.",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Report progress on standard error, and the stack trace when something fails.",
    };

    public Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("reliability", "Reliability and validity of multi-item scales: alpha and item statistics, KMO/Bartlett, CFA-based CR, AVE and omega, Fornell-Larcker, HTMT, EFA.");
        foreach (var option in new Option[] { _data, _encoding, _scale, _reverse, _efa, _efaMethod, _rotation, _ordinal, _format, _verbose })
            command.Options.Add(option);
        OptionChecks.ExistingFile(_data, "data");
        NumberOptions.Integer(_efa, 1, NumberOptions.MaxFactors);
        OptionChecks.Choice(_efaMethod, Methods, [], null, v => $"--efa-method {v} is not valid; use ml, pa or minres.");
        OptionChecks.Choice(_rotation, Rotations, [], null, v => $"--rotation {v} is not valid; use varimax, promax, oblimin or none.");
        command.Validators.Add(Check);
        command.SetAction(parse => Run(parse, stdout, stderr));
        return command;
    }

    /// <summary>The checks that need more than one option: well-formed scales, disjoint items, EFA options with --efa.</summary>
    private void Check(CommandResult result)
    {
        var scales = result.GetValue(_scale) ?? [];
        var error = Scales(scales, result.GetValue(_reverse) ?? [], out _);
        if (error is not null) result.AddError(error);
        if (!OptionChecks.Given(result.GetResult(_efa)))
        {
            foreach (var option in new Option[] { _efaMethod, _rotation })
                if (OptionChecks.Given(result.GetResult(option))) result.AddError($"{option.Name} only goes with --efa K.");
        }
    }

    /// <summary>Parses the --scale and --reverse values; returns the first problem, or null and the definitions.</summary>
    private static string? Scales(string[] specs, string[] reverse, out List<ScaleDefinition> scales)
    {
        scales = [];
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var parsed = new List<(string Name, string[] Items)>();
        foreach (var spec in specs)
        {
            int eq = spec.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) return $"--scale {MessageText.Quote(spec)} is not valid; write NAME=item1,item2,... (e.g. --scale visual=x1,x2,x3).";
            string name = spec[..eq].Trim();
            if (name.Length == 0) return $"--scale {MessageText.Quote(spec)} has no scale name before '='; write NAME=item1,item2,....";
            var items = spec[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (items.Any(i => i.Length == 0)) return $"--scale {MessageText.Quote(spec)} has an empty item name; separate items with single commas.";
            if (items.Length < 2) return $"--scale {MessageText.Quote(spec)}: scale {MessageText.Quote(name)} has one item ({MessageText.Truncate(items[0])}); a scale needs at least two.";
            if (parsed.Any(p => p.Name == name)) return $"--scale: the scale name {MessageText.Quote(name)} is used twice.";
            var twice = items.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null) return $"--scale {MessageText.Quote(spec)} lists the item {MessageText.Quote(twice.Key)} twice.";
            foreach (var item in items)
            {
                if (owner.TryGetValue(item, out var other)) return $"--scale: the item {MessageText.Quote(item)} is in both scale {MessageText.Quote(other)} and scale {MessageText.Quote(name)}; an item belongs to one scale.";
                owner[item] = name;
            }
            parsed.Add((name, items));
        }
        foreach (var (name, _) in parsed)
        {
            if (owner.TryGetValue(name, out var of))
                return $"--scale: the scale name {MessageText.Quote(name)} is also an item (of scale {MessageText.Quote(of)}); the CFA gives each scale a latent variable of its name, which cannot also be an item. Rename the scale (e.g. --scale {MessageText.Truncate(name)}_scale=...).";
        }
        if (parsed is [var single] && ReliabilityStudy.CfaProblem([new ScaleDefinition(single.Name, single.Items)]) is { } problem)
            return "--scale: " + problem;
        var reversed = reverse.SelectMany(r => r.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (reversed.Any(r => r.Length == 0)) return "--reverse has an empty item name; separate items with single commas.";
        foreach (var r in reversed)
            if (!owner.ContainsKey(r)) return $"--reverse: {MessageText.Quote(r)} is not an item of any --scale.";
        foreach (var (name, items) in parsed)
            scales.Add(new ScaleDefinition(name, items, items.Where(i => reversed.Contains(i, StringComparer.Ordinal)).ToList()));
        return null;
    }

    /// <summary>
    /// The EFA runs: none without --efa; both of the reference's (ML + varimax, PA + promax) when neither method nor
    /// rotation is given; otherwise one run with psych::fa's defaults for what is not given (minres, oblimin).
    /// </summary>
    private List<(int Factors, EfaOptions Options)> EfaRuns(ParseResult parse)
    {
        if (!OptionChecks.Given(parse.GetResult(_efa))) return [];
        int k = parse.GetValue(_efa);
        string? method = parse.GetValue(_efaMethod), rotation = parse.GetValue(_rotation);
        if (method is null && rotation is null)
        {
            return
            [
                (k, new EfaOptions { Extraction = FactorExtraction.MaximumLikelihood, Rotation = FactorRotation.Varimax }),
                (k, new EfaOptions { Extraction = FactorExtraction.PrincipalAxis, Rotation = FactorRotation.Promax }),
            ];
        }
        var extraction = (method ?? "minres").ToLowerInvariant() switch
        {
            "ml" => FactorExtraction.MaximumLikelihood,
            "pa" => FactorExtraction.PrincipalAxis,
            _ => FactorExtraction.MinimumResidual,
        };
        var rotate = Enum.Parse<FactorRotation>(rotation ?? "oblimin", ignoreCase: true);
        return [(k, new EfaOptions { Extraction = extraction, Rotation = rotate })];
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = parse.GetValue(_verbose);
        try
        {
            bool json = _format.Json(parse);
            Scales(parse.GetValue(_scale)!, parse.GetValue(_reverse) ?? [], out var scales);
            string path = parse.GetValue(_data)!;
            var encoding = _encoding.Get(parse);
            var data = OptionChecks.Read(path, "data", () => DataSet.ReadCsv(path, encoding));
            if (verbose) stderr.WriteLine($"semlib reliability: read {path}: {data.RowCount} rows, {data.Names.Count} columns");

            var result = ReliabilityStudy.Run(data, scales, new ReliabilityStudyOptions { EfaRuns = EfaRuns(parse), Ordinal = parse.GetValue(_ordinal) });

            // The whole output is built before anything is written, so it is never half-written.
            string output = json ? ReliabilityJson.ToJson(result) + Environment.NewLine : ReliabilityText.Format(result);
            return CommandOutput.Success("reliability", output, json, result.Warnings, stdout, stderr);
        }
        catch (Exception e)
        {
            return Failures.Report(e, "reliability", null, verbose, stderr);
        }
    }
}
