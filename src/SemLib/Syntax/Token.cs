namespace SemLib.Syntax;

internal enum TokenKind
{
    Identifier,
    Number,
    String,
    MeasuredBy,     // =~
    Formative,      // <~
    ScalingFactor,  // ~*~ (not supported: scaling factors of categorical indicators)
    GroupWeight,    // % (not supported)
    Question,       // ? (not supported: lavaan's start-value shorthand 0.5?x)
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
        or TokenKind.Threshold or TokenKind.ScalingFactor or TokenKind.GroupWeight;

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the model",
        TokenKind.Newline => Text == ";" ? "';'" : "the end of the line",
        TokenKind.Identifier => MessageText.Quote(Text),
        TokenKind.Number => $"the number {MessageText.Truncate(Text)}",
        TokenKind.String => $"the string \"{MessageText.Truncate(Text)}\"",
        _ => $"'{Text}'",
    };
}
