using System.Text;
using ReliabilityReference = SemLib.Tests.Reliability.Reference;

namespace SemLib.Tests.Cli;

/// <summary>
/// Issue 8: input files that are not UTF-8. A GBK model file is a usage error (exit 2) naming the file, the line and
/// byte and the conversion; a GBK data file is an analysis failure (exit 1) that says so, and reads with
/// --encoding GB18030 (fit, reliability); an unknown --encoding is a usage error. The Chinese data are hs.csv's
/// first three columns under Chinese names, so a fit of them runs.
/// </summary>
public sealed class EncodingCliTests : IDisposable
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
    private const string Model = "满意 =~ 满意1 + 满意2 + 满意3\n";

    private readonly TempFiles _files = new();
    private readonly string _gbkData;

    public EncodingCliTests()
    {
        var lines = File.ReadAllLines(ReliabilityReference.PathOf("hs.csv")).Skip(1)
            .Select(l => string.Join(",", l.Split(',').Take(3)));
        _gbkData = Bytes("data.csv", Gb18030.GetBytes("满意1,满意2,满意3\n" + string.Join("\n", lines) + "\n"));
    }

    public void Dispose() => _files.Dispose();

    private string Bytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_files.Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_gbk_model_file_is_a_usage_error_that_says_so()
    {
        var model = Bytes("m.lav", Gb18030.GetBytes("# 模型\n" + Model));
        var utf8Data = _files.Write("d.csv", Encoding.UTF8.GetString(Encoding.Convert(Gb18030, Encoding.UTF8, File.ReadAllBytes(_gbkData))));
        var line = CliRun.Of("fit", "--model", model, "--data", utf8Data).AssertOneLineError(2);
        // Line 1 is "# 模型", in GBK 23 20 C4 A3 D0 CD: C4 A3 (模) happens to be valid UTF-8 (U+0123), D0 CD is not,
        // so the first invalid byte is the 5th, 0xD0.
        Assert.Contains($"The model file '{model}' is not valid UTF-8: line 1, byte 5 of that line is 0xD0", line, StringComparison.Ordinal);
        Assert.Contains("iconv -f GB18030 -t UTF-8", line, StringComparison.Ordinal);
        // A UTF-16 model file with its byte-order mark is read.
        var u16 = Bytes("m16.lav", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Model)]);
        Assert.Equal(0, CliRun.Of("fit", "--model", u16, "--data", utf8Data).ExitCode);
    }

    [Fact]
    public void A_gbk_data_file_says_so_and_reads_with_encoding()
    {
        var model = _files.Write("m.lav", Model);
        var line = CliRun.Of("fit", "--model", model, "--data", _gbkData).AssertOneLineError(1);
        Assert.Contains("data.csv is not valid UTF-8: line 1, byte 1 of that line", line, StringComparison.Ordinal);
        Assert.Contains("--encoding GB18030", line, StringComparison.Ordinal);

        var fit = CliRun.Of("fit", "--model", model, "--data", _gbkData, "--encoding", "GB18030", "--format", "json");
        Assert.True(fit.ExitCode == 0, fit.Stderr);
        var rel = CliRun.Of("reliability", "--data", _gbkData, "--encoding", "gbk", "--scale", "满意=满意1,满意2,满意3", "--format", "json");
        Assert.True(rel.ExitCode == 0, rel.Stderr);
        Assert.True(rel.Json().GetProperty("scales").TryGetProperty("满意", out _));
    }

    [Fact]
    public void An_unknown_encoding_is_a_usage_error()
    {
        var line = CliRun.Of("reliability", "--data", _gbkData, "--encoding", "klingon", "--scale", "s=a,b,c").AssertOneLineError(2);
        Assert.Contains("--encoding klingon is not an encoding this system knows", line, StringComparison.Ordinal);
    }
}
