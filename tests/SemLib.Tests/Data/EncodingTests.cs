using System.Text;
using SemLib.Data;

namespace SemLib.Tests.Data;

/// <summary>
/// Issue 8: files that are not UTF-8. A byte-order mark (UTF-8, UTF-16 LE/BE) is honoured; a GBK or Latin-1 file
/// is a <see cref="DataException"/> saying it is not UTF-8, at which line and byte, what it probably is and how to
/// convert it, never mojibake; <see cref="DataSet.ReadCsv(string, Encoding)"/> reads it in its encoding. The files
/// are written by each test; the byte positions are counted by hand in their text.
/// </summary>
public sealed class EncodingTests : IDisposable
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
    private const string Chinese = "满意1,满意2,满意3\n1,2,3\n2,3,5\n3,4,4\n";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "semlib-encoding-" + Guid.NewGuid().ToString("N"));

    public EncodingTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertChinese(DataSet d)
    {
        Assert.Equal(["满意1", "满意2", "满意3"], d.Names);
        Assert.Equal([3.0, 5, 4], d["满意3"].Values.ToArray());
    }

    [Fact]
    public void Byte_order_marks_decide_the_encoding()
    {
        AssertChinese(DataSet.ReadCsv(Write("u8.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Chinese)])));
        AssertChinese(DataSet.ReadCsv(Write("u16le.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Chinese)])));
        AssertChinese(DataSet.ReadCsv(Write("u16be.csv", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Chinese)])));
        AssertChinese(DataSet.ReadCsv(Write("plain.csv", Encoding.UTF8.GetBytes(Chinese))));
    }

    [Fact]
    public void A_gbk_file_is_named_with_line_byte_and_the_fix()
    {
        // The first line is ASCII; line 2 is "1,满意" and its third byte starts the GBK bytes of 满 (0xC2 0xFA).
        var path = Write("gbk.csv", Gb18030.GetBytes("a,b\n1,满意\n"));
        var e = Assert.Throws<DataException>(() => DataSet.ReadCsv(path));
        Assert.StartsWith("gbk.csv is not valid UTF-8: line 2, byte 3 of that line is 0xC2. It is probably GBK/GB18030", e.Message, StringComparison.Ordinal);
        Assert.Contains("iconv -f GB18030 -t UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Contains("--encoding GB18030", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gbk_file_reads_in_its_encoding()
    {
        AssertChinese(DataSet.ReadCsv(Write("gbk.csv", Gb18030.GetBytes(Chinese)), Gb18030));
        // A byte-order mark still decides.
        AssertChinese(DataSet.ReadCsv(Write("u8.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Chinese)]), Gb18030));
        // The covariance reader takes the encoding too.
        var cov = CovarianceData.ReadCsv(Write("cov.csv", Gb18030.GetBytes("满意1,满意2\n1,0.5\n0.5,2\n")), 100, Gb18030);
        Assert.Equal(["满意1", "满意2"], cov.Names);
    }

    [Fact]
    public void A_latin1_file_is_named_as_such()
    {
        // "café," : é is 0xE9 in Latin-1, the 4th byte of line 2; 0xE9 followed by ',' is not GBK either.
        var path = Write("latin.csv", Encoding.Latin1.GetBytes("name,x\ncafé,2\n"));
        var e = Assert.Throws<DataException>(() => DataSet.ReadCsv(path));
        Assert.StartsWith("latin.csv is not valid UTF-8: line 2, byte 4 of that line is 0xE9. It is probably Latin-1/Windows-1252", e.Message, StringComparison.Ordinal);
        Assert.Equal([2.0], DataSet.ReadCsv(path, Encoding.Latin1)["x"].Values.ToArray());
    }

    [Fact]
    public void A_covariance_file_that_is_not_utf8_says_so()
    {
        var path = Write("cov.csv", Gb18030.GetBytes("满意1,满意2\n1,0.5\n0.5,2\n"));
        var e = Assert.Throws<DataException>(() => CovarianceData.ReadCsv(path, 100));
        Assert.Contains("is not valid UTF-8: line 1, byte 1 of that line", e.Message, StringComparison.Ordinal);
    }
}
