using System.Globalization;
using System.Text;

namespace SemLib.Syntax;

/// <summary>
/// Turns lavaan model syntax into tokens. Comments start with <c>#</c> or <c>!</c> and run to the end of the
/// line. A newline ends a statement unless the statement is visibly unfinished (the line ends with an
/// operator, <c>+</c>, <c>*</c>, <c>,</c> or inside parentheses) or the next line starts with <c>+</c> or
/// <c>*</c>; a <c>;</c> always ends a statement.
/// </summary>
internal sealed class SyntaxLexer
{
    private readonly string _text;
    private readonly List<SyntaxDiagnostic> _diagnostics;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private bool _sawReplacement;

    private SyntaxLexer(string text, List<SyntaxDiagnostic> diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    public static List<Token> Tokenize(string text, List<SyntaxDiagnostic> diagnostics)
    {
        var lexer = new SyntaxLexer(text, diagnostics);
        var raw = lexer.ReadAll();
        return JoinContinuations(raw);
    }

    private List<Token> ReadAll()
    {
        var tokens = new List<Token>();
        SourceSpan? lastEnd = null;
        while (true)
        {
            var t = Next();
            if (t.Kind == TokenKind.End)
            {
                // Point at the end of the last statement, not at an empty line after it.
                tokens.Add(lastEnd is { } e ? t with { Span = e } : t);
                return tokens;
            }
            if (t.Kind != TokenKind.Newline || t.Text == ";")
                lastEnd = new SourceSpan(t.Span.Line, t.Span.Column + t.Span.Length, 1);
            tokens.Add(t);
        }
    }

    private SourceSpan SpanAt(int start, int length) => new(_line, start - _lineStart + 1, Math.Max(1, length));

    private Token Next()
    {
        // Unexpected characters are reported and skipped in a loop, not by recursion: a long run of them must not
        // overflow the stack.
        while (true)
        {
            var t = NextOrSkip();
            if (t is { } token) return token;
        }
    }

    /// <summary>The next token, or null after reporting and skipping an unexpected character.</summary>
    private Token? NextOrSkip()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '#' || c == '!')
            {
                while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
                continue;
            }
            if (c == '\n')
            {
                var t = new Token(TokenKind.Newline, "\n", SpanAt(_pos, 1));
                _pos++;
                _line++;
                _lineStart = _pos;
                return t;
            }
            if (char.IsWhiteSpace(c) || (c == '\uFEFF' && _pos == 0)) { _pos++; continue; } // a byte-order mark is not text
            break;
        }
        if (_pos >= _text.Length) return new Token(TokenKind.End, "", SpanAt(_pos, 1));

        int start = _pos;
        char ch = _text[_pos];
        char next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
        char next2 = _pos + 2 < _text.Length ? _text[_pos + 2] : '\0';

        if (IsNameStart(ch, next))
        {
            while (_pos < _text.Length && IsNamePart(_text[_pos])) _pos++;
            string id = _text[start.._pos];
            int bad = id.IndexOf('\uFFFD', StringComparison.Ordinal);
            if (bad >= 0 && !_sawReplacement)
            {
                // Text decoded from a file that was not UTF-8 has many replacement characters, usually in names (they
                // are read as part of the name so that the rest parses): one message says what happened.
                _sawReplacement = true;
                _diagnostics.Add(new SyntaxDiagnostic(SpanAt(start + bad, 1), UnexpectedCharacter("\uFFFD")));
            }
            return new Token(TokenKind.Identifier, id, SpanAt(start, id.Length));
        }
        if (char.IsDigit(ch) || (ch == '.' && char.IsDigit(next)))
        {
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
            if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                int save = _pos;
                _pos++;
                if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
                if (_pos < _text.Length && char.IsDigit(_text[_pos]))
                {
                    while (_pos < _text.Length && char.IsDigit(_text[_pos])) _pos++;
                }
                else
                {
                    _pos = save;
                }
            }
            string num = _text[start.._pos];
            if (!double.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                _diagnostics.Add(new SyntaxDiagnostic(SpanAt(start, num.Length), $"{MessageText.Quote(num)} is not a valid number."));
                value = double.NaN;
            }
            else if (!double.IsFinite(value))
            {
                // .NET reads an overflowing literal as infinity, which no parameter can be fixed at.
                _diagnostics.Add(new SyntaxDiagnostic(SpanAt(start, num.Length), $"{MessageText.Quote(num)} is not a valid number: it is too large."));
                value = double.NaN;
            }
            return new Token(TokenKind.Number, num, SpanAt(start, num.Length), value);
        }
        if (ch == '"' || ch == '\'')
        {
            char quote = ch;
            _pos++;
            var sb = new StringBuilder();
            while (_pos < _text.Length && _text[_pos] != quote && _text[_pos] != '\n')
            {
                sb.Append(_text[_pos]);
                _pos++;
            }
            if (_pos >= _text.Length || _text[_pos] != quote)
            {
                _diagnostics.Add(new SyntaxDiagnostic(SpanAt(start, 1), "The string that starts here is not closed by a matching quote."));
            }
            else
            {
                _pos++;
            }
            return new Token(TokenKind.String, sb.ToString(), SpanAt(start, _pos - start));
        }

        (TokenKind kind, int len) = (ch, next, next2) switch
        {
            ('=', '~', _) => (TokenKind.MeasuredBy, 2),
            ('<', '~', _) => (TokenKind.Formative, 2),
            ('~', '*', '~') => (TokenKind.ScalingFactor, 3),
            ('~', '~', _) => (TokenKind.Covariance, 2),
            ('~', _, _) => (TokenKind.Regression, 1),
            (':', '=', _) => (TokenKind.Define, 2),
            ('=', '=', _) => (TokenKind.Equal, 2),
            ('<', _, _) => (TokenKind.Less, 1),
            ('>', _, _) => (TokenKind.Greater, 1),
            ('|', _, _) => (TokenKind.Threshold, 1),
            ('%', _, _) => (TokenKind.GroupWeight, 1),
            ('?', _, _) => (TokenKind.Question, 1),
            (':', _, _) => (TokenKind.Colon, 1),
            ('+', _, _) => (TokenKind.Plus, 1),
            ('-', _, _) => (TokenKind.Minus, 1),
            ('*', _, _) => (TokenKind.Star, 1),
            ('/', _, _) => (TokenKind.Slash, 1),
            ('^', _, _) => (TokenKind.Caret, 1),
            ('(', _, _) => (TokenKind.LeftParen, 1),
            (')', _, _) => (TokenKind.RightParen, 1),
            (',', _, _) => (TokenKind.Comma, 1),
            (';', _, _) => (TokenKind.Newline, 1),
            _ => ((TokenKind)(-1), 1),
        };
        if ((int)kind == -1)
        {
            int width = char.IsHighSurrogate(ch) && char.IsLowSurrogate(next) ? 2 : 1;
            _diagnostics.Add(new SyntaxDiagnostic(SpanAt(start, width), UnexpectedCharacter(_text.Substring(start, width))));
            _pos += width;
            return null;
        }
        _pos += len;
        return new Token(kind, _text.Substring(start, len), SpanAt(start, len));
    }

    /// <summary>
    /// The message for a character that cannot start a token: the character, and its code point when it is not
    /// printable ASCII (an invisible one must be findable); U+FFFD, what a decoder leaves of bytes that were not
    /// UTF-8, says so.
    /// </summary>
    private static string UnexpectedCharacter(string c)
    {
        int code = c.Length == 2 ? char.ConvertToUtf32(c[0], c[1]) : c[0]; // a lone surrogate is its own code
        if (code == 0xFFFD)
            return "Unexpected character U+FFFD (the replacement character): the text was probably decoded from a file that is not UTF-8 (e.g. GBK/GB18030 or Latin-1); convert the file to UTF-8, e.g. iconv -f GB18030 -t UTF-8.";
        if (code is >= 0x21 and < 0x7F) return $"Unexpected character '{c}'.";
        bool invisible = char.IsControl(c[0]) || char.IsWhiteSpace(c[0]) || (c.Length == 1 && char.IsSurrogate(c[0]))
            || code is (>= 0x200B and <= 0x200F) or 0xFEFF;
        string shown = invisible ? "" : $"'{c}' ";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Unexpected character {shown}(U+{code:X4}).");
    }

    /// <summary>True when a name can start with <paramref name="c"/> followed by <paramref name="next"/>: a letter, '_', or '.' not followed by a digit (or U+FFFD, see <see cref="IsNamePart"/>).</summary>
    internal static bool IsNameStart(char c, char next) => char.IsLetter(c) || c == '_' || (c == '.' && !char.IsDigit(next)) || c == '\uFFFD';

    /// <summary>True when <paramref name="c"/> can continue a name: a letter, a digit, '_' or '.' (and U+FFFD, reported once as undecodable text).</summary>
    internal static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '\uFFFD';

    /// <summary>Drops newlines that do not end a statement and collapses runs of separators.</summary>
    private static List<Token> JoinContinuations(List<Token> raw)
    {
        var result = new List<Token>(raw.Count);
        int depth = 0;
        for (int i = 0; i < raw.Count; i++)
        {
            var t = raw[i];
            if (t.Kind == TokenKind.LeftParen) depth++;
            if (t.Kind == TokenKind.RightParen) depth = Math.Max(0, depth - 1);
            if (t.Kind == TokenKind.Newline && t.Text == "\n")
            {
                if (depth > 0) continue;
                var prev = LastSignificant(result);
                if (prev is { } p && (p.IsModelOperator || p.Kind is TokenKind.Plus or TokenKind.Star or TokenKind.Comma
                    or TokenKind.Minus or TokenKind.Slash or TokenKind.Caret or TokenKind.Define))
                    continue;
                var following = NextSignificant(raw, i + 1);
                if (following is { } f && f.Kind is TokenKind.Plus or TokenKind.Star) continue;
            }
            if (t.Kind == TokenKind.Newline)
            {
                if (result.Count == 0 || result[^1].Kind == TokenKind.Newline) continue;
            }
            result.Add(t);
        }
        if (result.Count >= 2 && result[^2].Kind == TokenKind.Newline)
            result.RemoveAt(result.Count - 2);
        return result;
    }

    private static Token? LastSignificant(List<Token> tokens) =>
        tokens.Count > 0 && tokens[^1].Kind != TokenKind.Newline ? tokens[^1] : null;

    private static Token? NextSignificant(List<Token> tokens, int from)
    {
        for (int i = from; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Newline && tokens[i].Text == "\n") continue;
            return tokens[i];
        }
        return null;
    }
}
