using System.Globalization;
using System.Text;

namespace SemLib;

/// <summary>
/// The one place where messages echo what the user gave (cell values, column and variable names, lists of names),
/// bounded so that a 60 MB cell or a header of a million names never becomes a 60 MB message: a value is cut to its
/// first <see cref="ValueLength"/> characters with its length said, a list to its first <see cref="ListLength"/>
/// entries with how many more there are, and many warnings of one kind become one warning with a count.
/// Control characters (a newline inside a quoted CSV cell) are shown as blanks, so a message stays on one line.
/// </summary>
internal static class MessageText
{
    /// <summary>How many characters of a value a message shows.</summary>
    public const int ValueLength = 40;

    /// <summary>How many entries of a list a message shows.</summary>
    public const int ListLength = 10;

    /// <summary>The value in single quotes, cut when long: <c>'abc…' (60000000 characters)</c>.</summary>
    public static string Quote(string? value) => Bounded(value, quote: true);

    /// <summary>The value without quotes, cut when long: <c>abc… (60000000 characters)</c>.</summary>
    public static string Truncate(string? value) => Bounded(value, quote: false);

    /// <summary>
    /// The entries separated by commas, each cut as <see cref="Truncate"/> (or <see cref="Quote"/> with
    /// <paramref name="quote"/>); past <paramref name="max"/> entries, "and N more".
    /// </summary>
    public static string List(IEnumerable<string> values, bool quote = false, int max = ListLength)
    {
        ArgumentNullException.ThrowIfNull(values);
        var shown = new List<string>(Math.Min(max, 16));
        int more = 0;
        foreach (var v in values)
        {
            if (shown.Count < max) shown.Add(Bounded(v, quote));
            else more++;
        }
        var text = string.Join(", ", shown);
        return more == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text} and {more:N0} more");
    }

    /// <summary>
    /// Warnings of one kind about many things, as one warning when there are more than a few: each thing's own
    /// warning (<paramref name="one"/>) while there are at most <paramref name="max"/> of them, otherwise one
    /// warning from <paramref name="many"/>, given the count and the first few distinct names (<paramref name="name"/>)
    /// as a <see cref="List"/>.
    /// </summary>
    public static IReadOnlyList<string> Collapse<T>(IReadOnlyList<T> items, Func<T, string> one, Func<int, string, string> many,
        Func<T, string> name, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count <= max) return items.Select(one).ToList();
        return [many(items.Count, List(items.Select(name).Distinct(StringComparer.Ordinal), max: max))];
    }

    /// <summary>A count with thousands separators (invariant culture): 49,991.</summary>
    /// <summary>Messages are one line: newlines inside them become blanks.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bounded(string? value, bool quote)
    {
        value ??= "";
        bool cut = value.Length > ValueLength;
        var shown = cut ? value[..ValueLength] : value;
        // Do not split a surrogate pair.
        if (cut && char.IsHighSurrogate(shown[^1])) shown = shown[..^1];
        var sb = new StringBuilder(shown.Length + 32);
        if (quote) sb.Append('\'');
        foreach (char c in shown) sb.Append(char.IsControl(c) ? ' ' : c);
        if (cut) sb.Append('…');
        if (quote) sb.Append('\'');
        if (cut) sb.Append(CultureInfo.InvariantCulture, $" ({value.Length:N0} characters)");
        return sb.ToString();
    }
}
