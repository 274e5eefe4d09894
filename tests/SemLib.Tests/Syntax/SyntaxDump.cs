using System.Globalization;
using SemLib.Syntax;

namespace SemLib.Tests.Syntax;

/// <summary>
/// Structural descriptions of parsed syntax that leave positions out, so that two parses can be compared
/// statement by statement (the records compare their lists by reference and their spans by value).
/// </summary>
internal static class SyntaxDump
{
    public static string Number(double v) => double.IsNaN(v) ? "NA" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An expression as a prefix tree: Num(2), Name(a), Neg(x), Bin(op,l,r), Call(f,args).</summary>
    public static string Of(Expression? e) => e switch
    {
        null => "-",
        NumberExpression n => $"Num({Number(n.Value)})",
        NameExpression n => $"Name({n.Name})",
        UnaryExpression u => $"Neg({Of(u.Operand)})",
        BinaryExpression b => $"Bin({b.Operator},{Of(b.Left)},{Of(b.Right)})",
        CallExpression c => $"Call({c.Function},{string.Join(",", c.Arguments.Select(Of))})",
        _ => throw new InvalidOperationException(e.GetType().Name),
    };

    public static string Of(TermModifiers m) =>
        $"fixed=[{(m.Fixed is null ? "-" : string.Join(",", m.Fixed.Select(Number)))}] " +
        $"labels=[{(m.Labels is null ? "-" : string.Join(",", m.Labels.Select(l => "'" + l + "'")))}] " +
        $"start=[{(m.Start is null ? "-" : string.Join(",", m.Start.Select(Number)))}]";

    public static string Of(ModelStatement s) =>
        $"{s.Operator} lhs=[{string.Join(",", s.Lhs)}] terms=[{string.Join("; ", s.Terms.Select(t => t.Name + " " + Of(t.Modifiers)))}] " +
        $"left={Of(s.Left)} right={Of(s.Right)}";

    public static List<string> Of(ParsedModel m) => m.Statements.Select(Of).ToList();
}
