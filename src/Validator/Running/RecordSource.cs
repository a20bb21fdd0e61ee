using System.IO.Compression;
using Handbook.Validator.Findings;
using Handbook.Validator.Packaging;

namespace Handbook.Validator.Running;

/// <summary>One record to validate: a file on disk or an entry of a .zip of records.</summary>
public abstract class RecordSource(string path)
{
    /// <summary>The path shown in reports.</summary>
    public string Path { get; } = path;

    /// <summary>The record's bytes, or (when Problem is not null) the finding why they cannot be read within the limits. Never throws.</summary>
    public (ReadOnlyMemory<byte> Data, Finding? Problem) Read(PackageLimits limits)
    {
        try
        {
            return ReadBytes(limits);
        }
        catch (Exception e)
        {
            return (default, Finding.InternalError(e));
        }
    }

    protected abstract (ReadOnlyMemory<byte> Data, Finding? Problem) ReadBytes(PackageLimits limits);
}

/// <summary>An input that could not be expanded into records (a .zip that does not open): reported as the finding.</summary>
internal sealed class RefusedSource(string path, Finding problem) : RecordSource(path)
{
    protected override (ReadOnlyMemory<byte>, Finding?) ReadBytes(PackageLimits limits) => (default, problem);
}

internal sealed class FileSource(string path, string fullPath) : RecordSource(path)
{
    protected override (ReadOnlyMemory<byte>, Finding?) ReadBytes(PackageLimits limits)
    {
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > limits.MaxFileBytes) return (default, SafePackage.TooLarge(length, limits));
            return (File.ReadAllBytes(fullPath), null);
        }
        catch (IOException e)
        {
            return (default, Finding.Error(Codes.Unreadable, $"无法读取文件：{e.Message}"));
        }
        catch (UnauthorizedAccessException)
        {
            return (default, Finding.Error(Codes.Unreadable, "无权读取该文件"));
        }
    }
}

/// <summary>An entry of a .zip of records; reads share the archive, one at a time.</summary>
internal sealed class ZipEntrySource(string path, ZipArchiveEntry entry, object gate) : RecordSource(path)
{
    protected override (ReadOnlyMemory<byte>, Finding?) ReadBytes(PackageLimits limits)
    {
        if (entry.Length > limits.MaxFileBytes) return (default, SafePackage.TooLarge(entry.Length, limits));
        if (entry.Length >= limits.RatioFloorBytes && entry.Length > (long)limits.MaxRatio * Math.Max(1, entry.CompressedLength))
            return (default, Finding.Error(Codes.ZipBomb, "压缩包中的该文件压缩比异常，疑似“压缩炸弹”，拒绝解压"));
        try
        {
            lock (gate)
            {
                using var stream = entry.Open();
                var data = new byte[entry.Length];
                stream.ReadExactly(data);
                // More bytes than the header declared: the header lies.
                if (stream.ReadByte() >= 0)
                    return (default, Finding.Error(Codes.ZipBomb, "压缩包中的该文件解压后的大小超过声明，疑似“压缩炸弹”，拒绝解压"));
                return (data, null);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return (default, Finding.Error(Codes.CorruptPackage, "压缩包中的该文件已损坏，无法解压"));
        }
    }
}
