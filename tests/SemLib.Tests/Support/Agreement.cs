using System.Globalization;
using System.Text;

namespace SemLib.Tests.Support;

/// <summary>
/// Collects comparisons under the project's agreement rule |SemLib − reference| ≤ 1e-3·max(1, |reference|) and
/// fails once with every disagreement listed. A value the reference reports as null (NA in lavaan) must be
/// null in SemLib too.
/// </summary>
public sealed class Agreement
{
    public const double Tolerance = 1e-3;
    private readonly List<string> _failures = [];
    private readonly string _context;

    public Agreement(string context) => _context = context;

    public int Count { get; private set; }

    public void Check(string what, double? actual, double? expected) => Check(what, actual, expected, 0);

    /// <summary>
    /// As <see cref="Check(string, double?, double?)"/> with the tolerance relative to max(1, |reference|,
    /// <paramref name="scale"/>): for a value computed by subtraction (a CI bound est − 1.96·SE of a variance whose SE
    /// is half the estimate), whose own size says nothing of the precision of what it was computed from.
    /// </summary>
    public void Check(string what, double? actual, double? expected, double scale)
    {
        Count++;
        if (expected is null)
        {
            if (actual is not null) _failures.Add($"{what}: reference is null, SemLib gives {Format(actual)}");
            return;
        }
        if (actual is null)
        {
            _failures.Add($"{what}: reference {Format(expected)}, SemLib gives null");
            return;
        }
        double e = expected.Value, a = actual.Value;
        if (!(Math.Abs(a - e) <= Tolerance * Math.Max(Math.Max(1, Math.Abs(e)), scale)))
            _failures.Add($"{what}: reference {Format(e)}, SemLib {Format(a)}");
    }

    public void Fail(string message) => _failures.Add(message);

    public void Assert()
    {
        if (_failures.Count == 0) return;
        var sb = new StringBuilder($"{_context}: {_failures.Count} of {Count} values disagree:\n");
        foreach (var f in _failures.Take(40)) sb.AppendLine("  " + f);
        Xunit.Assert.Fail(sb.ToString());
    }

    private static string Format(double? v) => v?.ToString("G10", CultureInfo.InvariantCulture) ?? "null";
}
