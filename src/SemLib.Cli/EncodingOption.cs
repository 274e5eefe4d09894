using System.CommandLine;
using System.Text;

namespace SemLib.Cli;

/// <summary>
/// --encoding NAME: the encoding of the data file when it is not UTF-8, e.g. GB18030 (or GBK) for a Chinese Excel or
/// SPSS export, windows-1252 or latin1 for a Western European one. A byte-order mark (UTF-8, UTF-16, UTF-32) decides
/// whatever is given. Names are .NET's (IANA names and the Windows code pages of System.Text.Encoding.CodePages).
/// </summary>
internal sealed class EncodingOption : Option<string>
{
    public EncodingOption() : base("--encoding")
    {
        Description = "The encoding of the data file when it is not UTF-8, e.g. GB18030 (or GBK) for a Chinese Excel/SPSS export, windows-1252 or latin1. A byte-order mark decides whatever is given. Default: UTF-8.";
        HelpName = "NAME";
        Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string>();
            if (name is not null && Resolve(name) is null)
                r.AddError($"--encoding {MessageText.Truncate(name)} is not an encoding this system knows; use e.g. utf-8, GB18030, GBK, Big5, Shift_JIS, windows-1252 or latin1.");
        });
    }

    /// <summary>The encoding given, or null for the default (UTF-8).</summary>
    public Encoding? Get(ParseResult parse) => parse.GetValue(this) is { } name ? Resolve(name) : null;

    private static Encoding? Resolve(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
