using SemLib.Data;
using SemLib.Syntax;

namespace SemLib.CommonMethod;

/// <summary>
/// Names for the factors and labels the checks add to the user's model (general, method, M, m, mc) that clash with no
/// variable, latent variable, label or data column: the wanted name, or it with a numeric suffix.
/// </summary>
internal sealed class NameSource
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public NameSource(ParsedModel model, DataSet data)
    {
        foreach (var s in model.Statements)
        {
            foreach (var l in s.Lhs) _used.Add(l);
            foreach (var t in s.Terms)
            {
                _used.Add(t.Name);
                if (t.Modifiers.Labels is { } labels) foreach (var l in labels) _used.Add(l);
            }
        }
        foreach (var n in data.Names) _used.Add(n);
    }

    public string Latent(string wanted) => Take(wanted);

    public string Label(string wanted) => Take(wanted);

    private string Take(string wanted)
    {
        string name = wanted;
        for (int k = 2; _used.Contains(name); k++) name = wanted + k;
        _used.Add(name);
        return name;
    }
}
