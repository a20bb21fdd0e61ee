using Handbook.Validator.Findings;

namespace Handbook.Validator.Packaging;

/// <summary>
/// A read-only stream over a decompressing entry stream that stops at a byte budget: an entry whose real
/// size exceeds what its header declared (or the part cap) is a bomb, whatever the header says.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long budget, Func<Finding> overrun) : Stream
{
    private long read;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        read += n;
        if (read > budget) throw new PackageException(overrun());
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
