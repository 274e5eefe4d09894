using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace SemLib.Data;

/// <summary>
/// Reading the text files SemLib is given (data, covariance matrices, model syntax). A byte-order mark decides the
/// encoding (UTF-8, UTF-16 or UTF-32, either byte order); without one the text is the given encoding, by default
/// UTF-8 read strictly: bytes that are not UTF-8 (a GBK export from Chinese Excel or SPSS, a Latin-1 file) are an
/// error saying where they are and what the file probably is, never silent mojibake.
/// </summary>
internal static class TextFile
{
    /// <summary>Strict UTF-8: invalid bytes throw <see cref="DecoderFallbackException"/> instead of becoming U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader of the file: its byte-order mark's encoding, else <paramref name="encoding"/>, else strict UTF-8.</summary>
    public static StreamReader Open(string path, Encoding? encoding = null) =>
        new(path, encoding ?? StrictUtf8, detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// The whole file as text (see <see cref="Open"/>); a file that is not valid UTF-8 throws
    /// <see cref="DataException"/> with "<paramref name="what"/> is not valid UTF-8: ..." (see <see cref="NotUtf8"/>).
    /// </summary>
    public static string ReadAllText(string path, string what, Encoding? encoding = null, bool encodingCanBeGiven = true)
    {
        try
        {
            using var reader = Open(path, encoding);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw new DataException($"{what} {NotUtf8(path, encodingCanBeGiven)}", e);
        }
    }

    /// <summary>True when <paramref name="e"/> or an exception inside it is a decoding failure.</summary>
    public static bool IsDecodingFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is DecoderFallbackException) return true;
        return false;
    }

    /// <summary>
    /// "is not valid UTF-8: line L, byte B of that line is 0xNN. It is probably GBK/GB18030 ...; convert it ...": where
    /// the first invalid byte is and a guess at the encoding (GB18030 when the whole file decodes as GB18030 — GBK is
    /// its subset —, otherwise Latin-1/Windows-1252, which any bytes decode as).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="encodingCanBeGiven">Whether the reader of the message can name the encoding instead of converting the file.</param>
    public static string NotUtf8(string path, bool encodingCanBeGiven = true)
    {
        string Give(string name) => encodingCanBeGiven ? $" or give its encoding (semlib: --encoding {name})" : "";
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutOfMemoryException)
        {
            return $"is not valid UTF-8. Convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8 for a Chinese GBK file){Give("GB18030")}.";
        }
        int bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        long offset = FirstInvalidUtf8(bytes.AsSpan(bom)) + bom;
        if (offset < 0) offset = bom;
        int line = 1;
        long lineStart = 0;
        for (long i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        bool gb = DecodesAsGb18030(bytes);
        string guess = gb
            ? $"GBK/GB18030 (the usual encoding of Chinese Excel and SPSS exports), or else Latin-1/Windows-1252; convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8){Give("GB18030")}"
            : $"Latin-1/Windows-1252; convert it to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8){Give("windows-1252")}";
        return string.Create(CultureInfo.InvariantCulture,
            $"is not valid UTF-8: line {line}, byte {offset - lineStart + 1} of that line is 0x{(offset < bytes.Length ? bytes[offset] : 0):X2}. It is probably {guess}.");
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence, or -1 when all are valid.</summary>
    private static long FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(64 * 1024);
        try
        {
            long done = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(bytes, chars, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                done += read;
                bytes = bytes[read..];
                if (status == OperationStatus.Done) return -1;
                if (status != OperationStatus.DestinationTooSmall) return done;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool DecodesAsGb18030(byte[] bytes)
    {
        try
        {
            var gb = CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            if (gb is null) return false;
            gb.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
