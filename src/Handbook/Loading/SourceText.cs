using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Handbook.Loading;

/// <summary>What is wrong with a source file, at a 1-based place in it; the reader of the file reports it.</summary>
internal sealed record SourceProblem(int Line, int Column, string Code, string Message);

/// <summary>
/// Reads a source file as UTF-8 text (a byte order mark skipped). Never throws: a file that cannot be read, is too
/// large or is not UTF-8 gives a problem instead. The bytes go through a pooled buffer: File.ReadAllText allocates a
/// reader, its buffers and a builder for each file, about 2.5 times the text; over 5,000 articles that is 80 MB more for
/// the garbage collector.
/// </summary>
internal static class SourceText
{
    /// <summary>No handbook file comes near this; a larger one is a mistake (or not a handbook file at all).</summary>
    public const int MaxBytes = 8 << 20;

    private static readonly Encoding Gb18030 = GetGb18030();

    /// <summary>C0 control characters other than tab and line ends: no text file has them, a damaged or binary one does.</summary>
    private static readonly SearchValues<char> Controls =
        SearchValues.Create([.. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c)]);

    public static (string? Text, SourceProblem? Problem) Read(string fullPath)
    {
        try
        {
            using var file = File.OpenHandle(fullPath);
            var length = RandomAccess.GetLength(file);
            if (length > MaxBytes)
                return (null, new(1, 1, "limit-exceeded", $"文件过大（{length / 1024 / 1024} MB），手册文件不应超过 {MaxBytes >> 20} MB"));
            var buffer = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                var read = 0;
                for (int n; read < length && (n = RandomAccess.Read(file, buffer.AsSpan(read, (int)length - read), read)) > 0;) read += n;
                return Decode(buffer.AsSpan(0, read));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new(1, 1, "unreadable-file", $"无法读取文件：{e.Message}"));
        }
    }

    public static (string? Text, SourceProblem? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        if (!Utf8.IsValid(bytes)) return (null, NotUtf8(bytes));
        var text = Encoding.UTF8.GetString(bytes);
        var control = text.AsSpan().IndexOfAny(Controls);
        if (control < 0) return (text, null);
        var before = text.AsSpan(0, control);
        return (null, new(before.Count('\n') + 1, control - before.LastIndexOf('\n'), "invalid-encoding",
            $"文件中有控制字符 U+{(int)text[control]:X4}：这不是文本文件，或文件已损坏"));
    }

    private static SourceProblem NotUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new(1, 1, "invalid-encoding", "文件不是 UTF-8 编码（看来是 UTF-16，即记事本的“Unicode”），请另存为 UTF-8");
        var (line, column) = FirstInvalid(bytes);
        var guess = LooksLikeGb18030(bytes) ? "（看来是 GBK/GB18030）" : $"（第 {line} 行第 {column} 列起的字节不是有效的 UTF-8）";
        return new(line, column, "invalid-encoding", $"文件不是 UTF-8 编码{guess}，请另存为 UTF-8");
    }

    /// <summary>The 1-based line and column (in characters) of the first byte that is not UTF-8.</summary>
    private static (int Line, int Column) FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var (line, column) = (1, 1);
        while (System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done)
        {
            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
            bytes = bytes[consumed..];
        }
        return (line, column);
    }

    /// <summary>Whether the bytes are strict GB18030 with Chinese in them, as older Windows editors save Chinese text.</summary>
    private static bool LooksLikeGb18030(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Gb18030.GetString(bytes).Any(c => c is >= '\u4e00' and <= '\u9fff');
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
