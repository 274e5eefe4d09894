using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SemLib.Cli;

/// <summary>
/// The one place where numeric options are read. System.CommandLine's own conversion of <c>--iter-max abc</c> or
/// <c>--bootstrap 99999999999</c> fails inside validators with an exception (a stack trace and exit 134), and its
/// message does not say what would have been accepted. Every <see cref="Option{T}"/> of <see cref="int"/> or
/// <see cref="double"/> instead gets a parser here that accepts a plain number (invariant culture: <c>1e4</c> is
/// not a whole number) in a stated range, and otherwise reports one line naming the option and the range, which
/// the command line turns into exit code 2. Commands state their ranges with <see cref="Integer"/> and
/// <see cref="Real"/>; <see cref="CoverAll"/> gives every numeric option still without one the full range of its
/// type, so no numeric option can throw.
/// </summary>
internal static class NumberOptions
{
    /// <summary>Largest --bootstrap, --replications and --repeat: a documented hard limit, far above any use (memory is checked as well, see <see cref="MemoryLimits"/>).</summary>
    public const int MaxRepetitions = 10_000_000;

    /// <summary>Largest --efa: far more factors than any item set identifies, small enough for the library's degrees-of-freedom check to stay exact.</summary>
    public const int MaxFactors = 10_000;

    /// <summary>Largest --iter-max (lavaan's default is 10000).</summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>The option takes a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static void Integer(Option<int> option, int minimum, int maximum = int.MaxValue)
    {
        option.CustomParser = r =>
        {
            string text = Text(r);
            if (long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                    CultureInfo.InvariantCulture, out long value) && value >= minimum && value <= maximum)
                return (int)value;
            r.AddError($"{option.Name} '{text}' is not valid; give a whole number {Range(minimum, maximum)}.");
            return default;
        };
    }

    /// <summary>
    /// The option takes a finite number in the range; <paramref name="exclusive"/> makes both ends excluded
    /// (--alpha lies strictly between 0 and 1).
    /// </summary>
    public static void Real(Option<double> option, double minimum, double maximum, bool exclusive = false)
    {
        option.CustomParser = r =>
        {
            string text = Text(r);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
                && (exclusive ? value > minimum && value < maximum : value >= minimum && value <= maximum))
                return value;
            string range = exclusive
                ? $"strictly between {Show(minimum)} and {Show(maximum)}"
                : $"from {Show(minimum)} to {Show(maximum)}";
            r.AddError($"{option.Name} '{text}' is not valid; give a number {range}.");
            return default;
        };
    }

    /// <summary>Every integer or real option of the command tree without a parser of its own gets the full range of its type.</summary>
    public static void CoverAll(Command command)
    {
        foreach (var option in command.Options)
        {
            if (option is Option<int> { CustomParser: null } i) Integer(i, int.MinValue, int.MaxValue);
            else if (option is Option<double> { CustomParser: null } d) Real(d, double.MinValue, double.MaxValue);
        }
        foreach (var sub in command.Subcommands) CoverAll(sub);
    }

    private static string Text(ArgumentResult r) => r.Tokens.Count == 0 ? "" : r.Tokens[^1].Value;

    private static string Range(int minimum, int maximum) => (minimum, maximum) switch
    {
        (> int.MinValue, int.MaxValue) => $"of at least {minimum.ToString(CultureInfo.InvariantCulture)} (at most {maximum.ToString(CultureInfo.InvariantCulture)})",
        _ => $"from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}",
    };

    private static string Show(double v) => v.ToString(CultureInfo.InvariantCulture);
}
