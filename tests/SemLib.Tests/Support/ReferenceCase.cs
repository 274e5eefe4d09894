using System.Text.Json;
using SemLib.Data;
using SemLib.Estimation;
using SemLib.Specification;

namespace SemLib.Tests.Support;

/// <summary>
/// A reference case: a lavaan call with its results (case.json + data.csv), copied from the shared reference
/// folder (Reference/lavaan) or produced by Reference/scripts/make-lavaan-cases.R (Reference/lavaan-extra).
/// Every expected number comes from the file's <c>reference</c> tool.
/// </summary>
public sealed class ReferenceCase
{
    private ReferenceCase(string folder, JsonElement root)
    {
        Folder = folder;
        Root = root;
    }

    public string Folder { get; }
    public JsonElement Root { get; }
    public string Name => Root.GetProperty("name").GetString()!;
    public string Model => Root.GetProperty("model").GetString()!;
    public string Reference => Root.GetProperty("reference").GetString()!;

    public static string BaseDirectory => Path.Combine(AppContext.BaseDirectory, "Reference");

    public static ReferenceCase Load(string relativeFolder)
    {
        var folder = Path.Combine(BaseDirectory, relativeFolder);
        using var stream = File.OpenRead(Path.Combine(folder, "case.json"));
        var doc = JsonDocument.Parse(stream);
        return new ReferenceCase(folder, doc.RootElement.Clone());
    }

    /// <summary>Every case folder with a case.json under Reference/lavaan and Reference/lavaan-extra.</summary>
    public static IEnumerable<string> All(params string[] sets) =>
        sets.SelectMany(set => Directory.GetDirectories(Path.Combine(BaseDirectory, set))
            .Where(d => File.Exists(Path.Combine(d, "case.json")))
            .Select(d => Path.Combine(set, Path.GetFileName(d))))
            .OrderBy(x => x, StringComparer.Ordinal);

    public ModelOptions Options()
    {
        var opts = ModelOptions.Default;
        var o = Root.GetProperty("options");
        if (o.ValueKind != JsonValueKind.Object) return opts;
        foreach (var p in o.EnumerateObject())
        {
            opts = p.Name switch
            {
                "std.lv" => opts with { StdLv = p.Value.GetBoolean() },
                "meanstructure" => opts with { MeanStructure = p.Value.GetBoolean() },
                "orthogonal" => opts with { Orthogonal = p.Value.GetBoolean() },
                "estimator" => opts with { Estimator = Enum.Parse<Estimator>(p.Value.GetString()!) },
                "information" => opts with { Information = p.Value.GetString() == "observed" ? InformationType.Observed : InformationType.Expected },
                "group" => opts with { Group = p.Value.GetString() },
                "group.equal" => opts with { GroupEqual = Strings(p.Value) },
                "group.partial" => opts with { GroupPartial = Strings(p.Value) },
                "missing" => opts with { Missing = p.Value.GetString() switch { "ml" => MissingPolicy.ML, "ml.x" => MissingPolicy.MLX, "pairwise" => MissingPolicy.Pairwise, var m => throw new NotSupportedException($"missing = {m}") } },
                "fixed.x" => opts with { FixedX = p.Value.GetBoolean() },
                "ordered" => opts with { Ordered = Strings(p.Value) },
                "parameterization" => opts with { Parameterization = p.Value.GetString() == "theta" ? CategoricalParameterization.Theta : CategoricalParameterization.Delta },
                "cluster" => opts with { Cluster = p.Value.GetString() },
                "test" => opts with { Test = p.Value.GetString() switch
                {
                    "standard" => TestType.Standard,
                    "satorra.bentler" => TestType.SatorraBentler,
                    "yuan.bentler.mplus" => TestType.YuanBentlerMplus,
                    "scaled.shifted" => TestType.ScaledShifted,
                    "mean.var.adjusted" or "satterthwaite" => throw new NotSupportedException($"test {p.Value.GetString()} of case {Name}"),
                    var t => throw new NotSupportedException($"test {t} of case {Name}"),
                } },
                "se" => opts with { StandardErrors = p.Value.GetString() switch
                {
                    "standard" => StandardErrorType.Standard,
                    "robust.sem" => StandardErrorType.RobustSem,
                    "robust.huber.white" => StandardErrorType.RobustHuberWhite,
                    "robust" => StandardErrorType.Robust,
                    var t => throw new NotSupportedException($"se {t} of case {Name}"),
                } },
                _ => throw new NotSupportedException($"Option {p.Name} of case {Name} is not supported by this test."),
            };
        }
        return opts;
    }

    /// <summary>A JSON string or array of strings (jsonlite writes a one-element vector as a plain string).</summary>
    public static IReadOnlyList<string> Strings(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(x => x.GetString()!).ToList() : [e.GetString()!];

    /// <summary>The case's raw data (its <c>data</c> file).</summary>
    public DataSet Data() => DataSet.ReadCsv(Path.Combine(Folder, Root.GetProperty("data").GetString()!));

    public SemFit Fit()
    {
        var options = Options();
        if (Root.GetProperty("data").ValueKind == JsonValueKind.String)
            return Sem.Fit(Model, DataSet.ReadCsv(Path.Combine(Folder, Root.GetProperty("data").GetString()!)), options);
        var sc = Root.GetProperty("sample_cov");
        var names = sc.GetProperty("names").EnumerateArray().Select(x => x.GetString()!).ToList();
        var rows = sc.GetProperty("matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        var m = new double[names.Count, names.Count];
        for (int i = 0; i < names.Count; i++)
            for (int j = 0; j < names.Count; j++) m[i, j] = rows[i][j];
        return Sem.Fit(Model, new CovarianceData(names, m, Root.GetProperty("sample_nobs").GetInt32()), options);
    }

    public IEnumerable<JsonElement> Parameters => Root.GetProperty("parameters").EnumerateArray();

    public static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;
}
