namespace SemLib.Reporting.Text;

/// <summary>
/// R's <c>abbreviate()</c> (method "left.kept", <c>use.classes = TRUE</c>), which lavaan's summary uses to fit
/// variable names and labels into its columns. Ported from R's <c>stripchars</c> (src/main/character.c): drop
/// lower-case vowels from the right (word-final ones first), then lower-case letters, then anything but a
/// word's first character, until the name is short enough. Non-strict mode lengthens abbreviations that would
/// collide, as R does.
/// </summary>
internal static class RAbbreviate
{
    /// <summary>Abbreviates each name to at least <paramref name="minLength"/> characters, as R does.</summary>
    public static string[] Abbreviate(IReadOnlyList<string> names, int minLength, bool strict)
    {
        var trimmed = names.Select(n => n.Trim(' ')).ToArray();
        var distinct = trimmed.Distinct(StringComparer.Ordinal).ToArray();
        var x = new string[distinct.Length];
        if (strict)
        {
            for (int i = 0; i < x.Length; i++) x[i] = Strip(distinct[i], minLength);
        }
        else
        {
            var redo = Enumerable.Repeat(true, distinct.Length).ToArray();
            int len = minLength;
            while (true)
            {
                for (int i = 0; i < x.Length; i++)
                    if (redo[i]) x[i] = Strip(distinct[i], len);
                var dup = Duplicated(x);
                if (!dup.Any(d => d)) break;
                len++;
                var dupValues = x.Where((_, i) => dup[i]).ToHashSet(StringComparer.Ordinal);
                for (int i = 0; i < x.Length; i++) redo[i] = dup[i] || dupValues.Contains(x[i]);
            }
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < distinct.Length; i++) map[distinct[i]] = x[i];
        return trimmed.Select(t => map[t]).ToArray();
    }

    private static bool[] Duplicated(string[] x)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return x.Select(v => !seen.Add(v)).ToArray();
    }

    /// <summary>R's <c>stripchars</c> for ASCII text.</summary>
    internal static string Strip(string input, int minLength)
    {
        var b = new List<char>(input.TrimStart());
        if (b.Count < minLength) return Finish(b, minLength);

        // Trailing blanks are cut; inner blanks are counted (they are word boundaries, removed at the end).
        int nspace = 0;
        bool trailing = true;
        for (int i = b.Count - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(b[i]))
            {
                if (trailing) b.RemoveAt(i);
                else nspace++;
            }
            else trailing = false;
            if (b.Count - nspace <= minLength) return Finish(b, minLength);
        }

        bool FirstChar(int i) => char.IsWhiteSpace(b[i - 1]);
        bool LastChar(int i) => !char.IsWhiteSpace(b[i - 1]) && (i + 1 >= b.Count || char.IsWhiteSpace(b[i + 1]));
        bool Vowel(int i) => b[i] is 'a' or 'e' or 'i' or 'o' or 'u';
        bool Lower(int i) => b[i] is >= 'a' and <= 'z';

        var passes = new Func<int, bool>[]
        {
            i => Vowel(i) && LastChar(i),
            i => Vowel(i) && !FirstChar(i),
            i => Lower(i) && LastChar(i),
            i => Lower(i) && !FirstChar(i),
            i => !FirstChar(i) && !char.IsWhiteSpace(b[i]),
        };
        foreach (var remove in passes)
        {
            for (int i = b.Count - 1; i > 0; i--)
            {
                if (i < b.Count && remove(i)) b.RemoveAt(i);
                if (b.Count - nspace <= minLength) return Finish(b, minLength);
            }
        }
        return Finish(b, minLength);
    }

    private static string Finish(List<char> b, int minLength)
    {
        if (b.Count > minLength)
            for (int i = b.Count - 1; i > 0; i--)
                if (char.IsWhiteSpace(b[i])) b.RemoveAt(i);
        return new string(b.ToArray());
    }
}
