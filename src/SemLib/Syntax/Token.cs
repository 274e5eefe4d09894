namespace SemLib.Syntax;

internal enum TokenKind
{
    Identifier,
    Number,
    String,
    MeasuredBy,     // =~
    Formative,      // <~
    Covariance,     // ~~
    Regression,     // ~
    Define,         // :=
    Equal,          // ==
    Less,           // <
    Greater,        // >
    Threshold,      // |
    Colon,          // :
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParen,
    RightParen,
    Comma,
    Newline,        // statement separator: a newline that does not continue the statement, or ';'
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, double Number = 0)
{
    public bool IsModelOperator => Kind is TokenKind.MeasuredBy or TokenKind.Formative or TokenKind.Covariance
        or TokenKind.Regression or TokenKind.Define or TokenKind.Equal or TokenKind.Less or TokenKind.Greater
        or TokenKind.Threshold;

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the model",
        TokenKind.Newline => Text == ";" ? "';'" : "the end of the line",
        TokenKind.Identifier => $"'{Text}'",
        TokenKind.Number => $"the number {Text}",
        TokenKind.String => $"the string \"{Text}\"",
        _ => $"'{Text}'",
    };
}
