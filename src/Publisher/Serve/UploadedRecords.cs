using System.Buffers;
using Handbook.Validator.Findings;
using Handbook.Validator.Packaging;
using Handbook.Validator.Running;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Handbook.Publisher.Serve;

/// <summary>
/// The files of one field of a multipart/form-data request, read as the body arrives. ASP.NET's form reader would first
/// buffer the whole body in a growing memory stream and the validator then copy each file out of it: an 18 MB upload
/// cost several large-heap arrays and a few hundred milliseconds. Here each file is read once, into a pooled buffer,
/// and validated there (a fresh array of its size, a large-heap allocation, cost more than reading it); a file over the
/// validator's per-file limit is only counted, not kept, and answered as the validator answers a file on disk of that
/// size. Disposing returns the buffers: the records must not be read after that.
/// </summary>
internal sealed class UploadedRecords : IDisposable
{
    /// <summary>The most files in one request (ASP.NET's form reader allows as many form entries).</summary>
    public const int MaxFiles = 1024;

    // The reader's buffer, where a body of unknown length starts, and the piece a file over the limit is read and dropped in.
    private const int Chunk = 64 * 1024;

    private readonly List<UploadedRecord> _records = [];

    /// <summary>The records in the order sent (at most <see cref="MaxFiles"/> + 1: more are not read).</summary>
    public IReadOnlyList<RecordSource> Records => _records;

    /// <summary>The records of field <paramref name="field"/>; null when the body is not multipart/form-data.</summary>
    /// <exception cref="InvalidDataException">A malformed multipart body.</exception>
    /// <exception cref="IOException">A body cut short.</exception>
    /// <exception cref="BadHttpRequestException">A body over the server's limit, without a Content-Length that said so.</exception>
    public static async Task<UploadedRecords?> Read(HttpRequest request, string field, PackageLimits limits)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return null;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary);
        // RFC 2046 allows 70 characters, as ASP.NET's form reader does.
        if (boundary.Length is 0 or > 70) return null;
        // Its own buffer as large as the piece we read: a 4 KB one (the default) meant thousands of reads for an 18 MB file.
        var reader = new MultipartReader(boundary.ToString(), request.Body, Chunk);
        var uploads = new UploadedRecords();
        try
        {
            // Other fields' sections are skipped by the reader as it looks for the next boundary.
            while (uploads._records.Count <= MaxFiles && await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted) is { } section)
            {
                if (section.AsFileSection() is { } file && file.Name == field)
                    uploads._records.Add(await Record(file, request.ContentLength, limits, request.HttpContext.RequestAborted));
            }
            return uploads;
        }
        catch
        {
            uploads.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var record in _records) record.Dispose();
        _records.Clear();
    }

    private static async Task<UploadedRecord> Record(FileMultipartSection file, long? requestLength, PackageLimits limits, CancellationToken cancel)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        // One byte over the limit is enough to know that the file is too large.
        var keep = (int)Math.Min(limits.MaxFileBytes + 1, Array.MaxLength);
        // The request's length bounds the file's: most requests are read into the first buffer without growing it.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(requestLength ?? Chunk, 1, keep));
        try
        {
            var (kept, length) = (0, 0L);
            while (true)
            {
                if (kept == Math.Min(buffer.Length, keep) && kept < keep)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, keep));
                    buffer.AsSpan(0, kept).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var room = kept < keep ? buffer.AsMemory(kept, Math.Min(buffer.Length, keep) - kept) : buffer.AsMemory(0, Math.Min(buffer.Length, Chunk));
                var read = await file.FileStream!.ReadAsync(room, cancel);
                if (read == 0) break;
                length += read;
                if (kept < keep) kept += read;
            }
            return new UploadedRecord(name, buffer, kept, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>An uploaded file in its pooled buffer: its bytes, or only its length when it is over the per-file limit.</summary>
    private sealed class UploadedRecord(string path, byte[] buffer, int kept, long length) : RecordSource(path), IDisposable
    {
        private byte[]? _buffer = buffer;

        protected override (ReadOnlyMemory<byte> Data, Finding? Problem) ReadBytes(PackageLimits limits)
        {
            if (length > limits.MaxFileBytes) return (default, SafePackage.TooLarge(length, limits));
            ObjectDisposedException.ThrowIf(_buffer is null, this);
            return (_buffer.AsMemory(0, kept), null);
        }

        public void Dispose()
        {
            if (_buffer is null) return;
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
